"""Cold risk for everyone at a set of sites: per person, or counted by group.

`assess_people` lists every person with their assessment, from the columns of
`waypost.safety.risk_table` (one query, one scoring per distinct profile). `risk_by_group`
counts people alike in what the rules look at (site, age band between two rule bounds,
pregnancy, an open SM-* or DS-* specific need) in the database, with no row per person read.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple
from uuid import UUID

from django.db.models import Count
from django.utils import timezone

from waypost.registry.models import Individual
from waypost.safety.conditions import SiteConditions, conditions_at
from waypost.safety.risk import Assessment, Profile, Rules, assess
from waypost.safety.risk_table import (
    DISABILITY_PREFIX,
    MEDICAL_PREFIX,
    RiskTable,
    age_band_case,
    age_bands,
    has_need,
    risk_table,
    uuids,
)
from waypost.safety.winter_items import sites_with_records
from waypost.sites.models import Site


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


def assess_people(
    *, sites: Iterable[Site], rules: Rules, at: datetime | None = None
) -> list[PersonRisk]:
    """Every current person at the sites with their score, tier and reasons (`risk_table`,
    one UUID made per person)."""
    table = risk_table(sites=sites, rules=rules, at=at)
    return person_risks(table, range(len(table)))


def person_risks(table: RiskTable, chosen: Iterable[int]) -> list[PersonRisk]:
    """The people at these positions of the table, as `PersonRisk`."""
    households, assessments, site_ids = uuids(), table.assessments, table.site_ids
    individuals, household_texts = table.individual_text, table.household_text
    profile, site_number = table.profile.tolist(), table.site_number.tolist()
    medical, disability = table.medical.tolist(), table.disability.tolist()
    return [
        PersonRisk(
            UUID(individuals[position]),
            households(household_texts[position]),
            site_ids[site_number[position]],
            assessments[profile[position]],
            medical[position],
            disability[position],
        )
        for position in chosen
    ]


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
            medical=has_need(MEDICAL_PREFIX),
            disability=has_need(DISABILITY_PREFIX),
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
