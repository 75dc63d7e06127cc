"""A distribution today at the border camp: one household with a card, a warehouse with stock,
an approved plan giving the household blankets and the youngest daughter boots in EU 26.

Plans and entitlements are written directly here: they stand for what the allocation wrote.
Everything else goes through the services.
"""

import pytest
from django.utils import timezone

from waypost.core.roles import Role
from waypost.distribution.models import DistributionPlan, Entitlement, PlanStatus, Reason
from waypost.distribution.services.cards import issue_card
from waypost.distribution.services.points import open_point
from waypost.registry.tests.factories import registered_household
from waypost.stock.models import Item
from waypost.stock.services import create_warehouse, receive_stock


@pytest.fixture
def redcross_logistician(make_persona, redcross):
    return make_persona(redcross, Role.LOGISTICIAN)


@pytest.fixture
def store(redcross_logistician, camp):
    warehouse = create_warehouse(
        by=redcross_logistician, code="BRZ-1", name="Camp store", site=camp
    )
    for item, size, quantity in [
        ("blanket-high-thermal", "", 10),
        ("children-boots", "EU26", 3),
        ("children-boots", "EU28", 2),
    ]:
        receive_stock(
            by=redcross_logistician,
            warehouse=warehouse,
            item=item,
            size=size,
            quantity=quantity,
            unit=Item.objects.get(code=item).unit,
            reference="WB-1",
        )
    return warehouse


@pytest.fixture
def household(unhcr_registrar, camp):
    return registered_household(
        by=unhcr_registrar, site=camp, consents=("assistance", "data_sharing")
    )


def make_plan(*, site, warehouse, by, day=None, status=PlanStatus.APPROVED):
    return DistributionPlan.objects.create(
        site=site,
        distribution_date=day or timezone.localdate(),
        name="Winter round 1",
        status=status,
        approved_at=timezone.now() if status != PlanStatus.DRAFT else None,
        warehouse=warehouse,
        created_by=by,
        rule_set="winter-2021",
    )


def entitle(plan, household, item_code, quantity, *, allocated=None, size=None, individual=None):
    item = Item.objects.get(code=item_code)
    size_row = item.sizes.get(code=size) if size else None
    return Entitlement.objects.create(
        plan=plan,
        household=household,
        individual=individual,
        item=item,
        size=size_row,
        allocated_size=size_row,
        quantity_entitled=quantity,
        quantity_allocated=quantity if allocated is None else allocated,
        reason=Reason.FULL,
    )


@pytest.fixture
def plan(store, camp, redcross_logistician):
    return make_plan(site=camp, warehouse=store, by=redcross_logistician)


@pytest.fixture
def blankets(plan, household):
    return entitle(plan, household, "blanket-high-thermal", 5)


@pytest.fixture
def boots(plan, household):
    sara = household.members.get(given_name="Sara")
    return entitle(plan, household, "children-boots", 1, size="EU26", individual=sara)


@pytest.fixture
def card(redcross_distributor, household):
    return issue_card(by=redcross_distributor, household=household)


@pytest.fixture
def point(redcross_distributor, camp):
    return open_point(by=redcross_distributor, site=camp, name="Table 1")
