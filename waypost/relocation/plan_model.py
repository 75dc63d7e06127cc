"""The planner's mixed-integer programme, built once and solved stage by stage with HiGHS.

Columns: x[g, d], how many households of group g go to destination d (integer, 0..|g|), only
where d is not the group's own site and has room for one household of the group at all.
Rows: each group moves at most its households; each destination takes at most its free medical
beds, accessible places and heated places for those who need them, and at most its heated and
unheated places together for those who need heat or any place (two rows that, since a heated
place serves either, are exactly Hall's condition for the two nested needs).
"""

import time
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from waypost.relocation.beds import ANY, BedKind
from waypost.relocation.plan_inputs import Destination, HouseholdToMove, distance_km

INF = highspy.kHighsInf
# The tiers' objectives count people, so a bound within one person proves the optimum.
ABSOLUTE_GAP = 0.5


def _rows_of(needs: Mapping[str, int]) -> tuple[int, int, int, int]:
    """A household's use of each capacity row of a destination."""
    return (
        needs[BedKind.MEDICAL],
        needs[BedKind.ACCESSIBLE],
        needs[BedKind.HEATED],
        needs[BedKind.HEATED] + needs[ANY],
    )


def _limits(free: Mapping[str, int]) -> tuple[int, int, int, int]:
    def of(kind: str) -> int:
        return max(free.get(kind, 0), 0)

    heated = of(BedKind.HEATED)
    return (of(BedKind.MEDICAL), of(BedKind.ACCESSIBLE), heated, heated + of(BedKind.UNHEATED))


@dataclass
class Model:
    columns: list[tuple[int, int]]  # (group, destination)
    upper: np.ndarray
    tier_counts: dict[str, np.ndarray]  # per column: people of the tier in one household
    kilometres: list[float | None]  # per column: distance of one household's move
    people: np.ndarray  # per column: people in one household
    people_km: np.ndarray
    rows: list[tuple[list[int], list[float], float]]  # columns, coefficients, upper bound

    @classmethod
    def build(
        cls,
        groups: list[list[HouseholdToMove]],
        destinations: Sequence[Destination],
        origins: Mapping[Hashable, Destination],
        tiers: Sequence[str],
    ) -> "Model":
        limits = [_limits(d.free) for d in destinations]
        columns, kilometres = [], []
        for g, group in enumerate(groups):
            first = group[0]
            use = _rows_of(first.needs())
            for d, destination in enumerate(destinations):
                fits = all(u <= cap for u, cap in zip(use, limits[d], strict=True))
                if fits and destination.site_id != first.origin_id:
                    columns.append((g, d))
                    kilometres.append(distance_km(origins.get(first.origin_id), destination))
        model = cls(
            columns=columns,
            upper=np.array([len(groups[g]) for g, _d in columns], dtype=float),
            tier_counts={
                tier: np.array([groups[g][0].tiers()[tier] for g, _d in columns], dtype=float)
                for tier in tiers
            },
            kilometres=kilometres,
            people=np.array([groups[g][0].size for g, _d in columns], dtype=float),
            people_km=np.array(
                [
                    groups[g][0].size * (km or 0.0)
                    for (g, _d), km in zip(columns, kilometres, strict=True)
                ],
                dtype=float,
            ),
            rows=[],
        )
        model._add_rows(groups, limits)
        return model

    def _add_rows(
        self, groups: list[list[HouseholdToMove]], limits: list[tuple[int, int, int, int]]
    ) -> None:
        by_group: dict[int, list[int]] = {}
        by_capacity: dict[tuple[int, int], tuple[list[int], list[float]]] = {}
        for column, (g, d) in enumerate(self.columns):
            by_group.setdefault(g, []).append(column)
            for row, use in enumerate(_rows_of(groups[g][0].needs())):
                if use:
                    cols, coefs = by_capacity.setdefault((d, row), ([], []))
                    cols.append(column)
                    coefs.append(float(use))
        for g, cols in by_group.items():
            self.rows.append((cols, [1.0] * len(cols), float(len(groups[g]))))
        for (d, row), (cols, coefs) in by_capacity.items():
            self.rows.append((cols, coefs, float(limits[d][row])))

    def solve(self, stages: Sequence["Stage"], *, time_limit: float) -> tuple[np.ndarray, bool]:
        """Each stage in turn, its optimum held as a row for the next; (solution, all proven)."""
        solution = np.zeros(len(self.columns))
        if not self.columns:
            return solution, True
        highs = self._highs()
        deadline = time.perf_counter() + time_limit
        proven = True
        for stage in stages:
            if not stage.costs.any():
                continue
            highs.setOptionValue("time_limit", max(deadline - time.perf_counter(), 1.0))
            highs.changeColsCost(len(self.columns), np.arange(len(self.columns)), stage.costs)
            highs.changeObjectiveSense(stage.sense)
            highs.setSolution(_start_from(solution))
            highs.run()
            status = highs.getModelStatus()
            proven &= status == highspy.HighsModelStatus.kOptimal
            if highs.getInfo().primal_solution_status != 2:  # no feasible solution found
                break
            solution = np.array(highs.getSolution().col_value)
            if stage.holds:
                reached = float(np.round(stage.costs @ np.round(solution)))
                nonzero = np.flatnonzero(stage.costs)
                highs.addRow(reached, INF, len(nonzero), nonzero, stage.costs[nonzero])
        return np.round(solution), proven

    def _highs(self) -> highspy.Highs:
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("mip_abs_gap", ABSOLUTE_GAP)
        highs.setOptionValue("mip_rel_gap", 0.0)
        n = len(self.columns)
        highs.addVars(n, np.zeros(n), self.upper)
        highs.changeColsIntegrality(
            n, np.arange(n, dtype=np.int32), np.full(n, highspy.HighsVarType.kInteger)
        )
        for cols, coefs, upper in self.rows:
            highs.addRow(-INF, upper, len(cols), np.array(cols, dtype=np.int32), np.array(coefs))
        return highs


def _start_from(solution: np.ndarray) -> highspy.HighsSolution:
    """The previous stage's answer: feasible for the next, so its search starts from there."""
    start = highspy.HighsSolution()
    start.col_value = list(solution)
    start.value_valid = True
    return start


@dataclass(frozen=True)
class Stage:
    """One objective of the lexicographic solve, and whether its optimum is held afterwards."""

    costs: np.ndarray
    sense: highspy.ObjSense
    holds: bool

    @classmethod
    def maximise_tier(cls, model: Model, tier: str) -> "Stage":
        return cls(model.tier_counts[tier], highspy.ObjSense.kMaximize, holds=True)

    @classmethod
    def maximise_people(cls, model: Model) -> "Stage":
        return cls(model.people, highspy.ObjSense.kMaximize, holds=True)

    @classmethod
    def minimise_distance(cls, model: Model) -> "Stage":
        return cls(model.people_km, highspy.ObjSense.kMinimize, holds=False)
