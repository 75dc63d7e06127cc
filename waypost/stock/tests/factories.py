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


def stock_route_values(agency, site):
    """URL values for the route matrix: a warehouse, an item, a kit, a standard, a shipment."""
    from waypost.core.roles import Role
    from waypost.core.services import create_user
    from waypost.stock.services import create_warehouse

    keeper = create_user(username="matrix-logistician", agency=agency, roles=[Role.LOGISTICIAN])
    store = create_warehouse(by=keeper, code="MTX-1", name="Matrix store", site=site)
    shipment = pledged(keeper, store, reference="MTX-PL-1")
    return {
        "warehouse_code": store.code,
        "item_code": "gloves",
        "kit_code": "winter-kit",
        "key": "water_l_pppd",
        "shipment_id": str(shipment.pk),
    }
