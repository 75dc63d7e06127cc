"""Receiving a shipment: the counts per line become receipt movements in one transaction.

Every line must be counted: how many went into stock and how many arrived damaged (kept out of
stock). Less than the line brings, or anything damaged, needs a reason; more than it brings is
refused. Food and medicine need their lot and expiry date, from the pledge or from the count.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.stock.ledger import Change, StockLine, post, received_lot, whole_count
from waypost.stock.models import MovementKind, Shipment, ShipmentLine, ShipmentStatus
from waypost.stock.services.shipments import check_receiver, locked, record_event


@dataclass(frozen=True)
class ReceivedLine:
    """What a receiving logistician counted for one line of the shipment."""

    line_id: int
    received: int | Decimal
    damaged: int | Decimal = 0
    reason: str = ""
    lot_number: str = ""
    expires_on: date | None = None


def count_or_zero(value: int | Decimal) -> int:
    """A count that may be zero (nothing of this line arrived), never negative or fractional."""
    try:
        is_negative = value < 0
    except (ArithmeticError, TypeError):  # NaN, text: whole_count refuses them in its words
        is_negative = False
    if is_negative:
        raise ValidationError(_("A count cannot be negative."))
    return 0 if value == 0 else whole_count(value)


def check_count(line: ShipmentLine, counted: ReceivedLine) -> ShipmentLine:
    """The line with its counts set, or a refusal saying what is wrong with them."""
    received, damaged = count_or_zero(counted.received), count_or_zero(counted.damaged)
    if received + damaged > line.quantity:
        raise ValidationError(
            _(
                "%(counted)s counted (received and damaged) is more than the %(expected)s this "
                "shipment brings; the partner must pledge the extra as a new shipment."
            )
            % {"counted": received + damaged, "expected": line.quantity}
        )
    reason = counted.reason.strip()
    if (damaged or received < line.quantity) and not reason:
        raise ValidationError(
            _("Say why fewer than %(n)s arrived in good order.") % {"n": line.quantity}
        )
    line.received, line.damaged, line.discrepancy_reason = received, damaged, reason
    line.lot_number = counted.lot_number.strip() or line.lot_number
    line.expires_on = counted.expires_on or line.expires_on
    return line


def counted_lines(shipment: Shipment, counts: Sequence[ReceivedLine]) -> list[ShipmentLine]:
    """Each line of the shipment with its count; refused per line (`lines.<index>`)."""
    lines = list(shipment.lines.select_related("item", "size"))
    by_line = {count.line_id: count for count in counts}
    errors: dict[str, list[str]] = {}
    unknown = set(by_line) - {line.pk for line in lines}
    if unknown or len(by_line) != len(counts):
        errors["lines"] = [_("Count each line of this shipment once, and only its lines.")]
    for index, line in enumerate(lines):
        try:
            if line.pk not in by_line:
                raise ValidationError(_("Say how many arrived."))
            check_count(line, by_line[line.pk])
        except ValidationError as refused:
            errors[f"lines.{index}"] = [
                _("%(line)s: %(message)s") % {"line": line.label, "message": message}
                for message in refused.messages
            ]
    if errors:
        raise ValidationError(errors)
    return lines


def receipts_of(shipment: Shipment, lines: list[ShipmentLine]) -> list[Change]:
    changes = []
    for line in lines:
        if line.received:
            lot = received_lot(line.item, line.lot_number, line.expires_on)
            stock_line = StockLine(shipment.warehouse, line.item, line.size, lot)
            changes.append(Change(stock_line, MovementKind.RECEIPT, line.received))
    return changes


@transaction.atomic(durable=True)
def receive_shipment(
    *, by: User, shipment: Shipment, received_lines: Sequence[ReceivedLine], note: str = ""
) -> Shipment:
    """Take a shipment into stock as counted, with its discrepancies; it leaves the pipeline."""
    shipment = locked(shipment)
    check_receiver(by, shipment)
    if not shipment.is_open:
        raise ValidationError(
            _("Shipment %(ref)s is %(status)s; it cannot be received.")
            % {"ref": shipment.reference, "status": shipment.get_status_display()}
        )
    lines = counted_lines(shipment, received_lines)
    changes = receipts_of(shipment, lines)
    if changes:
        post(by=by, changes=changes, reference=shipment.reference)
    fields = ["received", "damaged", "discrepancy_reason", "lot_number", "expires_on"]
    ShipmentLine.objects.bulk_update(lines, fields)
    shipment.status = ShipmentStatus.RECEIVED
    shipment.save(update_fields=["status", "updated_at"])
    record_event(by=by, shipment=shipment, status=ShipmentStatus.RECEIVED, note=note.strip())
    record_discrepancies(by=by, shipment=shipment, lines=lines)
    return shipment


def record_discrepancies(*, by: User, shipment: Shipment, lines: list[ShipmentLine]) -> None:
    found = {
        str(line): {"short": line.short, "damaged": line.damaged, "reason": line.discrepancy_reason}
        for line in lines
        if line.short or line.damaged
    }
    if found:
        audit.record(
            actor=by,
            action="shipment.discrepancies",
            subject=shipment,
            purpose=Purpose.LOGISTICS,
            reference=shipment.reference,
            lines=found,
        )
