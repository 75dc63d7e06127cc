"""Stock to the distribution point and back, through the ledger.

Approving a plan opens the distribution: the allocated quantities (per item and the size each
entitlement was given) are transferred from the plan's warehouse to a store at the point — a
warehouse of the same agency at the plan's site, one per plan — so the stock leaves the
warehouse's shelves when the trucks leave, not household by household. The handovers issue from
that store (`handover.issuing_warehouse_id`). Closing transfers whatever the store still holds
back to the warehouse. Both are `transfer_out`/`transfer_in` pairs with the plan as reference,
written by the ledger's `post` inside the caller's transaction; a warehouse that no longer holds
what was allocated refuses the approval, with nothing written.
"""

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core.models import User
from waypost.distribution.models import DistributionPlan, Entitlement
from waypost.distribution.services.handover import plan_reference
from waypost.stock.ledger import Change, StockLine, check_actor, post
from waypost.stock.models import Item, ItemSize, Lot, MovementKind, StockBalance, Warehouse

Key = tuple[Any, Any]  # (item id, size id or None)


def point_store_for(plan: DistributionPlan) -> Warehouse:
    """The plan's store at the distribution point, made on first use."""
    if plan.point_store is not None:
        return plan.point_store
    name = _("Distribution point: %(plan)s") % {"plan": plan.name}
    store, _created = Warehouse.objects.get_or_create(
        code=f"dp-{plan.pk.hex[:16]}",
        defaults={"name": name[:200], "agency_id": plan.warehouse.agency_id, "site": plan.site},
    )
    plan.point_store = store
    plan.save(update_fields=["point_store", "updated_at"])
    return store


def allocated_by_line(plan: DistributionPlan) -> dict[Key, int]:
    """How many of each item and size the plan's entitlements were allocated."""
    rows = (
        Entitlement.objects.filter(plan=plan, quantity_allocated__gt=0)
        .annotate(given_size=Coalesce("allocated_size", "size"))
        .values_list("item_id", "given_size")
        .annotate(total=Sum("quantity_allocated"))
        .order_by()
    )
    totals: dict[Key, int] = defaultdict(int)
    for item_id, size_id, total in rows:
        totals[(item_id, size_id)] += total
    return dict(totals)


def _lots_first_expiring(warehouse: Warehouse, keys: set[Key]) -> dict[Key, list[StockBalance]]:
    today: date = timezone.localdate()
    balances = StockBalance.objects.filter(
        warehouse=warehouse, item_id__in={item for item, _size in keys}, quantity__gt=0
    ).select_related("lot")
    held: dict[Key, list[StockBalance]] = defaultdict(list)
    for row in balances:
        if row.lot is None or row.lot.expires_on >= today:
            held[(row.item_id, row.size_id)].append(row)
    for rows in held.values():
        rows.sort(key=lambda row: (row.lot.expires_on if row.lot else date.max, row.pk))
    return held


def _pair(
    source: Warehouse, destination: Warehouse, item: Item, size: ItemSize | None, lot: Lot | None
) -> tuple[StockLine, StockLine]:
    return StockLine(source, item, size, lot), StockLine(destination, item, size, lot)


def _transfers(source: Warehouse, destination: Warehouse, wanted: dict[Key, int]) -> list[Change]:
    """Out of the source and into the destination, lot expiring first; short lines stay short
    so the ledger refuses them with its own message."""
    held = _lots_first_expiring(source, set(wanted))
    items = Item.objects.in_bulk({item for item, _size in wanted})
    sizes = ItemSize.objects.in_bulk({size for _item, size in wanted if size is not None})
    changes: list[Change] = []
    for (item_id, size_id), quantity in sorted(wanted.items(), key=str):
        rows: list[StockBalance | None] = [*held.get((item_id, size_id), [])] or [None]
        for index, row in enumerate(rows):
            last = index == len(rows) - 1
            take = quantity if last or row is None else min(quantity, row.quantity)
            if take <= 0:
                break
            lot = row.lot if row is not None else None
            out, into = _pair(source, destination, items[item_id], sizes.get(size_id), lot)
            changes.append(Change(out, MovementKind.TRANSFER_OUT, -take, counterpart=destination))
            changes.append(Change(into, MovementKind.TRANSFER_IN, take, counterpart=source))
            quantity -= take
    return changes


def dispatch_to_point(*, by: User, plan: DistributionPlan) -> int:
    """Move the allocated stock to the plan's point store; how many units moved."""
    check_actor(by, plan.warehouse)
    wanted = allocated_by_line(plan)
    if not wanted:
        return 0
    store = point_store_for(plan)
    post(by=by, changes=_transfers(plan.warehouse, store, wanted), reference=plan_reference(plan))
    return sum(wanted.values())


def return_from_point(*, by: User, plan: DistributionPlan) -> int:
    """Move everything the point store still holds back to the warehouse; how many units."""
    store = plan.point_store
    if store is None:
        return 0
    check_actor(by, store)
    rows = StockBalance.objects.filter(warehouse=store, quantity__gt=0).select_related(
        "item", "size", "lot"
    )
    changes: list[Change] = []
    for row in rows.order_by("pk"):
        out, into = _pair(store, plan.warehouse, row.item, row.size, row.lot)
        back = plan.warehouse
        changes.append(Change(out, MovementKind.TRANSFER_OUT, -row.quantity, counterpart=back))
        changes.append(Change(into, MovementKind.TRANSFER_IN, row.quantity, counterpart=store))
    if changes:
        post(by=by, changes=changes, reference=plan_reference(plan))
    return sum(change.quantity for change in changes if change.quantity > 0)
