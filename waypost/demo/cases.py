"""Demo cases: a few dozen across the pathways and the three agencies, through the services.

Among them a voluntary-return case midway (travel document requested), a withdrawn one, a
family-reunification referral from UNHCR waiting for IOM's answer, and follow-ups overdue.
Loaded once: nothing is done when cases already exist.
"""

from datetime import date, timedelta
from typing import Any

from waypost.cases import services, workflows
from waypost.cases.models import Case, Priority
from waypost.core.models import Agency, User
from waypost.core.roles import Role
from waypost.demo.organisation import demo_username
from waypost.registry.models import Individual, Relationship

# (agency code, pathway, state reached): the demo's cases, three rounds of this plan.
PLAN: tuple[tuple[str, str, str], ...] = (
    ("iom", "avrr", "travel_document_requested"),
    ("iom", "avrr", "interested"),
    ("iom", "avrr", "withdrawn"),
    ("iom", "relocation", "agreed"),
    ("unhcr", "asylum_by", "application_lodged"),
    ("unhcr", "asylum_by", "interview"),
    ("unhcr", "best_interests", "assessed"),
    ("unhcr", "family_reunification", "documents_gathered"),
    ("brc", "medical_referral", "appointment_set"),
    ("brc", "family_reunification", "sponsor_identified"),
    ("brc", "relocation", "proposed"),
    ("iom", "medical_referral", "referred"),
)
ROUNDS = 3


def _value(field: workflows.Field, today: date) -> str:
    if field.type == "date":
        return (today - timedelta(days=7)).isoformat()
    if field.type == "choice":
        return field.choices[0]
    return {
        "counselling_language": "ar",
        "authority": "Grodno citizenship and migration department",
        "destination": "Bruzgi logistics centre",
        "facility": "Grodno regional hospital",
        "sponsor_country": "DEU",
        "sponsor_relation": "brother",
    }.get(field.name, "Recorded in the demo")


def _data(workflow: workflows.Workflow, names: tuple[str, ...], today: date) -> dict[str, Any]:
    return {name: _value(workflow.fields[name], today) for name in names}


def _open(by: User, person: Individual, pathway: str, state: str, today: date, n: int) -> Case:
    workflow = workflows.workflow_of(pathway)
    case = services.open_case(
        by=by,
        individual=person,
        pathways={pathway: _data(workflow, workflow.initial_requires, today)},
        priority=Priority.HIGH if n % 4 == 0 else Priority.NORMAL,
        next_step=str(workflow.label(state)),
        due_on=today + timedelta(days=n % 10 - 3),
    )
    followed = case.pathways.get()
    for to in workflows.path_to(workflow, state):
        step = next(s for s in workflow.steps_into(to) if followed.state in s.sources)
        data = _data(workflow, step.requires, today)
        followed = services.move_pathway(by=by, followed=followed, to=to, data=data)
    return case


def load_demo_cases(*, today: date) -> int:
    """The demo cases, unless cases exist already or nobody is registered; how many were made."""
    heads = list(
        Individual.objects.current()
        .filter(relationship=Relationship.HEAD)
        .order_by("number")[: len(PLAN) * ROUNDS]
    )
    if Case.objects.exists() or len(heads) < len(PLAN) * ROUNDS:
        return 0
    workers = {
        code: User.objects.get(username=demo_username(code, Role.CASEWORKER))
        for code in ("unhcr", "iom", "brc")
    }
    made = []
    for n, person in enumerate(heads):
        agency, pathway, state = PLAN[n % len(PLAN)]
        made.append(_open(workers[agency], person, pathway, state, today, n))
        if n < len(PLAN):
            services.schedule_follow_up(
                by=workers[agency],
                case=made[-1],
                title="Call back",
                due_on=today - timedelta(days=2),
            )
    _waiting_referral(workers["unhcr"], made[7], today)
    return len(made)


def _waiting_referral(by: User, case: Case, today: date) -> None:
    iom = Agency.objects.get(code="iom")
    services.record_referral_consent(
        by=by,
        individual=case.individual,
        recipient_agency=iom,
        service="family_reunification",
        purpose="Family reunification with the brother in Germany",
        given_on=today - timedelta(days=1),
        how_given="written",
    )
    services.refer_case(by=by, case=case, to_agency=iom, service="family_reunification")
