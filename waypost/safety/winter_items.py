"""Which winter items each person has not yet received, from the distribution records.

Groups and their catalogue items are data (`data/winter_items.csv`). A person has received a
group when a redemption of one of its items was made to them personally, or to their household
for at least as many pieces as the household now has members. The records speak only for sites
where a round of that group was planned (an entitlement to one of its items): elsewhere people
may hold items from before or from others, so the factor is not known there and adds nothing.
"""

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from uuid import UUID

from django.db.models import Count, Sum

from waypost.distribution.models import Entitlement, Redemption
from waypost.registry.models import Individual

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def item_groups() -> dict[str, frozenset[str]]:
    """Group → catalogue item codes."""
    with (DATA_DIR / "winter_items.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        groups: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            groups[row["group"]].add(row["item"])
    return {group: frozenset(items) for group, items in groups.items()}


@dataclass
class Received:
    """Per group: where the records speak, and who (or which household) received it."""

    known_sites: dict[str, set[UUID]] = field(default_factory=dict)
    people: dict[str, set[UUID]] = field(default_factory=dict)
    households: dict[str, set[UUID]] = field(default_factory=dict)

    def groups_by_site(self) -> dict[UUID, tuple[str, ...]]:
        """Per site, the groups the records speak for there."""
        by_site: dict[UUID, list[str]] = defaultdict(list)
        for group, sites in self.known_sites.items():
            for site_id in sites:
                by_site[site_id].append(group)
        return {site_id: tuple(groups) for site_id, groups in by_site.items()}

    def missing(
        self, groups: tuple[str, ...], individual_id: UUID, household_id: UUID
    ) -> frozenset[str]:
        """Of these groups (known at the person's site), those the person has not received."""
        return frozenset(
            group
            for group in groups
            if individual_id not in self.people[group]
            and household_id not in self.households[group]
        )


def _households_covered(items: frozenset[str], site_ids: list[UUID]) -> set[UUID]:
    here = Individual.objects.current().filter(current_site_id__in=site_ids)
    given = dict(
        Redemption.objects.filter(
            entitlement__item__code__in=items,
            entitlement__individual__isnull=True,
            household_id__in=here.values("household_id"),
        )
        .values_list("household_id")
        .annotate(pieces=Sum("quantity"))
        .order_by()
    )
    members = dict(
        Individual.objects.current()
        .filter(household_id__in=list(given))
        .values_list("household_id")
        .annotate(people=Count("pk"))
        .order_by()
    )
    return {household for household, pieces in given.items() if pieces >= members.get(household, 0)}


def sites_with_records(*, site_ids: Iterable[UUID]) -> set[UUID]:
    """Of these sites, those where the records speak for at least one group."""
    items = set().union(*item_groups().values())
    return set(
        Entitlement.objects.filter(plan__site_id__in=list(site_ids), item__code__in=items)
        .values_list("plan__site_id", flat=True)
        .order_by()
        .distinct()
    )


def received_winter_items(*, site_ids: Iterable[UUID]) -> Received:
    """Who at the sites received which winter-item groups, per the distribution records."""
    ids = list(site_ids)
    received = Received()
    for group, items in item_groups().items():
        received.known_sites[group] = set(
            Entitlement.objects.filter(plan__site_id__in=ids, item__code__in=items)
            .values_list("plan__site_id", flat=True)
            .order_by()
            .distinct()
        )
        received.people[group] = set(
            Redemption.objects.filter(
                entitlement__item__code__in=items,
                entitlement__individual__current_site_id__in=ids,
            ).values_list("entitlement__individual_id", flat=True)
        )
        received.households[group] = _households_covered(items, ids)
    return received
