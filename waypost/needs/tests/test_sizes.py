"""Recording a person's shoe and clothing sizes: the page (htmx and without), the API, refusals,
the audit trail, and who may do it."""

import pytest
from django.urls import reverse

from waypost.core.models import AuditEvent
from waypost.core.roles import Purpose
from waypost.needs.models import RecordedSize
from waypost.needs.selectors import compute_needs
from waypost.needs.tests.conftest import COLD
from waypost.registry.tests.factories import registered_household


@pytest.fixture
def ahmed(clerk, camp):
    """Registered by UNHCR; the head agreed to sharing with partners such as the Red Cross."""
    family = registered_household(by=clerk, site=camp, consents=("assistance", "data_sharing"))
    return family.members.get(given_name="Ahmed")


def sizes_url(person):
    return reverse("needs:record_sizes", args=[person.pk])


def recorded(person):
    return dict(RecordedSize.objects.filter(individual=person).values_list("size_system", "code"))


def test_the_person_page_links_to_the_sizes_for_those_who_record_them(client, ahmed, clerk):
    client.force_login(clerk)
    body = client.get(reverse("registry:individual", args=[ahmed.pk])).content.decode()
    assert sizes_url(ahmed) in body


def test_the_person_page_has_no_link_for_those_who_may_not(client, ahmed, unhcr_admin):
    client.force_login(unhcr_admin)
    body = client.get(reverse("registry:individual", args=[ahmed.pk])).content.decode()
    assert sizes_url(ahmed) not in body


def test_the_page_offers_the_catalogue_sizes(client, ahmed, clerk):
    client.force_login(clerk)
    response = client.get(sizes_url(ahmed))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<option value="EU30">' in body
    assert '<option value="adult">' in body


def test_a_clerk_records_both_sizes_and_the_needs_use_them(client, ahmed, clerk, camp):
    client.force_login(clerk)
    response = client.post(sizes_url(ahmed), {"shoe_size": "EU30", "clothing_size": "5-9"})
    assert response.status_code == 303
    assert recorded(ahmed) == {"eu_shoe": "EU30", "age_band": "5-9"}
    events = AuditEvent.objects.filter(action="needs.size_recorded", subject_id=str(ahmed.pk))
    assert {event.purpose for event in events} == {Purpose.REGISTRATION}
    assert {tuple(event.fields) for event in events} == {("size_eu_shoe",), ("size_age_band",)}
    needs = compute_needs(sites=[camp], period_days=7, conditions=COLD)
    boots = {f.size_code for f in needs.figures if f.item.code == "children-boots"}
    assert "EU30" in boots


def test_an_empty_field_keeps_the_size_recorded_before(client, ahmed, clerk):
    client.force_login(clerk)
    client.post(sizes_url(ahmed), {"shoe_size": "EU30", "clothing_size": "5-9"})
    client.post(sizes_url(ahmed), {"shoe_size": "EU32", "clothing_size": ""})
    assert recorded(ahmed) == {"eu_shoe": "EU32", "age_band": "5-9"}


def test_htmx_swaps_the_form_and_says_saved(client, ahmed, redcross_distributor):
    client.force_login(redcross_distributor)
    response = client.post(sizes_url(ahmed), {"shoe_size": "EU28"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "Sizes saved." in body
    assert recorded(ahmed) == {"eu_shoe": "EU28"}
    event = AuditEvent.objects.get(action="needs.size_recorded")
    assert event.purpose == Purpose.DISTRIBUTION  # measured at the distribution table


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"shoe_size": "EU99"}, "Select a valid choice"),
        ({"shoe_size": "EU30", "clothing_size": "XXL"}, "Select a valid choice"),
        ({}, "Choose a shoe size or a clothing size."),
    ],
)
def test_bad_input_is_refused_with_422_and_nothing_written(client, ahmed, clerk, posted, message):
    client.force_login(clerk)
    response = client.post(sizes_url(ahmed), posted)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not RecordedSize.objects.exists()
    assert not AuditEvent.objects.filter(action="needs.size_recorded").exists()


def test_a_logistician_may_not_record_sizes(client, ahmed, logistician):
    client.force_login(logistician)
    assert client.get(sizes_url(ahmed)).status_code == 403
    assert client.post(sizes_url(ahmed), {"shoe_size": "EU30"}).status_code == 403


def test_a_person_the_user_may_not_see_is_not_found(client, make_persona, iom, clerk, camp):
    stranger = registered_household(by=clerk, site=camp, consents=()).members.first()
    other = make_persona(iom, "distribution_staff")
    client.force_login(other)
    assert client.post(sizes_url(stranger), {"shoe_size": "EU30"}).status_code == 404
    assert not RecordedSize.objects.exists()


def api_url(person):
    return f"/api/needs/people/{person.pk}/sizes"


def test_the_api_records_sizes(client, ahmed, redcross_distributor):
    client.force_login(redcross_distributor)
    response = client.post(api_url(ahmed), {"shoe_size": "EU30"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {
        "individual": str(ahmed.pk),
        "shoe_size": "EU30",
        "clothing_size": "",
    }


def test_the_api_refuses_bad_input_naming_the_field(client, ahmed, clerk):
    client.force_login(clerk)
    response = client.post(
        api_url(ahmed),
        {"shoe_size": "EU30", "clothing_size": "XXL"},
        content_type="application/json",
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "clothing_size"]
    assert not RecordedSize.objects.exists()


def test_the_api_refuses_an_empty_request(client, ahmed, clerk):
    client.force_login(clerk)
    response = client.post(api_url(ahmed), {}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]
