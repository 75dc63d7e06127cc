"""The lines of a shipment as typed by a person: checked one by one, refused with their number."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from waypost.stock.ledger import resolve_item, whole_count
from waypost.stock.models import ShipmentLine


@dataclass(frozen=True)
class LineIn:
    """One line of a pledge: how many of an item (in its unit, size and lot) will come."""

    item: str
    quantity: int | Decimal
    unit: str
    size: str = ""
    lot_number: str = ""
    expires_on: date | None = None


def build_line(line: LineIn) -> ShipmentLine:
    item, size = resolve_item(code=line.item, size=line.size, unit=line.unit)
    quantity = whole_count(line.quantity)
    lot_number = line.lot_number.strip()
    if (lot_number or line.expires_on) and not item.tracks_expiry:
        raise ValidationError(_("%(item)s is not kept in lots.") % {"item": item.name})
    if lot_number and line.expires_on is None:
        raise ValidationError(_("Give the expiry date of lot %(lot)s.") % {"lot": lot_number})
    return ShipmentLine(
        item=item, size=size, quantity=quantity, lot_number=lot_number, expires_on=line.expires_on
    )


def build_lines(lines: Sequence[LineIn]) -> list[ShipmentLine]:
    """Unsaved lines, or a refusal naming each bad line (`lines.<index>`) and nothing written.

    Lot and expiry may be unknown at pledge time; they are asked for on receipt.
    """
    if not lines:
        raise ValidationError({"lines": _("A shipment brings at least one item.")})
    built: list[ShipmentLine] = []
    errors: dict[str, list[str]] = {}
    seen: set[tuple[str, str, str]] = set()
    for index, line in enumerate(lines):
        key = (line.item, line.size, line.lot_number.strip())
        try:
            if key in seen:
                raise ValidationError(_("This item, size and lot is already on an earlier line."))
            seen.add(key)
            built.append(build_line(line))
        except ValidationError as refused:
            errors[f"lines.{index}"] = [
                _("Line %(number)s: %(message)s") % {"number": index + 1, "message": message}
                for message in refused.messages
            ]
    if errors:
        raise ValidationError(errors)
    return built
