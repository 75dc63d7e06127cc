"""The shapes of the counselling API."""

from datetime import date
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from waypost.counselling.guide import Facts, FamilyMember, OptionResult
from waypost.counselling.guide.data import guide
from waypost.counselling.models import CounsellingSession


class FamilyMemberIn(Schema):
    country: str = Field(description="ISO 3166 alpha-3, e.g. DEU")
    relation: str = Field(description="spouse, partner, child, parent, sibling, aunt_uncle, ...")
    status: str | None = Field(
        None, description="refugee, subsidiary_protection, applicant, resident, citizen, unknown"
    )
    status_granted_on: date | None = None
    can_take_care: bool | None = None


class StatedFactsIn(Schema):
    """What the person tells; unknown facts are left out or null."""

    unaccompanied: bool | None = None
    separated: bool | None = None
    married: bool | None = None
    family_abroad: list[FamilyMemberIn] = []
    documents: list[str] = []
    wishes: list[str] = []
    eu_application_registered_on: date | None = None


class FactsIn(StatedFactsIn):
    nationality: str | None = None
    age: int | None = Field(None, ge=0, le=130)
    pregnant: bool | None = None
    specific_needs: list[str] = []


class OptionsIn(Schema):
    facts: FactsIn
    on_date: date | None = Field(
        None, description="the date the options are for; today if left out"
    )


class RuleOut(Schema):
    rule: str
    legal_basis: str
    regime: str
    mark: str
    status: str
    excludes: bool
    effect: str
    met: list[str]
    not_met: list[str]
    missing_facts: list[str]
    checks: list[tuple[str, str]]
    time_limits: list[tuple[str, str]]
    deadline: tuple[str, str, str] | None
    source: str


class OptionOut(Schema):
    option: str
    title: str
    summary: str
    status: str
    rules: list[RuleOut]
    documents: list[tuple[str, str, str, bool]]
    next_steps: list[tuple[str, str]]
    sources: list[str]
    mark: str
    sheet: str
    guide_version: str
    missing_facts: list[str]


class OptionsOut(Schema):
    guide_version: str
    guide_reviewed: bool
    on_date: date
    options: list[OptionOut]


class SessionIn(Schema):
    held_on: date
    language: str = Field(description="en, ar, ckb, kmr, fa or ru")
    interpreter: str = ""
    facts: StatedFactsIn = StatedFactsIn()
    sheets_given: list[str] = []
    wishes: list[str] = []
    decision_notes: str = ""
    case_id: UUID | None = None


class SessionOut(Schema):
    id: UUID
    individual_id: UUID
    case_id: UUID | None
    held_on: date
    counsellor: str
    agency: str
    language: str
    interpreter: str
    guide_version: str
    options_presented: list[dict[str, Any]]
    sheets_given: list[dict[str, Any]]
    wishes: list[str]
    decision_notes: str


def member(data: FamilyMemberIn) -> FamilyMember:
    return FamilyMember(
        country=data.country.strip().upper(),
        relation=data.relation,
        status=data.status,
        status_granted_on=data.status_granted_on,
        can_take_care=data.can_take_care,
    )


def stated_facts(data: StatedFactsIn, base: Facts) -> Facts:
    return Facts(
        nationality=base.nationality,
        age=base.age,
        pregnant=base.pregnant,
        specific_needs=base.specific_needs,
        unaccompanied=base.unaccompanied if data.unaccompanied is None else data.unaccompanied,
        separated=base.separated if data.separated is None else data.separated,
        married=data.married,
        family_abroad=tuple(member(m) for m in data.family_abroad),
        documents=tuple(data.documents),
        wishes=tuple(data.wishes),
        eu_application_registered_on=data.eu_application_registered_on,
    )


def facts_in(data: FactsIn) -> Facts:
    base = Facts(
        nationality=(data.nationality or "").strip().upper() or None,
        age=data.age,
        pregnant=data.pregnant,
        specific_needs=tuple(data.specific_needs),
    )
    return stated_facts(data, base)


def vocabulary_errors(data: StatedFactsIn, where: list[str]) -> list[dict[str, Any]]:
    """Each value outside the guide's vocabulary, with where it is (for a 422)."""
    words = guide().vocabulary
    errors = []
    checks: list[tuple[list[str | int], str, str]] = [
        ([*where, "documents"], value, "documents") for value in data.documents
    ]
    checks += [([*where, "wishes"], value, "wishes") for value in data.wishes]
    for index, relative in enumerate(data.family_abroad):
        checks.append(
            ([*where, "family_abroad", index, "relation"], relative.relation, "relations")
        )
        if relative.status is not None:
            checks.append(([*where, "family_abroad", index, "status"], relative.status, "statuses"))
        country = relative.country.strip()
        if len(country) != 3 or not country.isalpha():
            errors.append(
                {
                    "loc": [*where, "family_abroad", index, "country"],
                    "msg": "Give the country as a 3-letter ISO code.",
                    "type": "value_error",
                }
            )
    for loc, value, kind in checks:
        if value not in words[kind]:
            errors.append({"loc": loc, "msg": f"Unknown value {value!r}.", "type": "value_error"})
    return errors


def options_out(results: list[OptionResult], on_date: date) -> dict[str, Any]:
    data = guide()
    return {
        "guide_version": data.version,
        "guide_reviewed": data.reviewed,
        "on_date": on_date,
        "options": [found.as_dict() for found in results],
    }


def session_out(session: CounsellingSession) -> dict[str, Any]:
    return {
        "id": session.pk,
        "individual_id": session.individual_id,
        "case_id": session.case_id,
        "held_on": session.held_on,
        "counsellor": str(session.counsellor),
        "agency": str(session.agency),
        "language": session.language,
        "interpreter": session.interpreter,
        "guide_version": session.guide_version,
        "options_presented": session.options_presented,
        "sheets_given": session.sheets_given,
        "wishes": session.wishes,
        "decision_notes": session.decision_notes,
    }
