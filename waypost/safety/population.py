"""Cold risk for everyone at a set of sites, in a few grouped queries.

People alike in what the rules look at (site, age band between two rule bounds, pregnancy, an open
SM-* or DS-* specific need) share one `Profile`, scored once. The database computes each
person's age band (a CASE over birth-date cut-offs), so Python reads small integers and looks a
profile up per person; the specific needs come from one query over the sites' open SM/DS needs.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NamedTuple
from uuid import UUID

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
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
from waypost.safety.risk import Assessment, Profile, Rules, assess
from waypost.safety.winter_items import received_winter_items, sites_with_records
from waypost.sites.models import Site

# UNHCR specific-need code groups (domain standards 1.2): SM serious medical condition,
# DS disability.
MEDICAL_PREFIX = "SM"
DISABILITY_PREFIX = "DS"
OLDEST_AGE = 150


class PersonRisk(NamedTuple):
    """One person's assessment (shared with everyone alike) and the needs the planner reads."""

    individual_id: UUID
    household_id: UUID
    site_id: UUID
    assessment: Assessment
    has_medical: bool
    has_disability: bool

    @property
    def score(self) -> int:
        return self.assessment.score

    @property
    def tier(self) -> str:
        return self.assessment.tier


class GroupRisk(NamedTuple):
    """How many people at a site share one assessment."""

    site_id: UUID
    assessment: Assessment
    people: int


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


def people_with_needs(site_ids: list[UUID]) -> tuple[set[UUID], set[UUID]]:
    """Those at the sites with an open serious medical condition, and with a disability."""
    rows = IndividualSpecificNeed.objects.filter(
        Q(code__code__startswith=MEDICAL_PREFIX) | Q(code__code__startswith=DISABILITY_PREFIX),
        is_active=True,
        individual__current_site_id__in=site_ids,
        individual__merged_into__isnull=True,
    ).values_list("individual_id", "code_id")
    medical: set[UUID] = set()
    disability: set[UUID] = set()
    for individual_id, code in rows:
        (medical if code.startswith(MEDICAL_PREFIX) else disability).add(individual_id)
    return medical, disability


def _uuids() -> Callable[[str], UUID]:
    """Text to UUID, each distinct text converted once: a site's or a household's id is read
    as text for each of its people, and building a UUID costs more than finding one."""
    known: dict[str, UUID] = {}

    def of(text: str) -> UUID:
        if (found := known.get(text)) is None:
            found = known[text] = UUID(str(text))
        return found

    return of


def _person_rows(site_ids: list[UUID], bands: list[range], today: date) -> QuerySet[Any, Any]:
    """Per person: id, household and site ids as text, age band, pregnancy."""
    return (
        Individual.objects.current()
        .filter(current_site_id__in=site_ids)
        .annotate(
            band=age_band_case(bands, today),
            household_text=Cast("household_id", CharField()),
            site_text=Cast("current_site_id", CharField()),
        )
        .values_list("id", "household_text", "site_text", "band", "is_pregnant")
        .order_by()
    )


def assess_people(
    *, sites: Iterable[Site], rules: Rules, at: datetime | None = None
) -> list[PersonRisk]:
    """Every current person at the sites with their score, tier and reasons."""
    conditions = conditions_at(sites, at=at)
    site_ids = list(conditions)
    bands = age_bands(rules)
    medical, disability = people_with_needs(site_ids)
    received = received_winter_items(site_ids=site_ids)
    known = received.groups_by_site()
    rows = _person_rows(site_ids, bands, timezone.localdate(at))
    scored: dict[tuple[object, ...], Assessment] = {}
    people = []
    households, sites_by_text = _uuids(), _uuids()
    for individual_id, household, site_text, band, pregnant in rows.iterator(chunk_size=20_000):
        household_id, site_id = households(household), sites_by_text(site_text)
        flags = (individual_id in medical, individual_id in disability)
        groups = known.get(site_id)
        items = received.missing(groups, individual_id, household_id) if groups else None
        key = (site_id, band, pregnant, *flags, items)
        if (assessment := scored.get(key)) is None:
            profile = _profile(conditions[site_id], bands[band], pregnant, flags, items)
            assessment = scored[key] = assess(rules, profile)
        people.append(PersonRisk(individual_id, household_id, site_id, assessment, *flags))
    return people


def _profile(
    conditions: SiteConditions,
    ages: range,
    pregnant: bool,
    flags: tuple[bool, bool],
    items: frozenset[str] | None,
) -> Profile:
    return Profile(
        shelter_type=conditions.shelter_type,
        wind_chill_c=conditions.wind_chill_c,
        age_years=ages,
        is_pregnant=pregnant,
        has_medical=flags[0],
        has_disability=flags[1],
        missing_items=items,
    )


def _has_need(prefix: str) -> Exists:
    return Exists(
        IndividualSpecificNeed.objects.filter(
            individual=OuterRef("pk"), is_active=True, code__code__startswith=prefix
        )
    )


def _counted_in_sql(
    conditions: dict[UUID, SiteConditions], site_ids: list[UUID], rules: Rules, today: date
) -> Counter[tuple[UUID, Assessment]]:
    """People grouped by site, age band, pregnancy and open SM/DS needs, counted by the
    database: one row a group, scored once each."""
    bands = age_bands(rules)
    rows = (
        Individual.objects.current()
        .filter(current_site_id__in=site_ids)
        .annotate(
            band=age_band_case(bands, today),
            medical=_has_need(MEDICAL_PREFIX),
            disability=_has_need(DISABILITY_PREFIX),
        )
        .values_list("current_site_id", "band", "is_pregnant", "medical", "disability")
        .annotate(people=Count("pk"))
        .order_by()
    )
    counts: Counter[tuple[UUID, Assessment]] = Counter()
    for site_id, band, pregnant, medical, disability, people in rows:
        flags = (bool(medical), bool(disability))
        profile = _profile(conditions[site_id], bands[band], bool(pregnant), flags, None)
        counts[(site_id, assess(rules, profile))] += people
    return counts


def risk_by_group(
    *, sites: Iterable[Site], rules: Rules, at: datetime | None = None
) -> list[GroupRisk]:
    """How many people at each site share each assessment, without a row per person.

    Where the distribution records speak for winter items (a round was planned at the site),
    those are per person or household, so those sites are assessed person by person
    (`assess_people`) and counted; everywhere else the database groups and counts.
    """
    sites = list(sites)
    conditions = conditions_at(sites, at=at)
    recorded = sites_with_records(site_ids=list(conditions))
    grouped = [site_id for site_id in conditions if site_id not in recorded]
    counts = _counted_in_sql(conditions, grouped, rules, timezone.localdate(at))
    per_person = [site for site in sites if site.pk in recorded]
    if per_person:
        people = assess_people(sites=per_person, rules=rules, at=at)
        counts.update((person.site_id, person.assessment) for person in people)
    return [
        GroupRisk(site_id, assessment, people) for (site_id, assessment), people in counts.items()
    ]
