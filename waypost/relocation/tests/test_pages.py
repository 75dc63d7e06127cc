"""The pages and the API end to end: places, a plan from tonight's weather, answer, confirm."""

import pytest
from django.urls import reverse
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.registry.models import Household
from waypost.registry.services import update_household
from waypost.relocation.models import Movement
from waypost.relocation.tests.conftest import household_of
from waypost.safety.tests.factories import household_with, months_old, weather


@pytest.fixture
def family(clerk, camp):
    """A father and his six-month-old in the open-air camp."""
    return household_with(
        by=clerk,
        site=camp,
        others=[{"date_of_birth": months_old(6), "given_name": "Baby"}],
        consents=("assistance", "data_sharing"),
    )


@pytest.fixture
def cold_snap(coordinator, camp):
    # open air at −15 °C and 30 km/h: the infant is critical, the father moderate
    return weather(by=coordinator, site=camp, temperature=-15, wind=30)


def test_from_a_cold_snap_to_a_confirmed_move(
    client, coordinator, camp, shelter_site, family, cold_snap
):
    client.force_login(coordinator)
    places = {
        "site": shelter_site.pk,
        "beds_unheated": 0,
        "beds_heated": 4,
        "beds_accessible": 0,
        "beds_medical": 0,
    }
    assert client.post(reverse("relocation:locations"), places).status_code == 303

    assert client.post(reverse("relocation:plan"), {"origins": [camp.pk]}).status_code == 303
    page = client.get(reverse("relocation:plan")).content.decode()
    assert family.number in page and "Not asked yet" in page and "1 × Critical" in page

    refused = client.post(reverse("relocation:confirm"))
    assert refused.status_code == 422
    assert "not been recorded as informed and agreeing" in refused.content.decode()

    answer_url = reverse("relocation:answer", args=[family.pk]) + "?next=plan"
    informed = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    answered = client.post(
        answer_url, {"informed_at": informed, "language": "ckb", "agreed": "yes"}
    )
    assert answered.status_code == 303 and answered["Location"] == reverse("relocation:plan")

    assert client.post(reverse("relocation:confirm")).status_code == 303
    assert Household.objects.get(pk=family.pk).site == shelter_site
    moved = client.get(reverse("relocation:movements")).content.decode()
    assert family.number in moved
    assert AuditEvent.objects.filter(
        action="viewed", subject_id=str(family.pk), details__via="relocation_movements"
    ).exists()


def test_places_below_the_people_there_come_back_as_422(
    client, coordinator, clerk, camp, shelter, shelter_site
):
    update_household(
        by=clerk, household=household_of(clerk, camp, 3), site=shelter_site, shelter_location=""
    )
    client.force_login(coordinator)
    places = {
        "site": shelter_site.pk,
        "beds_unheated": 0,
        "beds_heated": 2,
        "beds_accessible": 0,
        "beds_medical": 0,
    }
    response = client.post(reverse("relocation:locations"), places)
    assert response.status_code == 422
    assert "has 3 people now" in response.content.decode()


def test_the_api_refuses_with_the_field_named(client, coordinator, shelter, shelter_site, camp):
    client.force_login(coordinator)
    response = client.post(
        "/api/relocation/locations",
        {"site": camp.code, "places": {"unheated": 0, "heated": 1, "accessible": 0, "medical": 0}},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "site"]
    listed = client.get("/api/relocation/locations").json()
    assert listed == [
        {
            "site": "SHL",
            "name": "Family shelter",
            "kind": "shelter",
            "people": 0,
            "over": 0,
            "places": {"unheated": 0, "heated": 4, "accessible": 0, "medical": 1},
            "taken": {"unheated": 0, "heated": 0, "accessible": 0, "medical": 0},
            "free": {"unheated": 0, "heated": 4, "accessible": 0, "medical": 1},
        }
    ]


def test_the_api_plans_answers_and_confirms(client, coordinator, camp, shelter, family, cold_snap):
    client.force_login(coordinator)
    assert client.get("/api/relocation/plan").json() == {"plan": None}
    made = client.post(
        "/api/relocation/plan", {"origins": ["BRZ"]}, content_type="application/json"
    )
    assert made.status_code == 201
    [move] = made.json()["plan"]["moves"]
    assert move["household"] == family.number and move["answer"] == "not_asked"
    assert move["tiers"] == {"critical": 1, "moderate": 1} and move["destination"] == "SHL"
    refused = client.post("/api/relocation/plan/confirm")
    assert refused.status_code == 422 and not Movement.objects.exists()
    answer = {"informed_at": timezone.now().isoformat(), "language": "ar", "agreed": True}
    assert (
        client.post(
            f"/api/relocation/households/{family.pk}/answer",
            answer,
            content_type="application/json",
        ).status_code
        == 201
    )
    [movement] = client.post("/api/relocation/plan/confirm").json()
    assert (movement["origin"], movement["destination"], movement["people"]) == ("BRZ", "SHL", 2)
