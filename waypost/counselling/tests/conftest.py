import pytest

from waypost.core.roles import Role
from waypost.registry.tests.factories import family_of_five, registered_household


@pytest.fixture
def clerk(make_persona, unhcr):
    return make_persona(unhcr, Role.REGISTRATION_CLERK)


@pytest.fixture
def counsellor(make_persona, unhcr):
    return make_persona(unhcr, Role.CASEWORKER, username="counsellor")


@pytest.fixture
def officer(make_persona, unhcr):
    return make_persona(unhcr, Role.PROTECTION_OFFICER, username="officer")


@pytest.fixture
def family(clerk, camp):
    return registered_household(by=clerk, site=camp, members=family_of_five())


@pytest.fixture
def head(family):
    return family.members.get(relationship="head")


@pytest.fixture
def child(family):
    return family.members.filter(relationship="child").order_by("date_of_birth").first()
