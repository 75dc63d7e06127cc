"""Reading stock: balances, the ledger they come from, and which lots to issue first."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from waypost.core.models import User
from waypost.stock.models import (
    Item,
    ItemSize,
    Lot,
    StockBalance,
    StockMovement,
    Warehouse,
)


def warehouses_visible_to(user: User) -> QuerySet[Warehouse]:
    """Stock is shared across agencies for coordination; it holds no personal data."""
    if not user.can("stock.view"):
        return Warehouse.objects.none()
    return Warehouse.objects.select_related("agency", "site")


def get_warehouse_for(user: User, warehouse_code: str) -> Warehouse:
    """404 both when there is no such warehouse and when the user may not see stock."""
    warehouse = warehouses_visible_to(user).filter(code=warehouse_code).first()
    if warehouse is None:
        raise Http404("No such warehouse.")
    return warehouse


def warehouses_with_totals(user: User) -> QuerySet[Warehouse]:
    """Each warehouse with how many stock lines it holds and how many units in all."""
    held = Q(balances__quantity__gt=0)
    return warehouses_visible_to(user).annotate(
        lines=Count("balances", filter=held), units=Sum("balances__quantity", filter=held)
    )


def warehouse_balances(warehouse: Warehouse) -> QuerySet[StockBalance]:
    """What a warehouse holds, per item, size and lot; lots of one item first-expiry-first."""
    return (
        StockBalance.objects.filter(warehouse=warehouse, quantity__gt=0)
        .select_related("item", "size", "lot")
        .order_by("item__category", "item__name", "size__order", "lot__expires_on", "lot__number")
    )


@dataclass(frozen=True)
class LedgerFilter:
    item: str = ""  # item code
    kind: str = ""
    reference: str = ""
    since: date | None = None
    until: date | None = None


def warehouse_ledger(warehouse: Warehouse, which: LedgerFilter) -> QuerySet[StockMovement]:
    """The movements of one warehouse, newest first, narrowed by the filter."""
    return filtered_ledger(StockMovement.objects.filter(warehouse=warehouse), which)


def filtered_ledger(
    movements: QuerySet[StockMovement], which: LedgerFilter
) -> QuerySet[StockMovement]:
    if which.item:
        movements = movements.filter(item__code=which.item)
    if which.kind:
        movements = movements.filter(kind=which.kind)
    if which.reference:
        movements = movements.filter(reference__icontains=which.reference)
    if which.since:
        movements = movements.filter(at__date__gte=which.since)
    if which.until:
        movements = movements.filter(at__date__lte=which.until)
    return movements.select_related(
        "warehouse", "item", "size", "lot", "by", "counterpart"
    ).order_by("-at", "-id")


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
