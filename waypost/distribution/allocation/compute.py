"""A plan's allocation: the rules applied to the people, aggregated, optimised, split back.

1. Each rule makes people (or households) eligible (`claims`); alike claims form one demand:
   the same rule, risk tier, size and quantity.
2. The optimiser (`optimiser.allocate`) decides how many units each demand gets from which
   line (its size, or one allowed size up).
3. Each demand's units are split to its people in a fixed order: first one per household (a
   household's second eligible member only after every household's first), then the higher
   risk score, then household and registration number; everyone gets the same share, the first
   ones one more when it does not divide. Exact sizes go first, larger ones after.
4. The shares are summed into entitlement rows: per household for items without sizes, per
   person for sized ones, each with a reason code for why not more.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np

from waypost.distribution.allocation.claims import Group, Ints, Population, groups_of, shares
from waypost.distribution.allocation.optimiser import Demand, Solution, allocate
from waypost.distribution.allocation.rules import Member
from waypost.distribution.models import EntitlementRule, Reason, RulePer

LineKey = tuple[str, str]  # item code, size code ("" for an item without sizes)
DEFAULT_SIZES_UP = 1


@dataclass
class Line:
    available: int
    sizes_up_allowed: int = DEFAULT_SIZES_UP
    entitled: int = 0
    allocated: int = 0


class Claimant(NamedTuple):
    """Who a share went to (for explanations and tests): a person, or a household."""

    household_id: Any
    individual_id: Any  # None for a household
    score: int
    tier: int


@dataclass(slots=True)
class Row:
    """One entitlement being summed up."""

    entitled: int = 0
    allocated: int = 0
    given_size: str | None = None
    score: int = 0
    tier: int = 0


RowKey = tuple[Any, Any, str, str]  # household, individual (or None), item code, size code
Log = list[tuple[EntitlementRule, str, Claimant, int]]


HouseholdRows = tuple[Ints, Ints, Ints, Ints]  # entitled, allocated, score, tier


@dataclass
class Allocation:
    """The rows as the split leaves them: sized rows per person in a dict, the others as arrays
    per item over the households (`household_ids`), so that a million rows are written from the
    arrays without an object per row (`store`); `rows` merges them for reading."""

    per_person: dict[RowKey, Row]
    per_household: dict[str, HouseholdRows]
    household_ids: list[Any]
    household_rank: Ints  # per household: 1 for the one most at risk (`household_order`)
    lines: dict[LineKey, Line]
    solution: Solution

    @cached_property
    def rows(self) -> dict[RowKey, Row]:
        rows = dict(self.per_person)
        ids = self.household_ids
        for item, (entitled, allocated, score, tier) in self.per_household.items():
            for h in np.flatnonzero(entitled).tolist():
                rows[ids[h], None, item, ""] = Row(
                    int(entitled[h]), int(allocated[h]), None, int(score[h]), int(tier[h])
                )
        return rows

    @cached_property
    def household_order(self) -> dict[Any, int]:
        return dict(zip(self.household_ids, self.household_rank.tolist(), strict=True))


def options(
    sizes: dict[str, list[str]], lines: dict[LineKey, Line], item: str, size: str
) -> tuple[tuple[LineKey, int], ...]:
    """The lines a claim may draw from: its size, then up to the allowed number of sizes up."""
    if not size:
        return (((item, ""), 0),)
    order = sizes[item]
    start = order.index(size)
    steps = lines[item, size].sizes_up_allowed
    return tuple(((item, code), step) for step, code in enumerate(order[start : start + steps + 1]))


def compute(
    *,
    rules: Sequence[EntitlementRule],
    members: Sequence[Member],
    sizes: dict[str, list[str]],
    lines: dict[LineKey, Line],
    shares_log: Log | None = None,
) -> Allocation:
    """Allocate; `lines` gains a line (nothing available) for every size someone needs.

    `members` come in household and registration-number order, as `members_at` gives them.

    `shares_log`, when given, receives every claimant's share (rule, size, claimant, units).
    """
    population = Population(members)
    groups = list(groups_of(rules, population, sizes))
    for group in groups:
        line = lines.setdefault((group.rule.item.code, group.size), Line(available=0))
        line.entitled += group.rule.quantity * len(group.who)
    demands = [demand_of(group, sizes, lines) for group in groups]
    solution = allocate(demands, {key: line.available for key, line in lines.items()})
    rows = Rows(population)
    for group in groups:
        given = solution.given.get(group.key, {})
        for line, count in given.items():
            lines[line].allocated += count
        rows.add(group, options(sizes, lines, group.rule.item.code, group.size), given, shares_log)
    return Allocation(
        rows.per_person,
        rows.per_household,
        population.household_ids,
        household_rank(population),
        lines,
        solution,
    )


def demand_of(group: Group, sizes: dict[str, list[str]], lines: dict[LineKey, Line]) -> Demand:
    rule = group.rule
    return Demand(
        key=group.key,
        item=rule.item.code,
        tier=group.tier,
        priority=rule.is_priority,
        wanted=rule.quantity * len(group.who),
        options=options(sizes, lines, rule.item.code, group.size),
    )


class Rows:
    """Entitlement rows: arrays per item over households, a dict for sized (per-person) rows."""

    def __init__(self, population: Population) -> None:
        self.population = population
        self.per_household: dict[str, tuple[Ints, Ints, Ints, Ints]] = {}
        self.per_person: dict[RowKey, Row] = {}

    def add(
        self,
        group: Group,
        draws: tuple[tuple[LineKey, int], ...],
        given: dict[LineKey, int],
        log: Log | None,
    ) -> None:
        units = shares(sum(given.values()), len(group.who), group.rule.quantity)
        if group.size:
            self.add_sized(group, draws, given, units)
        else:
            self.add_to_households(group, units)
        if log is not None:
            log.extend(
                (group.rule, group.size, claimant, int(share))
                for claimant, share in zip(self.claimants(group), units.tolist(), strict=True)
            )

    def households_of(self, group: Group) -> Ints:
        per_household = group.rule.per == RulePer.HOUSEHOLD
        return group.who if per_household else self.population.household[group.who]

    def add_to_households(self, group: Group, units: Ints) -> None:
        count = len(self.population.household_ids)
        empty = [np.zeros(count, dtype=np.int64) for _ in range(4)]
        entitled, allocated, score, tier = self.per_household.setdefault(
            group.rule.item.code, (empty[0], empty[1], empty[2], empty[3])
        )
        households = self.households_of(group)
        np.add.at(entitled, households, group.rule.quantity)
        np.add.at(allocated, households, units)
        np.maximum.at(score, households, self.scores(group))
        np.maximum.at(tier, households, group.tier)

    def scores(self, group: Group) -> Ints:
        if group.rule.per == RulePer.HOUSEHOLD:
            return self.population.household_score[group.who]
        return self.population.score[group.who]

    def add_sized(
        self,
        group: Group,
        draws: tuple[tuple[LineKey, int], ...],
        given: dict[LineKey, int],
        units: Ints,
    ) -> None:
        """One pair a person: the first ones in order get the exact size, the next a size up."""
        pool = [line[1] for line, _steps in draws for _ in range(given.get(line, 0))]
        members, item, taken = self.population.members, group.rule.item.code, 0
        for index, share in zip(group.who.tolist(), units.tolist(), strict=True):
            member = members[index]
            row = self.per_person.setdefault(
                (member.household_id, member.id, item, group.size), Row()
            )
            row.entitled += group.rule.quantity
            row.allocated += share
            row.score, row.tier = max(row.score, member.score), max(row.tier, group.tier)
            if share:
                row.given_size = pool[taken]
                taken += share

    def claimants(self, group: Group) -> list[Claimant]:
        population = self.population
        if group.rule.per == RulePer.HOUSEHOLD:
            ids = population.household_ids
            return [
                Claimant(ids[h], None, int(population.household_score[h]), group.tier)
                for h in group.who.tolist()
            ]
        people = [population.members[index] for index in group.who.tolist()]
        return [Claimant(m.household_id, m.id, m.score, m.tier) for m in people]


def household_rank(population: Population) -> Ints:
    """Per household: 1 for the one most at risk (its most at-risk member); ties by household
    number."""
    order = np.lexsort((np.arange(len(population.household_ids)), -population.household_score))
    rank: Ints = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(1, len(order) + 1)
    return rank


def reason_of(key: RowKey, row: Row, lines: dict[LineKey, Line]) -> tuple[str, dict[str, Any]]:
    _household, _individual, item, size = key
    if row.allocated >= row.entitled:
        if size and row.given_size and row.given_size != size:
            return Reason.SUBSTITUTED_SIZE, {"size": size, "given": row.given_size}
        return Reason.FULL, {}
    line = lines[item, size]
    params = {
        "missing": row.entitled - row.allocated,
        "available": line.available,
        "entitled": line.entitled,
        "short_by": max(0, line.entitled - line.available),
    }
    if size and line.available == 0 and row.allocated == 0:
        return Reason.SIZE_UNAVAILABLE, {**params, "size": size}
    return Reason.SHORT_STOCK, params
