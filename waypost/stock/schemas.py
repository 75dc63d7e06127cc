"""The shapes of stock data over HTTP, and a service's refusal as a 422 body."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from ninja import Schema

from waypost.core.api import FieldErrorOut as FieldErrorOut
from waypost.core.api import ValidationErrorsOut as ValidationErrorsOut
from waypost.core.api import field_errors as field_errors
from waypost.stock.models import (
    Item,
    Kit,
    Shipment,
    ShipmentLine,
    StandardQuantity,
    StockBalance,
    StockMovement,
    Warehouse,
)

# Counts travel as decimals so that 2.5 reaches the service and is refused in its words.
Count = Decimal


class SizeOut(Schema):
    code: str
    label: str


class ItemOut(Schema):
    code: str
    name: str
    unit: str
    category: str
    size_system: str
    tracks_expiry: bool
    sizes: list[SizeOut]


class ItemIn(Schema):
    code: str
    name: str
    unit: str
    category: str
    size_system: str = ""
    tracks_expiry: bool = False
    sizes: list[SizeOut] = []


class ComponentOut(Schema):
    item: str
    quantity: int


class KitOut(Schema):
    code: str
    name: str
    source: str
    verification: str
    components: list[ComponentOut]


class KitIn(Schema):
    name: str
    source: str
    verification: str
    components: list[ComponentOut]


class StandardOut(Schema):
    key: str
    item: str | None
    value: Decimal
    value_max: Decimal | None
    unit: str
    per: str
    period: str
    climate: str
    source: str
    edition: str
    verification: str
    changed_reason: str


class WarehouseOut(Schema):
    code: str
    name: str
    agency: str
    site: str
    lines: int
    units: int


class BalanceOut(Schema):
    item: str
    size: str
    lot: str
    expires_on: date | None
    quantity: int


class MovementOut(Schema):
    id: int
    warehouse: str
    kind: str
    item: str
    size: str
    lot: str
    quantity: int
    reason: str
    reference: str
    counterpart: str | None
    by: str
    at: datetime


class MovementIn(Schema):
    kind: str
    warehouse: str
    destination: str = ""
    item: str
    size: str = ""
    lot: str = ""
    expires_on: date | None = None
    quantity: Count
    unit: str
    reference: str
    reason: str = ""


class ShipmentLineIn(Schema):
    item: str
    size: str = ""
    quantity: Count
    unit: str
    lot_number: str = ""
    expires_on: date | None = None


class ShipmentIn(Schema):
    reference: str
    warehouse: str
    partner: str = ""  # agency code
    donor: str = ""
    expected_on: date
    lines: list[ShipmentLineIn]


class PledgeUpdateIn(Schema):
    expected_on: date | None = None
    lines: list[ShipmentLineIn]


class StatusIn(Schema):
    status: str
    note: str = ""


class ReceivedLineIn(Schema):
    line: int
    received: Count
    damaged: Count = Decimal(0)
    reason: str = ""
    lot_number: str = ""
    expires_on: date | None = None


class ReceiptIn(Schema):
    lines: list[ReceivedLineIn]
    note: str = ""


class ShipmentLineOut(Schema):
    id: int
    item: str
    size: str
    quantity: int
    lot_number: str
    expires_on: date | None
    received: int | None
    damaged: int
    short: int
    discrepancy_reason: str


class ShipmentEventOut(Schema):
    status: str
    by: str
    at: datetime
    note: str


class ShipmentOut(Schema):
    id: UUID
    reference: str
    sender: str
    partner: str | None
    donor: str
    warehouse: str
    site: str
    expected_on: date
    status: str
    lines: list[ShipmentLineOut]
    events: list[ShipmentEventOut]


def item_out(item: Item) -> dict[str, Any]:
    sizes = [{"code": size.code, "label": size.label} for size in item.sizes.all()]
    fields = ("code", "name", "unit", "category", "size_system", "tracks_expiry")
    return {name: getattr(item, name) for name in fields} | {"sizes": sizes}


def kit_out(kit: Kit) -> dict[str, Any]:
    components = [{"item": c.item.code, "quantity": c.quantity} for c in kit.components.all()]
    fields = ("code", "name", "source", "verification")
    return {name: getattr(kit, name) for name in fields} | {"components": components}


def standard_out(standard: StandardQuantity) -> dict[str, Any]:
    fields = [name for name in StandardOut.model_fields if name != "item"]
    item = standard.item.code if standard.item else None
    return {name: getattr(standard, name) for name in fields} | {"item": item}


def warehouse_out(warehouse: Warehouse) -> dict[str, Any]:
    return {
        "code": warehouse.code,
        "name": warehouse.name,
        "agency": warehouse.agency.code,
        "site": warehouse.site.code,
        "lines": getattr(warehouse, "lines", 0),
        "units": getattr(warehouse, "units", None) or 0,
    }


def balance_out(balance: StockBalance) -> dict[str, Any]:
    return {
        "item": balance.item.code,
        "size": balance.size.code if balance.size else "",
        "lot": balance.lot.number if balance.lot else "",
        "expires_on": balance.lot.expires_on if balance.lot else None,
        "quantity": balance.quantity,
    }


def movement_out(movement: StockMovement) -> dict[str, Any]:
    return {
        "id": movement.pk,
        "warehouse": movement.warehouse.code,
        "kind": movement.kind,
        "item": movement.item.code,
        "size": movement.size.code if movement.size else "",
        "lot": movement.lot.number if movement.lot else "",
        "quantity": movement.quantity,
        "reason": movement.reason,
        "reference": movement.reference,
        "counterpart": movement.counterpart.code if movement.counterpart else None,
        "by": movement.by.username,
        "at": movement.at,
    }


def shipment_line_out(line: ShipmentLine) -> dict[str, Any]:
    fields = ("id", "quantity", "lot_number", "expires_on", "received", "damaged", "short")
    return {name: getattr(line, name) for name in fields} | {
        "item": line.item.code,
        "size": line.size.code if line.size else "",
        "discrepancy_reason": line.discrepancy_reason,
    }


def shipment_out(shipment: Shipment) -> dict[str, Any]:
    events = [
        {"status": e.status, "by": e.by.username, "at": e.at, "note": e.note}
        for e in shipment.events.all()
    ]
    return {
        "id": shipment.pk,
        "reference": shipment.reference,
        "sender": shipment.sender,
        "partner": shipment.partner.code if shipment.partner else None,
        "donor": shipment.donor,
        "warehouse": shipment.warehouse.code,
        "site": shipment.warehouse.site.code,
        "expected_on": shipment.expected_on,
        "status": shipment.status,
        "lines": [shipment_line_out(line) for line in shipment.lines.all()],
        "events": events,
    }


class StandardChangeIn(Schema):
    value: Decimal
    value_max: Decimal | None = None
    source: str
    reason: str
    verification: str


class PipelineOut(Schema):
    item: str
    size: str
    site_id: UUID
    expected_on: date
    quantity: int
