"""The allocation under scarcity, as a sequence of small integer programs solved by HiGHS.

The people are aggregated into demands (a rule's people of one risk tier, size and quantity),
so a camp of a million people is a model of a few hundred variables. A demand draws whole units
from the stock lines it may use: its own size, and the next larger ones the plan allows.

Stages, each solved in turn on the stock the previous ones left:
1. priority items, one stage per risk tier, highest first: no one of a lower tier receives a
   priority item while someone of a higher tier entitled to it goes without;
2. every other item, all tiers together.

Within a stage, objectives are met one after the other, each fixed before the next:
(a) as many units as possible (stock never stays on the shelf while someone is entitled);
(b) as few size steps as possible (the exact size first, one size up only when it is missing);
(c) the largest smallest fill ratio (share of the entitlement met) of each item's demands;
(d) a concave utility of each demand's fill ratio (slopes 4, 3, 2, 1 over its quarters), so the
    rest is spread in proportion rather than to whoever happens to come first.
Never more than a line holds, never more than a demand is entitled to.
"""

import time
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import highspy

LineKey = Any  # any hashable key of a stock line
# The concave utility's slopes over the four quarters of a demand's entitlement (ours).
UTILITY_SLOPES = (4, 3, 2, 1)
TOLERANCE = 1e-6


@dataclass(frozen=True)
class Demand:
    """How many units a group of alike people is entitled to, and from which lines."""

    key: Hashable
    item: Hashable
    tier: int
    priority: bool
    wanted: int
    options: tuple[tuple[LineKey, int], ...]  # (line, size steps up: 0 is the exact size)


@dataclass
class Solution:
    """Units per demand and line, with what the solver said."""

    given: dict[Hashable, dict[LineKey, int]] = field(default_factory=dict)
    objective: float = 0.0
    seconds: float = 0.0
    status: str = "Optimal"
    models: int = 0


def stages(demands: Sequence[Demand]) -> list[list[Demand]]:
    """Priority demands by tier, highest first; then every other demand together."""
    tiers = sorted({d.tier for d in demands if d.priority}, reverse=True)
    ordered = [[d for d in demands if d.priority and d.tier == tier] for tier in tiers]
    rest = [d for d in demands if not d.priority]
    return [stage for stage in [*ordered, rest] if stage]


def allocate(demands: Sequence[Demand], available: dict[LineKey, int]) -> Solution:
    """Solve every stage in turn; `available` is not changed."""
    started = time.perf_counter()
    remaining = dict(available)
    solution = Solution()
    for stage in stages(demands):
        given, objective, status = solve_stage(stage, remaining)
        solution.models += 1
        solution.objective += objective
        if status != "Optimal":
            solution.status = status
        for key, lines in given.items():
            solution.given[key] = lines
            for line, units in lines.items():
                remaining[line] -= units
    solution.seconds = time.perf_counter() - started
    return solution


class StageModel:
    """One stage's integer program: x[demand, line] units, fill ratio floors per item."""

    def __init__(self, demands: Sequence[Demand], remaining: dict[LineKey, int]) -> None:
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        self.demands = [d for d in demands if d.wanted > 0]
        self.x: dict[tuple[Hashable, LineKey], highspy.highs_var] = {}
        for demand in self.demands:
            for line, _steps in demand.options:
                upper = min(demand.wanted, remaining.get(line, 0))
                if upper > 0:
                    self.x[demand.key, line] = self.highs.addVariable(
                        lb=0, ub=upper, type=highspy.HighsVarType.kInteger
                    )
        self.add_limits(remaining)

    def units(self, demand: Demand) -> list[highspy.highs_var]:
        return [
            self.x[demand.key, line] for line, _ in demand.options if (demand.key, line) in self.x
        ]

    def add_limits(self, remaining: dict[LineKey, int]) -> None:
        by_line: dict[LineKey, list[highspy.highs_var]] = defaultdict(list)
        for (_key, line), var in self.x.items():
            by_line[line].append(var)
        for line, variables in by_line.items():
            self.highs.addConstr(self.highs.qsum(variables) <= remaining[line])
        for demand in self.demands:
            if units := self.units(demand):
                self.highs.addConstr(self.highs.qsum(units) <= demand.wanted)

    def check_status(self) -> None:
        status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            # Cannot happen with these bounds (zero is always feasible); say so loudly if it does.
            raise RuntimeError(f"HiGHS stopped with {self.highs.modelStatusToString(status)}")

    def steps(self) -> highspy.highs_linear_expression:
        return self.highs.qsum(
            steps * self.x[demand.key, line]
            for demand in self.demands
            for line, steps in demand.options
            if steps and (demand.key, line) in self.x
        )

    def maximise(self, expression: highspy.highs_linear_expression) -> float:
        """Maximise, then keep the optimum as a floor for the next objectives."""
        self.highs.maximize(expression)
        self.check_status()
        best = self.highs.getObjectiveValue()
        self.highs.addConstr(expression >= best - TOLERANCE * max(1.0, abs(best)))
        return float(best)

    def minimise(self, expression: highspy.highs_linear_expression) -> float:
        self.highs.minimize(expression)
        self.check_status()
        best = self.highs.getObjectiveValue()
        self.highs.addConstr(expression <= best + TOLERANCE * max(1.0, abs(best)))
        return float(best)

    def fairness_floors(self) -> highspy.highs_linear_expression:
        """One floor per item: each of its demands gets at least that share of its entitlement."""
        floors: dict[Hashable, highspy.highs_var] = {}
        for demand in self.demands:
            if demand.item not in floors:
                floors[demand.item] = self.highs.addVariable(lb=0, ub=1)
            units = self.units(demand)
            self.highs.addConstr(self.highs.qsum(units) - demand.wanted * floors[demand.item] >= 0)
        return self.highs.qsum(floors.values())

    def utility(self) -> highspy.highs_linear_expression:
        """Concave utility of the fill ratio: each quarter of an entitlement is worth less."""
        terms = []
        for demand in self.demands:
            quarters = [
                self.highs.addVariable(lb=0, ub=demand.wanted / len(UTILITY_SLOPES))
                for _ in UTILITY_SLOPES
            ]
            self.highs.addConstr(self.highs.qsum(self.units(demand)) == self.highs.qsum(quarters))
            terms += [
                slope / demand.wanted * part
                for slope, part in zip(UTILITY_SLOPES, quarters, strict=True)
            ]
        return self.highs.qsum(terms)

    def solution(self) -> dict[Hashable, dict[LineKey, int]]:
        given: dict[Hashable, dict[LineKey, int]] = defaultdict(dict)
        for (key, line), var in self.x.items():
            units = round(self.highs.val(var))
            if units:
                given[key][line] = units
        return dict(given)


def solve_stage(
    demands: Iterable[Demand], remaining: dict[LineKey, int]
) -> tuple[dict[Hashable, dict[LineKey, int]], float, str]:
    model = StageModel(list(demands), remaining)
    if not model.x:
        return {}, 0.0, "Optimal"
    total = model.maximise(model.highs.qsum(model.x.values()))
    model.minimise(model.steps())
    model.maximise(model.fairness_floors())
    model.maximise(model.utility())
    return model.solution(), total, "Optimal"
