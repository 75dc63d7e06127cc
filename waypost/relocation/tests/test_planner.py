"""The planner against optima checked by hand (HiGHS solving for real)."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from waypost.relocation.beds import fits
from waypost.relocation.planner import (
    Destination,
    HouseholdToMove,
    PersonAtRisk,
    plan_relocation,
)


def household(name, size, *tiers, origin="camp", heated=True, accessible=False, medical=False):
    """`size` members, the first ones at risk in `tiers` with the same needs."""
    at_risk = tuple(
        PersonAtRisk(f"{name}-{i}", name, origin, 10 - i, tier, heated, accessible, medical)
        for i, tier in enumerate(tiers)
    )
    return HouseholdToMove(name, origin, size, at_risk)


def moved(plan):
    return {move.household.household_id: move.destination_id for move in plan.moves}


def test_a_household_of_five_does_not_fit_in_four_free_places():
    plan = plan_relocation(
        households=[household("five", 5, "critical")],
        destinations=[Destination("log", {"heated": 4})],
    )
    assert plan.moves == []
    assert [h.household_id for h in plan.left_behind] == ["five"]


def test_households_are_kept_together_and_the_places_exactly_filled():
    # 7 heated places: 5 + 2 fills them exactly; 4 + 2 or 4 alone would leave people out.
    plan = plan_relocation(
        households=[
            household("four", 4, "high"),
            household("five", 5, "high"),
            household("two", 2, "high"),
        ],
        destinations=[Destination("log", {"heated": 7})],
    )
    # The tier counts one high person per household: two households at most, and then the
    # most people in all: five and two (7) over four and two (6).
    assert moved(plan) == {"five": "log", "two": "log"}
    assert sum(sum(m.beds.values()) for m in plan.moves) == 7
    assert plan.is_proven_optimal


def test_one_critical_person_outranks_any_number_of_high_ones():
    plan = plan_relocation(
        households=[
            household("many-high", 3, "high", "high", "high"),
            household("one", 3, "critical"),
        ],
        destinations=[Destination("log", {"heated": 3})],
    )
    assert moved(plan) == {"one": "log"}
    assert plan.moved_by_tier == {"critical": 1, "high": 0, "moderate": 0}


def test_critical_before_high_before_moderate():
    plan = plan_relocation(
        households=[
            household("m", 2, "moderate", "moderate", heated=False),
            household("h", 2, "high"),
            household("c", 2, "critical"),
        ],
        destinations=[Destination("log", {"heated": 4})],
    )
    assert moved(plan) == {"c": "log", "h": "log"}


def test_a_medical_bed_only_for_who_needs_it_and_who_needs_it_only_there():
    sick = household("sick", 1, "high", medical=True)
    cold = household("cold", 1, "critical")
    plan = plan_relocation(
        households=[sick, cold],
        destinations=[Destination("med", {"medical": 1}), Destination("log", {"heated": 1})],
    )
    assert moved(plan) == {"sick": "med", "cold": "log"}
    # With the heated place gone, the critical person still may not take the medical bed.
    plan = plan_relocation(households=[cold], destinations=[Destination("med", {"medical": 1})])
    assert plan.moves == []


def test_heat_for_those_who_need_it_any_place_for_the_others():
    family = household("family", 3, "critical")  # one needs heat, two need any place
    plan = plan_relocation(
        households=[family], destinations=[Destination("shl", {"unheated": 2, "heated": 1})]
    )
    assert plan.moves[0].beds == {"unheated": 2, "heated": 1}
    assert (
        plan_relocation(
            households=[household("all-cold", 2, "critical", "critical")],
            destinations=[Destination("shl", {"unheated": 2, "heated": 1})],
        ).moves
        == []
    )


def test_an_accessible_place_for_who_needs_one():
    plan = plan_relocation(
        households=[household("wheelchair", 2, "high", accessible=True)],
        destinations=[
            Destination("log", {"heated": 5}),
            Destination("rc", {"accessible": 1, "unheated": 1}),
        ],
    )
    assert moved(plan) == {"wheelchair": "rc"}
    assert plan.moves[0].beds == {"accessible": 1, "unheated": 1}


def test_never_to_its_own_site_and_the_nearer_destination_on_a_tie():
    camp = Destination("camp", {"heated": 10}, 53.60, 23.90)
    near = Destination("near", {"heated": 10}, 53.62, 23.92)
    far = Destination("far", {"heated": 10}, 53.90, 27.56)
    plan = plan_relocation(
        households=[household("a", 2, "critical")],
        destinations=[camp, far, near],
        origins={"camp": camp},
    )
    assert moved(plan) == {"a": "near"}
    assert 2 < (plan.moves[0].distance_km or 0) < 3


def test_households_without_anyone_in_a_served_tier_stay():
    plan = plan_relocation(
        households=[household("low", 2, "low")], destinations=[Destination("log", {"heated": 9})]
    )
    assert plan.moves == [] and plan.left_behind == []


sizes = st.integers(min_value=1, max_value=6)
tiers = st.sampled_from(["critical", "high", "moderate"])


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(sizes, tiers, st.booleans(), st.booleans()), min_size=1, max_size=12),
    st.lists(
        st.fixed_dictionaries(
            {
                "heated": st.integers(0, 12),
                "unheated": st.integers(0, 12),
                "medical": st.integers(0, 2),
            }
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_any_plan_respects_every_place_and_keeps_households_whole(rows, places):
    households = [
        household(str(i), size, tier, heated=heated, medical=medical)
        for i, (size, tier, heated, medical) in enumerate(rows)
    ]
    destinations = [Destination(f"d{i}", free) for i, free in enumerate(places)]
    plan = plan_relocation(households=households, destinations=destinations)
    for destination in destinations:
        into = [m for m in plan.moves if m.destination_id == destination.site_id]
        used = {kind: sum(m.beds.get(kind, 0) for m in into) for kind in destination.free}
        assert all(used[kind] <= destination.free[kind] for kind in used)
        needs: dict[str, int] = {}
        for move in into:
            for need, count in move.household.needs().items():
                needs[need] = needs.get(need, 0) + count
        assert fits(needs, destination.free)
    for move in plan.moves:
        assert sum(move.beds.values()) == move.household.size
    assert len({m.household.household_id for m in plan.moves}) == len(plan.moves)


def best_by_enumeration(households, destinations):
    """Every assignment of households to a destination or none: the best tier vector."""
    best = None
    for choice in itertools.product([None, *destinations], repeat=len(households)):
        used: dict[object, dict[str, int]] = {d.site_id: {} for d in destinations}
        for h, d in zip(households, choice, strict=True):
            if d is not None:
                for need, count in h.needs().items():
                    used[d.site_id][need] = used[d.site_id].get(need, 0) + count
        if all(fits(used[d.site_id], d.free) for d in destinations):
            moved = [h for h, d in zip(households, choice, strict=True) if d is not None]
            value = (
                *(sum(h.tiers()[t] for h in moved) for t in ("critical", "high", "moderate")),
                sum(h.size for h in moved),
            )
            best = value if best is None or value > best else best
    return best


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(sizes, tiers, st.booleans()), min_size=1, max_size=6),
    st.lists(
        st.fixed_dictionaries({"heated": st.integers(0, 8), "unheated": st.integers(0, 8)}),
        min_size=1,
        max_size=2,
    ),
)
def test_the_plan_is_as_good_as_the_best_of_every_assignment(rows, places):
    households = [
        household(str(i), size, tier, heated=heated) for i, (size, tier, heated) in enumerate(rows)
    ]
    destinations = [Destination(f"d{i}", free) for i, free in enumerate(places)]
    plan = plan_relocation(households=households, destinations=destinations)
    moved = [move.household for move in plan.moves]
    found = (
        *(plan.moved_by_tier[t] for t in ("critical", "high", "moderate")),
        sum(h.size for h in moved),
    )
    assert found == best_by_enumeration(households, destinations)
