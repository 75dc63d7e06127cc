"""Distribution plans: create one, allocate it (again, while a draft), approve it, close it.

Each use case is one transaction with its audit event. Allocating replaces a draft's
entitlements at once; an approved plan's entitlements are frozen (what the distribution point
hands out); re-planning is refused after approval.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.distribution.allocation.rules import RULE_SETS, default_rules
from waypost.distribution.models import (
    DistributionPlan,
    EntitlementRule,
    PlanLine,
)
from waypost.registry.models import Individual
from waypost.sites.models import Site
from waypost.stock.models import Item, ItemSize, Kit, StockBalance, Warehouse

BATCH = 5000


@dataclass(frozen=True)
class LineRequest:
    """An item (and size) a plan hands out; quantity None: all the warehouse holds of it."""

    item: str
    size: str = ""
    quantity: int | None = None


@transaction.atomic(durable=True)
def create_plan(
    *,
    by: User,
    site: Site,
    distribution_date: date,
    name: str,
    warehouse: Warehouse,
    items: Sequence[LineRequest] = (),
    kits: Sequence[str] = (),
    rule_set: str = "winter",
) -> DistributionPlan:
    """A draft plan with a line per item and size in stock and the rule set's rules for them."""
    if rule_set not in RULE_SETS:
        raise ValidationError(
            {"rule_set": _("There is no rule set “%(name)s”.") % {"name": rule_set}}
        )
    requests = [*items, *kit_requests(kits)]
    if not requests:
        raise ValidationError({"items": _("Choose at least one item or kit.")})
    if not Individual.objects.current().filter(current_site=site).exists():
        raise ValidationError(
            {"site": _("Nobody is registered at %(site)s.") % {"site": site.name}}
        )
    lines = [line for request in requests for line in plan_lines(request, warehouse)]
    rules = rules_for({item.code: item for item, _size, _qty in lines}, rule_set)
    plan = DistributionPlan.objects.create(
        site=site,
        distribution_date=distribution_date,
        name=name,
        warehouse=warehouse,
        created_by=by,
        rule_set=rule_set,
    )
    PlanLine.objects.bulk_create(
        PlanLine(plan=plan, item=item, size=size, quantity_available=quantity)
        for item, size, quantity in merge_lines(lines)
    )
    EntitlementRule.objects.bulk_create(EntitlementRule(plan=plan, **rule) for rule in rules)
    audit.record(actor=by, action="created", subject=plan, purpose=Purpose.DISTRIBUTION)
    return plan


def kit_requests(codes: Sequence[str]) -> Iterator[LineRequest]:
    for code in codes:
        kit = Kit.objects.filter(code=code).first()
        if kit is None:
            raise ValidationError({"kits": _("There is no kit “%(code)s”.") % {"code": code}})
        for component in kit.components.select_related("item"):
            yield LineRequest(item=component.item.code)


Planned = tuple[Item, ItemSize | None, int]


def plan_lines(request: LineRequest, warehouse: Warehouse) -> list[Planned]:
    """The lines of one requested item: what the warehouse holds, or the quantity asked for."""
    item = Item.objects.filter(code=request.item).first()
    if item is None:
        raise ValidationError({"items": _("There is no item “%(code)s”.") % {"code": request.item}})
    if request.quantity is not None and request.quantity < 0:
        raise ValidationError({"items": _("A quantity cannot be negative.")})
    size = None
    if request.size:
        size = item.sizes.filter(code=request.size).first()
        if size is None:
            message = _("%(item)s has no size “%(size)s”.")
            raise ValidationError({"items": message % {"item": item.name, "size": request.size}})
    held = held_by_size(warehouse, item, size)
    if request.quantity is None:
        if not any(held.values()):
            message = _("%(warehouse)s holds no %(item)s.")
            raise ValidationError(
                {"items": message % {"warehouse": warehouse.name, "item": item.name}}
            )
        return [(item, held_size, quantity) for held_size, quantity in held.items() if quantity]
    if request.quantity > sum(held.values()):
        message = _("%(warehouse)s holds only %(held)s of %(item)s.")
        values = {"warehouse": warehouse.name, "held": sum(held.values()), "item": item.name}
        raise ValidationError({"items": message % values})
    return [(item, size, request.quantity)]


def held_by_size(
    warehouse: Warehouse, item: Item, size: ItemSize | None
) -> dict[ItemSize | None, int]:
    balances = StockBalance.objects.filter(warehouse=warehouse, item=item)
    if size is not None:
        balances = balances.filter(size=size)
    sizes = {size.pk: size for size in item.sizes.all()}
    totals = balances.values_list("size_id").annotate(total=Sum("quantity")).order_by()
    held: dict[ItemSize | None, int] = {size: 0} if size is not None else {}
    for size_id, total in totals:
        held[sizes.get(size_id)] = total
    return held


def merge_lines(lines: Sequence[Planned]) -> list[Planned]:
    """A kit and an item may name the same item: one line each, the larger quantity."""
    merged: dict[tuple[Any, Any], Planned] = {}
    for item, size, quantity in lines:
        key = (item.pk, size.pk if size else None)
        if key not in merged or merged[key][2] < quantity:
            merged[key] = (item, size, quantity)
    return list(merged.values())


def rules_for(items: dict[str, Item], rule_set: str) -> list[dict[str, Any]]:
    rules = [dict(rule) for rule in default_rules(rule_set) if rule["item"] in items]
    missing = sorted(set(items) - {rule["item"] for rule in rules})
    if missing:
        message = _("No entitlement rule in the “%(rules)s” rules gives out %(items)s.")
        names = ", ".join(items[code].name for code in missing)
        raise ValidationError({"items": message % {"rules": rule_set, "items": names}})
    for rule in rules:
        rule["item"] = items[rule["item"]]
    return rules
