from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.core.roles import Purpose
from waypost.counselling import services
from waypost.counselling.guide import Facts, FamilyMember
from waypost.counselling.guide.data import guide
from waypost.counselling.models import CounsellingSession, SheetText
from waypost.counselling.selectors import facts_from_registry, sessions_of, sheet_for
from waypost.matching.services import merge
from waypost.matching.tests.factories import proposed

TODAY = None


def record(by, person, **more):
    values = {
        "by": by,
        "individual": person,
        "held_on": timezone.localdate(),
        "language": "ckb",
        "interpreter": "Camp interpreter pool",
        "facts": facts_from_registry(person, on_date=timezone.localdate()),
        "sheets_given": ["asylum_belarus", "avrr"],
        "wishes": ["undecided"],
        "purpose": Purpose.CASE_MANAGEMENT,
    }
    values.update(more)
    return services.record_session(**values)


def test_a_session_keeps_the_options_as_presented_with_the_guide_version(counsellor, head):
    session = record(counsellor, head)

    assert session.guide_version == guide().version
    presented = {o["option"]: o["status"] for o in session.options_presented}
    assert presented["asylum_belarus"] == "applies"  # head is Iraqi
    assert presented["avrr"] == "may_apply"
    assert session.sheets_given == [
        {"sheet": "asylum_belarus", "language": "ckb", "revision": 0, "reviewed": False},
        {"sheet": "avrr", "language": "ckb", "revision": 0, "reviewed": False},
    ]
    assert session.agency == counsellor.agency
    event = AuditEvent.objects.get(action="counselling.session_recorded")
    assert event.subject_id == str(session.pk)
    assert event.fields == {"individual": str(head.pk), "language": "ckb"}


def test_the_facts_given_to_the_guide_are_kept(counsellor, head):
    brother = FamilyMember(
        country="DEU", relation="sibling", status="refugee", status_granted_on=date(2025, 1, 2)
    )
    facts = Facts(nationality="IRQ", age=40, family_abroad=(brother,))
    session = record(counsellor, head, facts=facts)
    assert session.facts["family_abroad"][0]["status_granted_on"] == "2025-01-02"


def test_registry_facts_give_age_pregnancy_and_specific_needs(family):
    mother = family.members.get(relationship="spouse")
    facts = facts_from_registry(mother, on_date=date(2026, 11, 25))
    assert (facts.nationality, facts.age, facts.pregnant) == ("IRQ", 36, True)
    assert facts.specific_needs == ("SM-DP",)
    assert facts.unaccompanied is None


def test_a_session_for_a_future_date_is_refused_and_nothing_is_saved(counsellor, head):
    with pytest.raises(ValidationError):
        record(counsellor, head, held_on=timezone.localdate() + timedelta(days=1))
    assert not CounsellingSession.objects.exists()
    assert not AuditEvent.objects.filter(action="counselling.session_recorded").exists()


def test_an_unknown_sheet_or_language_is_refused(counsellor, head):
    with pytest.raises(ValidationError):
        record(counsellor, head, sheets_given=["no_such_sheet"])
    with pytest.raises(ValidationError):
        record(counsellor, head, language="de")
    assert not CounsellingSession.objects.exists()


def test_a_person_merged_into_another_is_refused(counsellor, officer, family):
    children = list(family.members.filter(relationship="child").order_by("number"))
    merge(proposed(children[0], children[1]), survivor=children[0], by=officer)
    children[1].refresh_from_db()
    with pytest.raises(ValidationError, match="merged into"):
        record(counsellor, children[1])
    assert not CounsellingSession.objects.exists()


def test_reading_sessions_is_audited(counsellor, head):
    session = record(counsellor, head)
    assert sessions_of(counsellor, str(head.pk)) == [session]
    viewed = AuditEvent.objects.get(action="viewed", subject_id=str(session.pk))
    assert viewed.actor == counsellor
    assert "decision_notes" in viewed.fields


def test_sessions_are_shown_only_to_those_who_counsel_and_may_see_the_person(
    counsellor, clerk, outsider, head
):
    record(counsellor, head)
    assert sessions_of(clerk, str(head.pk)) == []
    assert sessions_of(outsider, str(head.pk)) == []


def test_editing_a_sheet_makes_it_unreviewed_and_is_audited(officer):
    services.mark_sheet_reviewed(
        by=officer,
        sheet="avrr",
        language="ru",
        reviewer="A. Reviewer",
        reviewed_on=date(2026, 11, 1),
        purpose=Purpose.PROTECTION,
    )
    assert sheet_for("avrr", "ru").reviewed is True

    services.edit_sheet(
        by=officer,
        sheet="avrr",
        language="ru",
        title="Возвращение домой",
        body="Новый текст.",
        purpose=Purpose.PROTECTION,
    )

    sheet = sheet_for("avrr", "ru")
    assert (sheet.title, sheet.body, sheet.revision, sheet.reviewed) == (
        "Возвращение домой",
        "Новый текст.",
        1,
        False,
    )
    edited = AuditEvent.objects.get(action="counselling.sheet_edited")
    assert edited.fields["reviewed"] == [True, False]
    assert edited.fields["body_changed"] is True
    reviewed = AuditEvent.objects.get(action="counselling.sheet_reviewed")
    assert reviewed.fields == {"reviewed": [False, True], "reviewed_by": "A. Reviewer"}


def test_marking_reviewed_names_the_reviewer_and_keeps_the_text(officer):
    services.mark_sheet_reviewed(
        by=officer,
        sheet="asylum_belarus",
        language="ar",
        reviewer="B. Reviewer",
        reviewed_on=date(2026, 11, 20),
        purpose=Purpose.PROTECTION,
    )
    sheet = sheet_for("asylum_belarus", "ar")
    assert (sheet.reviewed, sheet.reviewed_by, sheet.reviewed_on) == (
        True,
        "B. Reviewer",
        date(2026, 11, 20),
    )
    assert sheet.body.startswith("إذا كنت تخاف")
    assert sheet.unreviewed_notice() == ""


def test_a_review_without_a_reviewer_or_in_the_future_is_refused(officer):
    with pytest.raises(ValidationError):
        services.mark_sheet_reviewed(
            by=officer,
            sheet="avrr",
            language="fa",
            reviewer=" ",
            reviewed_on=date(2026, 1, 1),
            purpose="protection",
        )
    with pytest.raises(ValidationError):
        services.mark_sheet_reviewed(
            by=officer,
            sheet="avrr",
            language="fa",
            reviewer="X",
            reviewed_on=timezone.localdate() + timedelta(days=2),
            purpose="protection",
        )
    assert not SheetText.objects.exists()


def test_an_empty_text_is_refused(officer):
    with pytest.raises(ValidationError):
        services.edit_sheet(
            by=officer, sheet="avrr", language="fa", title="x", body=" ", purpose="protection"
        )
    assert not SheetText.objects.exists()


def test_a_sheet_given_after_an_edit_records_its_revision(counsellor, officer, head):
    services.edit_sheet(
        by=officer, sheet="avrr", language="ckb", title="t", body="b", purpose="protection"
    )
    session = record(counsellor, head, sheets_given=["avrr"])
    assert session.sheets_given == [
        {"sheet": "avrr", "language": "ckb", "revision": 1, "reviewed": False}
    ]
