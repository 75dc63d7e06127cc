"""Reading plans: the list, a plan's lines (available, entitled, allocated, short), its
households in the order they were served, and one household's explanation (audited)."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Min, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext

from waypost.core.audit import record_views
from waypost.core.models import User
from waypost.distribution.allocation.explain import reason_text
from waypost.distribution.models import DistributionPlan, Entitlement
from waypost.registry.models import Household
from waypost.safety.ranking import risk_ranks, tiers


def plans_visible_to(user: User) -> QuerySet[DistributionPlan]:
    """Plans hold no personal data: everyone with distribution.view sees every plan."""
    if not user.can("distribution.view"):
        return DistributionPlan.objects.none()
    return DistributionPlan.objects.select_related("site", "warehouse")


def get_plan_for(user: User, plan_id: str | UUID) -> DistributionPlan:
    try:
        return plans_visible_to(user).get(pk=plan_id)
    except (DistributionPlan.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such plan.") from None


@dataclass(frozen=True)
class LineFigures:
    item: str
    size: str
    available: int
    entitled: int
    allocated: int

    @property
    def shortfall(self) -> int:
        return max(0, self.entitled - self.available)


def plan_figures(plan: DistributionPlan) -> list[LineFigures]:
    """Per line: what is available, what people of that size are entitled to, and what the
    allocation hands out from the line (one size up included). Two aggregate queries."""
    rows = Entitlement.objects.filter(plan=plan).order_by()
    entitled: dict[tuple[Any, Any], int] = {
        (row["item_id"], row["size_id"]): row["total"]
        for row in rows.values("item_id", "size_id").annotate(total=Sum("quantity_entitled"))
    }
    given: dict[tuple[Any, Any], int] = {
        (row["item_id"], row["allocated_size_id"]): row["total"]
        for row in rows.values("item_id", "allocated_size_id").annotate(
            total=Sum("quantity_allocated")
        )
    }
    return [
        LineFigures(
            item=line.item.name,
            size=line.size.label if line.size else "",
            available=line.quantity_available,
            entitled=entitled.get((line.item_id, line.size_id), 0),
            allocated=given.get((line.item_id, line.size_id), 0),
        )
        for line in plan.lines.select_related("item", "size").order_by("item__name", "size__order")
    ]


@dataclass(frozen=True)
class HouseholdFigures:
    household_id: UUID
    number: str
    rank: int
    tier: int
    entitled: int
    allocated: int

    @property
    def tier_name(self) -> str:
        return tier_name(self.tier)


def tier_name(tier: int) -> str:
    return gettext(tiers()[tier][1])


def plan_households(
    plan: DistributionPlan, *, offset: int = 0, limit: int = 50
) -> list[HouseholdFigures]:
    """Households in the order the allocation served them (most at risk first): numbers and
    totals only, no names."""
    rows = (
        Entitlement.objects.filter(plan=plan)
        .values("household_id", "household__number")
        .annotate(
            rank=Min("priority_rank"),
            tier=Min("risk_tier"),
            entitled=Sum("quantity_entitled"),
            allocated=Sum("quantity_allocated"),
        )
        .order_by("rank", "household__number")[offset : offset + limit]
    )
    return [
        HouseholdFigures(
            row["household_id"],
            row["household__number"],
            row["rank"],
            row["tier"],
            row["entitled"],
            row["allocated"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class EntitlementLine:
    item: str
    size: str
    given_size: str
    entitled: int
    allocated: int
    reason: str
    why: str


@dataclass(frozen=True)
class Explanation:
    household: Household
    rank: int
    tier: int
    tier_name: str
    risk_reasons: tuple[str, ...]  # empty for readers without safety.view
    lines: list[EntitlementLine]


def explain_household(user: User, plan: DistributionPlan, household_id: str | UUID) -> Explanation:
    """What the household gets under the plan and why not more; the read is audited."""
    rows = list(
        Entitlement.objects.filter(plan=plan, household_id=household_id)
        .select_related("household", "item", "size", "allocated_size")
        .order_by("item__name", "size__order")
    )
    if not rows or not user.can("distribution.view"):
        raise Http404("This household has no entitlement in this plan.")
    household = rows[0].household
    record_views(
        actor=user,
        subjects=[household],
        purpose=user.purpose_for("distribution.view") or "",
        fields=["entitlements", "risk_tier"],
        plan=str(plan.pk),
    )
    return Explanation(
        household=household,
        rank=rows[0].priority_rank,
        tier=max(row.risk_tier for row in rows),
        tier_name=tier_name(max(row.risk_tier for row in rows)),
        risk_reasons=_risk_reasons(user, plan, household),
        lines=[line_of(row) for row in rows],
    )


def _risk_reasons(user: User, plan: DistributionPlan, household: Household) -> tuple[str, ...]:
    """Why the household ranks where it does, in words, for readers who may see the reasons
    (pregnancy and illness are among them: safety.view only, as on the cold-risk list)."""
    if not user.can("safety.view"):
        return ()
    members = household.members.current().values_list("pk", flat=True)
    ranks = risk_ranks(individual_ids=list(members), on=plan.distribution_date)
    reasons: dict[str, None] = {}
    for rank in sorted(ranks.values(), key=lambda rank: -rank.score):
        reasons |= dict.fromkeys(rank.reasons)
    return tuple(reasons)


def line_of(row: Entitlement) -> EntitlementLine:
    return EntitlementLine(
        item=row.item.name,
        size=row.size.label if row.size else "",
        given_size=row.allocated_size.label if row.allocated_size else "",
        entitled=row.quantity_entitled,
        allocated=row.quantity_allocated,
        reason=row.reason,
        why=reason_text(row.reason, row.reason_params),
    )
