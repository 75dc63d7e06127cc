"""Reads of the counselling app: a person's facts from the registry, their sessions (audited),
and the information sheets as currently written."""

from datetime import date
from uuid import UUID

from waypost.cases.access import cases_visible_to
from waypost.cases.models import Case
from waypost.core import audit
from waypost.core.models import User
from waypost.counselling.guide import Facts
from waypost.counselling.models import CounsellingSession, SheetText
from waypost.counselling.sheets import LANGUAGES, SHEETS, Sheet, shipped_sheet
from waypost.registry.models import Individual
from waypost.registry.selectors import individuals_visible_to

SESSION_FIELDS = (
    "held_on",
    "counsellor",
    "language",
    "interpreter",
    "facts",
    "options_presented",
    "sheets_given",
    "wishes",
    "decision_notes",
)
# Specific-need codes that say a child is without their usual caregivers (standards.md §1.2).
UNACCOMPANIED_CODES = {"SC-UC"}
SEPARATED_CODES = {"SC-SC"}


def facts_from_registry(person: Individual, *, on_date: date) -> Facts:
    """What the registry already says: nationality, age on the date, pregnancy, specific needs.

    Unaccompanied and separated are taken as known only when recorded (an SC code); otherwise
    they are left unknown for the counsellor to ask.
    """
    codes = tuple(sorted(need.code_id for need in person.specific_needs.all() if need.is_active))
    return Facts(
        nationality=person.nationality or None,
        age=person.age_on(on_date),
        pregnant=person.is_pregnant,
        specific_needs=codes,
        unaccompanied=True if UNACCOMPANIED_CODES & set(codes) else None,
        separated=True if SEPARATED_CODES & set(codes) else None,
    )


def cases_of(person: Individual, *, seen_by: User) -> list[Case]:
    """The person's cases the user may see (a session may be filed under one of them)."""
    return list(cases_visible_to(seen_by).filter(individual=person).select_related("agency"))


def case_of(person: Individual, case_id: UUID | str, *, seen_by: User) -> Case | None:
    """One of the person's cases the user may see, or None."""
    return next(
        (case for case in cases_of(person, seen_by=seen_by) if str(case.pk) == str(case_id)), None
    )


def sessions_of(user: User, individual_id: str) -> list[CounsellingSession]:
    """The sessions of a person the user may see, newest first, for those who counsel; each one
    shown is recorded as viewed."""
    if not user.can("counselling.guide"):
        return []
    sessions = list(
        CounsellingSession.objects.filter(
            individual_id=individual_id, individual__in=individuals_visible_to(user)
        ).select_related("counsellor", "agency")
    )
    audit.record_views(
        actor=user,
        subjects=sessions,
        purpose=str(user.purpose_for("counselling.guide") or ""),
        fields=SESSION_FIELDS,
        via="counselling",
    )
    return sessions


def sheet_for(sheet: str, language: str) -> Sheet:
    """The sheet as currently written: edited in Waypost if it was, else as shipped.

    KeyError for an unknown sheet or language.
    """
    shipped = shipped_sheet(sheet, language)
    edited = SheetText.objects.filter(sheet=sheet, language=language).first()
    if edited is None:
        return shipped
    return Sheet(
        sheet=sheet,
        language=language,
        title=edited.title,
        body=edited.body,
        reviewed=edited.reviewed,
        reviewed_by=edited.reviewed_by,
        reviewed_on=edited.reviewed_on,
        revision=edited.revision,
    )


def all_sheets() -> list[Sheet]:
    """Every sheet in every language, as currently written (one query)."""
    edited = {(row.sheet, row.language): row for row in SheetText.objects.all()}
    found = []
    for sheet in SHEETS:
        for language in LANGUAGES:
            row = edited.get((sheet, language))
            found.append(
                shipped_sheet(sheet, language)
                if row is None
                else Sheet(
                    sheet,
                    language,
                    row.title,
                    row.body,
                    row.reviewed,
                    row.reviewed_by,
                    row.reviewed_on,
                    row.revision,
                )
            )
    return found
