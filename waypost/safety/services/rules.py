"""Versions of the cold-risk rules: the defaults, and a coordinator's change as a new version.

Versions are never changed or deleted: a change writes a whole new version (every rule and tier),
effective from when it is saved, with who changed it and why, and an audit event naming what
changed. Assessments name the version they were computed with.
"""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core import audit
from waypost.core.models import User
from waypost.safety.defaults import DEFAULTS_REASON, default_rules, default_tiers
from waypost.safety.models import Factor, RiskRule, RiskRuleSet, RiskTier, Tier


def check_tiers(tiers: Sequence[Mapping[str, Any]]) -> None:
    """Every tier once; a higher tier needs a higher score; the lowest starts at 0."""
    names = [tier["tier"] for tier in tiers]
    if sorted(names) != sorted(Tier.values):
        raise ValidationError(
            _("Give each tier exactly once: critical, high, moderate and low."), code="tiers"
        )
    minimum = {tier["tier"]: tier["min_points"] for tier in tiers}
    ordered = [minimum[tier] for tier in (Tier.LOW, Tier.MODERATE, Tier.HIGH, Tier.CRITICAL)]
    if ordered[0] != 0 or any(
        lower >= higher for lower, higher in zip(ordered, ordered[1:], strict=False)
    ):
        raise ValidationError(
            _("Tier thresholds must rise from low (0) to moderate, high and critical."),
            code="tiers",
        )


def check_rules(rules: Sequence[Mapping[str, Any]]) -> None:
    """No two rules for the same factor, condition and bounds (which would count twice)."""
    unknown = sorted({rule["factor"] for rule in rules} - set(Factor.values))
    if unknown:
        raise ValidationError(
            _("Unknown factors: %(factors)s.") % {"factors": ", ".join(unknown)}, code="factor"
        )
    described = [_described(rule) for rule in rules]
    doubled = sorted({text for text in described if described.count(text) > 1})
    if doubled:
        raise ValidationError(
            _("Each rule may be given once: %(rules)s.") % {"rules": "; ".join(doubled)},
            code="duplicate_rule",
        )


@transaction.atomic
def write_rule_set(
    *,
    by: User | None,
    reason: str,
    rules: Sequence[Mapping[str, Any]],
    tiers: Sequence[Mapping[str, Any]],
) -> RiskRuleSet:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the rules change.")}, code="required")
    check_rules(rules)
    check_tiers(tiers)
    latest = RiskRuleSet.objects.select_for_update().aggregate(latest=Max("version"))["latest"]
    rule_set = RiskRuleSet.objects.create(
        version=(latest or 0) + 1,
        effective_from=timezone.now(),
        changed_by=by,
        reason=reason.strip(),
    )
    RiskRule.objects.bulk_create(RiskRule(rule_set=rule_set, **rule) for rule in rules)
    RiskTier.objects.bulk_create(RiskTier(rule_set=rule_set, **tier) for tier in tiers)
    return rule_set


def load_default_rules() -> RiskRuleSet | None:
    """Version 1 from the data files, when no version exists yet; else nothing."""
    if RiskRuleSet.objects.exists():
        return None
    return write_rule_set(
        by=None, reason=DEFAULTS_REASON, rules=default_rules(), tiers=default_tiers()
    )


def load_default_rules_after_migrate(**kwargs: Any) -> None:
    load_default_rules()


def _bound(value: object) -> str:
    return "" if value is None else format(Decimal(str(value)).quantize(Decimal("0.1")), "f")


def _described(rule: Mapping[str, Any]) -> str:
    bounds = f"[{_bound(rule.get('low'))}, {_bound(rule.get('high'))})"
    return " ".join(part for part in (rule["factor"], rule.get("condition", ""), bounds) if part)


def changes_between(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]
) -> dict[str, list[Any]]:
    """What a new version changes, per rule or tier: [points before, points after]."""
    before = {_described(rule): rule.get("points", rule.get("min_points")) for rule in old}
    after = {_described(rule): rule.get("points", rule.get("min_points")) for rule in new}
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    }


@transaction.atomic(durable=True)
def change_rules(
    *,
    by: User,
    reason: str,
    rules: Sequence[Mapping[str, Any]],
    tiers: Sequence[Mapping[str, Any]],
    purpose: str = "",
) -> RiskRuleSet:
    """A new version of the rules and tiers, audited with what changed and why."""
    previous = RiskRuleSet.objects.order_by("-version").first()
    old_rules = list(previous.rules.values()) if previous else []
    old_tiers = [
        {"factor": "tier", "condition": t["tier"], "points": t["min_points"]}
        for t in (previous.tiers.values() if previous else [])
    ]
    rule_set = write_rule_set(by=by, reason=reason, rules=rules, tiers=tiers)
    new_tiers = [
        {"factor": "tier", "condition": t["tier"], "points": t["min_points"]} for t in tiers
    ]
    audit.record(
        actor=by,
        action="safety.rules_changed",
        subject=rule_set,
        purpose=purpose,
        fields=changes_between([*old_rules, *old_tiers], [*rules, *new_tiers]),
        version=rule_set.version,
        previous_version=previous.version if previous else None,
        reason=rule_set.reason,
    )
    return rule_set
