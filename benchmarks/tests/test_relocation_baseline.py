"""The plan by hand the relocation benchmark compares with, against cases counted by hand."""

from benchmarks.safety.relocation_baseline import by_hand, figures
from waypost.relocation.plan_inputs import Destination, HouseholdToMove, PersonAtRisk

CAMP = Destination("camp", {}, 53.630, 23.950)
NEAR = Destination("near", {"unheated": 2, "medical": 1}, 53.634, 23.941)
FAR = Destination("far", {"heated": 3}, 53.680, 23.830)


def household(name, size, tier, **needs):
    person = PersonAtRisk(f"{name}-1", name, "camp", 7, tier, **needs)
    return HouseholdToMove(name, "camp", size, (person,))


def test_first_come_into_the_nearest_with_room_and_split_at_the_end():
    first = household("first", 3, "moderate")  # fits whole at the nearest: 2 unheated + medical
    critical = household("critical", 2, "critical", needs_heated=True)  # the far one, heated
    last = household("last", 2, "high", needs_heated=True)  # 1 heated place left: split
    placed = by_hand([first, critical, last], [NEAR, FAR], {"camp": CAMP})
    assert [(p.household_id, p.kind) for p in placed] == [
        ("first", "unheated"),
        ("first", "unheated"),
        ("first", "medical"),
        ("critical", "heated"),
        ("critical", "heated"),
        ("last", "heated"),
    ]
    counted = figures(placed, [first, critical, last])
    assert counted["critical_in_heated"] == 1 and counted["high_in_heated"] == 1
    assert counted["households_split"] == 1 and counted["people_moved"] == 6
    assert counted["medical_beds_to_others"] == 1
