"""Reading cold risk: the rules in force, who is at risk at a set of sites, and for whom.

`at_risk_people(*, site_ids, min_tier="moderate")` is the selector other apps (the relocation
planner) read risk through. It returns a list of `AtRiskPerson` named tuples

    (individual_id, household_id, site_id, score, tier,
     needs_heated, needs_accessible, needs_medical)

for every current person at those sites whose tier is `min_tier` or higher, highest score
first (ties: by household, so a household's members come together). It is computed now from
the rules in force and tonight's weather (`waypost.safety.risk_table`: everyone's risk as
columns, UUIDs made only for the people returned), not read from the last snapshot.
`needs_heated`: the tier is high or critical; `needs_accessible`: an open DS-*
(disability) specific need; `needs_medical`: an open SM-* (serious medical condition) need.
It is actor-free and shows no reasons: callers serving people to a user scope and audit them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Count, Max, QuerySet
from django.http import Http404

from waypost.core import audit
from waypost.core.models import User
from waypost.registry.selectors import households_visible_to
from waypost.safety.models import (
    Alert,
    Factor,
    RiskAssessment,
    RiskRule,
    RiskRuleSet,
    Tier,
    WeatherReading,
)
from waypost.safety.population import person_risks
from waypost.safety.risk import Rule, Rules, rules_of
from waypost.safety.risk_table import risk_table
from waypost.sites.models import Site, SiteKind


class AtRiskPerson(NamedTuple):
    individual_id: UUID
    household_id: UUID
    site_id: UUID
    score: int
    tier: str
    needs_heated: bool
    needs_accessible: bool
    needs_medical: bool


def rule_set_in_force() -> RiskRuleSet:
    """The latest version of the rules (version 1, the defaults, is loaded after migrating)."""
    return RiskRuleSet.objects.prefetch_related("rules", "tiers").order_by("-version")[0]


def rules_in_force() -> Rules:
    return rules_of(rule_set_in_force())


def exposure_rules_in_force() -> Rules:
    """Only the exposure rules of the version in force, in one query (tiers left out)."""
    latest = RiskRuleSet.objects.order_by("-version").values("pk")[:1]
    rows = RiskRule.objects.filter(rule_set__in=latest, factor=Factor.EXPOSURE)
    rules = tuple(
        Rule(row.factor, row.condition, row.low, row.high, row.points, row.rationale, row.source)
        for row in rows
    )
    return Rules(version=0, rule_set_id=None, rules=rules, tiers=())


def at_risk_people(
    *, site_ids: Iterable[UUID], min_tier: str = Tier.MODERATE, at: datetime | None = None
) -> list[AtRiskPerson]:
    sites = Site.objects.filter(pk__in=list(site_ids))
    table = risk_table(sites=sites, rules=rules_in_force(), at=at)
    people = person_risks(table, table.ranked(min_tier).tolist())
    return [
        AtRiskPerson(
            person.individual_id,
            person.household_id,
            person.site_id,
            person.score,
            person.tier,
            person.assessment.needs_heated,
            person.has_disability,
            person.has_medical,
        )
        for person in people
    ]


# What the at-risk list shows of each person: who they are, and their risk with its reasons
# (which may name pregnancy, illness or disability: shown for life safety, and audited).
SHOWN_FIELDS = (
    "number",
    "given_name",
    "family_name",
    "age",
    "cold_risk_score",
    "cold_risk_reasons",
)
LIST_LIMIT = 500


def housing_sites() -> QuerySet[Site]:
    """Sites where people sleep: the ones cold risk is assessed for."""
    return Site.objects.filter(is_active=True).exclude(kind=SiteKind.WAREHOUSE)


def assessments_shown_to(user: User, site: Site) -> QuerySet[RiskAssessment]:
    """Risk snapshots of the people now at the site whom the user may see.

    The agency managing a site answers for the life safety of everyone sleeping there, so its
    staff see all of them (vital interest, UNHCR data protection policy 2.2); staff of other
    agencies see the households visible to them (`registry.selectors.households_visible_to`).
    """
    shown = RiskAssessment.objects.filter(
        site=site, individual__current_site=site, individual__merged_into__isnull=True
    )
    if user.is_superuser or (user.agency_id and site.managed_by_id == user.agency_id):
        return shown
    return shown.filter(household_id__in=households_visible_to(user).values("pk"))


@dataclass(frozen=True)
class HouseholdRisk:
    household_id: UUID
    tier: str
    score: int
    people: list[RiskAssessment]


@dataclass(frozen=True)
class RiskList:
    site: Site
    counts: dict[str, int]
    people: list[RiskAssessment]
    households: list[HouseholdRisk]
    assessed_at: datetime | None
    truncated: bool

    def __bool__(self) -> bool:
        """An empty list is nothing shown."""
        return bool(self.people)


def _households(people: list[RiskAssessment]) -> list[HouseholdRisk]:
    grouped: dict[UUID, list[RiskAssessment]] = {}
    for person in people:
        grouped.setdefault(person.household_id, []).append(person)
    households = [
        HouseholdRisk(household_id, members[0].tier, members[0].score, members)
        for household_id, members in grouped.items()
    ]
    return sorted(households, key=lambda household: -household.score)


def risk_list_for(
    user: User, site: Site, tiers: Iterable[str], purpose: str, *, limit: int = LIST_LIMIT
) -> RiskList:
    """The people at risk at the site by score, with their households; each one shown audited."""
    shown = assessments_shown_to(user, site)
    counts = dict(shown.values_list("tier").annotate(people=Count("pk")).order_by())
    chosen = (
        shown.filter(tier__in=list(tiers))
        .select_related("individual__household")
        .order_by("-score", "household_id", "individual__number")
    )
    people = list(chosen[: limit + 1])
    audit.record_views(
        actor=user,
        subjects=[row.individual for row in people[:limit]],
        purpose=purpose,
        fields=SHOWN_FIELDS,
        via="safety.at_risk",
        site=site.code,
    )
    assessed_at = shown.aggregate(latest=Max("assessed_at"))["latest"]
    return RiskList(
        site,
        counts,
        people[:limit],
        _households(people[:limit]),
        assessed_at,
        truncated=len(people) > limit,
    )


def open_alerts_shown_to(user: User, site: Site) -> QuerySet[Alert]:
    visible = assessments_shown_to(user, site).values("individual_id")
    return Alert.objects.filter(site=site, acknowledged_at__isnull=True, individual_id__in=visible)


def alerts_for(user: User, site: Site, purpose: str, *, limit: int = LIST_LIMIT) -> list[Alert]:
    """The site's alerts not yet acknowledged, newest first; each person shown audited."""
    alerts = list(open_alerts_shown_to(user, site).select_related("individual")[:limit])
    audit.record_views(
        actor=user,
        subjects=[alert.individual for alert in alerts],
        purpose=purpose,
        fields=("number", "given_name", "family_name", "cold_risk_tier"),
        via="safety.alerts",
        site=site.code,
    )
    return alerts


def get_alert_for(user: User, alert_id: str) -> Alert:
    """An open or acknowledged alert about someone the user may see at its site; 404 otherwise."""
    try:
        alert = Alert.objects.select_related("site").get(pk=alert_id)
    except (Alert.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such alert.") from None
    if (
        not assessments_shown_to(user, alert.site)
        .filter(individual_id=alert.individual_id)
        .exists()
    ):
        raise Http404("No such alert.")
    return alert


def readings_at(site: Site | None, *, limit: int = 72) -> QuerySet[WeatherReading]:
    """The site's latest readings (by the time they are for), observations and forecasts."""
    if site is None:
        return WeatherReading.objects.none()
    return WeatherReading.objects.filter(site=site).order_by("-valid_at")[:limit]


def rule_versions() -> QuerySet[RiskRuleSet]:
    return RiskRuleSet.objects.select_related("changed_by").order_by("-version")
