"""The shapes of case data over HTTP, and a service's refusal as a 422 body naming the field."""

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Schema

from waypost.cases.caseload import Caseload
from waypost.cases.models import Case, CaseNote, FollowUp, Referral
from waypost.core.api import FieldErrorOut as FieldErrorOut
from waypost.core.api import ValidationErrorsOut as ValidationErrorsOut
from waypost.core.api import field_errors as field_errors


class OpenCaseIn(Schema):
    individual: UUID
    pathways: dict[str, dict[str, str]]
    is_household_case: bool = False
    priority: str = "normal"
    next_step: str = ""
    due_on: date | None = None


class StepIn(Schema):
    to: str
    data: dict[str, str] = {}


class PathwayIn(Schema):
    pathway: str
    data: dict[str, str] = {}


class NoteIn(Schema):
    purpose: str
    text: str


class FollowUpIn(Schema):
    title: str
    due_on: date
    kind: str = "follow_up"


class ConsentIn(Schema):
    recipient_agency: str  # agency code
    service: str
    purpose: str
    given_on: date
    how_given: str


class ReferIn(Schema):
    to_agency: str  # agency code
    service: str


class AnswerIn(Schema):
    accept: bool
    reason: str = ""


class PathwayOut(Schema):
    pathway: str
    state: str
    entered_at: datetime
    data: dict[str, Any]


class CaseOut(Schema):
    id: UUID
    individual: UUID
    agency: str
    caseworker: str
    status: str
    priority: str
    next_step: str
    due_on: date | None
    opened_at: datetime
    pathways: list[PathwayOut]


def case_out(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "individual": case.individual_id,
        "agency": case.agency.code,
        "caseworker": case.caseworker.username,
        "status": case.status,
        "priority": case.priority,
        "next_step": case.next_step,
        "due_on": case.due_on,
        "opened_at": case.opened_at,
        "pathways": [
            {"pathway": p.pathway, "state": p.state, "entered_at": p.entered_at, "data": p.data}
            for p in case.pathways.all()
        ],
    }


class NoteOut(Schema):
    id: UUID
    purpose: str
    text: str
    author: str
    written_at: datetime


class NotesOut(Schema):
    shown: bool
    notes: list[NoteOut]


def note_out(note: CaseNote) -> dict[str, Any]:
    return {
        "id": note.pk,
        "purpose": note.purpose,
        "text": note.text,
        "author": note.author.username,
        "written_at": note.written_at,
    }


class FollowUpOut(Schema):
    id: UUID
    case: UUID
    kind: str
    title: str
    due_on: date
    assigned_to: str


def follow_up_out(item: FollowUp) -> dict[str, Any]:
    return {
        "id": item.pk,
        "case": item.case_id,
        "kind": item.kind,
        "title": item.title,
        "due_on": item.due_on,
        "assigned_to": item.assigned_to.username,
    }


class ReferralOut(Schema):
    id: UUID
    case: UUID
    from_agency: str
    to_agency: str
    service: str
    shared: dict[str, Any]
    status: str
    reason: str
    sent_at: datetime
    answered_at: datetime | None


def referral_out(referral: Referral) -> dict[str, Any]:
    return {
        "id": referral.pk,
        "case": referral.case_id,
        "from_agency": referral.from_agency.code,
        "to_agency": referral.to_agency.code,
        "service": referral.service,
        "shared": referral.shared,
        "status": referral.status,
        "reason": referral.reason,
        "sent_at": referral.sent_at,
        "answered_at": referral.answered_at,
    }


class StateCountOut(Schema):
    state: str
    count: int


class PathwayCountOut(Schema):
    pathway: str
    total: int
    states: list[StateCountOut]


class CaseloadOut(Schema):
    team: bool
    cases_by_status: dict[str, int]
    pathways: list[PathwayCountOut]
    overdue: int
    overdue_by_caseworker: dict[str, int]
    referrals_sent_waiting: int
    referrals_received_waiting: int


def caseload_out(load: Caseload) -> dict[str, Any]:
    return {
        "team": load.team,
        "cases_by_status": load.cases_by_status,
        "pathways": [
            {
                "pathway": p.pathway,
                "total": p.total,
                "states": [{"state": s, "count": n} for s, _, n in p.states],
            }
            for p in load.pathways
        ],
        "overdue": load.overdue,
        "overdue_by_caseworker": {
            row["assigned_to__username"]: row["n"] for row in load.overdue_by_caseworker
        },
        "referrals_sent_waiting": load.referrals_sent_waiting,
        "referrals_received_waiting": load.referrals_received_waiting,
    }
