"""Writes of the counselling app: recording a session, editing a sheet, marking it reviewed.

A session keeps the options exactly as the guide gave them on the day (with the guide's version)
and the revision of every sheet handed over, so what the person was told can be shown later even
after the guide or the texts change. Any edit of a sheet makes it unreviewed again.
"""

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.counselling.guide import Facts, evaluate_options
from waypost.counselling.guide.data import guide
from waypost.counselling.models import CounsellingSession, SheetLanguage, SheetText
from waypost.counselling.selectors import sheet_for
from waypost.counselling.sheets import SHEETS, shipped_sheet
from waypost.registry.models import Individual


def facts_as_data(facts: Facts) -> dict[str, Any]:
    data = asdict(facts)
    for key, value in list(data.items()):
        if isinstance(value, date):
            data[key] = value.isoformat()
    for member in data["family_abroad"]:
        if member["status_granted_on"]:
            member["status_granted_on"] = member["status_granted_on"].isoformat()
    return data


def presented(facts: Facts, held_on: date) -> list[dict[str, Any]]:
    """What the guide said, kept short: each option's status and the rules that decided it."""
    return [
        {
            "option": found.option,
            "status": str(found.status),
            "rules": [rule.rule for rule in found.rules],
            "legal_basis": [rule.legal_basis for rule in found.rules],
            "missing_facts": list(found.missing_facts),
        }
        for found in evaluate_options(facts=facts, on_date=held_on)
    ]


def check_session(
    *, individual: Individual, held_on: date, language: str, sheets: Sequence[str], case: Any
) -> None:
    if individual.merged_into_id is not None:
        raise ValidationError(
            _("This record was merged into %(number)s: record the session there.")
            % {"number": individual.merged_into.number if individual.merged_into else "?"}
        )
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("A session cannot be recorded for a future date.")})
    if language not in SheetLanguage.values:
        raise ValidationError({"language": _("Choose one of the counselling languages.")})
    unknown = sorted(set(sheets) - set(SHEETS))
    if unknown:
        raise ValidationError(
            {"sheets_given": _("No such sheet: %(s)s") % {"s": ", ".join(unknown)}}
        )
    if case is not None and case.individual_id != individual.pk:
        raise ValidationError({"case": _("This case is not this person's.")})


def sheets_as_given(sheets: Sequence[str], language: str) -> list[dict[str, Any]]:
    """Which text was handed over: the sheet, its language, revision and review state."""
    given = [sheet_for(sheet, language) for sheet in sheets]
    return [
        {"sheet": s.sheet, "language": s.language, "revision": s.revision, "reviewed": s.reviewed}
        for s in given
    ]


@transaction.atomic(durable=True)
def record_session(
    *,
    by: User,
    individual: Individual,
    held_on: date,
    language: str,
    interpreter: str,
    facts: Facts,
    sheets_given: Sequence[str] = (),
    wishes: Sequence[str] = (),
    decision_notes: str = "",
    case: Any = None,
    purpose: str,
) -> CounsellingSession:
    """Keep what a person was told, in which language, with which sheets, and what they want."""
    check_session(
        individual=individual, held_on=held_on, language=language, sheets=sheets_given, case=case
    )  # noqa: E501
    session = CounsellingSession.objects.create(
        individual=individual,
        case=case,
        held_on=held_on,
        counsellor=by,
        agency=by.acting_agency,
        language=language,
        interpreter=interpreter.strip(),
        facts=facts_as_data(facts),
        guide_version=guide().version,
        options_presented=presented(facts, held_on),
        sheets_given=sheets_as_given(sheets_given, language),
        wishes=list(wishes),
        decision_notes=decision_notes.strip(),
    )
    audit_session(by, session, purpose)
    return session


def audit_session(by: User, session: CounsellingSession, purpose: str) -> None:
    audit.record(
        actor=by,
        action="counselling.session_recorded",
        subject=session,
        purpose=purpose,
        fields={"individual": str(session.individual_id), "language": session.language},
        guide_version=session.guide_version,
    )


def locked_text(sheet: str, language: str, by: User) -> SheetText:
    """The sheet's row, locked; created from the shipped text the first time it is touched."""
    shipped = shipped_sheet(sheet, language)
    row, _created = SheetText.objects.select_for_update().get_or_create(
        sheet=sheet,
        language=language,
        defaults={
            "title": shipped.title,
            "body": shipped.body,
            "revision": 0,
            "reviewed": shipped.reviewed,
            "reviewed_by": shipped.reviewed_by,
            "reviewed_on": shipped.reviewed_on,
            "updated_by": by,
        },
    )
    return row


def known_sheet(sheet: str, language: str) -> None:
    if sheet not in SHEETS or language not in SheetLanguage.values:
        raise ValidationError(_("No such sheet or language."))


@transaction.atomic(durable=True)
def edit_sheet(
    *, by: User, sheet: str, language: str, title: str, body: str, purpose: str
) -> SheetText:
    """Change a sheet's text; the new text is unreviewed until someone marks it reviewed."""
    known_sheet(sheet, language)
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ValidationError(_("A sheet needs a title and a text."))
    row = locked_text(sheet, language, by)
    before = {"title": row.title, "body": row.body, "reviewed": row.reviewed}
    row.title, row.body, row.revision = title, body, row.revision + 1
    row.reviewed, row.reviewed_by, row.reviewed_on, row.updated_by = False, "", None, by
    row.save()
    audit.record(
        actor=by,
        action="counselling.sheet_edited",
        subject=row,
        purpose=purpose,
        fields={
            "title": [before["title"], title],
            "body_changed": before["body"] != body,
            "reviewed": [before["reviewed"], False],
        },
        revision=row.revision,
    )
    return row


@transaction.atomic(durable=True)
def mark_sheet_reviewed(
    *, by: User, sheet: str, language: str, reviewer: str, reviewed_on: date, purpose: str
) -> SheetText:
    """Record that someone fluent in the language checked this revision against the source."""
    known_sheet(sheet, language)
    if not reviewer.strip():
        raise ValidationError({"reviewer": _("Name who reviewed the translation.")})
    if reviewed_on > timezone.localdate():
        raise ValidationError({"reviewed_on": _("A review cannot be dated in the future.")})
    row = locked_text(sheet, language, by)
    was_reviewed = row.reviewed
    row.reviewed, row.reviewed_by, row.reviewed_on = True, reviewer.strip(), reviewed_on
    row.updated_by = by
    row.save()
    audit.record(
        actor=by,
        action="counselling.sheet_reviewed",
        subject=row,
        purpose=purpose,
        fields={"reviewed": [was_reviewed, True], "reviewed_by": row.reviewed_by},
        revision=row.revision,
        reviewed_on=reviewed_on.isoformat(),
    )
    return row
