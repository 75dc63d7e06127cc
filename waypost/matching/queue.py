"""Reading the review queue as a given user may: which pairs, which decisions, audited.

An officer sees a pair only when both records are visible to them (`households_visible_to`):
deciding that two people are one means reading both. Open pairs with a record of another
agency the officer may not see are only counted, so that they know to ask. Each person shown
on a page is written to the audit trail, as the registry's own pages do.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from waypost.core import audit
from waypost.core.models import User
from waypost.matching.models import DuplicateProposal, Merge, ProposalStatus
from waypost.registry.models import Individual
from waypost.registry.selectors import (
    FIELD_GROUPS,
    detail_prefetches,
    households_visible_to,
    visible_fields,
)

DECIDED = (ProposalStatus.MERGED, ProposalStatus.DIFFERENT)


def records_visible_to(user: User) -> QuerySet[Individual]:
    """Every record the user may read, merged ones included (a decision concerns both)."""
    return Individual.objects.filter(household__in=households_visible_to(user))


def proposals_visible_to(user: User) -> QuerySet[DuplicateProposal]:
    """Pairs both of whose records the user may see; none without `matching.review`."""
    if not user.can("matching.review"):
        return DuplicateProposal.objects.none()
    records = records_visible_to(user)
    return DuplicateProposal.objects.filter(first__in=records, second__in=records)


def open_proposals(user: User, *, source: str = "", site: str = "") -> QuerySet[DuplicateProposal]:
    """Open pairs of two current records, the most likely first."""
    proposals = _current(proposals_visible_to(user).filter(status=ProposalStatus.OPEN))
    if source:
        proposals = proposals.filter(source=source)
    if site:
        proposals = proposals.filter(
            Q(first__current_site__code=site) | Q(second__current_site__code=site)
        )
    return _with_sides(proposals).order_by("-probability", "first_number", "second_number")


def hidden_open_count(user: User) -> int:
    """Open pairs the user may not decide because a record belongs to an agency they can't see."""
    if not user.can("matching.review"):
        return 0
    every_open = _current(DuplicateProposal.objects.filter(status=ProposalStatus.OPEN))
    seen = proposals_visible_to(user).filter(status=ProposalStatus.OPEN)
    return every_open.exclude(pk__in=seen.values("pk")).count()


def decided_proposals(user: User) -> QuerySet[DuplicateProposal]:
    """Pairs decided, the latest decision first, each with its merge when it is one."""
    decided = proposals_visible_to(user).filter(status__in=DECIDED)
    active_merges = Merge.objects.filter(undone_at__isnull=True).select_related("survivor")
    return (
        _with_sides(decided)
        .select_related("decided_by")
        .prefetch_related(_prefetch_merges(active_merges))
        .order_by("-decided_at")
    )


def get_proposal_for(user: User, proposal_id: str) -> DuplicateProposal:
    """One pair with both records in full as the user may see them; 404 otherwise. Audited."""
    try:
        proposal = (
            proposals_visible_to(user).prefetch_related(*_side_prefetches(user)).get(pk=proposal_id)
        )
    except (DuplicateProposal.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such proposal.") from None
    audit.record_views(
        actor=user,
        subjects=[*sides(proposal), *household_members(proposal)],
        purpose=purpose(user),
        fields=visible_fields(user),
        via="duplicate_review",
    )
    return proposal


def get_merge_for(user: User, merge_id: str) -> Merge:
    """An active or undone merge of two records the user may see; 404 otherwise."""
    records = records_visible_to(user)
    merges = Merge.objects.filter(survivor__in=records, merged__in=records)
    if not user.can("matching.review"):
        merges = Merge.objects.none()
    try:
        return merges.select_related("proposal").get(pk=merge_id)
    except (Merge.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such merge.") from None


def active_merge_of(proposal: DuplicateProposal) -> Merge | None:
    return proposal.merges.filter(undone_at__isnull=True).first()


def record_listed(user: User, proposals: Any) -> None:
    """A page of the queue shows who each pair is: names, sex and age, audited as such."""
    audit.record_views(
        actor=user,
        subjects=[person for proposal in proposals for person in sides(proposal)],
        purpose=purpose(user),
        fields=visible_fields(user) & set(FIELD_GROUPS["registry.view"]),
        via="duplicate_queue",
    )


def sides(proposal: DuplicateProposal) -> list[Individual]:
    return [person for person in (proposal.first, proposal.second) if person is not None]


def household_members(proposal: DuplicateProposal) -> list[Individual]:
    """The other current members of each record's household (prefetched by `get_proposal_for`)."""
    return [
        member
        for person in sides(proposal)
        for member in person.household.members.all()
        if member.pk != person.pk
    ]


@dataclass(frozen=True)
class Agreement:
    field: str
    level: str
    weight: float

    @property
    def speaks_for(self) -> bool:
        return self.weight > 0


def agreements_of(proposal: DuplicateProposal) -> list[Agreement]:
    """The reasons of the score, strongest evidence either way first."""
    rows = [
        Agreement(str(a["field"]), str(a["level"]), float(a["weight"])) for a in proposal.agreements
    ]
    return sorted(rows, key=lambda row: -abs(row.weight))


def purpose(user: User) -> str:
    return str(user.purpose_for("matching.review") or "")


def _current(proposals: QuerySet[DuplicateProposal]) -> QuerySet[DuplicateProposal]:
    """Leave out pairs with a record merged into someone else: back when the merge is undone."""
    return proposals.filter(first__merged_into__isnull=True, second__merged_into__isnull=True)


def _with_sides(proposals: QuerySet[DuplicateProposal]) -> QuerySet[DuplicateProposal]:
    related = ("household", "current_site", "registering_agency")
    return proposals.select_related(
        *(f"first__{name}" for name in related), *(f"second__{name}" for name in related)
    )


def _side_prefetches(user: User) -> list[Prefetch[Any]]:
    """Both records with what the user may see of them, and their households' current members."""
    members = Individual.objects.current().order_by("number")
    people = Individual.objects.select_related(
        "household", "current_site", "registering_agency"
    ).prefetch_related(*detail_prefetches(user), Prefetch("household__members", queryset=members))
    return [Prefetch("first", queryset=people), Prefetch("second", queryset=people)]


def _prefetch_merges(merges: QuerySet[Merge]) -> Prefetch[Any]:
    return Prefetch("merges", queryset=merges, to_attr="active_merges")
