"""Reading stock: balances, the ledger they come from, and which lots to issue first."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import QuerySet, Sum

from waypost.core.models import User
from waypost.stock.models import (
    OPEN_STATUSES,
    Item,
    ItemSize,
    Lot,
    ShipmentLine,
    StockBalance,
    StockMovement,
    Warehouse,
)


def warehouses_visible_to(user: User) -> QuerySet[Warehouse]:
    """Stock is shared across agencies for coordination; it holds no personal data."""
    if not user.can("stock.view"):
        return Warehouse.objects.none()
    return Warehouse.objects.select_related("agency", "site")


def balances_visible_to(user: User) -> QuerySet[StockBalance]:
    return (
        StockBalance.objects.filter(warehouse__in=warehouses_visible_to(user), quantity__gt=0)
        .select_related("warehouse", "item", "size", "lot")
        .order_by("warehouse__name", "item__name", "size__order", "lot__expires_on")
    )


def movements_visible_to(user: User) -> QuerySet[StockMovement]:
    return StockMovement.objects.filter(warehouse__in=warehouses_visible_to(user)).select_related(
        "warehouse", "item", "size", "lot", "by"
    )


def ledger_balance(
    *, warehouse: Warehouse, item: Item, size: ItemSize | None = None, lot: Lot | None = None
) -> int:
    """The balance as the ledger says it: the sum of all movements of this stock line."""
    total = StockMovement.objects.filter(
        warehouse=warehouse, item=item, size=size, lot=lot
    ).aggregate(total=Sum("quantity"))["total"]
    return int(total or 0)


def balance_of(
    *, warehouse: Warehouse, item: Item, size: ItemSize | None = None, lot: Lot | None = None
) -> int:
    """The balance as kept by the services (equal to `ledger_balance`, read in one row)."""
    quantity = (
        StockBalance.objects.filter(warehouse=warehouse, item=item, size=size, lot=lot)
        .values_list("quantity", flat=True)
        .first()
    )
    return quantity or 0


def suggest_first_expiry(
    *, warehouse: Warehouse, item: Item, quantity: int, today: date, size: ItemSize | None = None
) -> list[tuple[Lot, int]]:
    """Which lots to issue `quantity` from: those expiring first, never one already expired.

    The suggestion may add up to less than asked when the unexpired stock is short.
    """
    rows = (
        StockBalance.objects.filter(warehouse=warehouse, item=item, size=size, quantity__gt=0)
        .filter(lot__expires_on__gte=today)
        .select_related("lot")
        .order_by("lot__expires_on", "lot__number")
    )
    suggestion: list[tuple[Lot, int]] = []
    remaining = quantity
    for row in rows:
        if remaining <= 0 or row.lot is None:
            break
        take = min(row.quantity, remaining)
        suggestion.append((row.lot, take))
        remaining -= take
    return suggestion


@dataclass(frozen=True)
class PipelineQuantity:
    """How many of one item and size are expected at one site on one date."""

    item_id: UUID
    item_code: str
    size_id: int | None
    size_code: str  # "" for an item without sizes
    site_id: UUID
    expected_on: date
    quantity: int


def pipeline_by_item(
    *, site_ids: Iterable[UUID | str] | None = None, until: date | None = None
) -> list[PipelineQuantity]:
    """What the partner pipeline will bring: open shipments (pledged, in transit, arrived but not
    yet received) per item, size, destination site and expected date, summed over shipments.

    `site_ids` None means every site; `until` None means whatever the date. A shipment already
    late (expected before today, still open) is included: it is still expected. Stock figures
    are not personal data and are shared across agencies for coordination, so this is not
    scoped to a user; pages and the API check `stock.view` before calling it.
    """
    lines = ShipmentLine.objects.filter(shipment__status__in=OPEN_STATUSES)
    if site_ids is not None:
        lines = lines.filter(shipment__warehouse__site_id__in=list(site_ids))
    if until is not None:
        lines = lines.filter(shipment__expected_on__lte=until)
    rows = (
        lines.values(
            "item_id",
            "item__code",
            "size_id",
            "size__code",
            "shipment__warehouse__site_id",
            "shipment__expected_on",
        )
        .annotate(total=Sum("quantity"))
        .order_by("item__code", "size__order", "shipment__expected_on")
    )
    return [
        PipelineQuantity(
            item_id=row["item_id"],
            item_code=row["item__code"],
            size_id=row["size_id"],
            size_code=row["size__code"] or "",
            site_id=row["shipment__warehouse__site_id"],
            expected_on=row["shipment__expected_on"],
            quantity=int(row["total"]),
        )
        for row in rows
    ]
