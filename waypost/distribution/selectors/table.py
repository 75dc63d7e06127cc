"""What a distribution point shows when a card is scanned, and the plan it hands out for.

Distribution staff see the household as their purpose needs: its number and size, the head's
name (in Latin and original script) when the household is visible to them (their agency
registered it, or the head agreed to data sharing), and today's entitlements — never dates of
birth or protection details. Each name shown is an audited view.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404

from waypost.core import audit
from waypost.core.models import User
from waypost.distribution.models import DistributionPlan, Entitlement, HouseholdCard, Redemption
from waypost.registry.models import Household, Individual, Relationship
from waypost.registry.selectors import households_visible_to

SHOWN_AT_THE_TABLE = (
    "number",
    "given_name",
    "father_name",
    "family_name",
    "given_name_native",
    "family_name_native",
    "relationship",
)


def get_plan(plan_id: str | UUID) -> DistributionPlan:
    """A plan by its identifier with its site and warehouse; 404 when there is none."""
    try:
        return DistributionPlan.objects.select_related("site", "warehouse").get(pk=plan_id)
    except (DistributionPlan.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such plan.") from None


@dataclass(frozen=True)
class HandedBefore:
    quantity: int
    size: str
    point: str
    at: datetime
    by: str


@dataclass(frozen=True)
class TableLine:
    entitlement: Entitlement
    person: str  # the member's given name for a personal item (boots), else ""
    handed: HandedBefore | None

    @property
    def size_code(self) -> str:
        size = self.entitlement.allocated_size or self.entitlement.size
        return size.code if size else ""


@dataclass(frozen=True)
class HouseholdAtTable:
    card: HouseholdCard
    household: Household
    head_name: str  # "" when the household is not visible to this user
    head_name_native: str
    size: int
    lines: list[TableLine]

    @property
    def open_lines(self) -> list[TableLine]:
        return [
            line
            for line in self.lines
            if line.handed is None and line.entitlement.quantity_allocated
        ]


def _handed(plan: DistributionPlan, household: Household) -> dict[int, HandedBefore]:
    rows = Redemption.objects.filter(plan=plan, household=household).select_related(
        "point", "by", "size_handed"
    )
    return {
        r.entitlement_id: HandedBefore(
            r.quantity,
            r.size_handed.code if r.size_handed else "",
            r.point.name,
            r.at,
            r.by.get_full_name() or r.by.username,
        )
        for r in rows
    }


def _by_number(person: Individual) -> str:
    return person.number


def household_at_table(user: User, card: HouseholdCard, plan: DistributionPlan) -> HouseholdAtTable:
    """The household behind a card as this user may see it at the table; 404 without the right."""
    if not user.can("distribution.redeem"):
        raise Http404("No such household.")
    household = card.household
    members = list(Individual.objects.current().filter(household=household).order_by("number"))
    visible = households_visible_to(user).filter(pk=household.pk).exists()
    head = next((m for m in members if m.relationship == Relationship.HEAD), None)
    entitlements = (
        Entitlement.objects.filter(plan=plan, household=household)
        .select_related("item", "size", "allocated_size", "individual")
        .prefetch_related("item__sizes")
        .order_by("item__name", "id")
    )
    handed = _handed(plan, household)
    lines = [
        TableLine(e, e.individual.given_name if visible and e.individual else "", handed.get(e.pk))
        for e in entitlements
    ]
    if visible:
        named: set[Individual] = {e.individual for e in entitlements if e.individual}
        named |= {head} if head else set()
        shown = sorted(named, key=_by_number)
        audit.record_views(
            actor=user,
            subjects=shown,
            purpose=str(user.purpose_for("distribution.redeem") or ""),
            fields=SHOWN_AT_THE_TABLE,
            via="distribution point",
            household=household.number,
        )
    return HouseholdAtTable(
        card=card,
        household=household,
        head_name=head.full_name if visible and head else "",
        head_name_native=head.full_name_native if visible and head else "",
        size=len(members),
        lines=lines,
    )
