"""Shipments for tests, pledged through the services."""

from datetime import date

from waypost.stock.services import LineIn, ReceivedLine, pledge_shipment

BLANKETS = LineIn(item="blanket-high-thermal", quantity=100, unit="piece")


def boots(size: str, quantity: int) -> LineIn:
    return LineIn(item="children-boots", quantity=quantity, unit="pair", size=size)


def pledged(
    by, warehouse, *, reference="BRC-PL-1", expected_on=date(2026, 12, 3), lines=None, **kw
):
    if "partner" not in kw and "donor" not in kw:
        kw["partner"] = by.agency
    return pledge_shipment(
        by=by,
        warehouse=warehouse,
        reference=reference,
        expected_on=expected_on,
        lines=lines or [BLANKETS],
        **kw,
    )


def all_arrived(shipment):
    return [ReceivedLine(line_id=line.pk, received=line.quantity) for line in shipment.lines.all()]
