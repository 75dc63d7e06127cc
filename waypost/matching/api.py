"""The review queue over HTTP: list, read and decide proposed duplicates, undo a merge, through
the same selectors, forms and services as the pages."""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.matching import queue
from waypost.matching.forms import DecisionForm, UnmergeForm
from waypost.matching.models import DuplicateProposal, Merge
from waypost.registry.schemas import MemberOut, ValidationErrorsOut, field_errors, member_out
from waypost.registry.selectors import FIELD_GROUPS, visible_fields

router = Router(tags=["matching"])
NOT_FOUND = {404: MessageOut}
PAGE_SIZE = 50


class AgreementOut(Schema):
    field: str
    level: str
    weight: float


class ProposalOut(Schema):
    id: UUID
    probability: float
    match_weight: float
    source: str
    status: str
    first_number: str
    second_number: str
    first: MemberOut | None
    second: MemberOut | None
    agreements: list[AgreementOut]
    decided_at: datetime | None
    note: str
    merge_id: UUID | None = None  # the active merge, when the pair was merged


class QueueOut(Schema):
    count: int
    page: int
    pages: int
    hidden: int  # open pairs with a record of an agency the caller may not see
    items: list[ProposalOut]


class DecisionIn(Schema):
    decision: Literal["same", "different"]
    survivor: Literal["first", "second", ""] = ""
    note: str = ""


class UnmergeIn(Schema):
    note: str = ""


class MergeOut(Schema):
    id: UUID
    proposal_id: UUID
    survivor_number: str
    merged_number: str
    merged_at: datetime
    undone_at: datetime | None


@router.get("/proposals", response={200: QueueOut, **REFUSALS}, exclude_unset=True)
@api_requires("matching.review")
def list_proposals(
    request: AuthenticatedRequest, source: str = "", site: str = "", page: int = 1
) -> dict[str, Any]:
    """Open pairs, most likely first; names, sex and age of each record."""
    user = request.user
    paged = Paginator(queue.open_proposals(user, source=source, site=site), PAGE_SIZE)
    current = paged.get_page(page)
    queue.record_listed(user, current.object_list)
    fields = visible_fields(user) & set(FIELD_GROUPS["registry.view"])
    return {
        "count": paged.count,
        "page": current.number,
        "pages": paged.num_pages,
        "hidden": queue.hidden_open_count(user),
        "items": [proposal_out(proposal, fields) for proposal in current.object_list],
    }


@router.get(
    "/proposals/{proposal_id}",
    response={200: ProposalOut, **NOT_FOUND, **REFUSALS},
    exclude_unset=True,
)
@api_requires("matching.review")
def get_proposal(request: AuthenticatedRequest, proposal_id: UUID) -> dict[str, Any]:
    """A pair with both records as the caller may see them (audited)."""
    proposal = queue.get_proposal_for(request.user, str(proposal_id))
    return proposal_out(proposal, visible_fields(request.user))


@router.post(
    "/proposals/{proposal_id}/decision",
    response={200: ProposalOut, 422: ValidationErrorsOut, **NOT_FOUND, **REFUSALS},
    exclude_unset=True,
)
@api_requires("matching.decide")
def decide(request: AuthenticatedRequest, proposal_id: UUID, payload: DecisionIn) -> dict[str, Any]:
    """Same person (`survivor` says which record stays) or different people, with a note."""
    user = request.user
    proposal = queue.get_proposal_for(user, str(proposal_id))
    form = DecisionForm(payload.dict())
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_data())
        form.apply(proposal, by=user)
    except ValidationError as refused:
        raise RequestInvalid(field_errors(refused)) from None
    return proposal_out(queue.get_proposal_for(user, str(proposal_id)), visible_fields(user))


@router.post(
    "/merges/{merge_id}/unmerge",
    response={200: MergeOut, 422: ValidationErrorsOut, **NOT_FOUND, **REFUSALS},
)
@api_requires("matching.decide")
def unmerge(request: AuthenticatedRequest, merge_id: UUID, payload: UnmergeIn) -> Merge:
    """Undo a merge: both records stand for themselves again; the pair is open once more."""
    merge = queue.get_merge_for(request.user, str(merge_id))
    form = UnmergeForm(payload.dict())
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_data())
        form.apply(merge, by=request.user)
    except ValidationError as refused:
        raise RequestInvalid(field_errors(refused)) from None
    return queue.get_merge_for(request.user, str(merge_id))


def proposal_out(proposal: DuplicateProposal, fields: set[str]) -> dict[str, Any]:
    today = timezone.localdate()
    merge = queue.active_merge_of(proposal)
    sides = {
        name: member_out(person, fields, today=today) if person else None
        for name, person in (("first", proposal.first), ("second", proposal.second))
    }
    return {
        "id": proposal.pk,
        "probability": proposal.probability,
        "match_weight": proposal.match_weight,
        "source": proposal.source,
        "status": proposal.status,
        "first_number": proposal.first_number,
        "second_number": proposal.second_number,
        **sides,
        "agreements": proposal.agreements,
        "decided_at": proposal.decided_at,
        "note": proposal.note,
        "merge_id": merge.pk if merge else None,
    }
