"""Cold risk for everyone at a set of sites, as columns: one query, one scoring per profile.

A person's score depends on a handful of things only: their site (its shelter type and tonight's
wind chill), their age band between two rule bounds, pregnancy, an open SM-* or DS-* specific
need, and, where distribution records speak, the winter-item groups they lack. So:

1. one query reads, per person, ids as text, the site, the age band (a CASE over birth-date
   cut-offs) and those flags (EXISTS over the open specific needs), with no model field
   conversion (a UUID object per id costs more than everything else put together);
2. numpy packs each person's profile into one integer and finds the distinct ones
   (`np.unique`): a million people share a few thousand;
3. each distinct profile is scored once (`risk.assess`, the reference rules) and every person
   points at its `Assessment` (score, tier, reasons) by index.

UUIDs are made only for the people a caller takes out (`person`, `people`).
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import numpy as np
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone

from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.safety.conditions import SiteConditions, conditions_at
from waypost.safety.models import TIER_RANK, Tier
from waypost.safety.risk import Assessment, Profile, Rules, assess
from waypost.safety.winter_items import Received, received_winter_items
from waypost.sites.models import Site

# UNHCR specific-need code groups (domain standards 1.2): SM serious medical condition,
# DS disability.
MEDICAL_PREFIX = "SM"
DISABILITY_PREFIX = "DS"
OLDEST_AGE = 150
FLAGS = 8  # pregnancy, medical, disability: three bits of a profile's number


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def age_bands(rules: Rules) -> list[range]:
    bounds = sorted({0, *rules.age_bounds(), OLDEST_AGE})
    return [range(low, high) for low, high in zip(bounds, bounds[1:], strict=False)]


def age_band_case(bands: list[range], today: date) -> Case:
    """Each person's band index: born after the cut-off of the band's oldest age."""
    whens = [
        When(date_of_birth__gt=years_before(today, band.stop), then=Value(index))
        for index, band in enumerate(bands)
    ]
    return Case(*whens, default=Value(len(bands) - 1), output_field=IntegerField())


def has_need(prefix: str) -> Exists:
    return Exists(
        IndividualSpecificNeed.objects.filter(
            individual=OuterRef("pk"), is_active=True, code__code__startswith=prefix
        )
    )


def _as_text(field: str) -> F | Cast:
    """A UUID column as text: SQLite stores it so (hex), PostgreSQL casts it (a driver-made
    UUID object per value costs more than the rest of the row)."""
    return F(field) if connection.vendor == "sqlite" else Cast(field, CharField())


def _raw(queryset: QuerySet[Any, Any]) -> list[tuple[Any, ...]]:
    """The rows as the driver gives them, with no model field conversion."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def _rows(site_ids: list[UUID], bands: list[range], today: date) -> list[tuple[Any, ...]]:
    """Per person: id, household and site as text, age band, pregnancy."""
    return _raw(
        Individual.objects.current()
        .filter(current_site_id__in=site_ids)
        .annotate(
            id_text=_as_text("id"),
            household_text=_as_text("household_id"),
            site_text=_as_text("current_site_id"),
            band=age_band_case(bands, today),
        )
        .values_list("id_text", "household_text", "site_text", "band", "is_pregnant")
        .order_by()
    )


def _needs(site_ids: list[UUID]) -> tuple[set[str], set[str]]:
    """Ids (as text) of those at the sites with an open serious medical condition, and with a
    disability: one query over the few people who have such a need (cheaper than asking for
    every person whether they have one)."""
    rows = _raw(
        IndividualSpecificNeed.objects.filter(
            Q(code__code__startswith=MEDICAL_PREFIX) | Q(code__code__startswith=DISABILITY_PREFIX),
            is_active=True,
            individual__current_site_id__in=site_ids,
            individual__merged_into__isnull=True,
        )
        .annotate(individual_text=_as_text("individual_id"))
        .values_list("individual_text", "code_id")
        .order_by()
    )
    medical = {individual for individual, code in rows if code.startswith(MEDICAL_PREFIX)}
    disability = {individual for individual, code in rows if code.startswith(DISABILITY_PREFIX)}
    return medical, disability


def _site_numbers(conditions: dict[UUID, SiteConditions]) -> dict[str, int]:
    """A site's id as either database gives it as text (hex, or with dashes) → its number."""
    numbers: dict[str, int] = {}
    for number, site_id in enumerate(conditions):
        numbers[site_id.hex] = numbers[str(site_id)] = number
    return numbers


@dataclass
class RiskTable:
    """Everyone at the sites: per person (by position) their ids and an index into the scored
    profiles; `score`, `tier_rank`, `medical` and `disability` as arrays."""

    assessments: list[Assessment]
    profile: np.ndarray  # per person: index into `assessments`
    individual_text: Sequence[str]
    household_text: Sequence[str]
    site_ids: list[UUID]  # the site of each number
    site_number: np.ndarray
    medical: np.ndarray
    disability: np.ndarray

    def __len__(self) -> int:
        return len(self.profile)

    @property
    def score(self) -> np.ndarray:
        scores = np.array([a.score for a in self.assessments], dtype=np.int32)
        return scores[self.profile] if len(self.profile) else scores[:0]

    @property
    def tier_rank(self) -> np.ndarray:
        ranks = np.array([TIER_RANK[Tier(a.tier)] for a in self.assessments], dtype=np.int8)
        return ranks[self.profile] if len(self.profile) else ranks[:0]

    def tier_counts(self) -> dict[str, int]:
        counts = np.bincount(self.profile, minlength=len(self.assessments))
        tiers: dict[str, int] = {}
        for assessment, people in zip(self.assessments, counts.tolist(), strict=True):
            if people:
                tiers[assessment.tier] = tiers.get(assessment.tier, 0) + people
        return tiers

    def ranked(self, min_tier: str = Tier.LOW) -> np.ndarray:
        """Positions of the people at `min_tier` or above, highest score first, then by
        household (text order is the UUIDs' order), so a household's members come together."""
        chosen = np.flatnonzero(self.tier_rank >= TIER_RANK[Tier(min_tier)])
        if not len(chosen):
            return chosen
        households = np.array(self.household_text, dtype=object)[chosen].astype(str)
        order = np.lexsort((households, -self.score[chosen]))
        return chosen[order]

    def assessment_at(self, position: int) -> Assessment:
        return self.assessments[int(self.profile[position])]


def _missing_items(
    received: Received,
    known: dict[UUID, tuple[str, ...]],
    site_ids: list[UUID],
    columns: tuple[Sequence[str], Sequence[str], np.ndarray],
) -> tuple[np.ndarray, list[frozenset[str] | None]]:
    """Per person the number of the winter-item groups they lack (0: not known at their site),
    and the sets by number. Only people at sites where the records speak are looked at."""
    individuals, households, site_number = columns
    sets: list[frozenset[str] | None] = [None]
    numbers: dict[frozenset[str], int] = {}
    codes = np.zeros(len(site_number), dtype=np.int64)
    recorded = [number for number, site_id in enumerate(site_ids) if site_id in known]
    for position in np.flatnonzero(np.isin(site_number, recorded)).tolist():
        groups = known[site_ids[site_number[position]]]
        missing = received.missing(groups, UUID(individuals[position]), UUID(households[position]))
        if (number := numbers.get(missing)) is None:
            number = numbers[missing] = len(sets)
            sets.append(missing)
        codes[position] = number
    return codes, sets


def risk_table(*, sites: Iterable[Site], rules: Rules, at: datetime | None = None) -> RiskTable:
    """Everyone current at the sites with their score, tier and reasons (as a `RiskTable`)."""
    conditions = conditions_at(sites, at=at)
    site_ids = list(conditions)
    bands = age_bands(rules)
    rows = _rows(site_ids, bands, timezone.localdate(at))
    columns = list(zip(*rows, strict=True)) if rows else [()] * 5
    individuals, households, site_texts, band, pregnant = columns
    del rows
    count = len(individuals)
    with_medical, with_disability = _needs(site_ids)
    medical = np.fromiter((i in with_medical for i in individuals), bool, count)
    disability = np.fromiter((i in with_disability for i in individuals), bool, count)
    numbers = _site_numbers(conditions)
    site_number = np.fromiter((numbers[text] for text in site_texts), np.int64, count)
    flags = np.fromiter(pregnant, np.int64, count) * 4 + medical * 2 + disability
    received = received_winter_items(site_ids=site_ids)
    items, item_sets = _missing_items(
        received, received.groups_by_site(), site_ids, (individuals, households, site_number)
    )
    key = (items * len(site_ids) + site_number) * len(bands) + np.fromiter(band, np.int64, count)
    distinct, profile = np.unique(key * FLAGS + flags, return_inverse=True)
    scored: dict[Profile, Assessment] = {}  # sites alike in shelter and weather score alike
    assessments = [
        _assess(rules, scored, _profile(conditions, site_ids, bands, item_sets, int(number)))
        for number in distinct.tolist()
    ]
    return RiskTable(
        assessments=assessments,
        profile=profile.astype(np.int32),
        individual_text=individuals,
        household_text=households,
        site_ids=site_ids,
        site_number=site_number,
        medical=medical,
        disability=disability,
    )


def _assess(rules: Rules, scored: dict[Profile, Assessment], profile: Profile) -> Assessment:
    if (assessment := scored.get(profile)) is None:
        assessment = scored[profile] = assess(rules, profile)
    return assessment


def _profile(
    conditions: dict[UUID, SiteConditions],
    site_ids: list[UUID],
    bands: list[range],
    item_sets: list[frozenset[str] | None],
    number: int,
) -> Profile:
    """The profile packed into `number` (the reverse of the packing in `risk_table`)."""
    rest, flags = divmod(number, FLAGS)
    rest, band = divmod(rest, len(bands))
    items, site = divmod(rest, len(site_ids))
    here = conditions[site_ids[site]]
    return Profile(
        shelter_type=here.shelter_type,
        wind_chill_c=here.wind_chill_c,
        age_years=bands[band],
        is_pregnant=bool(flags & 4),
        has_medical=bool(flags & 2),
        has_disability=bool(flags & 1),
        missing_items=item_sets[items],
    )


def uuids() -> Callable[[str], UUID]:
    """Text to UUID, each distinct text converted once (households and sites repeat)."""
    known: dict[str, UUID] = {}

    def of(text: str) -> UUID:
        if (found := known.get(text)) is None:
            found = known[text] = UUID(text)
        return found

    return of
