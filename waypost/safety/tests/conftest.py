import pytest

from waypost.core.roles import Role
from waypost.sites.models import ShelterType, Site, SiteKind


@pytest.fixture
def coordinator(make_persona, unhcr):
    return make_persona(unhcr, Role.SITE_COORDINATOR)


@pytest.fixture
def tent_camp(db, unhcr):
    return Site.objects.create(
        code="TNT",
        name="Tent camp",
        kind=SiteKind.TRANSIT_SITE,
        shelter_type=ShelterType.TENT,
        capacity=300,
        managed_by=unhcr,
        latitude="53.55800",
        longitude="23.78400",
    )
