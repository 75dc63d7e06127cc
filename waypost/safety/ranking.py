"""Who is most at risk: one ranking, used by the distribution plans (most at risk served first).

A person's risk score is the sum of the weights of the factors that apply to them, read from
`safety/data/priority_weights.csv` with each weight's rationale and source: their age band
(infants, young children, children, older people), pregnancy, breastfeeding, and their active
specific-need codes (UNHCR 2009 codes, standards.md §1; within one code category only the
heaviest factor counts, so SM and SM-CC do not add up). `safety/data/priority_tiers.csv` cuts
scores into tiers.
A household's rank is its most at-risk member's.

The cold (the life-safety rules, `waypost.safety.risk`) comes in as one more factor: the points
the cold-risk exposure rule in force gives the person's current site tonight (its shelter type
and coldest wind chill, `waypost.safety.conditions`), times the `cold_exposure` weight per point
of `priority_weights.csv`. Age, pregnancy and specific needs keep the weights above, so nothing
counts twice; with no weather recorded for a site, its people get no cold weight.

Computed in bulk: three queries (people, their active specific needs, tonight's weather at their
sites; a fourth for the cold-exposure rules when there is weather) whatever the number of
people, and one shared `RiskRank` per combination of factors, so a million people cost a few
seconds and little memory.
"""

import csv
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.safety.conditions import coldest_by_site
from waypost.safety.risk import Profile, exposure_reason
from waypost.safety.selectors import exposure_rules_in_force
from waypost.sites.models import Site

DATA_DIR = Path(__file__).resolve().parent / "data"
# Changes whenever the weights or the factors change, so a plan records what ranked it.
RANKING_VERSION = "needs-age-cold-2026-2"
YEAR = 12  # months


@dataclass(frozen=True)
class Factor:
    key: str
    kind: str
    code: str
    min_months: int | None
    max_months: int | None
    weight: int
    reason: str
    source: str
    verification: str


@dataclass(frozen=True)
class RiskRank:
    """How much at risk a person (or household) is: a score, its tier, and why."""

    score: int
    tier: int
    factors: tuple[str, ...]  # keys of priority_weights.csv, heaviest first

    @property
    def reasons(self) -> tuple[str, ...]:
        """The factors in plain words, in the current language."""
        weights = factors_by_key()
        return tuple(gettext(weights[key].reason) for key in self.factors)

    @property
    def tier_name(self) -> str:
        return gettext(tiers()[self.tier][1])


NO_RISK = RiskRank(score=0, tier=0, factors=())


@dataclass(frozen=True)
class Person:
    """What the ranking reads of one person."""

    age_months: int
    is_pregnant: bool
    is_lactating: bool
    codes: frozenset[str]
    # Points of the cold-risk exposure rule at the person's site tonight (0: none, or no weather).
    exposure_points: int = 0


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _months(text: str) -> int | None:
    return int(text) if text else None


def factor_of(row: dict[str, str]) -> Factor:
    return Factor(
        key=row["key"],
        kind=row["kind"],
        code=row["code"],
        min_months=_months(row["min_months"]),
        max_months=_months(row["max_months"]),
        weight=int(row["weight"]),
        reason=row["reason"],
        source=row["source"],
        verification=row["verification"],
    )


@cache
def all_factors() -> tuple[Factor, ...]:
    return tuple(factor_of(row) for row in read_rows("priority_weights.csv"))


@cache
def factors_by_key() -> dict[str, Factor]:
    return {factor.key: factor for factor in all_factors()}


@cache
def tiers() -> dict[int, tuple[int, str]]:
    """tier → (lowest score, name)."""
    return {
        int(row["tier"]): (int(row["min_score"]), row["name"])
        for row in read_rows("priority_tiers.csv")
    }


def tier_of(score: int) -> int:
    return max(tier for tier, (lowest, _name) in tiers().items() if score >= lowest)


def _applies(factor: Factor, person: Person) -> bool:
    if factor.kind == "age":
        low, high = factor.min_months or 0, factor.max_months
        return low <= person.age_months and (high is None or person.age_months < high)
    if factor.kind == "pregnant":
        return person.is_pregnant
    if factor.kind == "lactating":
        return person.is_lactating
    if factor.kind == "cold":
        return person.exposure_points > 0
    return any(code == factor.code or code.startswith(factor.code + "-") for code in person.codes)


def _weight(factor: Factor, person: Person) -> int:
    """A factor's weight for the person: per point of cold exposure for the cold factor."""
    return factor.weight * person.exposure_points if factor.kind == "cold" else factor.weight


@cache
def rank_of(person: Person) -> RiskRank:
    """The rank of one person; remembered, as many people share the same traits."""
    heaviest: dict[str, Factor] = {}
    for factor in all_factors():
        if not _applies(factor, person):
            continue
        group = factor.code.split("-")[0] if factor.kind == "code" else factor.kind
        if group not in heaviest or factor.weight > heaviest[group].weight:
            heaviest[group] = factor
    weights = {factor.key: _weight(factor, person) for factor in heaviest.values()}
    chosen = sorted(heaviest.values(), key=lambda factor: (-weights[factor.key], factor.key))
    score = sum(weights.values())
    return RiskRank(score=score, tier=tier_of(score), factors=tuple(f.key for f in chosen))


def exposure_points_by_site(site_ids: Iterable[UUID]) -> dict[UUID, int]:
    """Per site, the points of the cold-risk exposure rule in force for tonight's weather there
    (one query for the readings with their sites' shelter types; one for the rules, if any)."""
    coldest = coldest_by_site(site_ids)
    if not coldest:
        return {}
    rules = exposure_rules_in_force()
    points: dict[UUID, int] = {}
    for site_id, (shelter_type, felt) in coldest.items():
        reason = exposure_reason(rules, Profile(shelter_type, felt, range(0, 1)))
        points[site_id] = reason.points if reason else 0
    return points


def age_in_months(born: date | str, on: date) -> int:
    """Whole months of age on `on`; `born` a date, or its ISO text as SQLite returns it."""
    if isinstance(born, str):
        year, month, day = int(born[:4]), int(born[5:7]), int(born[8:10])
    else:
        year, month, day = born.year, born.month, born.day
    months = (on.year - year) * YEAR + on.month - month
    return max(0, months - (on.day < day))


CHUNK = 20000


def raw_rows(queryset: QuerySet[Any]) -> Iterator[tuple[Any, ...]]:
    """The query's rows as the database driver returns them, without building model fields
    (a million rows: seconds less). Ids come as the database stores them."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            yield from rows


def people_of(individual_ids: list[UUID] | None, site: Site | None) -> QuerySet[Individual]:
    people = Individual.objects.current()
    if individual_ids is not None:
        people = people.filter(pk__in=individual_ids)
    if site is not None:
        people = people.filter(current_site=site)
    return people


def active_codes(people: QuerySet[Individual]) -> dict[Any, frozenset[str]]:
    needs = IndividualSpecificNeed.objects.filter(
        is_active=True, individual__in=people.values("pk")
    )
    codes: dict[Any, set[str]] = defaultdict(set)
    for individual_id, code in raw_rows(needs.values_list("individual_id", "code_id")):
        codes[individual_id].add(code)
    return {individual_id: frozenset(found) for individual_id, found in codes.items()}


@cache
def age_bounds() -> tuple[int, ...]:
    """Every age (in months) at which an age factor starts or stops applying."""
    ages = {0}
    for factor in all_factors():
        if factor.kind == "age":
            ages |= {bound for bound in (factor.min_months, factor.max_months) if bound is not None}
    return tuple(sorted(ages))


def rank_for(
    months: int, pregnant: bool, lactating: bool, codes: frozenset[str], exposure: int
) -> RiskRank:
    """The rank of a person with these traits; ages are taken by band (the same factors apply
    throughout one), so a million people share a few hundred ranks."""
    bounds = age_bounds()
    band = bounds[bisect_right(bounds, months) - 1]
    return _rank_for(band, pregnant, lactating, codes, exposure)


@cache
def _rank_for(
    band: int, pregnant: bool, lactating: bool, codes: frozenset[str], exposure: int
) -> RiskRank:
    return rank_of(Person(band, pregnant, lactating, codes, exposure_points=exposure))


def exposure_by_db_site(site: Site | None) -> dict[Any, int]:
    """Tonight's cold-exposure points per site, keyed by the site id as the database gives it."""
    site_ids = [site.pk] if site is not None else list(Site.objects.values_list("pk", flat=True))
    to_db = Individual._meta.get_field("current_site").target_field.get_db_prep_value
    return {
        to_db(site_id, connection): points
        for site_id, points in exposure_points_by_site(site_ids).items()
    }


def ranks_by_db_id(
    *,
    individual_ids: Iterable[UUID] | None = None,
    site: Site | None = None,
    on: date | None = None,
) -> dict[Any, RiskRank]:
    """`risk_ranks`, keyed by the ids as the database returns them (UUIDs on PostgreSQL, hex
    text on SQLite): for bulk callers that read people the same way, without a conversion per
    person."""
    day = on or timezone.localdate()
    people = people_of(None if individual_ids is None else list(individual_ids), site)
    codes = active_codes(people)
    exposure = exposure_by_db_site(site)
    none: frozenset[str] = frozenset()
    columns = ("id", "date_of_birth", "is_pregnant", "is_lactating", "current_site_id")
    people = people.order_by()  # no sort needed
    return {
        pk: rank_for(
            age_in_months(born, day),
            bool(pregnant),
            bool(lactating),
            codes.get(pk, none),
            exposure.get(site_id, 0),
        )
        for pk, born, pregnant, lactating, site_id in raw_rows(people.values_list(*columns))
    }


def risk_ranks(
    *,
    individual_ids: Iterable[UUID] | None = None,
    site: Site | None = None,
    on: date | None = None,
) -> dict[UUID, RiskRank]:
    """The risk rank of each current (not merged) person named, or at the site, or everyone.

    Stable signature, refined by the life-safety work (cold risk) without changing it:
    `individual_ids` and `site` narrow the people (both may be given); `on` is the day ages are
    counted on (today by default). Returns individual id → RiskRank(score, tier, factors, with
    `reasons` in plain words). Three queries whatever the number of people (four with weather;
    one more for the sites when no site is named).
    """
    ranks = ranks_by_db_id(individual_ids=individual_ids, site=site, on=on)
    return {pk if isinstance(pk, UUID) else UUID(pk): rank for pk, rank in ranks.items()}


def household_ranks(
    ranks: Mapping[UUID, RiskRank], household_of: Mapping[UUID, UUID]
) -> dict[UUID, RiskRank]:
    """A household's rank is its most at-risk member's (highest score)."""
    best: dict[UUID, RiskRank] = {}
    for individual_id, rank in ranks.items():
        household_id = household_of[individual_id]
        if household_id not in best or rank.score > best[household_id].score:
            best[household_id] = rank
    return best
