"""Need against supply, per item and size: what is held, what is coming and when, what is missing.

gap = need − in stock − in pipeline; a negative gap is a surplus. What is short now (need − in
stock, before any shipment arrives) is shown too: receiving a pledged shipment shrinks it, not the
gap, which already counted the shipment. The gap closes on the expected
date of the shipment that brings stock and pipeline up to the need, if one does.

Kits: the ledger and the pipeline count items, never kits, and every rule asks for items, so a
kit is counted as its components when it is packed (a women's dignity kit handed out is one pack
of pads and one bar of soap out of stock). No figure here is ever a number of kits.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from waypost.needs.figures import Needs
from waypost.stock.models import Item, ItemSize

StockKey = tuple[UUID, int | None]  # item id, size id


@dataclass(frozen=True)
class Arrival:
    expected_on: date
    quantity: int


@dataclass
class GapRow:
    item: Item
    size: ItemSize | None
    need: int = 0
    stock: int = 0
    arrivals: list[Arrival] = field(default_factory=list)

    @property
    def size_code(self) -> str:
        return self.size.code if self.size else ""

    @property
    def pipeline(self) -> int:
        return sum(arrival.quantity for arrival in self.arrivals)

    @property
    def short_now(self) -> int:
        """What is missing today, before any expected shipment arrives."""
        return max(0, self.need - self.stock)

    @property
    def gap(self) -> int:
        return self.need - self.stock - self.pipeline

    @property
    def shortage(self) -> int:
        """What is missing even after every expected shipment: to request from partners."""
        return max(0, self.gap)

    @property
    def covered_now(self) -> bool:
        return self.stock >= self.need

    @property
    def closes_on(self) -> date | None:
        """The expected date from which stock and pipeline cover the need; None if never or
        if stock covers it already."""
        if self.covered_now:
            return None
        held = self.stock
        for arrival in sorted(self.arrivals, key=lambda arrival: arrival.expected_on):
            held += arrival.quantity
            if held >= self.need:
                return arrival.expected_on
        return None


def gap_rows(
    needs: Needs,
    *,
    stock: Mapping[StockKey, int],
    pipeline: Iterable[tuple[StockKey, date, int]],
    items: Mapping[UUID, Item],
    sizes: Mapping[int, ItemSize],
) -> list[GapRow]:
    """Rows for every item and size with a need, stock or pipeline, by item and size."""
    rows: dict[StockKey, GapRow] = {}

    def row(key: StockKey) -> GapRow:
        if key not in rows:
            size = sizes[key[1]] if key[1] is not None else None
            rows[key] = GapRow(items[key[0]], size)
        return rows[key]

    for figure in needs.figures:
        row((figure.item.pk, figure.size.pk if figure.size else None)).need += figure.quantity
    for key, quantity in stock.items():
        row(key).stock += quantity
    arrivals: dict[StockKey, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for key, expected_on, quantity in pipeline:
        arrivals[key][expected_on] += quantity
    for key, by_date in arrivals.items():
        row(key).arrivals = [Arrival(day, quantity) for day, quantity in sorted(by_date.items())]
    return sort_rows(list(rows.values()), "item")


SORTS: dict[str, Callable[[GapRow], Any]] = {
    "item": lambda row: (row.item.name, row.size.order if row.size else -1),
    "need": lambda row: row.need,
    "stock": lambda row: row.stock,
    "short_now": lambda row: row.short_now,
    "pipeline": lambda row: row.pipeline,
    "gap": lambda row: row.gap,
    "closes": lambda row: (row.closes_on is None, row.closes_on or date.min),
}


def sort_rows(rows: list[GapRow], key: str, *, descending: bool = False) -> list[GapRow]:
    """Sorted by a column of SORTS; ties keep item order."""
    by_item = sorted(rows, key=SORTS["item"])
    return sorted(by_item, key=SORTS[key], reverse=descending)
