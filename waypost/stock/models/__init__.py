"""The stock app's models: the catalogue, the ledger and the partner pipeline."""

from waypost.stock.models.catalogue import (
    Category,
    Item,
    ItemSize,
    Kit,
    KitComponent,
    SizeSystem,
    StandardQuantity,
    Unit,
)
from waypost.stock.models.ledger import (
    INCOMING,
    OUTGOING,
    Lot,
    MovementKind,
    StockBalance,
    StockMovement,
    Warehouse,
)
from waypost.stock.models.pipeline import (
    OPEN_STATUSES,
    Shipment,
    ShipmentEvent,
    ShipmentLine,
    ShipmentStatus,
)

__all__ = [
    "INCOMING",
    "OPEN_STATUSES",
    "OUTGOING",
    "Category",
    "Item",
    "ItemSize",
    "Kit",
    "KitComponent",
    "Lot",
    "MovementKind",
    "Shipment",
    "ShipmentEvent",
    "ShipmentLine",
    "ShipmentStatus",
    "SizeSystem",
    "StandardQuantity",
    "StockBalance",
    "StockMovement",
    "Unit",
    "Warehouse",
]
