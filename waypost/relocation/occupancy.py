"""Places taken and free at each safe location, counted from the registry.

A person occupies a place at their current site. Someone who arrived through a recorded move has
the kind of place the move gave them; anyone else there (registered at the site, or moved by a
correction in the registry) is counted in the plainest places first (`beds.PLAINEST_FIRST`).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Subquery

from waypost.registry.models import Individual
from waypost.relocation.beds import PLAINEST_FIRST, BedKind
from waypost.relocation.models import MovedPerson, SafeLocation


@dataclass(frozen=True)
class Occupancy:
    """One safe location's places by kind: in all, taken, free; and people beyond its places."""

    location: SafeLocation
    beds: dict[str, int]
    taken: dict[str, int]
    over: int

    @property
    def free(self) -> dict[str, int]:
        return {kind: max(self.beds[kind] - self.taken[kind], 0) for kind in BedKind.values}

    @property
    def people(self) -> int:
        return sum(self.taken.values()) + self.over

    @property
    def total_beds(self) -> int:
        return sum(self.beds.values())

    @property
    def total_free(self) -> int:
        return sum(self.free.values())


def occupancy_of(locations: Iterable[SafeLocation]) -> list[Occupancy]:
    locations = list(locations)
    counted = counted_residents([location.site_id for location in locations])
    return [
        place_residents(location, location.beds(), counted.get(location.site_id, {}))
        for location in locations
    ]


def counted_residents(site_ids: list[Any]) -> dict[object, dict[str | None, int]]:
    """People at each site by the kind of place their move into it gave them (None: no move)."""
    given = (
        MovedPerson.objects.filter(
            individual=OuterRef("pk"), movement__destination=OuterRef("current_site")
        )
        .order_by("-movement__moved_at")
        .values("bed_kind")[:1]
    )
    rows = (
        Individual.objects.current()
        .filter(current_site__in=site_ids)
        .annotate(kind=Subquery(given), site=F("current_site"))
        .values("site", "kind")
        .annotate(people=Count("id"))
    )
    counted: dict[object, dict[str | None, int]] = defaultdict(dict)
    for row in rows:
        counted[row["site"]][row["kind"]] = row["people"]
    return counted


def place_residents(
    location: SafeLocation, beds: dict[str, int], counted: dict[str | None, int]
) -> Occupancy:
    """Where the residents sleep if the location had `beds`; those without a place are over."""
    taken = {kind: counted.get(kind, 0) for kind in BedKind.values}
    over = sum(max(taken[kind] - beds[kind], 0) for kind in BedKind.values)
    taken = {kind: min(taken[kind], beds[kind]) for kind in BedKind.values}
    unplaced = counted.get(None, 0)
    for kind in PLAINEST_FIRST:
        placed = min(unplaced, beds[kind] - taken[kind])
        taken[kind] += placed
        unplaced -= placed
    return Occupancy(location=location, beds=beds, taken=taken, over=over + unplaced)
