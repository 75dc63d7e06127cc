"""The plan a coordinator would make by hand, and the figures both plans are judged by.

By hand: the households with someone at risk, in registration order (first come, first served),
each into the nearest safe location with room for the whole household; when no location has
room for all of it, its members who fit go to the nearest location with any room and the rest
stay (the household is split). Places are counted in total, whatever their kind, and filled
plainest first, as the residents are counted (`waypost.relocation.occupancy`).

A person is in a heated place in a heated, accessible or medical place (accessible places and
medical beds are heated: `waypost.relocation.beds`).
"""

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from waypost.relocation.beds import ANY, PLAINEST_FIRST, BedKind
from waypost.relocation.plan_inputs import Destination, HouseholdToMove, distance_km

HEATED = {BedKind.HEATED, BedKind.ACCESSIBLE, BedKind.MEDICAL}


@dataclass(frozen=True)
class Placed:
    """One person moved, with the place they got."""

    household_id: Hashable
    tier: str
    need: str
    kind: str


def by_hand(
    households: Sequence[HouseholdToMove],
    destinations: Sequence[Destination],
    origins: Mapping[Hashable, Destination],
) -> list[Placed]:
    free = {d.site_id: dict(d.free) for d in destinations}
    placed: list[Placed] = []
    for household in households:
        nearest = sorted(
            (d for d in destinations if d.site_id != household.origin_id),
            key=lambda d: distance_km(origins.get(household.origin_id), d) or 0.0,
        )
        people = _people(household)
        whole = [d for d in nearest if sum(free[d.site_id].values()) >= len(people)]
        for destination in whole[:1] or nearest:
            room = free[destination.site_id]
            while people and sum(room.values()) > 0:
                kind = next(k for k in PLAINEST_FIRST if room.get(k, 0) > 0)
                room[kind] -= 1
                tier, need = people.pop(0)
                placed.append(Placed(household.household_id, tier, need, str(kind)))
    return placed


def _people(household: HouseholdToMove) -> list[tuple[str, str]]:
    """(tier, need) of each member, those at risk first, highest score first."""
    ranked = sorted(household.at_risk, key=lambda p: -p.score)
    others = household.size - len(ranked)
    return [(p.tier, p.bed_need) for p in ranked] + [("", ANY)] * others


def figures(placed: Sequence[Placed], households: Sequence[HouseholdToMove]) -> dict[str, int]:
    """Who ended up where: critical and high tier in heated places, moved, split, medical."""
    at_risk = Counter(p.tier for h in households for p in h.at_risk)
    moved = Counter(p.household_id for p in placed)
    sizes = {h.household_id: h.size for h in households}
    return {
        "critical_at_risk": at_risk["critical"],
        "critical_needing_medical_bed": sum(
            p.tier == "critical" and p.needs_medical for h in households for p in h.at_risk
        ),
        "critical_in_heated": sum(p.tier == "critical" and p.kind in HEATED for p in placed),
        "high_at_risk": at_risk["high"],
        "high_in_heated": sum(p.tier == "high" and p.kind in HEATED for p in placed),
        "people_moved": len(placed),
        "households_moved": len(moved),
        "households_split": sum(count < sizes[h] for h, count in moved.items()),
        "medical_needed_got_one": sum(
            p.need == BedKind.MEDICAL and p.kind == BedKind.MEDICAL for p in placed
        ),
        "medical_beds_to_others": sum(
            p.need != BedKind.MEDICAL and p.kind == BedKind.MEDICAL for p in placed
        ),
        "needing_heat_in_unheated": sum(
            p.need != ANY and p.kind == BedKind.UNHEATED for p in placed
        ),
    }
