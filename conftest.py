"""Personas: one user per agency and role, and an outsider, as the tests' cast.

Everything is created through services, so tests only meet states the application can reach.
"""

import pytest

from waypost.core.roles import Role
from waypost.core.services import create_agency, create_user
from waypost.sites.models import ShelterType, Site, SiteKind


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Personas sign in thousands of times; a slow hash only guards real passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def unhcr(db):
    return create_agency(code="unhcr", name="UN Refugee Agency", short_name="UNHCR")


@pytest.fixture
def iom(db):
    return create_agency(
        code="iom", name="International Organization for Migration", short_name="IOM"
    )


@pytest.fixture
def redcross(db):
    return create_agency(code="brc", name="National Red Cross Society", short_name="Red Cross")


@pytest.fixture
def camp(db, unhcr):
    return Site.objects.create(
        code="BRZ",
        name="Border camp",
        kind=SiteKind.MAKESHIFT_CAMP,
        shelter_type=ShelterType.OPEN_AIR,
        capacity=2500,
        managed_by=unhcr,
    )


@pytest.fixture
def warehouse_site(db, redcross):
    return Site.objects.create(
        code="LOG",
        name="Logistics centre",
        kind=SiteKind.LOGISTICS_CENTRE,
        shelter_type=ShelterType.HEATED_BUILDING,
        capacity=1000,
        managed_by=redcross,
    )


@pytest.fixture
def make_persona(db):
    def make(agency, *roles, username=None):
        name = username or f"{agency.code if agency else 'none'}_{'_'.join(roles) or 'norole'}"
        return create_user(username=name, agency=agency, roles=roles, password="pw-for-tests-1")

    return make


@pytest.fixture
def unhcr_registrar(make_persona, unhcr):
    return make_persona(unhcr, Role.REGISTRATION_CLERK)


@pytest.fixture
def unhcr_protection_officer(make_persona, unhcr):
    return make_persona(unhcr, Role.PROTECTION_OFFICER)


@pytest.fixture
def unhcr_admin(make_persona, unhcr):
    return make_persona(unhcr, Role.ADMINISTRATOR)


@pytest.fixture
def iom_caseworker(make_persona, iom):
    return make_persona(iom, Role.CASEWORKER)


@pytest.fixture
def redcross_distributor(make_persona, redcross):
    return make_persona(redcross, Role.DISTRIBUTION_STAFF)


@pytest.fixture
def camp_viewer(make_persona, unhcr):
    return make_persona(unhcr, Role.REPORT_VIEWER)


@pytest.fixture
def outsider(db):
    """Signed in, but with no agency and no role: must see nothing."""
    return create_user(username="outsider", agency=None, roles=[], password="pw-for-tests-1")
