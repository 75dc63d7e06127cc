"""The ledger's rules, shared by the stock services: what a valid movement is, and how it is posted.

A posting writes its `StockMovement` rows, brings the `StockBalance` rows in line with `F()` updates
and records its audit events, all in one transaction. Balance rows are locked in primary-key
order before they are read, so two movements on the same stock wait for each other instead of
both spending it; the database's `stock_never_negative` constraint is the last guard. Refused
input raises `ValidationError` before anything is written.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.stock.models import (
    Item,
    ItemSize,
    Lot,
    StockBalance,
    StockMovement,
    Warehouse,
)


class WriteOffReason:
    LOSS = "loss"
    DAMAGE = "damage"
    EXPIRY = "expiry"
    ALL = (LOSS, DAMAGE, EXPIRY)


@dataclass(frozen=True)
class StockLine:
    """What one balance row counts: an item, in one size and lot, in one warehouse."""

    warehouse: Warehouse
    item: Item
    size: ItemSize | None
    lot: Lot | None


@dataclass(frozen=True)
class Change:
    line: StockLine
    kind: str
    quantity: int
    counterpart: Warehouse | None = None


def whole_count(quantity: int | Decimal | float) -> int:
    """A count of whole units, greater than zero; anything else is refused."""
    try:
        is_whole = not isinstance(quantity, bool) and int(quantity) == quantity
    except (ArithmeticError, TypeError, ValueError):  # infinity, NaN, text
        is_whole = False
    if not is_whole:
        raise ValidationError(
            _("Count whole units: %(quantity)s is not a whole number.") % {"quantity": quantity}
        )
    if quantity <= 0:
        raise ValidationError(_("The quantity must be greater than zero."))
    return int(quantity)


def resolve_item(*, code: str, size: str, unit: str) -> tuple[Item, ItemSize | None]:
    item = Item.objects.filter(code=code).first()
    if item is None:
        raise ValidationError(_("There is no item %(code)s in the catalogue.") % {"code": code})
    if unit != item.unit:
        raise ValidationError(
            _("%(item)s is counted in %(expected)s, not in %(unit)s.")
            % {"item": item.name, "expected": item.get_unit_display(), "unit": unit}
        )
    if not item.is_sized:
        if size:
            raise ValidationError(_("%(item)s has no sizes.") % {"item": item.name})
        return item, None
    found = item.sizes.filter(code=size).first()
    if found is None:
        raise ValidationError(
            _("%(item)s has no size %(size)s.") % {"item": item.name, "size": size or "-"}
        )
    return item, found


def existing_lot(item: Item, number: str) -> Lot | None:
    if not item.tracks_expiry:
        if number:
            raise ValidationError(_("%(item)s is not kept in lots.") % {"item": item.name})
        return None
    lot = item.lots.filter(number=number).first()
    if lot is None:
        raise ValidationError(
            _("%(item)s has no lot %(lot)s.") % {"item": item.name, "lot": number or "-"}
        )
    return lot


def received_lot(item: Item, number: str, expires_on: date | None) -> Lot | None:
    if not item.tracks_expiry or item.lots.filter(number=number).exists():
        lot = existing_lot(item, number)
        if lot is not None and expires_on is not None and lot.expires_on != expires_on:
            raise ValidationError(
                _("Lot %(lot)s expires on %(date)s, not on the date given.")
                % {"lot": number, "date": lot.expires_on}
            )
        return lot
    if not number or expires_on is None:
        raise ValidationError(
            _("%(item)s is kept in lots: give the lot number and its expiry date.")
            % {"item": item.name}
        )
    return Lot.objects.create(item=item, number=number, expires_on=expires_on)


def check_actor(by: User, warehouse: Warehouse) -> None:
    if by.agency_id is None or by.agency_id != warehouse.agency_id:
        raise ValidationError(
            _("Only staff of the agency holding %(warehouse)s may move its stock.")
            % {"warehouse": warehouse.name}
        )


def line_of(warehouse: Warehouse, item: str, size: str, unit: str, lot: str) -> StockLine:
    found, found_size = resolve_item(code=item, size=size, unit=unit)
    return StockLine(warehouse, found, found_size, existing_lot(found, lot))


def balance_rows(changes: list[Change]) -> dict[StockLine, StockBalance]:
    """The balance rows the changes touch, locked in primary-key order."""
    pks: dict[StockLine, int] = {}
    for change in changes:
        line = change.line
        filters: dict[str, Any] = {
            "warehouse": line.warehouse,
            "item": line.item,
            "size": line.size,
        }
        if change.quantity > 0:
            row, _created = StockBalance.objects.get_or_create(**filters, lot=line.lot)
            pks[line] = row.pk
        elif (
            row_pk := StockBalance.objects.filter(**filters, lot=line.lot)
            .values_list("pk", flat=True)
            .first()
        ):
            pks[line] = row_pk
    locked = StockBalance.objects.select_for_update().filter(pk__in=pks.values()).order_by("pk")
    by_pk = {row.pk: row for row in locked}
    return {line: by_pk[pk] for line, pk in pks.items()}


def check_enough(changes: list[Change], rows: dict[StockLine, StockBalance]) -> None:
    for change in changes:
        held = rows[change.line].quantity if change.line in rows else 0
        if held + change.quantity < 0:
            raise ValidationError(
                _("%(warehouse)s holds %(held)s %(unit)s of %(item)s, not %(wanted)s.")
                % {
                    "warehouse": change.line.warehouse.name,
                    "held": held,
                    "unit": change.line.item.get_unit_display(),
                    "item": change.line.item.name,
                    "wanted": -change.quantity,
                }
            )


def write_movement(*, by: User, change: Change, reference: str, reason: str) -> StockMovement:
    line = change.line
    movement = StockMovement.objects.create(
        warehouse=line.warehouse,
        item=line.item,
        size=line.size,
        lot=line.lot,
        kind=change.kind,
        quantity=change.quantity,
        reason=reason,
        reference=reference,
        counterpart=change.counterpart,
        by=by,
    )
    audit.record(
        actor=by,
        action=f"stock.{change.kind}",
        subject=movement,
        purpose=Purpose.LOGISTICS,
        warehouse=line.warehouse.code,
        item=line.item.code,
        size=line.size.code if line.size else "",
        lot=line.lot.number if line.lot else "",
        quantity=change.quantity,
        reference=reference,
    )
    return movement


def post(
    *, by: User, changes: list[Change], reference: str, reason: str = ""
) -> list[StockMovement]:
    """Write the movements and their balances, or refuse them all if any would go negative."""
    rows = balance_rows(changes)
    check_enough(changes, rows)
    for change in changes:
        StockBalance.objects.filter(pk=rows[change.line].pk).update(
            quantity=F("quantity") + change.quantity
        )
    return [
        write_movement(by=by, change=change, reference=reference, reason=reason)
        for change in changes
    ]


def require_reference(reference: str) -> str:
    if not reference.strip():
        raise ValidationError(_("Give a reference: the shipment, waybill or distribution."))
    return reference.strip()
