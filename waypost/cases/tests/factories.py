"""Defaults for case test data; everything is created through the services."""

from typing import Any

from waypost.cases import services, workflows
from waypost.cases.models import Case, CasePathway
from waypost.cases.workflows import path_to
from waypost.core.models import User
from waypost.registry.models import Individual

START = "2026-11-02"


def sample_value(field: workflows.Field) -> str:
    if field.type == "date":
        return START
    if field.type == "choice":
        return field.choices[0]
    return f"{field.name} given"


def sample_data(workflow: workflows.Workflow, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: sample_value(workflow.fields[name]) for name in names}


def first_data(pathway: str) -> dict[str, Any]:
    workflow = workflows.workflow_of(pathway)
    return sample_data(workflow, workflow.initial_requires)


def open_case_for(by: User, individual: Individual, *pathways: str, **kwargs: Any) -> Case:
    chosen = pathways or ("avrr",)
    return services.open_case(
        by=by, individual=individual, pathways={p: first_data(p) for p in chosen}, **kwargs
    )


def move(by: User, followed: CasePathway, to: str) -> CasePathway:
    workflow = workflows.workflow_of(followed.pathway)
    step = next(s for s in workflow.steps_into(to) if followed.state in s.sources)
    return services.move_pathway(
        by=by, followed=followed, to=to, data=sample_data(workflow, step.requires)
    )


def walk_to(by: User, followed: CasePathway, state: str) -> CasePathway:
    for to in path_to(workflows.workflow_of(followed.pathway), state):
        followed = move(by, followed, to)
    return followed


def cases_route_values(household: Any) -> dict[str, str]:
    """For the route matrix: a case of the household's agency referred to IOM, so both agencies'
    casework staff may open it (IOM as the receiving agency)."""
    from datetime import date

    from waypost.core.models import Agency
    from waypost.core.roles import Role
    from waypost.core.services import create_user

    owner = create_user(
        username="matrix-caseworker", agency=household.registering_agency, roles=[Role.CASEWORKER]
    )
    head = household.members.get(relationship="head")
    case = open_case_for(owner, head, "avrr")
    iom = Agency.objects.get(code="iom")
    services.record_referral_consent(
        by=owner,
        individual=head,
        recipient_agency=iom,
        service="avrr",
        purpose="Registration for voluntary return",
        given_on=date(2026, 11, 2),
        how_given="written",
    )
    referral = services.refer_case(by=owner, case=case, to_agency=iom, service="avrr")
    return {"case_id": str(case.pk), "referral_id": str(referral.pk), "pathway": "avrr"}
