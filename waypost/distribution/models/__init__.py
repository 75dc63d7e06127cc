"""The distribution app's models: plans, their lines, rules and entitlements; cards; redemptions."""

from waypost.distribution.models.cards import CardStatus, HouseholdCard
from waypost.distribution.models.plans import (
    DistributionPlan,
    Entitlement,
    EntitlementRule,
    PlanLine,
    PlanStatus,
    Reason,
    RulePer,
)
from waypost.distribution.models.redemptions import CollectedBy, DistributionPoint, Redemption

__all__ = [
    "CardStatus",
    "CollectedBy",
    "DistributionPlan",
    "DistributionPoint",
    "Entitlement",
    "EntitlementRule",
    "HouseholdCard",
    "PlanLine",
    "PlanStatus",
    "Reason",
    "Redemption",
    "RulePer",
]
