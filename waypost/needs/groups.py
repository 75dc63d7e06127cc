"""The registered population as counts by group: never a list of people.

One aggregate query counts the people at the chosen sites by site, sex, age band, pregnancy,
lactation, whether a specific need calls for more bedding, and recorded shoe size; a second
counts households per site. Every needs rule then works on these counts, so the computation
costs two queries whatever the number of people.
"""

import calendar
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from uuid import UUID

from django.db.models import (
    Case,
    Count,
    FilteredRelation,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils.translation import get_language

from waypost.needs import standards
from waypost.needs.texts import _
from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.stock.models import SizeSystem

YEAR = 12  # months
# Lower bounds of the age bands, in months: what the rules tell apart (infant items by months,
# boots by year of age, menstruating age, the adult jacket from 14, older age).
AGE_BANDS_MONTHS: tuple[int, ...] = (
    0,
    6,
    *(YEAR * years for years in range(2, 13)),
    14 * YEAR,
    standards.ADULT_YEARS * YEAR,
    (standards.MENSTRUATING_UNTIL_YEARS + 1) * YEAR,
    standards.OLDER_FROM_YEARS * YEAR,
)


@dataclass(frozen=True)
class Group:
    """How many people at one site share the traits the needs rules look at."""

    site_id: UUID
    sex: str
    band: int  # lower bound of the age band, in months
    is_pregnant: bool
    is_lactating: bool
    has_bedding_need: bool
    shoe_size: str  # a recorded EU shoe size, "" when none was recorded
    people: int

    @property
    def years(self) -> int:
        return self.band // YEAR


WHO: dict[str, Callable[[Group], bool]] = {
    "everyone": lambda group: True,
    "under_2": lambda group: group.band < 2 * YEAR,
    "infant_6_23_months": lambda group: 6 <= group.band < 2 * YEAR,
    "menstruating": lambda group: (
        group.sex == "F"
        and standards.MENSTRUATING_FROM_YEARS <= group.years <= standards.MENSTRUATING_UNTIL_YEARS
    ),
    "extra_bedding": lambda group: (
        group.is_pregnant
        or group.is_lactating
        or group.has_bedding_need
        or group.years >= standards.OLDER_FROM_YEARS
    ),
    "children_2_17": lambda group: (
        standards.BOOTS_FROM_YEARS <= group.years < standards.ADULT_YEARS
    ),
}


def who_label(who: str) -> str:
    return who_labels(get_language())[who]


@cache
def who_labels(language: str | None) -> dict[str, str]:
    """The groups' names in one language."""
    return {
        "everyone": _("everyone"),
        "household": _("households"),
        "under_2": _("children under 2"),
        "infant_6_23_months": _("children aged 6-23 months"),
        "menstruating": _("women and girls aged %(low)s-%(high)s")
        % {"low": standards.MENSTRUATING_FROM_YEARS, "high": standards.MENSTRUATING_UNTIL_YEARS},
        "extra_bedding": _(
            "pregnant or lactating women, people aged %(older)s and over, and people with "
            "chronic illness, a critical medical condition or impaired mobility (%(codes)s)"
        )
        % {"older": standards.OLDER_FROM_YEARS, "codes": ", ".join(standards.EXTRA_BEDDING_CODES)},
        "children_2_17": _("children aged 2-17"),
    }


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * YEAR + day.month - 1 - months, YEAR)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def age_band(on: date) -> Case:
    """The lower bound of a person's age band on `on`, from the date of birth, in SQL."""
    bounds = zip(AGE_BANDS_MONTHS, AGE_BANDS_MONTHS[1:], strict=False)
    return Case(
        *(
            When(date_of_birth__gt=months_before(on, upper), then=Value(lower))
            for lower, upper in bounds
        ),
        default=Value(AGE_BANDS_MONTHS[-1]),
    )


def people_at(site_ids: Collection[UUID]) -> Q:
    return Q(current_site_id__in=list(site_ids))


GroupKey = tuple[UUID, str, int, bool, bool, str]  # site, sex, band, pregnant, lactating, shoe


def population(site_ids: Collection[UUID], on: date) -> list[Group]:
    """The people at the sites, counted by group, in one aggregate query.

    It counts everyone by group, and (after UNION ALL) by the same groups only the people whose
    specific needs call for more bedding, a few in a hundred. Asking that per person in one
    pass (an EXISTS in the select list) cost a look-up per person and kept PostgreSQL from a
    parallel plan; as a filter on those people (IN, not a correlated EXISTS, which SQLite
    would also ask per person) it is one semi-join over the needs. Records merged into another
    person's record are left out: the person is counted once.
    """
    needs_bedding = IndividualSpecificNeed.objects.filter(
        is_active=True, code_id__in=standards.EXTRA_BEDDING_CODES
    ).values("individual_id")
    current = Individual.objects.current().filter(people_at(site_ids))
    everyone = grouped(current, on, bedding=False)
    needing = grouped(current.filter(pk__in=needs_bedding), on, bedding=True)
    rows = everyone.union(needing, all=True).order_by()
    counts: dict[GroupKey, list[int]] = {}
    for *key, with_need, people in rows:
        counts.setdefault(group_key(key), [0, 0])[int(with_need)] += people
    groups = []
    for key, (everyone_count, with_need) in counts.items():
        for has_need, count in ((False, everyone_count - with_need), (True, with_need)):
            if count:
                groups.append(group_of(key, has_need, count))
    return groups


def group_key(row: list[Any]) -> GroupKey:
    site_id, sex, band, is_pregnant, is_lactating, shoe_code = row
    return (site_id, sex, band, bool(is_pregnant), bool(is_lactating), shoe_code or "")


def grouped(people: QuerySet[Individual], on: date, *, bedding: bool) -> QuerySet[Any]:
    """Counts by group; the last column before the count says which part of the union it is."""
    shoe = FilteredRelation(
        "recorded_sizes", condition=Q(recorded_sizes__size_system=SizeSystem.EU_SHOE)
    )
    return (
        people.annotate(band=age_band(on), shoe=shoe, part=Value(bedding))
        .values_list(
            "current_site_id", "sex", "band", "is_pregnant", "is_lactating", "shoe__code", "part"
        )
        .annotate(people=Count("pk"))
        .order_by()
    )


def group_of(key: GroupKey, has_bedding_need: bool, people: int) -> Group:
    site_id, sex, band, is_pregnant, is_lactating, shoe_size = key
    return Group(
        site_id=site_id,
        sex=sex,
        band=band,
        is_pregnant=is_pregnant,
        is_lactating=is_lactating,
        has_bedding_need=has_bedding_need,
        shoe_size=shoe_size,
        people=people,
    )


def households_per_site(site_ids: Collection[UUID]) -> dict[UUID, int]:
    """Households with at least one member at each site (a household split over two sites
    counts at both: each part needs its own water containers)."""
    rows = (
        Individual.objects.current()
        .filter(people_at(site_ids))
        .values("current_site_id")
        .annotate(households=Count("household_id", distinct=True))
        .order_by()
    )
    return {row["current_site_id"]: row["households"] for row in rows}
