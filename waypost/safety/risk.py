"""How a person's cold-risk score is reached: a sum of points, each with its reason.

The rules are data (`RiskRule`, loaded first from `data/risk_rules.csv`, then edited by site
coordinators in new versions). For one person:

- **exposure**: the shelter type of their current site and the coldest wind chill there tonight
  (`windchill.felt_temperature`: the air temperature where the index is not defined). Of the
  exposure rules for that shelter type whose wind chill threshold is reached, the one with the
  most points counts — one place, one night. No weather recorded: exposure is not scored.
- **age**: every age rule whose range [low, high) holds the person's age in whole years;
- **pregnancy**, a **serious medical condition** (an open SM-* specific need), a **disability**
  (an open DS-* specific need);
- **winter items** not yet received, per item group, when distribution records can tell.

The score is the sum; the tier is the highest whose minimum the score reaches. Everything here is
pure: `Profile` in, `Assessment` out, so many people sharing a profile are scored once.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from waypost.safety.models import Factor, RiskRuleSet, Tier


@dataclass(frozen=True)
class Rule:
    factor: str
    condition: str
    low: Decimal | None
    high: Decimal | None
    points: int
    rationale: str
    source: str


@dataclass(frozen=True)
class TierThreshold:
    tier: str
    min_points: int
    alert: bool
    rationale: str


@dataclass(frozen=True)
class Rules:
    """One version of the rules, read once and kept while a computation runs."""

    version: int
    rule_set_id: object
    rules: tuple[Rule, ...]
    tiers: tuple[TierThreshold, ...]  # highest minimum first

    def of(self, factor: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.factor == factor)

    def age_bounds(self) -> list[int]:
        """Every whole-year age an age rule starts or stops at, youngest first."""
        bounds = {
            int(bound)
            for rule in self.of(Factor.AGE)
            for bound in (rule.low, rule.high)
            if bound is not None
        }
        return sorted(bounds)

    def tier_for(self, score: int) -> TierThreshold:
        reached = [tier for tier in self.tiers if score >= tier.min_points]
        return reached[0] if reached else self.tiers[-1]

    def alerts_on(self, tier: str) -> bool:
        return any(threshold.alert for threshold in self.tiers if threshold.tier == tier)


def rules_of(rule_set: RiskRuleSet) -> Rules:
    rules = tuple(
        Rule(
            factor=rule.factor,
            condition=rule.condition,
            low=rule.low,
            high=rule.high,
            points=rule.points,
            rationale=rule.rationale,
            source=rule.source,
        )
        for rule in rule_set.rules.all()
    )
    tiers = tuple(
        TierThreshold(t.tier, t.min_points, t.alert, t.rationale)
        for t in sorted(rule_set.tiers.all(), key=lambda t: -t.min_points)
    )
    return Rules(rule_set.version, rule_set.pk, rules, tiers)


@dataclass(frozen=True)
class Profile:
    """What the rules look at, for one person or for everyone alike in these respects."""

    shelter_type: str
    wind_chill_c: int | None
    age_years: range  # the ages the person may be: a band between two rule bounds
    is_pregnant: bool = False
    has_medical: bool = False
    has_disability: bool = False
    missing_items: frozenset[str] | None = None  # None: not known


@dataclass(frozen=True)
class Reason:
    """One rule that applied: its factor and condition, points, and the values that met it."""

    factor: str
    condition: str
    points: int
    wind_chill_c: int | None = None
    bound: int | None = None

    def as_data(self) -> dict[str, object]:
        return {
            "factor": self.factor,
            "condition": self.condition,
            "points": self.points,
            "wind_chill_c": self.wind_chill_c,
            "bound": self.bound,
        }


@dataclass(frozen=True)
class Assessment:
    score: int
    tier: str
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def needs_heated(self) -> bool:
        return self.tier in (Tier.CRITICAL, Tier.HIGH)


def exposure_reason(rules: Rules, profile: Profile) -> Reason | None:
    if profile.wind_chill_c is None:
        return None
    reached = [
        rule
        for rule in rules.of(Factor.EXPOSURE)
        if rule.condition == profile.shelter_type
        and (rule.high is None or profile.wind_chill_c <= rule.high)
    ]
    if not reached:
        return None
    rule = max(reached, key=lambda rule: rule.points)
    return Reason(Factor.EXPOSURE, rule.condition, rule.points, wind_chill_c=profile.wind_chill_c)


def age_reasons(rules: Rules, ages: range) -> list[Reason]:
    """Age rules holding the whole band (a band never straddles a rule's bound)."""
    youngest = ages.start
    return [
        Reason(Factor.AGE, rule.condition, rule.points, bound=_whole(rule.high or rule.low))
        for rule in rules.of(Factor.AGE)
        if (rule.low is None or youngest >= rule.low)
        and (rule.high is None or youngest < rule.high)
    ]


def _whole(value: Decimal | None) -> int | None:
    return None if value is None else int(value)


def flag_reasons(rules: Rules, profile: Profile) -> list[Reason]:
    flags = {
        Factor.PREGNANCY: profile.is_pregnant,
        Factor.MEDICAL: profile.has_medical,
        Factor.DISABILITY: profile.has_disability,
    }
    reasons = [
        Reason(rule.factor, rule.condition, rule.points)
        for factor, present in flags.items()
        if present
        for rule in rules.of(factor)
    ]
    if profile.missing_items is not None:
        reasons += [
            Reason(Factor.WINTER_ITEMS, rule.condition, rule.points)
            for rule in rules.of(Factor.WINTER_ITEMS)
            if rule.condition in profile.missing_items
        ]
    return reasons


def assess(rules: Rules, profile: Profile) -> Assessment:
    """The score, tier and reasons of one profile; reasons with no points are left out."""
    reasons = [exposure_reason(rules, profile), *age_reasons(rules, profile.age_years)]
    reasons += flag_reasons(rules, profile)
    kept = tuple(reason for reason in reasons if reason is not None and reason.points > 0)
    score = sum(reason.points for reason in kept)
    return Assessment(score, rules.tier_for(score).tier, kept)
