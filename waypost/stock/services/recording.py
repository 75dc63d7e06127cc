"""One entry point for a movement typed on a page or sent to the API, whatever its kind."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waypost.core.models import User
from waypost.stock.models import StockMovement, Warehouse
from waypost.stock.services import movements

# The fields every movement names: what, in which unit, size and lot, and the reference.
Line = dict[str, str]


class MovementRequest(models.TextChoices):
    """What a person asks for; a transfer becomes two ledger movements."""

    RECEIPT = "receipt", gettext_lazy("Receive")
    TRANSFER = "transfer", gettext_lazy("Transfer")
    ISSUE = "issue", gettext_lazy("Issue to a distribution")
    RETURN = "return", gettext_lazy("Return from a distribution")
    WRITE_OFF = "write_off", gettext_lazy("Write off (loss, damage, expiry)")
    ADJUSTMENT = "adjustment", gettext_lazy("Count adjustment")


@dataclass(frozen=True)
class MovementIn:
    kind: str
    item: str
    quantity: int | Decimal  # for a count adjustment: the number counted
    unit: str
    reference: str
    size: str = ""
    lot: str = ""
    expires_on: date | None = None
    reason: str = ""


def _receipt(by: User, warehouse: Warehouse, m: MovementIn, line: Line) -> list[StockMovement]:
    return [
        movements.receive_stock(
            by=by, warehouse=warehouse, quantity=m.quantity, expires_on=m.expires_on, **line
        )
    ]


def _issue(by: User, warehouse: Warehouse, m: MovementIn, line: Line) -> list[StockMovement]:
    return [movements.issue_stock(by=by, warehouse=warehouse, quantity=m.quantity, **line)]


def _return(by: User, warehouse: Warehouse, m: MovementIn, line: Line) -> list[StockMovement]:
    return [movements.return_stock(by=by, warehouse=warehouse, quantity=m.quantity, **line)]


def _write_off(by: User, warehouse: Warehouse, m: MovementIn, line: Line) -> list[StockMovement]:
    return [
        movements.write_off_stock(
            by=by, warehouse=warehouse, quantity=m.quantity, reason=m.reason, **line
        )
    ]


def _adjustment(by: User, warehouse: Warehouse, m: MovementIn, line: Line) -> list[StockMovement]:
    counted = movements.adjust_count(
        by=by, warehouse=warehouse, counted=m.quantity, reason=m.reason, **line
    )
    return [counted] if counted else []


SINGLE_WAREHOUSE: dict[str, Callable[[User, Warehouse, MovementIn, Line], list[StockMovement]]] = {
    MovementRequest.RECEIPT: _receipt,
    MovementRequest.ISSUE: _issue,
    MovementRequest.RETURN: _return,
    MovementRequest.WRITE_OFF: _write_off,
    MovementRequest.ADJUSTMENT: _adjustment,
}


def record_movement(
    *, by: User, warehouse: Warehouse, movement: MovementIn, destination: Warehouse | None = None
) -> list[StockMovement]:
    """The movements written (none when a count matches the balance)."""
    line: Line = {
        "item": movement.item,
        "unit": movement.unit,
        "size": movement.size,
        "lot": movement.lot,
        "reference": movement.reference,
    }
    if movement.kind == MovementRequest.TRANSFER:
        if destination is None:
            raise ValidationError({"destination": _("Choose the warehouse to send to.")})
        sent = movements.transfer_stock(
            by=by, source=warehouse, destination=destination, quantity=movement.quantity, **line
        )
        return list(sent)
    if movement.kind not in SINGLE_WAREHOUSE:
        raise ValidationError(
            {"kind": _("Unknown kind of movement %(kind)s.") % {"kind": movement.kind}}
        )
    return SINGLE_WAREHOUSE[movement.kind](by, warehouse, movement, line)
