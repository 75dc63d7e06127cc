"""The caseload of a caseworker or a team, counted in SQL.

Counts are single GROUP BY queries over the denormalised owner columns (`agency`, `caseworker`)
that the indexes on `CasePathway`, `FollowUp` and `Referral` cover; lists are paged. Nothing
here loops over cases in Python (the benchmark in `benchmarks/cases` compares with doing so).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from waypost.cases import workflows
from waypost.cases.models import Case, CasePathway, FollowUp, Referral
from waypost.core.models import User


@dataclass(frozen=True)
class PathwayCount:
    pathway: str
    name: str
    states: list[tuple[str, str, int]]  # code, label, count; the workflow's order

    @property
    def total(self) -> int:
        return sum(count for _, _, count in self.states)


@dataclass(frozen=True)
class Caseload:
    team: bool
    cases_by_status: dict[str, int]
    pathways: list[PathwayCount]
    overdue: int
    overdue_by_caseworker: list[dict[str, Any]]
    referrals_sent_waiting: int
    referrals_received_waiting: int


def _owner(user: User, team: bool, *, worker_field: str) -> Q:
    return Q(agency_id=user.agency_id) if team else Q(**{worker_field: user.pk})


def pathway_counts(user: User, team: bool) -> list[PathwayCount]:
    rows = (
        CasePathway.objects.filter(_owner(user, team, worker_field="caseworker_id"))
        .values_list("pathway", "state")
        .annotate(n=Count("*"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}
    for pathway, state, n in rows:
        counts.setdefault(pathway, {})[state] = n
    found = []
    for code, workflow in workflows.workflows().items():
        if code in counts:
            states = [(s, workflow.label(s), counts[code].get(s, 0)) for s in workflow.states]
            found.append(PathwayCount(code, workflow.name, states))
    return found


def overdue_per_caseworker(overdue: QuerySet[FollowUp]) -> list[dict[str, Any]]:
    """Counted by the assignee's id (no join over the follow-ups), then named."""
    counts = dict(overdue.values_list("assigned_to_id").annotate(n=Count("*")).order_by())
    names = dict(User.objects.filter(pk__in=counts).values_list("pk", "username"))
    rows = [{"assigned_to__username": names[pk], "n": n} for pk, n in counts.items()]
    return sorted(rows, key=lambda row: (-row["n"], row["assigned_to__username"]))


def caseload_of(user: User, *, team: bool, today: date) -> Caseload:
    by_status = dict(
        Case.objects.filter(_owner(user, team, worker_field="caseworker_id"))
        .values_list("status")
        .annotate(n=Count("*"))
        .order_by()
    )
    overdue = FollowUp.objects.filter(
        _owner(user, team, worker_field="assigned_to_id"), done_at__isnull=True, due_on__lt=today
    )
    per_worker = overdue_per_caseworker(overdue) if team else []
    waiting = Referral.objects.filter(status=Referral.Status.SENT)
    return Caseload(
        team=team,
        cases_by_status=by_status,
        pathways=pathway_counts(user, team),
        overdue=overdue.count(),
        overdue_by_caseworker=per_worker,
        referrals_sent_waiting=waiting.filter(from_agency_id=user.agency_id).count(),
        referrals_received_waiting=waiting.filter(to_agency_id=user.agency_id).count(),
    )
