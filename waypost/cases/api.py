"""Cases over HTTP, through the same selectors and services as the pages.

Refusals are 422 with one entry per field (`["body", "payload", "consent"]`), nothing written.
"""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.cases import schemas, selectors, services, workflows
from waypost.cases.caseload import caseload_of
from waypost.core.api import REFUSALS, MessageOut
from waypost.core.models import Agency
from waypost.core.permissions import AuthenticatedRequest, api_requires

router = Router(tags=["cases"])
NOT_FOUND = {404: MessageOut}
REFUSED = {422: schemas.ValidationErrorsOut}
PAGE_MAX = 200


def refused_as_422[T](work: Callable[[], T]) -> T:
    try:
        return work()
    except ValidationError as refused:
        raise RequestInvalid(schemas.field_errors(refused)) from None


@router.get("/cases", response={200: list[schemas.CaseOut], **REFUSALS})
@api_requires("cases.view")
def list_cases(
    request: AuthenticatedRequest, mine: bool = False, offset: int = 0, limit: int = 50
) -> list[dict[str, Any]]:
    """Cases the user may see, newest first, at most 200 a page."""
    found = selectors.cases_list_for(request.user, mine=mine)
    page = list(found[max(offset, 0) : max(offset, 0) + min(max(limit, 1), PAGE_MAX)])
    selectors.audit_listed(actor=request.user, cases=page)
    return [schemas.case_out(case) for case in page]


@router.post("/cases", response={201: schemas.CaseOut, **NOT_FOUND, **REFUSED, **REFUSALS})
@api_requires("cases.manage")
def open_case(request: AuthenticatedRequest, payload: schemas.OpenCaseIn) -> Status[dict[str, Any]]:
    person = selectors.get_person_for(request.user, payload.individual)
    fields = payload.model_dump(exclude={"individual", "pathways"})
    case = refused_as_422(
        lambda: services.open_case(
            by=request.user, individual=person, pathways=payload.pathways, **fields
        )
    )
    return Status(201, schemas.case_out(case))


@router.get("/cases/{case_id}", response={200: schemas.CaseOut, **NOT_FOUND, **REFUSALS})
@api_requires("cases.view")
def get_case(request: AuthenticatedRequest, case_id: UUID) -> dict[str, Any]:
    return schemas.case_out(selectors.get_case_for(request.user, case_id))


@router.post(
    "/cases/{case_id}/pathways/{pathway}/steps",
    response={200: schemas.CaseOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("cases.manage")
def move_pathway(
    request: AuthenticatedRequest, case_id: UUID, pathway: str, payload: schemas.StepIn
) -> dict[str, Any]:
    """Move one pathway to the state `to`, with the data that step requires."""
    case = selectors.get_case_for(request.user, case_id)
    followed = selectors.pathway_of(case, pathway)
    refused_as_422(
        lambda: services.move_pathway(
            by=request.user, followed=followed, to=payload.to, data=payload.data
        )
    )
    return schemas.case_out(case)


@router.post(
    "/cases/{case_id}/pathways",
    response={200: schemas.CaseOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("cases.manage")
def add_pathway(
    request: AuthenticatedRequest, case_id: UUID, payload: schemas.PathwayIn
) -> dict[str, Any]:
    case = selectors.get_case_for(request.user, case_id)
    refused_as_422(
        lambda: services.add_pathway(
            by=request.user, case=case, pathway=payload.pathway, data=payload.data
        )
    )
    return schemas.case_out(case)


@router.get("/cases/{case_id}/notes", response={200: schemas.NotesOut, **NOT_FOUND, **REFUSALS})
@api_requires("cases.notes")
def list_notes(request: AuthenticatedRequest, case_id: UUID) -> dict[str, Any]:
    """The case's notes for its team and protection officers; `shown: false` for others."""
    notes = selectors.notes_for(request.user, selectors.get_case_for(request.user, case_id))
    return {"shown": notes is not None, "notes": [schemas.note_out(n) for n in notes or []]}


@router.post(
    "/cases/{case_id}/notes", response={201: schemas.NoteOut, **NOT_FOUND, **REFUSED, **REFUSALS}
)
@api_requires("cases.notes")
def write_note(
    request: AuthenticatedRequest, case_id: UUID, payload: schemas.NoteIn
) -> Status[dict[str, Any]]:
    case = selectors.get_case_for(request.user, case_id)
    note = refused_as_422(
        lambda: services.write_note(by=request.user, case=case, **payload.model_dump())
    )
    return Status(201, schemas.note_out(note))


@router.post(
    "/cases/{case_id}/follow-ups",
    response={201: schemas.FollowUpOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("cases.manage")
def schedule_follow_up(
    request: AuthenticatedRequest, case_id: UUID, payload: schemas.FollowUpIn
) -> Status[dict[str, Any]]:
    case = selectors.get_case_for(request.user, case_id)
    item = refused_as_422(
        lambda: services.schedule_follow_up(by=request.user, case=case, **payload.model_dump())
    )
    return Status(201, schemas.follow_up_out(item))


def _agency(code: str, field: str) -> Agency:
    found = Agency.objects.filter(code=code).first()
    if found is None:
        raise RequestInvalid(
            schemas.field_errors(ValidationError({field: gettext("Unknown agency.")}))
        )
    return found


@router.post(
    "/cases/{case_id}/consents", response={201: MessageOut, **NOT_FOUND, **REFUSED, **REFUSALS}
)
@api_requires("cases.refer")
def record_consent(
    request: AuthenticatedRequest, case_id: UUID, payload: schemas.ConsentIn
) -> Status[dict[str, Any]]:
    """The person's consent to be referred to an agency's service, for a purpose."""
    case = selectors.get_case_for(request.user, case_id)
    agency = _agency(payload.recipient_agency, "recipient_agency")
    fields = payload.model_dump(exclude={"recipient_agency"})
    refused_as_422(
        lambda: services.record_referral_consent(
            by=request.user, individual=case.individual, recipient_agency=agency, **fields
        )
    )
    return Status(201, {"detail": "Consent recorded."})


@router.post(
    "/cases/{case_id}/referrals",
    response={201: schemas.ReferralOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("cases.refer")
def refer_case(
    request: AuthenticatedRequest, case_id: UUID, payload: schemas.ReferIn
) -> Status[dict[str, Any]]:
    case = selectors.get_case_for(request.user, case_id)
    agency = _agency(payload.to_agency, "to_agency")
    referral = refused_as_422(
        lambda: services.refer_case(
            by=request.user, case=case, to_agency=agency, service=payload.service
        )
    )
    return Status(201, schemas.referral_out(referral))


@router.get("/referrals", response={200: list[schemas.ReferralOut], **REFUSALS})
@api_requires("cases.refer")
def list_referrals(request: AuthenticatedRequest, received: bool = True) -> list[dict[str, Any]]:
    """Referrals the user's agency received (or, with `received=false`, sent), newest first."""
    pick = selectors.referrals_received_by if received else selectors.referrals_sent_by
    found = list(pick(request.user).select_related("to_agency", "from_agency")[:PAGE_MAX])
    return [schemas.referral_out(r) for r in found]


@router.post(
    "/referrals/{referral_id}/answer",
    response={200: schemas.ReferralOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("cases.refer")
def answer_referral(
    request: AuthenticatedRequest, referral_id: UUID, payload: schemas.AnswerIn
) -> dict[str, Any]:
    referral = selectors.get_referral_for(request.user, referral_id)
    answered = refused_as_422(
        lambda: services.answer_referral(by=request.user, referral=referral, **payload.model_dump())
    )
    return schemas.referral_out(answered)


@router.get("/caseload", response={200: schemas.CaseloadOut, **REFUSALS})
@api_requires("cases.caseload")
def caseload(request: AuthenticatedRequest, team: bool = True) -> dict[str, Any]:
    load = caseload_of(request.user, team=team, today=timezone.localdate())
    return schemas.caseload_out(load)


@router.get("/pathways", response={200: list[dict[str, Any]], **REFUSALS})
@api_requires("cases.view")
def list_pathways(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    """The workflows as data: states, transitions, who may make them, what each needs."""
    return [
        {
            "code": w.code,
            "name": w.name,
            "source": w.source,
            "initial": w.initial,
            "states": list(w.states.values()),
            "steps": [
                {
                    "from": sorted(s.sources),
                    "to": s.to,
                    "requires": list(s.requires),
                    "roles": sorted(s.roles),
                }
                for s in (*w.steps, w.withdrawal)
            ],
        }
        for w in workflows.workflows().values()
    ]
