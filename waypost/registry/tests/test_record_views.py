"""The pages of one household and one person: reading, correcting, adding, removing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waypost.registry.models import Household
from waypost.registry.services import DocumentData
from waypost.registry.tests.factories import member, registered_household

SHARED = ("assistance", "data_sharing")


@pytest.fixture
def household(unhcr_registrar, camp):
    return registered_household(by=unhcr_registrar, site=camp, consents=SHARED)


@pytest.fixture
def head(household):
    return household.members.get(relationship="head")


def typed_back(form, **changes):
    """What the correction form shows, sent back with some changes."""
    return {k: v for k, v in form.initial.items() if v not in (None, False)} | changes


def test_distribution_staff_of_a_partner_see_neither_pregnancy_nor_needs(
    household, redcross_distributor, client
):
    client.force_login(redcross_distributor)

    page = client.get(reverse("registry:household", args=[household.pk])).content.decode()

    assert "Layla" in page
    for withheld in ("Pregnant", "SM-DP", "+9647501234567", "A1234567", "B-14", "Correct"):
        assert withheld not in page


def test_the_registering_clerk_sees_pregnancy_needs_and_documents(
    household, unhcr_registrar, client
):
    client.force_login(unhcr_registrar)

    page = client.get(reverse("registry:household", args=[household.pk])).content.decode()

    for shown in ("Pregnant", "SM-DP", "+9647501234567", "A1234567", "B-14"):
        assert shown in page
    assert reverse("registry:history", args=[household.pk]) in page


def test_the_individual_page_shows_the_person(household, head, iom_caseworker, client):
    client.force_login(iom_caseworker)

    page = client.get(reverse("registry:individual", args=[head.pk])).content.decode()

    assert "Mohammed Ali Hassan" in page
    assert "A1234567" in page
    assert reverse("registry:edit_member", args=[head.pk]) not in page


def test_a_correction_is_saved_and_shows_in_the_history(household, unhcr_registrar, client):
    sara = household.members.get(given_name="Sara")
    client.force_login(unhcr_registrar)
    url = reverse("registry:edit_member", args=[sara.pk])
    form = client.get(url).context["form"]

    response = client.post(url, typed_back(form, given_name="Sarah"))

    assert response.status_code == 303
    sara.refresh_from_db()
    assert sara.given_name == "Sarah"
    history = client.get(reverse("registry:history", args=[household.pk])).content.decode()
    corrected = history[: history.index("Registered")]
    assert "Corrected" in corrected
    assert "Sara</bdi>" in corrected
    assert "Sarah</bdi>" in corrected


def test_a_refused_correction_changes_nothing(household, unhcr_registrar, client):
    sara = household.members.get(given_name="Sara")
    client.force_login(unhcr_registrar)
    url = reverse("registry:edit_member", args=[sara.pk])
    form = client.get(url).context["form"]

    response = client.post(url, typed_back(form, given_name="Sarah", relationship="head"))

    assert response.status_code == 422
    assert "already has a head" in response.context["form"].errors["relationship"][0]
    sara.refresh_from_db()
    assert sara.given_name == "Sara"


def test_moving_a_household_to_another_site(household, unhcr_registrar, warehouse_site, client):
    client.force_login(unhcr_registrar)

    response = client.post(
        reverse("registry:edit_household", args=[household.pk]),
        {"site": str(warehouse_site.pk), "shelter_location": "Hall 2"},
    )

    assert response.status_code == 303
    household.refresh_from_db()
    assert (household.site, household.shelter_location) == (warehouse_site, "Hall 2")


def test_adding_a_newborn_to_a_household(household, unhcr_registrar, client):
    client.force_login(unhcr_registrar)
    newborn = {"given_name": "Zain", "sex": "M", "date_of_birth": "1m", "consents": "assistance"}

    response = client.post(reverse("registry:add_member", args=[household.pk]), newborn)

    assert response.status_code == 303
    zain = household.members.get(given_name="Zain")
    assert (zain.number, zain.relationship, zain.nationality) == (
        f"{household.number}-06",
        "child",
        "IRQ",
    )
    assert list(zain.consents.values_list("topic", flat=True)) == ["assistance"]


def test_removing_a_member_needs_a_reason(household, unhcr_registrar, client):
    ahmed = household.members.get(given_name="Ahmed")
    client.force_login(unhcr_registrar)
    url = reverse("registry:remove_member", args=[ahmed.pk])

    refused = client.post(url, {"reason": ""})
    removed = client.post(url, {"reason": "Registered twice"})

    assert refused.status_code == 422
    assert removed.status_code == 303
    assert removed["Location"] == reverse("registry:household", args=[household.pk])
    assert household.members.count() == 4


def test_removing_the_last_member_leads_back_to_search(unhcr_registrar, camp, client):
    alone = registered_household(by=unhcr_registrar, site=camp, members=[member()])
    client.force_login(unhcr_registrar)

    response = client.post(
        reverse("registry:remove_member", args=[alone.members.get().pk]),
        {"reason": "Registered by mistake"},
    )

    assert response["Location"] == reverse("registry:search")
    assert not Household.objects.exists()


def test_the_head_cannot_be_removed_before_the_others(household, head, unhcr_registrar, client):
    client.force_login(unhcr_registrar)

    response = client.post(
        reverse("registry:remove_member", args=[head.pk]), {"reason": "Registered twice"}
    )

    assert response.status_code == 422
    assert "Make another member head" in response.context["form"].errors["reason"][0]


def test_a_passport_already_held_is_refused_when_adding_a_member(
    household, unhcr_registrar, client
):
    client.force_login(unhcr_registrar)
    other = registered_household(
        by=unhcr_registrar,
        site=household.site,
        members=[member(given_name="Omar", documents=[DocumentData("passport", "B77", "SYR")])],
    )
    typed = {"given_name": "Omar", "sex": "M", "date_of_birth": "30", "nationality": "SYR"}
    typed |= {"document_type": "passport", "document_number": "B77"}

    response = client.post(reverse("registry:add_member", args=[household.pk]), typed)

    assert response.status_code == 422
    assert other.number in response.context["form"].errors["document_number"][0]


def test_the_household_page_needs_no_query_per_member(household, unhcr_registrar, client):
    alone = registered_household(
        by=unhcr_registrar, site=household.site, members=[member(given_name="Omar")]
    )
    client.force_login(unhcr_registrar)

    counts = []
    for shown in (alone, household):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("registry:household", args=[shown.pk]))
        counts.append(len(queries))

    assert counts[0] == counts[1]
