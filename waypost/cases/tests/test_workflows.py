"""Every workflow's transitions, generated from the data: each edge allowed, the others refused."""

import pytest
from django.core.exceptions import ValidationError

from waypost.cases import workflows
from waypost.cases.models import CasePathway, Transition
from waypost.cases.services import move_pathway
from waypost.cases.tests.factories import move, open_case_for, sample_data, walk_to
from waypost.cases.workflows import path_to

WORKFLOWS = workflows.workflows()
EDGES = [
    (code, source, step.to)
    for code, workflow in WORKFLOWS.items()
    for step in (*workflow.steps, workflow.withdrawal)
    for source in sorted(step.sources)
]
STATES = [(code, state) for code, workflow in WORKFLOWS.items() for state in workflow.states]


def test_the_pathways_the_issue_asks_for_are_there():
    assert {
        "asylum_by",
        "family_reunification",
        "avrr",
        "relocation",
        "medical_referral",
        "best_interests",
    } <= set(WORKFLOWS)


def test_voluntary_return_has_the_steps_of_the_issue_in_order():
    avrr = WORKFLOWS["avrr"]
    chain = [avrr.initial, *path_to(avrr, "monitoring")]
    assert [avrr.label(state) for state in chain] == [
        "Counselled",
        "Interested",
        "Informed consent signed",
        "Travel document requested",
        "Travel document obtained",
        "Fit to travel",
        "Travel booked",
        "Departed",
        "Arrived",
        "Reintegration plan",
        "Monitoring",
    ]


def test_every_state_names_its_source_and_every_state_is_reachable():
    for workflow in WORKFLOWS.values():
        for code, state in workflow.states.items():
            assert state["source"], f"{workflow.code}.{code} has no source"
            assert code == workflow.initial or path_to(workflow, code), code


@pytest.mark.parametrize(("code", "source", "to"), EDGES, ids="-".join)
def test_each_edge_is_allowed_with_its_data(code, source, to, iom_protection_officer, person):
    followed = open_case_for(iom_protection_officer, person, code).pathways.get()
    followed = walk_to(iom_protection_officer, followed, source)
    assert followed.state == source

    moved = move(iom_protection_officer, followed, to)

    assert CasePathway.objects.get(pk=moved.pk).state == to
    last = Transition.objects.filter(case_pathway=moved).latest("id")
    assert (last.from_state, last.to_state, last.by) == (source, to, iom_protection_officer)


@pytest.mark.parametrize(("code", "state"), STATES, ids="-".join)
def test_every_other_move_is_refused_with_the_states_it_may_follow(
    code, state, iom_protection_officer, person
):
    workflow = WORKFLOWS[code]
    followed = walk_to(
        iom_protection_officer,
        open_case_for(iom_protection_officer, person, code).pathways.get(),
        state,
    )
    allowed = {step.to for step in workflow.next_steps(state)}
    kept = Transition.objects.filter(case_pathway=followed).count()
    for to in sorted(set(workflow.states) - allowed):
        data = sample_data(workflow, tuple(workflow.fields))
        with pytest.raises(ValidationError) as refused:
            move_pathway(by=iom_protection_officer, followed=followed, to=to, data=data)
        assert "may only follow" in refused.value.message_dict["to"][0]
        assert workflow.label(state) in refused.value.message_dict["to"][0]
    assert CasePathway.objects.get(pk=followed.pk).state == state
    assert Transition.objects.filter(case_pathway=followed).count() == kept


@pytest.mark.parametrize(
    ("code", "source", "to"),
    [edge for edge in EDGES if WORKFLOWS[edge[0]].steps_into(edge[2])[0].requires],
    ids="-".join,
)
def test_a_step_without_its_data_is_refused_naming_each_missing_field(
    code, source, to, iom_protection_officer, person
):
    workflow = WORKFLOWS[code]
    followed = walk_to(
        iom_protection_officer,
        open_case_for(iom_protection_officer, person, code).pathways.get(),
        source,
    )
    step = next(s for s in workflow.steps_into(to) if source in s.sources)

    with pytest.raises(ValidationError) as refused:
        move_pathway(by=iom_protection_officer, followed=followed, to=to, data={})

    required = {name for name in step.requires if not workflow.fields[name].optional}
    assert set(refused.value.message_dict) == required
    assert CasePathway.objects.get(pk=followed.pk).state == source


def test_a_step_reserved_to_protection_officers_is_refused_to_a_caseworker_saying_who_may(
    iom_caseworker, person
):
    followed = walk_to(
        iom_caseworker,
        open_case_for(iom_caseworker, person, "best_interests").pathways.get(),
        "panel_convened",
    )
    data = {"determination": "Stay with the aunt", "decided_on": "2026-11-20"}

    with pytest.raises(ValidationError) as refused:
        move_pathway(by=iom_caseworker, followed=followed, to="determined", data=data)

    assert refused.value.message_dict["to"] == [
        "Only Protection officer may record Best interests determined."
    ]


def test_informed_consent_needs_the_form_version_and_date(iom_caseworker, person):
    followed = walk_to(
        iom_caseworker, open_case_for(iom_caseworker, person).pathways.get(), "interested"
    )

    with pytest.raises(ValidationError) as refused:
        move_pathway(
            by=iom_caseworker,
            followed=followed,
            to="consent_signed",
            data={"voluntariness_checked_by": "A. Counsellor", "consent_signed_on": "20-11-2026"},
        )

    assert set(refused.value.message_dict) == {"consent_form_version", "consent_signed_on"}
    assert "YYYY-MM-DD" in refused.value.message_dict["consent_signed_on"][0]


def test_every_label_of_the_data_is_listed_for_the_translators():
    from waypost.cases.referral_fields import services
    from waypost.cases.texts import LABELS

    labels = {s["name"] for s in services().values()}
    for workflow in WORKFLOWS.values():
        labels |= {workflow.name, *(s["label"] for s in workflow.states.values())}
        labels |= {f.label for f in workflow.fields.values()}
    assert labels - set(LABELS) == set()
