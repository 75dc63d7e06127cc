"""Random walks through each workflow keep the invariants: only allowed moves happen, the
history chains, a refused move changes nothing, a withdrawal changes only its pathway."""

from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waypost.cases import workflows
from waypost.cases.models import Case, CasePathway, Transition
from waypost.cases.services import move_pathway
from waypost.cases.tests.factories import open_case_for, sample_data

WORKFLOWS = workflows.workflows()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(code=st.sampled_from(sorted(WORKFLOWS)), picks=st.lists(st.integers(0, 50), max_size=14))
def test_random_walks_keep_the_invariants(iom_protection_officer, person, code, picks):
    workflow = WORKFLOWS[code]
    case = open_case_for(
        iom_protection_officer,
        person,
        code,
        "medical_referral" if code != "medical_referral" else "relocation",
    )
    followed = case.pathways.get(pathway=code)
    other = case.pathways.exclude(pathway=code).values().get()
    case_row = Case.objects.values("status", "priority", "next_step", "due_on").get(pk=case.pk)
    states = list(workflow.states)
    for pick in picks:
        to = states[pick % len(states)]
        allowed = to in {s.to for s in workflow.next_steps(followed.state)}
        before = followed.state
        try:
            followed = move_pathway(
                by=iom_protection_officer,
                followed=followed,
                to=to,
                data=sample_data(workflow, tuple(workflow.fields)),
            )
        except ValidationError:
            assert not allowed
            assert CasePathway.objects.get(pk=followed.pk).state == before
        else:
            assert allowed and followed.state == to
    chain = list(
        Transition.objects.filter(case_pathway=followed).values_list("from_state", "to_state")
    )
    assert chain[0] == ("", workflow.initial)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(chain, chain[1:], strict=False))
    assert chain[-1][1] == CasePathway.objects.get(pk=followed.pk).state
    assert case.pathways.exclude(pathway=code).values().get() == other
    assert (
        Case.objects.values("status", "priority", "next_step", "due_on").get(pk=case.pk) == case_row
    )
