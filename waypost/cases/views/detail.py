"""What the case page shows: pathways with their next steps and the data each needs, history,
follow-ups, referrals, and the forms; a refused post comes back with its errors in place."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from waypost.cases import selectors, workflows
from waypost.cases.access import is_case_team, may_read_notes
from waypost.cases.forms import CaseUpdateForm, ConsentForm, FollowUpForm, NoteForm, ReferForm
from waypost.cases.models import Case, CasePathway
from waypost.cases.views.common import Request


@dataclass
class StepForm:
    to: str
    label: str
    fields: list[workflows.Field]
    is_withdrawal: bool
    errors: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class PathwayView:
    followed: CasePathway
    workflow: workflows.Workflow
    steps: list[StepForm]

    @property
    def state_label(self) -> str:
        return self.workflow.label(self.followed.state)

    @property
    def recorded(self) -> list[tuple[str, Any]]:
        fields = self.workflow.fields
        return [(fields[k].label, v) for k, v in self.followed.data.items() if k in fields]


def pathway_views(case: Case, refused: dict[str, Any] | None) -> list[PathwayView]:
    found = []
    for followed in case.pathways.all():
        workflow = workflows.workflow_of(followed.pathway)
        steps = []
        for step in workflow.next_steps(followed.state):
            form = StepForm(
                to=step.to,
                label=gettext(workflow.label(step.to)),
                fields=[workflow.fields[name] for name in step.requires],
                is_withdrawal=step is workflow.withdrawal,
            )
            if refused and refused.get("key") == (followed.pathway, step.to):
                form.errors, form.values = refused["errors"], refused["values"]
            steps.append(form)
        found.append(PathwayView(followed, workflow, steps))
    return found


def case_context(request: Request, case: Case, **extra: Any) -> dict[str, Any]:
    user = request.user
    team = is_case_team(user, case)
    referrals = case.referrals.select_related("to_agency", "from_agency")
    if not team:
        referrals = referrals.filter(to_agency_id=user.agency_id)
    followed_codes = set(case.pathways.values_list("pathway", flat=True))
    context = {
        "case": case,
        "is_team": team,
        "may_manage": team and user.can("cases.manage"),
        "may_refer": team and user.can("cases.refer"),
        "may_read_notes": may_read_notes(user, case),
        "pathways": pathway_views(case, extra.pop("refused_step", None)),
        "addable": [(c, n) for c, n in workflows.pathway_choices() if c not in followed_codes],
        "history": selectors.history_of(case),
        "follow_ups": selectors.open_follow_ups(case),
        "referrals": referrals,
        "update_form": CaseUpdateForm(
            initial={
                "status": case.status,
                "priority": case.priority,
                "next_step": case.next_step,
                "due_on": case.due_on,
            }
        ),
        "follow_up_form": FollowUpForm(),
        "consent_form": ConsentForm(),
        "refer_form": ReferForm(),
        "note_form": NoteForm(),
    }
    return context | extra
