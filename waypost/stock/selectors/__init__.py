"""Every read of stock: the ledger and balances, the partner pipeline, the catalogue."""

from waypost.stock.selectors.catalogue import (
    catalogue_items,
    catalogue_kits,
    get_item,
    get_kit,
    get_standard_quantity,
    standard_quantities,
)
from waypost.stock.selectors.ledger import (
    LedgerFilter,
    balance_of,
    balances_visible_to,
    filtered_ledger,
    get_warehouse_for,
    ledger_balance,
    movements_visible_to,
    suggest_first_expiry,
    warehouse_balances,
    warehouse_ledger,
    warehouses_visible_to,
    warehouses_with_totals,
)
from waypost.stock.selectors.pipeline import (
    PipelineQuantity,
    get_shipment_for,
    partner_by_code,
    pipeline_by_item,
    shipments_visible_to,
)

__all__ = [
    "LedgerFilter",
    "PipelineQuantity",
    "balance_of",
    "balances_visible_to",
    "catalogue_items",
    "catalogue_kits",
    "filtered_ledger",
    "get_item",
    "get_kit",
    "get_shipment_for",
    "get_standard_quantity",
    "get_warehouse_for",
    "ledger_balance",
    "movements_visible_to",
    "partner_by_code",
    "pipeline_by_item",
    "shipments_visible_to",
    "standard_quantities",
    "suggest_first_expiry",
    "warehouse_balances",
    "warehouse_ledger",
    "warehouses_visible_to",
    "warehouses_with_totals",
]
