"""What a plan's entitlements name is checked once per plan (the table has no foreign keys in
the database): a missing household or person is refused, and deleting one a plan names is
still refused."""

# ruff: noqa: F811 (the fixtures are imported by name)

import uuid

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from waypost.distribution.allocation.references import check_references
from waypost.distribution.models import Entitlement
from waypost.distribution.services.allocations import allocate_plan
from waypost.distribution.tests.plan_fixtures import (  # noqa: F401 (fixtures)
    blanket_plan,
    families,
    planner,
    store,
)
from waypost.registry.models import Household, Individual


def db_ids(model, ids):
    field = model._meta.pk
    return {field.get_db_prep_value(value, connection) for value in ids}


def test_ids_that_are_rows_pass(families):
    households = db_ids(Household, [household.pk for household in families])
    people = db_ids(Individual, Individual.objects.values_list("pk", flat=True))
    check_references({Household: households, Individual: people})


def test_an_id_that_is_no_row_is_refused(families):
    households = db_ids(Household, [families[0].pk, uuid.uuid4()])
    with pytest.raises(IntegrityError), transaction.atomic():
        check_references({Household: households})


def test_a_household_a_plan_names_cannot_be_deleted(planner, camp, store, families):
    plan = blanket_plan(planner, camp, store, 4)
    allocate_plan(by=planner, plan=plan)
    single = families[1]
    assert Entitlement.objects.filter(plan=plan, household=single).exists()
    with pytest.raises(ProtectedError):
        single.delete()
    assert Household.objects.filter(pk=single.pk).exists()
