"""The case pages: opening a case, a step refused in place, the caseload, htmx partials."""

import json
from datetime import date

import pytest
from django.urls import reverse

from waypost.cases import services
from waypost.cases.models import Case, CasePathway, Referral
from waypost.cases.tests.factories import open_case_for, walk_to
from waypost.core.models import AuditEvent


@pytest.fixture
def signed_in(client, unhcr_caseworker):
    client.force_login(unhcr_caseworker)
    return client


def test_opening_a_case_from_the_form(signed_in, person):
    response = signed_in.post(
        reverse("cases:open"),
        {
            "individual": person.number,
            "pathways": ["avrr"],
            "priority": "high",
            "avrr-counselled_on": "2026-11-02",
            "avrr-counselling_language": "ar",
        },
    )

    case = Case.objects.get()
    assert response.status_code == 303 and response["Location"] == reverse(
        "cases:case", args=[case.pk]
    )
    assert case.pathways.get().data == {"counselled_on": "2026-11-02", "counselling_language": "ar"}


def test_opening_without_the_first_steps_data_comes_back_with_the_field_named(signed_in, person):
    response = signed_in.post(
        reverse("cases:open"),
        {
            "individual": person.number,
            "pathways": ["avrr"],
            "priority": "normal",
            "avrr-counselled_on": "2026-11-02",
        },
    )

    assert response.status_code == 422
    assert "Language of the counselling is required for this step." in response.content.decode()
    assert not Case.objects.exists()


def test_a_refused_step_is_shown_with_its_reason_and_nothing_changes(
    signed_in, unhcr_caseworker, person
):
    case = open_case_for(unhcr_caseworker, person)
    url = reverse("cases:move", args=[case.pk, "avrr"])

    response = signed_in.post(url, {"to": "departed", "departed_on": "2026-11-05"})

    assert response.status_code == 422
    assert (
        "Departed may only follow Travel booked; this pathway is at Counselled."
        in response.content.decode()
    )
    assert CasePathway.objects.get().state == "counselled"


def test_a_step_with_its_data_moves_the_pathway(signed_in, unhcr_caseworker, person):
    case = open_case_for(unhcr_caseworker, person)

    response = signed_in.post(
        reverse("cases:move", args=[case.pk, "avrr"]),
        {"to": "interested", "wish_stated_on": "2026-11-03"},
    )

    assert response.status_code == 303
    assert CasePathway.objects.get().state == "interested"


def test_the_case_page_is_audited_as_viewed(signed_in, unhcr_caseworker, person):
    case = open_case_for(unhcr_caseworker, person)

    assert signed_in.get(reverse("cases:case", args=[case.pk])).status_code == 200

    assert AuditEvent.objects.filter(action="viewed", subject_id=str(case.pk)).count() == 1


def test_a_case_of_another_agency_not_referred_is_not_found(
    client, iom_caseworker, unhcr_caseworker, person
):
    case = open_case_for(unhcr_caseworker, person)
    client.force_login(iom_caseworker)

    assert client.get(reverse("cases:case", args=[case.pk])).status_code == 404


def test_the_caseload_counts_by_pathway_and_state_and_lists_overdue(
    signed_in, unhcr_caseworker, person
):
    first = open_case_for(unhcr_caseworker, person, "avrr", "asylum_by")
    walk_to(unhcr_caseworker, first.pathways.get(pathway="avrr"), "interested")
    open_case_for(unhcr_caseworker, person, "avrr")
    services.schedule_follow_up(
        by=unhcr_caseworker, case=first, title="Call", due_on=date(2020, 1, 1)
    )

    page = signed_in.get(reverse("cases:caseload")).content.decode()
    api = json.loads(signed_in.get("/api/cases/caseload").content)

    avrr = next(p for p in api["pathways"] if p["pathway"] == "avrr")
    assert avrr["total"] == 2
    assert {s["state"]: s["count"] for s in avrr["states"]}["interested"] == 1
    assert api["overdue"] == 1 and api["cases_by_status"] == {"open": 2}
    assert '<dd id="overdue-count">1</dd>' in page


def test_the_caseload_partial_is_a_fragment_of_the_page(signed_in):
    full = signed_in.get(reverse("cases:caseload")).content.decode()
    partial = signed_in.get(
        reverse("cases:caseload"), headers={"HX-Request": "true"}
    ).content.decode()

    assert partial.strip().startswith('<section id="overdue">')
    assert partial.strip() in full


def test_a_referral_page_shows_only_the_shared_fields_and_answers(
    client, unhcr_caseworker, iom_caseworker, person, iom
):
    case = open_case_for(unhcr_caseworker, person, "family_reunification")
    services.record_referral_consent(
        by=unhcr_caseworker,
        individual=person,
        recipient_agency=iom,
        service="shelter",
        purpose="Shelter",
        given_on=date(2026, 11, 2),
        how_given="oral",
    )
    referral = services.refer_case(by=unhcr_caseworker, case=case, to_agency=iom, service="shelter")
    client.force_login(iom_caseworker)

    page = client.get(reverse("cases:referral", args=[referral.pk])).content.decode()
    assert "Hassan" in page and "IRQ" not in page and "1985" not in page
    refused = client.post(
        reverse("cases:referral", args=[referral.pk]), {"answer": "decline", "reason": ""}
    )
    assert (
        refused.status_code == 422 and "Give the reason for declining." in refused.content.decode()
    )
    client.post(
        reverse("cases:referral", args=[referral.pk]), {"answer": "decline", "reason": "Full"}
    )
    assert Referral.objects.get().status == "declined"


def test_the_case_and_caseload_pages_are_right_to_left_in_arabic(
    signed_in, unhcr_caseworker, person
):
    case = open_case_for(unhcr_caseworker, person, "avrr", "family_reunification")
    signed_in.cookies["django_language"] = "ar"

    for url in (
        reverse("cases:case", args=[case.pk]),
        reverse("cases:caseload"),
        reverse("cases:list"),
    ):
        response = signed_in.get(url)
        assert response.status_code == 200
        assert '<html lang="ar" dir="rtl">' in response.content.decode()
