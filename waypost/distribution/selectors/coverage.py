"""After a distribution: what was planned against what was handed over, and who did not come.

Coverage is counted per item and size (the size the plan allocated) and per group of people in
the households the plan served: children under five, and pregnant women. Pregnancy is a
protection detail: readers without `registry.view_protection` see small counts of that group
as "fewer than 5", as the needs figures do (`waypost.needs.disclosure`).
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.distribution.models import DistributionPlan, Entitlement, Redemption
from waypost.needs import disclosure
from waypost.registry.models import Household, Individual, Relationship
from waypost.registry.selectors import households_visible_to

# Ours (✗, not in standards.md): the age group coverage reports count apart, as the Sphere
# Handbook 2018 counts children under five throughout.
UNDER_FIVE_YEARS = 5


@dataclass(frozen=True)
class ItemCoverage:
    item: str
    size: str
    entitled: int
    allocated: int
    handed: int
    households_planned: int
    households_served: int

    @property
    def share_handed(self) -> float:
        return self.handed / self.allocated if self.allocated else 0.0


def coverage_by_item(plan: DistributionPlan) -> list[ItemCoverage]:
    planned = (
        Entitlement.objects.filter(plan=plan)
        .values("item__name", "allocated_size__code")
        .annotate(
            entitled=Sum("quantity_entitled"),
            allocated=Sum("quantity_allocated"),
            households=Count("household", distinct=True),
        )
    )
    handed = (
        Redemption.objects.filter(plan=plan)
        .values("entitlement__item__name", "entitlement__allocated_size__code")
        .annotate(quantity=Sum("quantity"), households=Count("household", distinct=True))
    )
    served = {
        (row["entitlement__item__name"], row["entitlement__allocated_size__code"]): row
        for row in handed
    }
    result = []
    for row in planned:
        key = (row["item__name"], row["allocated_size__code"])
        got = served.get(key, {"quantity": 0, "households": 0})
        result.append(
            ItemCoverage(
                item=key[0],
                size=key[1] or "",
                entitled=row["entitled"],
                allocated=row["allocated"],
                handed=got["quantity"],
                households_planned=row["households"],
                households_served=got["households"],
            )
        )
    return sorted(result, key=lambda line: (line.item, line.size))


@dataclass(frozen=True)
class GroupCoverage:
    group: str
    planned: disclosure.Shown  # people of the group in households the plan gives something
    served: disclosure.Shown  # of them, in households that collected


def _born_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def coverage_by_group(user: User, plan: DistributionPlan) -> list[GroupCoverage]:
    if not user.can("distribution.view"):
        return []
    planned_households = Entitlement.objects.filter(plan=plan, quantity_allocated__gt=0).values(
        "household"
    )
    served_households = Redemption.objects.filter(plan=plan).values("household")
    people = Individual.objects.current().filter(household__in=planned_households)
    groups = {
        "under_five": Q(date_of_birth__gt=_born_after(plan.distribution_date, UNDER_FIVE_YEARS)),
        "pregnant": Q(is_pregnant=True),
    }
    counts = people.aggregate(
        **{f"{name}_planned": Count("pk", filter=q) for name, q in groups.items()},
        **{
            f"{name}_served": Count("pk", filter=q & Q(household__in=served_households))
            for name, q in groups.items()
        },
    )
    exact = user.can(disclosure.PROTECTION_PERMISSION)

    def show(name: str, count: int) -> disclosure.Shown:
        return count if exact or name != "pregnant" else disclosure.shown(count)

    labels = {"under_five": _("Children under five"), "pregnant": _("Pregnant women")}
    return [
        GroupCoverage(
            labels[name],
            show(name, counts[f"{name}_planned"]),
            show(name, counts[f"{name}_served"]),
        )
        for name in groups
    ]


@dataclass(frozen=True)
class Absent:
    number: str
    head_name: str  # "" when the household is not visible to the reader
    size: int
    items: list[str]


def _visible_heads(user: User, household_ids: Sequence[UUID]) -> dict[UUID, Individual]:
    visible = households_visible_to(user).filter(pk__in=household_ids).values("pk")
    heads = Individual.objects.current().filter(
        household_id__in=visible, relationship=Relationship.HEAD
    )
    return {head.household_id: head for head in heads}


def households_absent(user: User, plan: DistributionPlan) -> list[Absent]:
    """Households given something by the plan that collected nothing; heads shown audited."""
    if not user.can("distribution.view"):
        return []
    served = Redemption.objects.filter(plan=plan).values("household")
    absent = (
        Household.objects.filter(
            pk__in=Entitlement.objects.filter(plan=plan, quantity_allocated__gt=0).values(
                "household"
            )
        )
        .exclude(pk__in=served)
        .annotate(size=Count("members", filter=Q(members__merged_into__isnull=True)))
        .order_by("number")
    )
    households = list(absent)
    ids = [h.pk for h in households]
    items: dict[UUID, list[str]] = defaultdict(list)
    for household_id, name in (
        Entitlement.objects.filter(plan=plan, household_id__in=ids, quantity_allocated__gt=0)
        .values_list("household_id", "item__name")
        .distinct()
        .order_by("item__name")
    ):
        items[household_id].append(name)
    heads = _visible_heads(user, ids)
    audit.record_views(
        actor=user,
        subjects=list(heads.values()),
        purpose=str(user.purpose_for("distribution.view") or ""),
        fields=("number", "given_name", "father_name", "family_name"),
        via="households that did not come",
    )
    return [
        Absent(h.number, heads[h.pk].full_name if h.pk in heads else "", h.size, items[h.pk])
        for h in households
    ]
