"""The check as the registration page asks for it (htmx), as a page, and over the API."""

from datetime import date

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waypost.core.models import AuditEvent
from waypost.core.roles import Role
from waypost.matching.typed import typed_fields, typed_records
from waypost.registry.tests.factories import member, registered_household

CHECK_URL = "/api/matching/check"
# The registration form's fields for its third row, as htmx sends them from that row.
TYPED_ROW = {
    "members-2-given_name": "Мухаммед",
    "members-2-father_name": "Али",
    "members-2-family_name": "Хасан",
    "members-2-date_of_birth": "1985",
    "members-2-sex": "M",
    "members-2-specific_needs": "SM-DP",
}


@pytest.fixture
def registered(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp, members=[member()])
    return household.members.get()


@pytest.fixture
def clerk_client(client, unhcr_registrar):
    client.force_login(unhcr_registrar)
    return client


def test_the_typed_row_is_read_whatever_its_prefix():
    fields = typed_fields(TYPED_ROW)

    assert fields["given_name"] == "Мухаммед"
    assert "specific_needs" not in fields
    assert typed_fields({"given_name": "Omar"}) == {"given_name": "Omar"}


def test_a_typed_age_becomes_a_birth_year_and_an_unreadable_date_is_left_out():
    today = date(2026, 11, 24)

    (by_age,) = typed_records({"given_name": "Omar", "date_of_birth": "41"}, today=today)
    (half_typed,) = typed_records({"given_name": "Omar", "date_of_birth": "19"}, today=today)
    (not_yet,) = typed_records({"given_name": "Omar", "date_of_birth": "1985-1"}, today=today)

    assert by_age.date_of_birth == "1985"
    assert half_typed.date_of_birth == "2007"
    assert not_yet.date_of_birth == ""


def test_own_script_names_make_a_second_record_and_nothing_typed_makes_none():
    today = date(2026, 11, 24)
    fields = {"given_name": "Mohammed", "family_name": "Hassan", "given_name_native": "محمد"}

    latin, own = typed_records(fields, today=today)

    assert (own.given_name, own.family_name) == ("محمد", "Hassan")
    assert typed_records({"date_of_birth": "1985"}, today=today) == []


def test_the_htmx_panel_names_the_match_with_its_reasons_and_score(clerk_client, registered):
    response = clerk_client.get(
        reverse("matching:check"), TYPED_ROW, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Possibly already registered" in html
    assert registered.number in html
    assert reverse("registry:individual", args=[registered.pk]) in html
    assert "same given name in another spelling or script" in html
    assert "score " in html


def test_the_panel_is_empty_when_no_one_matches(clerk_client, registered):
    row = {**TYPED_ROW, "members-2-given_name": "Omar"}

    response = clerk_client.get(reverse("matching:check"), row, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.content.decode().strip() == ""


def test_the_page_without_javascript_has_the_form_and_the_same_panel(clerk_client, registered):
    page = clerk_client.get(
        reverse("matching:check"),
        {"given_name": "Muhammad", "father_name": "Ali", "date_of_birth": "1985"},
    )
    partial = clerk_client.get(
        reverse("matching:check"),
        {"given_name": "Muhammad", "father_name": "Ali", "date_of_birth": "1985"},
        headers={"HX-Request": "true"},
    )

    html = page.content.decode()
    assert '<form method="get"' in html
    assert 'aria-live="polite"' in html
    assert partial.content.decode().strip() in html


def test_another_agencys_match_is_counted_in_the_panel_without_a_name(
    client, registered, make_persona, iom
):
    client.force_login(make_persona(iom, Role.REGISTRATION_CLERK))

    response = client.get(reverse("matching:check"), TYPED_ROW, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "1 possible match held by another agency" in html
    assert registered.number not in html
    assert "Mohammed" not in html


def test_the_api_answers_candidates_with_score_and_reasons(clerk_client, registered):
    record = {
        "given_name": "Muhammad",
        "father_name": "Ali",
        "family_name": "Hasan",
        "date_of_birth": "1985",
        "sex": "m",
    }

    response = clerk_client.post(CHECK_URL, record, content_type="application/json")

    assert response.status_code == 200, response.content
    body = response.json()
    (candidate,) = body["candidates"]
    assert candidate["number"] == registered.number
    assert candidate["individual_id"] == str(registered.pk)
    assert 0.5 <= candidate["probability"] <= 1
    assert {reason["field"] for reason in candidate["reasons"]} >= {"given_name", "date_of_birth"}
    assert body["held_by_other_agencies"] == 0
    assert AuditEvent.objects.filter(
        action="viewed", subject_id=str(registered.pk), details__via="duplicate_check"
    ).exists()


def test_the_api_refuses_an_unreadable_birth_date_naming_the_field(clerk_client):
    response = clerk_client.post(
        CHECK_URL,
        {"given_name": "Omar", "date_of_birth": "12/05/85"},
        content_type="application/json",
    )

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == "date_of_birth"


typed_text = st.text(max_size=150)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    given_name=typed_text,
    family_name=typed_text,
    native=typed_text,
    born=st.one_of(typed_text, st.sampled_from(["1985", "41", "8m", "31.02.1990", "0", "999"])),
    phones=typed_text,
)
def test_anything_typed_is_answered_never_a_server_error(
    clerk_client, registered, given_name, family_name, native, born, phones
):
    row = {
        "members-0-given_name": given_name,
        "members-0-family_name": family_name,
        "members-0-given_name_native": native,
        "members-0-date_of_birth": born,
        "members-0-phones": phones,
    }

    response = clerk_client.get(reverse("matching:check"), row, headers={"HX-Request": "true"})

    assert response.status_code == 200


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    given_name=typed_text,
    born=st.text(max_size=12),
    sex=st.text(max_size=2),
    phone=st.text(max_size=40),
)
def test_any_posted_record_is_answered_or_refused_never_a_server_error(
    clerk_client, given_name, born, sex, phone
):
    record = {"given_name": given_name, "date_of_birth": born, "sex": sex, "phone": phone}

    response = clerk_client.post(CHECK_URL, record, content_type="application/json")

    assert response.status_code in (200, 422)
