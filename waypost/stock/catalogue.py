"""The starting catalogue and the standard quantities, read from the data files beside this module.

Read after every migration. Standard quantities are reference data with a source, so their rows
are brought in line with the file, except those a logistician changed on purpose (with a source
and a reason, `waypost.stock.services.change_standard_quantity`). Items and kits are only added
when missing: once in the database they belong to the logisticians, who edit them in the
application.
"""

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from waypost.stock.models import Item, ItemSize, Kit, KitComponent, StandardQuantity

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


def load_items() -> None:
    for row in read_rows("items.csv"):
        item, _created = Item.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "unit": row["unit"],
                "category": row["category"],
                "size_system": row["size_system"],
                "tracks_expiry": row["tracks_expiry"] == "yes",
            },
        )
        sizes = [size.split("=", 1) for size in row["sizes"].split("|") if size]
        for order, (code, label) in enumerate(sizes):
            ItemSize.objects.get_or_create(
                item=item, code=code, defaults={"label": label, "order": order}
            )


def load_standard_quantities() -> None:
    items = dict(Item.objects.values_list("code", "pk"))
    changed_here = set(
        StandardQuantity.objects.exclude(changed_reason="").values_list("key", flat=True)
    )
    for row in read_rows("standard_quantities.csv"):
        if row["key"] in changed_here:
            continue
        StandardQuantity.objects.update_or_create(
            key=row["key"],
            defaults={
                "item_id": items.get(row["item"]),
                "value": Decimal(row["value"]),
                "value_max": Decimal(row["value_max"]) if row["value_max"] else None,
                "unit": row["unit"],
                "per": row["per"],
                "period": row["period"],
                "climate": row["climate"],
                "source": row["source"],
                "edition": row["edition"],
                "verification": row["verification"],
            },
        )


def load_kits() -> None:
    for row in read_rows("kits.csv"):
        kit, _created = Kit.objects.get_or_create(
            code=row["kit"],
            defaults={
                "name": row["name"],
                "source": row["source"],
                "verification": row["verification"],
            },
        )
        KitComponent.objects.get_or_create(
            kit=kit,
            item=Item.objects.get(code=row["item"]),
            defaults={"quantity": int(row["quantity"])},
        )


def load_catalogue() -> None:
    load_items()
    load_standard_quantities()
    load_kits()


def load_catalogue_after_migrate(**kwargs: Any) -> None:
    load_catalogue()
