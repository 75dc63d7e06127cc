from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.http import QueryDict

from waypost.registry.forms import (
    MemberForm,
    MemberFormSet,
    RegistrationEntry,
    add_member_errors,
    correction_form,
    preview_birth_date,
)
from waypost.registry.models import DatePrecision
from waypost.registry.services import DocumentData, update_member
from waypost.registry.tests.factories import family_of_five, member, registered_household

TODAY = date(2026, 11, 24)
HEAD = {"given_name": "Mohammed", "sex": "M", "date_of_birth": "1985-03-01", "nationality": "IRQ"}


@pytest.fixture(autouse=True)
def fixed_day():
    with time_machine.travel(TODAY, tick=False):
        yield


def member_form(user, **typed):
    return MemberForm({**HEAD, **typed}, user=user)


def as_post(values):
    data = QueryDict(mutable=True)
    data.update({name: value for name, value in values.items() if value is not None})
    return data


def rows_post(*rows):
    data = QueryDict(mutable=True)
    data.update({"members-TOTAL_FORMS": str(len(rows)), "members-INITIAL_FORMS": "0"})
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"members-{index}-{name}"] = value
    return data


@pytest.mark.parametrize(
    ("typed", "born", "precision"),
    [
        ("1990-05-12", date(1990, 5, 12), DatePrecision.EXACT),
        ("12.05.1990", date(1990, 5, 12), DatePrecision.EXACT),
        ("1990", date(1990, 1, 1), DatePrecision.YEAR),
        ("34", date(1992, 11, 24), DatePrecision.ESTIMATED),
        ("8m", date(2026, 3, 24), DatePrecision.ESTIMATED),
    ],
)
def test_a_date_a_year_or_an_age_becomes_a_date_of_birth(unhcr_registrar, typed, born, precision):
    form = member_form(unhcr_registrar, date_of_birth=typed)

    assert form.is_valid(), form.errors
    data = form.member_data()
    assert (data.date_of_birth, data.date_of_birth_precision) == (born, precision)


def test_the_estimated_date_is_shown_back_to_the_clerk():
    preview = preview_birth_date("34")
    assert preview.value == date(1992, 11, 24)
    assert preview.precision_label == "Estimated from age"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2030-01-01", "The date of birth is in the future."),
        ("130", "older than 120 years"),
        ("31.02.1990", "This date does not exist."),
        ("soon", "Type a date"),
    ],
)
def test_an_impossible_date_of_birth_is_refused_at_the_field(unhcr_registrar, typed, message):
    form = member_form(unhcr_registrar, date_of_birth=typed)

    assert not form.is_valid()
    assert message in " ".join(form.errors["date_of_birth"])


def test_phones_are_kept_in_international_form(unhcr_registrar):
    form = member_form(unhcr_registrar, phones="+964 750 123 4567, +375 29 123 45 67")

    assert form.is_valid(), form.errors
    assert form.member_data().phones == ["+9647501234567", "+375291234567"]


def test_a_malformed_phone_is_refused_at_the_field(unhcr_registrar):
    form = member_form(unhcr_registrar, phones="call the tent")

    assert not form.is_valid()
    assert "is not a phone number" in form.errors["phones"][0]


def test_need_codes_are_read_in_any_case_and_unknown_ones_refused(unhcr_registrar):
    accepted = member_form(unhcr_registrar, specific_needs="sm-ci, DS-PM")
    refused = member_form(unhcr_registrar, specific_needs="SM-CI, XX-YY")

    assert accepted.is_valid(), accepted.errors
    assert accepted.member_data().specific_needs == ["SM-CI", "DS-PM"]
    assert not refused.is_valid()
    assert "XX-YY" in refused.errors["specific_needs"][0]


def test_a_legacy_need_code_is_not_offered_for_new_entries(unhcr_registrar):
    form = member_form(unhcr_registrar, specific_needs="PG")

    assert not form.is_valid()
    assert "PG" in form.errors["specific_needs"][0]


def test_languages_are_codes(unhcr_registrar):
    good = member_form(unhcr_registrar, languages="CKB; ar")
    bad = member_form(unhcr_registrar, languages="Kurdish")

    assert good.is_valid(), good.errors
    assert good.member_data().languages == ["ckb", "ar"]
    assert not bad.is_valid()
    assert "kurdish" in bad.errors["languages"][0]


def test_an_unknown_country_is_refused_at_the_field(unhcr_registrar):
    form = member_form(unhcr_registrar, nationality="KRD")

    assert not form.is_valid()
    assert "KRD" in form.errors["nationality"][0]


def test_a_document_is_issued_by_the_nationality_unless_told_otherwise(unhcr_registrar):
    form = member_form(unhcr_registrar, document_type="passport", document_number="A1234567")

    assert form.is_valid(), form.errors
    assert form.member_data().documents == [DocumentData("passport", "A1234567", "IRQ")]


def test_a_document_number_needs_its_kind(unhcr_registrar):
    form = member_form(unhcr_registrar, document_number="A1234567")

    assert not form.is_valid()
    assert "document_type" in form.errors


def test_the_first_row_is_the_head_and_later_rows_children_by_default(unhcr_registrar):
    second = {"given_name": "Ahmed", "sex": "M", "date_of_birth": "10"}
    formset = MemberFormSet(rows_post(HEAD, second), user=unhcr_registrar)

    assert formset.is_valid(), formset.errors
    assert [m.relationship for m in formset.member_data()] == ["head", "child"]


def test_later_members_take_the_heads_family_name_nationality_and_languages(unhcr_registrar):
    head = {**HEAD, "family_name": "Hassan", "languages": "ckb, ar"}
    child = {"given_name": "Sara", "sex": "F", "date_of_birth": "6", "relationship": "child"}
    formset = MemberFormSet(rows_post(head, child), user=unhcr_registrar)

    assert formset.is_valid(), formset.errors
    sara = formset.member_data()[1]
    assert (sara.family_name, sara.nationality, sara.languages) == ("Hassan", "IRQ", ["ckb", "ar"])


def test_a_head_without_nationality_is_asked_for_one(unhcr_registrar):
    head = {**HEAD, "nationality": ""}
    formset = MemberFormSet(rows_post(head), user=unhcr_registrar)

    assert not formset.is_valid()
    assert "nationality" in formset.forms[0].errors


def test_an_untouched_extra_row_is_left_out(unhcr_registrar):
    untouched = {"relationship": "child", "sex": ""}
    formset = MemberFormSet(rows_post(HEAD, untouched), user=unhcr_registrar)

    assert formset.is_valid(), formset.errors
    assert len(formset.member_data()) == 1


def test_service_messages_land_on_the_field_of_their_row(unhcr_registrar):
    formset = MemberFormSet(
        rows_post(HEAD, {"given_name": "Ali", "sex": "M", "date_of_birth": "8"}),
        user=unhcr_registrar,
    )
    assert formset.is_valid(), formset.errors
    error = ValidationError(
        {
            "members.1.is_pregnant": ["Only a woman or girl can be recorded as pregnant."],
            "members.0.documents": ["This document is already registered."],
        }
    )

    left = add_member_errors(formset.used_forms, error)

    assert left == []
    assert formset.forms[1].errors["is_pregnant"] == [
        "Only a woman or girl can be recorded as pregnant."
    ]
    assert formset.forms[0].errors["document_number"] == ["This document is already registered."]


def test_the_one_head_rule_is_shown_at_each_head(unhcr_registrar):
    second_head = {"given_name": "Ali", "sex": "M", "date_of_birth": "40", "relationship": "head"}
    formset = MemberFormSet(rows_post(HEAD, second_head), user=unhcr_registrar)
    assert formset.is_valid(), formset.errors

    add_member_errors(formset.used_forms, ValidationError({"members": ["Exactly one head."]}))

    assert [form.errors.get("relationship") for form in formset.forms] == [
        ["Exactly one head."],
        ["Exactly one head."],
    ]


def test_adding_a_row_without_javascript_keeps_what_was_typed(unhcr_registrar, camp):
    data = rows_post({**HEAD, "given_name": "Mohammed"})
    data.update({"site": str(camp.pk), "shelter_location": "B-14", "add_member": "1"})
    entry = RegistrationEntry(user=unhcr_registrar, data=data)

    again = entry.with_another_member()

    assert not again.members.is_bound
    assert len(again.members.forms) == 2
    assert again.members.forms[0]["given_name"].value() == "Mohammed"
    assert again.household["shelter_location"].value() == "B-14"
    assert again.members.forms[1].fields["given_name"].widget.attrs.get("autofocus")
    assert again.members.forms[1]["relationship"].value() == "child"


def test_correcting_a_record_keeps_the_codes_the_clerk_may_not_see(unhcr_registrar, camp):
    members = family_of_five()
    members[1].specific_needs = ["SM-DP", "SV-VF"]
    household = registered_household(by=unhcr_registrar, site=camp, members=members)
    layla = household.members.get(given_name="Layla")

    form = correction_form(layla, user=unhcr_registrar)

    assert form["specific_needs"].value() == "SM-DP"
    bound = correction_form(layla, user=unhcr_registrar, data=as_post(form.initial))
    assert bound.is_valid(), bound.errors
    assert sorted(bound.member_data().specific_needs) == ["SM-DP", "SV-VF"]


def test_correcting_a_record_keeps_an_estimated_birth_date_and_other_documents(
    unhcr_registrar, camp
):
    estimated = member(
        date_of_birth=date(1992, 11, 24),
        date_of_birth_precision=DatePrecision.ESTIMATED,
        documents=[
            DocumentData("passport", "A1234567", "IRQ"),
            DocumentData("national_id", "N998877", "IRQ"),
        ],
    )
    household = registered_household(by=unhcr_registrar, site=camp, members=[estimated])
    head = household.members.get()
    initial = correction_form(head, user=unhcr_registrar).initial
    typed = {key: value for key, value in initial.items() if value not in (None, False)}
    typed.update(given_name="Muhammad", languages="ckb, ar", phones="")

    form = correction_form(head, user=unhcr_registrar, data=as_post(typed))
    assert form.is_valid(), form.errors
    update_member(by=unhcr_registrar, individual=head, member=form.member_data())

    head.refresh_from_db()
    assert head.given_name == "Muhammad"
    assert head.date_of_birth_precision == DatePrecision.ESTIMATED
    assert head.documents.count() == 2
