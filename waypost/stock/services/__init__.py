"""Every write to stock: movements in the ledger, the partner pipeline and the catalogue."""

from waypost.stock.services.catalogue import (
    ItemIn,
    change_standard_quantity,
    create_item,
    save_kit,
    update_item,
)
from waypost.stock.services.movements import (
    adjust_count,
    create_warehouse,
    issue_stock,
    move_stock,
    receive_stock,
    return_stock,
    transfer_stock,
    write_off_stock,
)
from waypost.stock.services.receipts import ReceivedLine, receive_shipment
from waypost.stock.services.recording import MovementIn, MovementRequest, record_movement
from waypost.stock.services.shipment_lines import LineIn
from waypost.stock.services.shipments import (
    change_shipment_status,
    pledge_shipment,
    update_pledge,
)

__all__ = [
    "ItemIn",
    "change_standard_quantity",
    "create_item",
    "save_kit",
    "update_item",
    "LineIn",
    "MovementIn",
    "MovementRequest",
    "ReceivedLine",
    "adjust_count",
    "change_shipment_status",
    "create_warehouse",
    "issue_stock",
    "move_stock",
    "pledge_shipment",
    "receive_shipment",
    "record_movement",
    "receive_stock",
    "return_stock",
    "transfer_stock",
    "update_pledge",
    "write_off_stock",
]
