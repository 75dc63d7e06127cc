"""From a plan to confirmed moves: consent first, capacity checked again, all or nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.matching.services import merge
from waypost.matching.tests.factories import proposed, recorded_twice
from waypost.registry.models import Individual
from waypost.registry.services import remove_member, update_household
from waypost.relocation.models import Movement, RelocationPlan
from waypost.relocation.occupancy import occupancy_of
from waypost.relocation.services import (
    change_move,
    confirm_plan,
    make_plan,
    record_relocation_answer,
    set_places,
)
from waypost.relocation.tests.conftest import at_risk, household_of
from waypost.safety.models import RiskAssessment


def answer(by, household, agreed=True):
    return record_relocation_answer(
        by=by,
        household=household,
        informed_at=timezone.now() - timedelta(minutes=5),
        language="ckb",
        agreed=agreed,
    )


@pytest.fixture
def family(clerk, camp):
    return household_of(clerk, camp, 3)


@pytest.fixture
def plan(coordinator, camp, shelter, family):
    return make_plan(by=coordinator, origins=[camp], at_risk=at_risk(family))


def test_a_plan_proposes_the_household_into_heated_places(plan, family, shelter):
    [move] = plan.moves.all()
    assert move.household == family and move.destination == shelter
    assert move.beds == {"heated": 3} and move.tiers == {"critical": 3}
    assert plan.moved_by_tier["critical"] == 3


def test_nobody_moves_without_an_answer(coordinator, plan, family):
    with pytest.raises(ValidationError) as refused:
        confirm_plan(by=coordinator)
    assert "not been recorded as informed and agreeing" in str(refused.value)
    assert not Movement.objects.exists()
    family.refresh_from_db()
    assert family.site.code == "BRZ"


def test_a_refusal_is_respected(coordinator, clerk, camp, plan, family, shelter):
    answer(coordinator, family, agreed=False)
    with pytest.raises(ValidationError) as refused:
        confirm_plan(by=coordinator)
    assert "declined to move" in str(refused.value)
    # and a new plan leaves the household out, counting it as declined
    again = make_plan(by=coordinator, origins=[camp], at_risk=at_risk(family))
    assert again.moves.count() == 0 and again.declined == 1
    plan.refresh_from_db()
    assert plan.status == RelocationPlan.Status.REPLACED


def test_a_confirmed_move_changes_every_members_site_and_is_kept(
    coordinator, plan, family, shelter
):
    consent = answer(coordinator, family)
    [movement] = confirm_plan(by=coordinator)
    assert movement.consent == consent and movement.transport == "bus"
    assert movement.origin.code == "BRZ" and movement.destination == shelter.site
    assert sorted(movement.people.values_list("bed_kind", flat=True)) == ["heated"] * 3
    assert set(family.members.values_list("current_site", flat=True)) == {shelter.site_id}
    family.refresh_from_db()
    assert family.site == shelter.site
    event = AuditEvent.objects.get(subject_id=str(family.pk), action="updated")
    assert event.fields == {"site": ["BRZ", "SHL"]} and event.purpose == "site_management"
    [now] = occupancy_of([shelter])
    assert now.taken["heated"] == 3 and now.free["heated"] == 1
    shelter.refresh_from_db()
    assert shelter.version == 3  # created, then one confirmation
    plan.refresh_from_db()
    assert plan.status == RelocationPlan.Status.CONFIRMED


def test_a_stale_plan_is_refused(coordinator, plan, family, shelter):
    answer(coordinator, family)
    set_places(by=coordinator, site=shelter.site, beds={"heated": 5, "medical": 1})
    with pytest.raises(ValidationError) as refused:
        confirm_plan(by=coordinator)
    assert "have changed since this plan was made" in str(refused.value)
    assert not Movement.objects.exists()


def test_a_household_moved_meanwhile_is_refused(coordinator, clerk, plan, family, warehouse_site):
    answer(coordinator, family)
    update_household(by=clerk, household=family, site=warehouse_site, shelter_location="")
    with pytest.raises(ValidationError) as refused:
        confirm_plan(by=coordinator)
    assert "has moved since the plan was made" in str(refused.value)


def test_changed_members_are_refused(coordinator, clerk, plan, family):
    answer(coordinator, family)
    child = family.members.filter(relationship="child").first()
    remove_member(by=clerk, individual=child, reason="registered by mistake")
    with pytest.raises(ValidationError) as refused:
        confirm_plan(by=coordinator)
    assert "members of household" in str(refused.value)
    assert Individual.objects.filter(current_site__code="SHL").count() == 0


def test_change_destination_is_checked_against_free_places(
    coordinator, clerk, camp, family, shelter, warehouse_site
):
    other = household_of(clerk, camp, 2)
    big = set_places(by=coordinator, site=warehouse_site, beds={"unheated": 2, "heated": 1})
    make_plan(by=coordinator, origins=[camp], at_risk=at_risk(family) + at_risk(other))
    # 4 heated at the shelter take the family (3); the couple needs 2 heated: the centre has 1
    with pytest.raises(ValidationError) as refused:
        change_move(by=coordinator, household=family, destination=big)
    assert "has no room for this household" in str(refused.value)
    change_move(by=coordinator, household=family, destination=None)
    plan = RelocationPlan.objects.get(made_by=coordinator, status="draft")
    assert list(plan.moves.values_list("household", flat=True)) == [] or all(
        m.household_id != family.pk for m in plan.moves.all()
    )


def test_a_full_site_refuses_the_move(coordinator, other_coordinator, clerk, camp, shelter):
    first, second = household_of(clerk, camp, 3), household_of(clerk, camp, 3)
    make_plan(by=coordinator, origins=[camp], at_risk=at_risk(first))
    make_plan(by=other_coordinator, origins=[camp], at_risk=at_risk(second))
    answer(coordinator, first)
    answer(coordinator, second)
    confirm_plan(by=coordinator)
    with pytest.raises(ValidationError) as refused:
        confirm_plan(by=other_coordinator)
    message = str(refused.value)
    assert "have changed since" in message and "is full for this plan" in message
    assert Individual.objects.filter(current_site=shelter.site).count() == 3


def test_a_person_merged_into_another_record_since_the_plan_is_refused(
    coordinator, clerk, camp, shelter, unhcr_protection_officer
):
    first, second = recorded_twice(by=clerk, site=camp, consents=("assistance", "data_sharing"))
    make_plan(by=coordinator, origins=[camp], at_risk=at_risk(first.household))
    answer(coordinator, first.household)
    merge(proposed(first, second), survivor=second, by=unhcr_protection_officer)
    with pytest.raises(ValidationError) as refused:
        confirm_plan(by=coordinator)
    assert "someone was merged into another record" in str(refused.value)
    assert not Movement.objects.exists()


def test_a_move_goes_elsewhere_when_it_fits_and_by_a_known_transport(
    coordinator, clerk, camp, plan, family, warehouse_site
):
    centre = set_places(by=coordinator, site=warehouse_site, beds={"heated": 3})
    with pytest.raises(ValidationError) as refused:
        change_move(by=coordinator, household=family, destination=centre, transport="rocket")
    assert "transport" in refused.value.message_dict
    move = change_move(by=coordinator, household=family, destination=centre, transport="car")
    assert move is not None
    assert (move.destination, move.beds, move.transport) == (centre, {"heated": 3}, "car")
    answer(coordinator, family)
    [movement] = confirm_plan(by=coordinator)
    assert movement.destination == warehouse_site and movement.transport == "car"


def test_a_confirmed_move_assesses_the_cold_risk_again_where_people_now_sleep(
    coordinator, plan, family, shelter, django_capture_on_commit_callbacks
):
    answer(coordinator, family)
    with django_capture_on_commit_callbacks(execute=True):
        confirm_plan(by=coordinator)

    assessed = RiskAssessment.objects.filter(individual__household=family)
    assert assessed.count() == 3
    assert set(assessed.values_list("site", flat=True)) == {shelter.site_id}
