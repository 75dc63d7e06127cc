"""Who moves where first: a mixed-integer programme solved with HiGHS.

- A household moves whole or not at all, to one destination, never its own site.
- Every person needs one kind of place (`beds.bed_need`); a destination takes a household only
  with a free place of the right kind for each member. Members not at risk need any place.
- Highest risk first, lexicographically: the number of critical-tier people moved is maximised
  first and then held while the high tier is maximised, and so on down the tiers. So any one
  critical person outranks any number of people in the tiers below, without huge weights.
- Then, with every tier held, the most people in all (family members not at risk move with
  their household, and are out of the cold too); then, with that held too, the fewest
  people-kilometres (great-circle distance between sites, where both have coordinates).
- Households with the same origin and the same members by tier and need are one group with an
  integer variable per destination: the same optimum as one binary per household, far fewer
  variables (100,000 people make a few thousand groups). Within a group the households with the
  highest score go first.
"""

import time
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np

from waypost.relocation.beds import take_beds
from waypost.relocation.plan_inputs import (
    TIER_ORDER,
    Destination,
    HouseholdToMove,
    PersonAtRisk,
    Plan,
    ProposedMove,
)
from waypost.relocation.plan_model import Model, Stage


def plan_relocation(
    *,
    households: Iterable[HouseholdToMove],
    destinations: Sequence[Destination],
    origins: Mapping[Hashable, Destination] | None = None,
    time_limit: float = 50.0,
) -> Plan:
    """The best moves for `households` into the free places of `destinations`.

    `origins` gives the coordinates of origin sites (for the distance tie-breaker only).
    """
    started = time.perf_counter()
    candidates = [h for h in households if any(h.tiers().values())]
    groups = _group(candidates)
    model = Model.build(groups, destinations, origins or {}, TIER_ORDER)
    stages = [Stage.maximise_tier(model, tier) for tier in TIER_ORDER]
    stages += [Stage.maximise_people(model), Stage.minimise_distance(model)]
    solution, proven = model.solve(stages, time_limit=time_limit)
    moves = _moves(model, groups, destinations, solution)
    moved = {id(move.household) for move in moves}
    return Plan(
        moves=moves,
        moved_by_tier={t: sum(m.household.tiers()[t] for m in moves) for t in TIER_ORDER},
        is_proven_optimal=proven,
        seconds=time.perf_counter() - started,
        groups=len(groups),
        left_behind=[h for h in candidates if id(h) not in moved],
    )


def _group(households: list[HouseholdToMove]) -> list[list[HouseholdToMove]]:
    grouped: dict[tuple[object, ...], list[HouseholdToMove]] = defaultdict(list)
    for household in households:
        grouped[household.group_key()].append(household)
    return [
        sorted(members, key=lambda h: (-h.score, str(h.household_id)))
        for members in grouped.values()
    ]


def _moves(
    model: Model,
    groups: list[list[HouseholdToMove]],
    destinations: Sequence[Destination],
    solution: np.ndarray,
) -> list[ProposedMove]:
    """The solution as one move per household, each person given a place of the right kind."""
    free = [dict(destination.free) for destination in destinations]
    taken = [0] * len(groups)
    moves: list[ProposedMove] = []
    for column, (g, d) in enumerate(model.columns):
        count = round(solution[column])
        for household in groups[g][taken[g] : taken[g] + count]:
            beds = take_beds(household.needs(), free[d])
            km = model.kilometres[column]
            moves.append(ProposedMove(household, destinations[d].site_id, beds, km))
        taken[g] += count
    moves.sort(key=lambda m: (-m.household.score, str(m.household.household_id)))
    return moves


__all__ = [
    "Destination",
    "HouseholdToMove",
    "PersonAtRisk",
    "Plan",
    "ProposedMove",
    "plan_relocation",
]
