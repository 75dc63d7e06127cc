"""Fixtures of the plan tests: a camp with two households, a Red Cross store, a planner.

Import the fixtures into a test module by name; everything is created through services.
"""

from datetime import date

import pytest

from waypost.core.roles import Role
from waypost.distribution.services.plans import LineRequest, create_plan
from waypost.registry.models import Relationship
from waypost.registry.tests.factories import family_of_five, member, registered_household
from waypost.stock.services import create_warehouse, receive_stock

DAY = date(2026, 11, 20)


@pytest.fixture
def planner(make_persona, redcross):
    return make_persona(redcross, Role.LOGISTICIAN)


@pytest.fixture
def store(planner, camp):
    return create_warehouse(by=planner, code="BRZ-1", name="Camp store", site=camp)


def stock(by, warehouse, item, quantity, unit="piece", size=""):
    receive_stock(
        by=by,
        warehouse=warehouse,
        item=item,
        quantity=quantity,
        unit=unit,
        size=size,
        reference="test delivery",
    )


@pytest.fixture
def families(unhcr_registrar, camp):
    """The family of five (a difficult pregnancy, children of 11, 7 and 2) and a single man."""
    five = registered_household(by=unhcr_registrar, site=camp, members=family_of_five())
    single = registered_household(
        by=unhcr_registrar,
        site=camp,
        members=[member(given_name="Karim", relationship=Relationship.HEAD, documents=[])],
    )
    return five, single


def blanket_plan(planner, camp, store, blankets, **more):
    stock(planner, store, "blanket-high-thermal", blankets)
    return create_plan(
        by=planner,
        site=camp,
        distribution_date=DAY,
        name="Winter round 1",
        warehouse=store,
        items=[LineRequest("blanket-high-thermal")],
        **more,
    )
