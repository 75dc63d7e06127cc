"""Everything one handover is checked against, read in one statement.

The plan (with its site and warehouse), the point named, the card a code names (with its
household and the household's site), the household's entitlements named in the submission (with
item and sizes) and the issuing store's balances of those items: one SQL statement instead of
one query per model, because a busy distribution reads it a few hundred times a second and the
ORM's work per query cost more than the queries (docs/benchmarks.md, redemptions). The checks
themselves stay in `services/redemptions.py`, `services/cards.py` and `services/handover.py`.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any
from uuid import UUID

from django.db import connection

from waypost.core.rows import Columns, quote, split
from waypost.distribution.models import (
    DistributionPlan,
    DistributionPoint,
    Entitlement,
    HouseholdCard,
)
from waypost.registry.models import Household
from waypost.sites.models import Site
from waypost.stock.models import Item, ItemSize, Lot, StockBalance, Warehouse

PLAN = Columns(
    DistributionPlan,
    "p",
    ["site", "distribution_date", "name", "status", "warehouse", "point_store"],
)
SITE = Columns(Site, "s", ["name"])
WAREHOUSE = Columns(Warehouse, "w", ["name", "agency", "site"])
POINT = Columns(DistributionPoint, "pt", ["site", "name"])
CARD = Columns(HouseholdCard, "c", [f.name for f in HouseholdCard._meta.concrete_fields])
HOUSEHOLD = Columns(Household, "h", ["number", "site"])
HOUSEHOLD_SITE = Columns(Site, "hs", ["name"])
ENTITLEMENT = Columns(
    Entitlement,
    "e",
    ["plan", "household", "individual", "item", "size", "allocated_size", "quantity_allocated"],
)
ITEM = Columns(Item, "i", ["code", "name", "unit", "size_system"])
ALLOCATED_SIZE = Columns(ItemSize, "az", ["item", "code", "label", "order"])
SIZE = Columns(ItemSize, "z", ["item", "code", "label", "order"])
BALANCE = Columns(StockBalance, "b", ["warehouse", "item", "size", "lot", "quantity"])
LOT = Columns(Lot, "l", ["expires_on"])
HEAD = [PLAN, SITE, WAREHOUSE, POINT, CARD, HOUSEHOLD, HOUSEHOLD_SITE]  # once per statement
LINES = [ENTITLEMENT, ITEM, ALLOCATED_SIZE, SIZE, BALANCE, LOT]  # per entitlement and balance
PARTS = HEAD + LINES
LINES_START = sum(len(part) for part in HEAD)


@dataclass(frozen=True)
class Held:
    """A balance row the handover may issue from."""

    balance_id: int
    item_id: Any
    size_id: int | None
    lot_id: int | None
    expires_on: date | None
    quantity: int


@dataclass
class HandoverRead:
    plan: DistributionPlan
    point: DistributionPoint | None
    card: HouseholdCard | None
    entitlements: dict[int, Entitlement] = field(default_factory=dict)
    held: dict[int, Held] = field(default_factory=dict)


def _table(model: Any) -> str:
    return quote(model._meta.db_table)


@lru_cache(maxsize=64)
def _statement(vendor: str, by_short_key: bool, entitlements: int) -> str:
    """The statement's text, built once per database and shape: quoting every column of fifteen
    models took a tenth of a redemption's processor time (docs/benchmarks.md, redemptions)."""
    del vendor  # part of the cache key: the quoting is the database's
    card_column = "short_key" if by_short_key else "card_id"
    wanted = ", ".join(["%s"] * entitlements) or "NULL"
    return f"""
        SELECT {", ".join(part.sql() for part in PARTS)}
        FROM {_table(DistributionPlan)} p
        JOIN {_table(Site)} s ON s.id = p.site_id
        JOIN {_table(Warehouse)} w ON w.id = p.warehouse_id
        LEFT JOIN {_table(DistributionPoint)} pt ON pt.id = %s
        LEFT JOIN {_table(HouseholdCard)} c ON c.{card_column} = %s
        LEFT JOIN {_table(Household)} h ON h.id = c.household_id
        LEFT JOIN {_table(Site)} hs ON hs.id = h.site_id
        LEFT JOIN {_table(Entitlement)} e
            ON e.plan_id = p.id AND e.household_id = c.household_id AND e.id IN ({wanted})
        LEFT JOIN {_table(Item)} i ON i.id = e.item_id
        LEFT JOIN {_table(ItemSize)} az ON az.id = e.allocated_size_id
        LEFT JOIN {_table(ItemSize)} z ON z.id = e.size_id
        LEFT JOIN {_table(StockBalance)} b
            ON b.warehouse_id = COALESCE(p.point_store_id, p.warehouse_id)
            AND b.item_id = e.item_id AND b.quantity > 0
        LEFT JOIN {_table(Lot)} l ON l.id = b.lot_id
        WHERE p.id = %s
    """  # noqa: S608 - names from the models, values as parameters


def _relate(plan: Any, site: Any, warehouse: Any, card: Any, household: Any, h_site: Any) -> None:
    plan.site, plan.warehouse = site, warehouse
    if card is not None:
        household.site = h_site
        card.household = household


def _entitlement(entitlement: Any, item: Any, allocated: Any, size: Any) -> Entitlement:
    entitlement.item, entitlement.allocated_size, entitlement.size = item, allocated, size
    return entitlement  # type: ignore[no-any-return]


def read_handover(
    *,
    plan_id: UUID,
    point_id: int,
    card_id: str = "",
    short_key: str = "",
    entitlement_ids: list[int],
) -> HandoverRead:
    """What the handover needs; DistributionPlan.DoesNotExist when there is no such plan.

    The card is looked up by its identifier (a scanned token) or its short key (a typed code).
    """
    plan_key = DistributionPlan._meta.pk.get_db_prep_value(plan_id, connection)
    params = [point_id, short_key or card_id, *entitlement_ids, plan_key]
    with connection.cursor() as cursor:
        cursor.execute(_statement(connection.vendor, bool(short_key), len(entitlement_ids)), params)
        rows = cursor.fetchall()
    if not rows:
        raise DistributionPlan.DoesNotExist("No such plan.")
    plan, site, warehouse, point, card, household, h_site = split(rows[0], HEAD)
    _relate(plan, site, warehouse, card, household, h_site)
    read = HandoverRead(plan, point, card)
    for row in rows:
        entitlement, item, allocated, size, balance, lot = split(row, LINES, LINES_START)
        if entitlement is None:
            continue
        read.entitlements.setdefault(
            entitlement.pk, _entitlement(entitlement, item, allocated, size)
        )
        if balance is not None:
            expires = lot.expires_on if lot is not None else None
            read.held[balance.pk] = Held(
                balance.pk,
                balance.item_id,
                balance.size_id,
                balance.lot_id,
                expires,
                balance.quantity,
            )
    return read
