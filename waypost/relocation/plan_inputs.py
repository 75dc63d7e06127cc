"""What the planner reads and answers: people at risk, households, destinations, moves."""

import math
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from waypost.relocation.beds import ANY, NEEDS, bed_need

# Tiers in the order they are served; people of any other tier only move with their household.
TIER_ORDER = ("critical", "high", "moderate")
EARTH_RADIUS_KM = 6371.0  # mean radius, for the haversine distance


@dataclass(frozen=True)
class PersonAtRisk:
    """One person on the cold-risk list, as the safety app gives it."""

    individual_id: Hashable
    household_id: Hashable
    site_id: Hashable
    score: float
    tier: str
    needs_heated: bool = False
    needs_accessible: bool = False
    needs_medical: bool = False

    @property
    def bed_need(self) -> str:
        return bed_need(
            needs_heated=self.needs_heated,
            needs_accessible=self.needs_accessible,
            needs_medical=self.needs_medical,
        )


@dataclass(frozen=True)
class HouseholdToMove:
    """A household that may move: all its current members, those at risk with their needs."""

    household_id: Hashable
    origin_id: Hashable
    size: int
    at_risk: tuple[PersonAtRisk, ...] = ()
    member_ids: tuple[str, ...] = ()  # every current member, when known

    @property
    def score(self) -> float:
        return max((person.score for person in self.at_risk), default=0.0)

    def needs(self) -> dict[str, int]:
        """Places needed by kind (`ANY`: heated or unheated)."""
        return dict(self._needs)

    def tiers(self) -> dict[str, int]:
        return dict(self._tiers)

    @cached_property
    def _needs(self) -> dict[str, int]:
        counted = Counter(person.bed_need for person in self.at_risk)
        counted[ANY] += self.size - len(self.at_risk)
        return {need: counted[need] for need in NEEDS}

    @cached_property
    def _tiers(self) -> dict[str, int]:
        counted = Counter(person.tier for person in self.at_risk)
        return {tier: counted[tier] for tier in TIER_ORDER}

    def people_needs(self) -> dict[str, str]:
        """Each member's id with the kind of place they need (`ANY` when not at risk)."""
        needs = dict.fromkeys(self.member_ids, ANY)
        needs |= {str(person.individual_id): person.bed_need for person in self.at_risk}
        return needs

    def group_key(self) -> tuple[object, ...]:
        return (self.origin_id, tuple(self.needs().items()), tuple(self.tiers().items()))


@dataclass(frozen=True)
class Destination:
    """A safe location with its free places by kind, and where it is."""

    site_id: Hashable
    free: Mapping[str, int]
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class ProposedMove:
    household: HouseholdToMove
    destination_id: Hashable
    beds: dict[str, int]
    distance_km: float | None


@dataclass
class Plan:
    moves: list[ProposedMove]
    moved_by_tier: dict[str, int]
    is_proven_optimal: bool
    seconds: float
    groups: int = 0
    left_behind: list[HouseholdToMove] = field(default_factory=list)


def distance_km(a: Destination | None, b: Destination | None) -> float | None:
    """Great-circle distance (haversine, mean Earth radius 6,371 km); None without coordinates."""
    if a is None or b is None or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(
        math.radians,
        (float(a.latitude), float(a.longitude), float(b.latitude), float(b.longitude)),  # type: ignore[arg-type]
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
