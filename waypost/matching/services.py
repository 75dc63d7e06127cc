"""Proposing duplicates and deciding them: merge, unmerge, different people.

Each decision is one transaction that locks the proposal and both records, checks the rules,
writes the rows and its audit events together. A merge never deletes anything: the merged record
keeps its rows and its history and points to the record that stands for the person from now on;
undoing the merge clears that pointer, and everything is as it was.
"""

from collections.abc import Iterable
from itertools import batched
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import AuditEvent, User
from waypost.core.roles import Purpose
from waypost.matching.models import DuplicateProposal, Merge, ProposalStatus, Source
from waypost.matching.records import Score
from waypost.registry.models import Individual

# How many pairs one query looks up: well under SQLite's limit of bound parameters.
PROPOSAL_BATCH = 400
PairKey = tuple[UUID, UUID]


def ordered_pair(one: UUID | str, other: UUID | str) -> PairKey:
    """The pair as stored: lower id first, so (a, b) and (b, a) are one proposal."""
    first, second = UUID(str(one)), UUID(str(other))
    return (first, second) if first < second else (second, first)


@transaction.atomic
def propose_duplicates(
    pairs: Iterable[tuple[UUID | str, UUID | str, Score]], *, source: str, by: User | None = None
) -> int:
    """Open a proposal for each new pair, raise the score of open ones; how many were written.

    A pair already decided (different people, merged) or withdrawn is left alone: a decision is
    never reopened by a machine. Pairs with a record that is merged or gone are skipped. Plain
    `atomic` (not durable): the registration check proposes inside the registration.
    """
    if source not in Source.values:
        raise ValueError(f"Unknown proposal source {source!r}.")
    best: dict[PairKey, Score] = {}
    for one, other, score in pairs:
        key = ordered_pair(one, other)
        if key[0] != key[1] and (key not in best or score.probability > best[key].probability):
            best[key] = score
    written = 0
    for chunk in batched(best.items(), PROPOSAL_BATCH):
        written += _propose_chunk(dict(chunk), source=source, by=by)
    return written


def _propose_chunk(scores: dict[PairKey, Score], *, source: str, by: User | None) -> int:
    ids = {pk for pair in scores for pk in pair}
    numbers = dict(Individual.objects.current().filter(pk__in=ids).values_list("pk", "number"))
    existing = {
        (proposal.first_id, proposal.second_id): proposal
        for proposal in DuplicateProposal.objects.select_for_update().filter(
            first_id__in={first for first, _second in scores},
            second_id__in={second for _first, second in scores},
        )
    }
    new, raised = [], []
    for (first, second), score in scores.items():
        proposal = existing.get((first, second))
        if proposal is None and first in numbers and second in numbers:
            new.append(_new_proposal(first, second, numbers, score, source=source, by=by))
        elif proposal is not None and proposal.is_open and score.probability > proposal.probability:
            _apply_score(proposal, score)
            raised.append(proposal)
    # A pair proposed at the same moment by another desk is skipped, not an error that would
    # undo the registration this check runs in.
    DuplicateProposal.objects.bulk_create(new, ignore_conflicts=True)
    stored = set(
        DuplicateProposal.objects.filter(pk__in=[p.pk for p in new]).values_list("pk", flat=True)
    )
    new = [proposal for proposal in new if proposal.pk in stored]
    DuplicateProposal.objects.bulk_update(
        raised, ["probability", "match_weight", "agreements", "updated_at"]
    )
    AuditEvent.objects.bulk_create(
        [_proposal_event(p, "created", by, source) for p in new]
        + [_proposal_event(p, "updated", by, source) for p in raised]
    )
    return len(new) + len(raised)


def _new_proposal(
    first: UUID,
    second: UUID,
    numbers: dict[UUID, str],
    score: Score,
    *,
    source: str,
    by: User | None,
) -> DuplicateProposal:
    proposal = DuplicateProposal(
        first_id=first,
        second_id=second,
        first_number=numbers[first],
        second_number=numbers[second],
        source=source,
        proposed_by=by,
    )
    _apply_score(proposal, score)
    return proposal


def _apply_score(proposal: DuplicateProposal, score: Score) -> None:
    proposal.probability = min(1.0, max(0.0, score.probability))
    proposal.match_weight = score.weight
    proposal.agreements = [
        {"field": a.field, "level": a.level, "weight": a.weight} for a in score.agreements
    ]
    proposal.updated_at = timezone.now()


def _proposal_event(
    proposal: DuplicateProposal, action: str, by: User | None, source: str
) -> AuditEvent:
    return AuditEvent(
        actor=by,
        agency_id=by.agency_id if by else None,
        action=action,
        purpose=Purpose.PROTECTION,
        subject_type=audit.subject_label(proposal),
        subject_id=str(proposal.pk),
        fields={"probability": [None, round(proposal.probability, 4)]},
        details={"source": source, "pair": [proposal.first_number, proposal.second_number]},
    )


@transaction.atomic(durable=True)
def merge(proposal: DuplicateProposal, *, survivor: Individual, by: User, note: str = "") -> Merge:
    """The pair is one person: the other record is merged into `survivor`, reversibly.

    Household membership: the merged record stays in its own household, as registered. It is no
    longer listed or counted there (the household shows current records only), and its household
    history still tells its story. Moving it would change a second household for nothing, and
    undoing the move exactly would need to remember more than a pointer.
    """
    proposal = _locked_open(proposal)
    if survivor.pk not in (proposal.first_id, proposal.second_id):
        raise ValidationError({"survivor": _("The surviving record must be one of the pair.")})
    merged_id = proposal.second_id if survivor.pk == proposal.first_id else proposal.first_id
    survivor, merged = _locked_pair(survivor.pk, merged_id)
    _check_mergeable(survivor=survivor, merged=merged)
    now = timezone.now()
    merged.merged_into = survivor
    merged.save(update_fields=["merged_into", "updated_at"])
    _decide(proposal, ProposalStatus.MERGED, by=by, note=note, now=now)
    record = Merge.objects.create(
        proposal=proposal,
        survivor=survivor,
        merged=merged,
        survivor_number=survivor.number,
        merged_number=merged.number,
        merged_by=by,
        merged_at=now,
        note=note,
    )
    _record_link(by=by, merged=merged, old=None, new=survivor.number, note=note)
    return record


@transaction.atomic(durable=True)
def unmerge(merge: Merge, *, by: User, note: str = "") -> Merge:
    """Undo a merge: both records stand for themselves again, the pair is open for a decision."""
    merge = Merge.objects.select_for_update().get(pk=merge.pk)
    if not merge.is_active:
        raise ValidationError({"merge": _("This merge has already been undone.")})
    if merge.merged_id is None or merge.survivor_id is None:
        raise ValidationError({"merge": _("One of these records was removed; nothing to undo.")})
    survivor, merged = _locked_pair(merge.survivor_id, merge.merged_id)
    now = timezone.now()
    merged.merged_into = None
    merged.save(update_fields=["merged_into", "updated_at"])
    merge.undone_by, merge.undone_at, merge.undo_note = by, now, note
    merge.save(update_fields=["undone_by", "undone_at", "undo_note", "updated_at"])
    proposal = DuplicateProposal.objects.select_for_update().get(pk=merge.proposal_id)
    _decide(proposal, ProposalStatus.OPEN, by=by, note=note, now=now)
    _record_link(by=by, merged=merged, old=survivor.number, new=None, note=note)
    return merge


@transaction.atomic(durable=True)
def mark_different(proposal: DuplicateProposal, *, by: User, note: str = "") -> DuplicateProposal:
    """The pair is two people; remembered, so the pair is never proposed again."""
    proposal = _locked_open(proposal)
    return _decide(proposal, ProposalStatus.DIFFERENT, by=by, note=note, now=timezone.now())


@transaction.atomic
def withdraw_proposals_of(individual: Individual, *, by: User) -> None:
    """Before a record is removed: its proposals are withdrawn; a record others were merged into
    may not go (undo those merges first), so no merged record is left pointing nowhere."""
    if individual.merged_records.exists():
        raise ValidationError(
            {"reason": _("Other records are merged into this person; undo those merges first.")}
        )
    proposals = DuplicateProposal.objects.select_for_update().filter(
        Q(first=individual) | Q(second=individual), status=ProposalStatus.OPEN
    )
    for proposal in proposals:
        _decide(proposal, ProposalStatus.WITHDRAWN, by=by, note="", now=timezone.now())


def _locked_open(proposal: DuplicateProposal) -> DuplicateProposal:
    proposal = DuplicateProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_open:
        raise ValidationError(
            {
                "proposal": _("This pair was already decided: %(status)s.")
                % {"status": proposal.get_status_display()}
            }
        )
    return proposal


def _locked_pair(survivor_id: Any, merged_id: Any) -> tuple[Individual, Individual]:
    """Both records, locked in primary-key order (the house rule against deadlocks)."""
    rows = Individual.objects.select_for_update().filter(pk__in=[survivor_id, merged_id])
    locked = {row.pk: row for row in rows.order_by("pk")}
    if survivor_id == merged_id:
        raise ValidationError({"survivor": _("A person cannot be merged into themselves.")})
    if len(locked) != 2:
        raise ValidationError({"survivor": _("One of these records was removed.")})
    return locked[survivor_id], locked[merged_id]


def _check_mergeable(*, survivor: Individual, merged: Individual) -> None:
    if survivor.merged_into_id is not None or merged.merged_into_id is not None:
        raise ValidationError(
            {"survivor": _("One of these records is already merged into another one.")}
        )
    if merged.merged_records.exists():
        raise ValidationError(
            {
                "survivor": _(
                    "Other records are already merged into %(number)s: keep %(number)s as the "
                    "surviving record."
                )
                % {"number": merged.number}
            }
        )


def _decide(
    proposal: DuplicateProposal, status: str, *, by: User, note: str, now: Any
) -> DuplicateProposal:
    old = proposal.status
    reopened = status == ProposalStatus.OPEN
    proposal.status = status
    proposal.decided_by = None if reopened else by
    proposal.decided_at = None if reopened else now
    proposal.note = note
    proposal.save(update_fields=["status", "decided_by", "decided_at", "note", "updated_at"])
    audit.record(
        actor=by,
        action="updated",
        subject=proposal,
        purpose=Purpose.PROTECTION,
        fields={"status": [old, status]},
        pair=[proposal.first_number, proposal.second_number],
        reason=note,
    )
    return proposal


def _record_link(
    *, by: User, merged: Individual, old: str | None, new: str | None, note: str
) -> None:
    """The merged record's own history says where it went (or came back from)."""
    audit.record(
        actor=by,
        action="updated",
        subject=merged,
        purpose=Purpose.PROTECTION,
        fields={"merged_into": [old, new]},
        household=merged.household.number,
        reason=note,
    )
