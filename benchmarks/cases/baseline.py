"""What a first version of the caseload would do: load the team's cases with their pathways,
follow-ups and referrals (prefetched, so not one query per case) and count in Python."""

from collections import Counter
from datetime import date
from typing import Any

from waypost.cases.models import Case, Referral
from waypost.core.models import User


def naive_caseload(user: User, *, today: date) -> dict[str, Any]:
    by_status: Counter[str] = Counter()
    by_pathway: Counter[tuple[str, str]] = Counter()
    overdue: Counter[str] = Counter()
    cases = Case.objects.filter(agency_id=user.agency_id).prefetch_related(
        "pathways", "follow_ups__assigned_to"
    )
    for case in cases:
        by_status[case.status] += 1
        for followed in case.pathways.all():
            by_pathway[(followed.pathway, followed.state)] += 1
        for item in case.follow_ups.all():
            if item.done_at is None and item.due_on < today:
                overdue[item.assigned_to.username] += 1
    sent = received = 0
    for referral in Referral.objects.filter(status=Referral.Status.SENT):
        sent += referral.from_agency_id == user.agency_id
        received += referral.to_agency_id == user.agency_id
    return {
        "by_status": by_status,
        "by_pathway": by_pathway,
        "overdue": sum(overdue.values()),
        "overdue_by_caseworker": overdue,
        "sent": sent,
        "received": received,
    }
