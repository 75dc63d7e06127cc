"""Moving stock: every change to what a warehouse holds goes through one of these functions.

Each is one transaction that checks the input, writes the movements, brings the balances in line
and records the audit events (see `waypost.stock.ledger`), so a refused movement changes nothing.
Counts are whole units of the item's own unit, which the caller names to catch a mix-up.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.sites.models import Site
from waypost.stock.ledger import (
    Change,
    StockLine,
    WriteOffReason,
    check_actor,
    line_of,
    post,
    received_lot,
    require_reference,
    resolve_item,
    whole_count,
)
from waypost.stock.models import MovementKind, StockBalance, StockMovement, Warehouse

Count = int | Decimal


@transaction.atomic(durable=True)
def create_warehouse(*, by: User, code: str, name: str, site: Site) -> Warehouse:
    """A warehouse or storage point of the creator's agency."""
    warehouse = Warehouse.objects.create(code=code, name=name, agency=by.acting_agency, site=site)
    audit.record(actor=by, action="created", subject=warehouse, purpose=Purpose.LOGISTICS)
    return warehouse


@transaction.atomic(durable=True)
def receive_stock(
    *,
    by: User,
    warehouse: Warehouse,
    item: str,
    quantity: Count,
    unit: str,
    reference: str,
    size: str = "",
    lot: str = "",
    expires_on: date | None = None,
) -> StockMovement:
    """Stock arriving from a donor's or partner's shipment."""
    check_actor(by, warehouse)
    count, reference = whole_count(quantity), require_reference(reference)
    found, found_size = resolve_item(code=item, size=size, unit=unit)
    line = StockLine(warehouse, found, found_size, received_lot(found, lot, expires_on))
    return post(by=by, changes=[Change(line, MovementKind.RECEIPT, count)], reference=reference)[0]


@transaction.atomic(durable=True)
def transfer_stock(
    *,
    by: User,
    source: Warehouse,
    destination: Warehouse,
    item: str,
    quantity: Count,
    unit: str,
    reference: str,
    size: str = "",
    lot: str = "",
) -> tuple[StockMovement, StockMovement]:
    """Stock sent from one warehouse to another: out of one and into the other at once."""
    check_actor(by, source)
    if source.pk == destination.pk:
        raise ValidationError(_("A transfer needs two different warehouses."))
    count, reference = whole_count(quantity), require_reference(reference)
    out = line_of(source, item, size, unit, lot)
    into = StockLine(destination, out.item, out.size, out.lot)
    changes = [
        Change(out, MovementKind.TRANSFER_OUT, -count, counterpart=destination),
        Change(into, MovementKind.TRANSFER_IN, count, counterpart=source),
    ]
    sent, received = post(by=by, changes=changes, reference=reference)
    return sent, received


@transaction.atomic(durable=True)
def issue_stock(
    *,
    by: User,
    warehouse: Warehouse,
    item: str,
    quantity: Count,
    unit: str,
    reference: str,
    size: str = "",
    lot: str = "",
) -> StockMovement:
    """Stock handed to a distribution; the reference names the distribution."""
    return move_stock(
        by=by,
        warehouse=warehouse,
        item=item,
        size=size,
        unit=unit,
        lot=lot,
        quantity=-whole_count(quantity),
        kind=MovementKind.ISSUE,
        reference=reference,
    )


@transaction.atomic(durable=True)
def return_stock(
    *,
    by: User,
    warehouse: Warehouse,
    item: str,
    quantity: Count,
    unit: str,
    reference: str,
    size: str = "",
    lot: str = "",
) -> StockMovement:
    """Stock coming back unused from a distribution."""
    return move_stock(
        by=by,
        warehouse=warehouse,
        item=item,
        size=size,
        unit=unit,
        lot=lot,
        quantity=whole_count(quantity),
        kind=MovementKind.RETURN,
        reference=reference,
    )


@transaction.atomic(durable=True)
def write_off_stock(
    *,
    by: User,
    warehouse: Warehouse,
    item: str,
    quantity: Count,
    unit: str,
    reason: str,
    reference: str,
    size: str = "",
    lot: str = "",
) -> StockMovement:
    """Stock lost, damaged or expired; the reason is one of `WriteOffReason.ALL`."""
    if reason not in WriteOffReason.ALL:
        raise ValidationError(_("A write-off is for loss, damage or expiry."))
    return move_stock(
        by=by,
        warehouse=warehouse,
        item=item,
        size=size,
        unit=unit,
        lot=lot,
        quantity=-whole_count(quantity),
        kind=MovementKind.WRITE_OFF,
        reference=reference,
        reason=reason,
    )


@transaction.atomic(durable=True)
def adjust_count(
    *,
    by: User,
    warehouse: Warehouse,
    item: str,
    counted: Count,
    unit: str,
    reason: str,
    reference: str,
    size: str = "",
    lot: str = "",
) -> StockMovement | None:
    """A physical count: the difference to the balance is booked with its reason.

    Returns None when the count matches the balance (nothing to book).
    """
    check_actor(by, warehouse)
    if not reason.strip():
        raise ValidationError(_("Say why the count differs: an adjustment needs a reason."))
    count = 0 if counted == 0 else whole_count(counted)
    reference = require_reference(reference)
    line = line_of(warehouse, item, size, unit, lot)
    held = (
        StockBalance.objects.select_for_update()
        .filter(warehouse=warehouse, item=line.item, size=line.size, lot=line.lot)
        .values_list("quantity", flat=True)
        .first()
        or 0
    )
    if count == held:
        return None
    changes = [Change(line, MovementKind.ADJUSTMENT, count - held)]
    return post(by=by, changes=changes, reference=reference, reason=reason.strip())[0]


def move_stock(
    *,
    by: User,
    warehouse: Warehouse,
    item: str,
    size: str,
    unit: str,
    lot: str,
    quantity: int,
    kind: MovementKind,
    reference: str,
    reason: str = "",
) -> StockMovement:
    """One signed movement on one stock line: what issues, returns and write-offs share."""
    check_actor(by, warehouse)
    reference = require_reference(reference)
    line = line_of(warehouse, item, size, unit, lot)
    return post(by=by, changes=[Change(line, kind, quantity)], reference=reference, reason=reason)[
        0
    ]
