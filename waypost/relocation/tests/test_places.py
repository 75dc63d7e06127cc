"""Safe locations and their places: never fewer than the people already there."""

import pytest
from django.core.exceptions import ValidationError

from waypost.core.models import AuditEvent
from waypost.registry.services import update_household
from waypost.relocation.occupancy import occupancy_of
from waypost.relocation.services import set_places
from waypost.relocation.tests.conftest import household_of


def test_a_site_becomes_a_safe_location_with_its_places_audited(coordinator, shelter_site):
    location = set_places(by=coordinator, site=shelter_site, beds={"heated": 4, "medical": 1})
    assert location.beds() == {"unheated": 0, "heated": 4, "accessible": 0, "medical": 1}
    event = AuditEvent.objects.get(subject_id=str(location.pk))
    assert event.action == "created"


def test_only_shelters_centres_and_medical_facilities_are_safe(coordinator, camp):
    with pytest.raises(ValidationError) as refused:
        set_places(by=coordinator, site=camp, beds={"heated": 10})
    assert "site" in refused.value.message_dict


def test_places_below_the_people_already_there_are_refused(
    coordinator, clerk, camp, shelter, shelter_site
):
    family = household_of(clerk, camp, 3)
    update_household(by=clerk, household=family, site=shelter_site, shelter_location="R1")
    [now] = occupancy_of([shelter])
    assert now.people == 3 and now.free == {
        "unheated": 0,
        "heated": 1,
        "accessible": 0,
        "medical": 1,
    }
    version = shelter.version
    with pytest.raises(ValidationError) as refused:
        set_places(by=coordinator, site=shelter_site, beds={"heated": 2})
    assert "has 3 people now" in str(refused.value)
    shelter.refresh_from_db()
    assert shelter.beds_heated == 4 and shelter.version == version
    # exactly as many places as people is fine
    assert (
        set_places(by=coordinator, site=shelter_site, beds={"unheated": 3}).version == version + 1
    )


def test_negative_places_are_refused(coordinator, shelter_site):
    with pytest.raises(ValidationError):
        set_places(by=coordinator, site=shelter_site, beds={"heated": -1})
