import pytest

from waypost.core.roles import Role
from waypost.registry.tests.factories import member, registered_household
from waypost.relocation.planner import PersonAtRisk
from waypost.relocation.services import set_places
from waypost.sites.models import ShelterType, Site, SiteKind


@pytest.fixture
def coordinator(make_persona, unhcr):
    return make_persona(unhcr, Role.SITE_COORDINATOR)


@pytest.fixture
def other_coordinator(make_persona, unhcr):
    return make_persona(unhcr, Role.SITE_COORDINATOR, username="second_coordinator")


@pytest.fixture
def clerk(make_persona, unhcr):
    return make_persona(unhcr, Role.REGISTRATION_CLERK)


@pytest.fixture
def shelter_site(unhcr):
    return Site.objects.create(
        code="SHL",
        name="Family shelter",
        kind=SiteKind.SHELTER,
        shelter_type=ShelterType.HEATED_BUILDING,
        capacity=20,
        managed_by=unhcr,
    )


@pytest.fixture
def shelter(coordinator, shelter_site):
    """Four heated places and one medical bed."""
    return set_places(by=coordinator, site=shelter_site, beds={"heated": 4, "medical": 1})


def household_of(clerk, camp, size, *, consents=("assistance", "data_sharing")):
    members = [member()] + [
        member(relationship="child", given_name=f"Child{i}", father_name="Mohammed")
        for i in range(1, size)
    ]
    return registered_household(by=clerk, site=camp, members=members, consents=consents)


def at_risk(household, tier="critical", **needs):
    """Everyone in the household at risk in `tier` with the same needs (heat by default)."""
    needs.setdefault("needs_heated", True)
    return [
        PersonAtRisk(p.pk, household.pk, household.site_id, 9.0, tier, **needs)
        for p in household.members.all()
    ]
