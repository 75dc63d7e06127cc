"""The options guide and counselling sessions over HTTP, on the same services as the pages."""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.cases.models import Case
from waypost.core.api import REFUSALS, MessageOut
from waypost.core.models import User
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.counselling import schemas, services
from waypost.counselling.guide import evaluate_options
from waypost.counselling.guide.data import guide
from waypost.counselling.selectors import case_of, facts_from_registry, sessions_of
from waypost.registry.models import Individual
from waypost.registry.schemas import ValidationErrorsOut
from waypost.registry.selectors import get_individual_for

router = Router(tags=["counselling"])
REFUSED = {422: ValidationErrorsOut, **REFUSALS}


def refusal(errors: list[dict[str, Any]]) -> RequestInvalid:
    return RequestInvalid(errors)


def from_validation_error(error: ValidationError) -> RequestInvalid:
    if hasattr(error, "error_dict"):
        return refusal(
            [
                {"loc": ["body", field], "msg": message, "type": "value_error"}
                for field, messages in error.message_dict.items()
                for message in messages
            ]
        )
    return refusal([{"loc": ["body"], "msg": m, "type": "value_error"} for m in error.messages])


@router.post("/options", response={200: schemas.OptionsOut, **REFUSED})
@api_requires("counselling.guide")
def post_options(request: AuthenticatedRequest, body: schemas.OptionsIn) -> dict[str, Any]:
    """The options that may be open to a person with these facts, on a date (today by default):
    each with its status (applies, may_apply, does_not_apply), the rules that decided it with their
    legal basis, conditions met and not met, facts missing, checks, documents, time limits and next
    steps. Reads no record: the facts are given."""
    errors = schemas.vocabulary_errors(body.facts, ["body", "facts"])
    if errors:
        raise refusal(errors)
    on_date = body.on_date or timezone.localdate()
    results = evaluate_options(facts=schemas.facts_in(body.facts), on_date=on_date)
    return schemas.options_out(results, on_date)


@router.post(
    "/people/{individual_id}/sessions",
    response={201: schemas.SessionOut, **REFUSED, 404: MessageOut},
)
@api_requires("counselling.guide")
def post_session(
    request: AuthenticatedRequest, individual_id: UUID, body: schemas.SessionIn
) -> Status[dict[str, Any]]:
    """Record a counselling session: the options as the guide gives them for the person's facts
    (nationality, age, pregnancy and specific needs from the registry, the rest as stated), the
    language, interpreter, sheets given and the person's stated wishes."""
    person = get_individual_for(request.user, str(individual_id))
    case = session_case(body, person, request.user)
    base = facts_from_registry(person, on_date=body.held_on)
    try:
        session = services.record_session(
            by=request.user,
            individual=person,
            held_on=body.held_on,
            language=body.language,
            interpreter=body.interpreter,
            facts=schemas.stated_facts(body.facts, base),
            sheets_given=body.sheets_given,
            wishes=body.wishes,
            decision_notes=body.decision_notes,
            case=case,
            purpose=request.purpose,
        )
    except ValidationError as error:
        raise from_validation_error(error) from None
    return Status(201, schemas.session_out(session))


def session_case(body: schemas.SessionIn, person: Individual, user: User) -> Case | None:
    """The case the session belongs to, if one is named; a 422 for any word the guide does not
    know or a case of someone else."""
    errors = schemas.vocabulary_errors(body.facts, ["body", "facts"])
    errors += [
        {"loc": ["body", "wishes"], "msg": f"Unknown value {w!r}.", "type": "value_error"}
        for w in body.wishes
        if w not in guide().vocabulary["wishes"]
    ]
    if errors:
        raise refusal(errors)
    if body.case_id is None:
        return None
    case = case_of(person, body.case_id, seen_by=user)
    if case is None:
        loc = ["body", "case_id"]
        raise refusal([{"loc": loc, "msg": "No such case for this person.", "type": "value_error"}])
    return case


@router.get(
    "/people/{individual_id}/sessions",
    response={200: list[schemas.SessionOut], **REFUSALS, 404: MessageOut},
)
@api_requires("counselling.guide")
def get_sessions(request: AuthenticatedRequest, individual_id: UUID) -> list[dict[str, Any]]:
    """A person's counselling sessions, newest first (each one read is in the audit trail)."""
    person = get_individual_for(request.user, str(individual_id))
    return [schemas.session_out(s) for s in sessions_of(request.user, str(person.pk))]
