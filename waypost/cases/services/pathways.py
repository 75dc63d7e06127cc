"""Starting a pathway on a case and moving it along its workflow (`waypost.cases.workflows`).

A move not allowed is refused with the reason: from which states it may be taken, which data is
missing, which role may make it. Every move is kept as a `Transition` and audited; entering a
state with a time limit raises a follow-up for the caseworker.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.cases import workflows
from waypost.cases.models import Case, CasePathway, FollowUp, Transition
from waypost.cases.services.common import PURPOSE, locked, require_team
from waypost.core import audit
from waypost.core.models import User


def start_pathway(*, by: User, case: Case, pathway: str, data: dict[str, Any]) -> CasePathway:
    """Part of a use case: the pathway in its first state, with the data that state needs."""
    workflow = workflows.workflow_of(pathway)
    if case.pathways.filter(pathway=pathway).exists():
        raise ValidationError(
            {"pathway": _("This case already follows %(name)s.") % {"name": workflow.name}}
        )
    cleaned = workflows.clean_data(workflow, workflow.initial_requires, data)
    now = timezone.now()
    followed = CasePathway.objects.create(
        case=case,
        pathway=pathway,
        state=workflow.initial,
        entered_at=now,
        data=cleaned,
        agency_id=case.agency_id,
        caseworker_id=case.caseworker_id,
    )
    _keep(by=by, followed=followed, from_state="", data=cleaned, at=now)
    return followed


@transaction.atomic(durable=True)
def add_pathway(*, by: User, case: Case, pathway: str, data: dict[str, Any]) -> CasePathway:
    case = locked(case)
    require_team(by, case)
    return start_pathway(by=by, case=case, pathway=pathway, data=data)


@transaction.atomic(durable=True)
def move_pathway(*, by: User, followed: CasePathway, to: str, data: dict[str, Any]) -> CasePathway:
    """Move one pathway of a case to `to`; the case's other pathways are left as they are."""
    case = locked(followed.case)
    require_team(by, case)
    followed = CasePathway.objects.select_for_update().get(pk=followed.pk)
    workflow = workflows.workflow_of(followed.pathway)
    reason = workflows.refusal(workflow, followed.state, to, by.role_names)
    if reason:
        raise ValidationError({"to": reason})
    step = next(s for s in workflow.steps_into(to) if followed.state in s.sources)
    cleaned = workflows.clean_data(workflow, step.requires, data)
    from_state, now = followed.state, timezone.now()
    followed.state, followed.entered_at = to, now
    followed.data = {**followed.data, **cleaned}
    followed.save(update_fields=["state", "entered_at", "data", "updated_at"])
    _keep(by=by, followed=followed, from_state=from_state, data=cleaned, at=now)
    return followed


def _keep(
    *, by: User, followed: CasePathway, from_state: str, data: dict[str, Any], at: Any
) -> None:
    Transition.objects.create(
        case_pathway=followed,
        from_state=from_state,
        to_state=followed.state,
        by=by,
        at=at,
        data=data,
    )
    audit.record(
        actor=by,
        action="case.pathway_moved" if from_state else "case.pathway_started",
        subject=followed.case,
        purpose=PURPOSE,
        fields={"state": [from_state or None, followed.state]},
        pathway=followed.pathway,
        data=data,
    )
    _settle_follow_ups(followed, from_state, at)
    _raise_follow_ups(followed)


def _settle_follow_ups(followed: CasePathway, from_state: str, at: Any) -> None:
    """Close the open follow-ups of time limits the move settles: the wait is over."""
    workflow = workflows.workflow_of(followed.pathway)
    withdrawn = followed.state == workflow.withdrawal.to
    titles = [
        limit.follow_up
        for limit in workflow.time_limits
        if from_state and (withdrawn or limit.settled_by(from_state, followed.state))
    ]
    if not titles:
        return
    label = workflow.states[followed.state]["label"]
    followed.follow_ups.filter(done_at__isnull=True, title__in=titles).update(
        done_at=at, closed_note=f"Settled: the pathway moved to {label}"[:200]
    )


def _raise_follow_ups(followed: CasePathway) -> None:
    workflow = workflows.workflow_of(followed.pathway)
    for limit, due in workflows.due_dates(workflow, followed.state, followed.data):
        FollowUp.objects.create(
            case_pathway=followed,
            case_id=followed.case_id,
            title=limit.follow_up,
            due_on=due,
            assigned_to_id=followed.caseworker_id,
            agency_id=followed.agency_id,
            source=limit.source,
        )
