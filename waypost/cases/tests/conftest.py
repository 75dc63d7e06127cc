import pytest

from waypost.core.roles import Role
from waypost.registry.tests.factories import registered_household


@pytest.fixture
def household(unhcr_registrar, camp):
    return registered_household(
        by=unhcr_registrar, site=camp, consents=("assistance", "data_sharing")
    )


@pytest.fixture
def person(household):
    return household.members.get(relationship="head")


@pytest.fixture
def unhcr_caseworker(make_persona, unhcr):
    return make_persona(unhcr, Role.CASEWORKER)


@pytest.fixture
def iom_protection_officer(make_persona, iom):
    return make_persona(iom, Role.PROTECTION_OFFICER)
