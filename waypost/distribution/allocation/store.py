"""Writing a plan's entitlements in bulk: one COPY (PostgreSQL) or one prepared INSERT run for
every row (SQLite) of values already in the database's form, and one DELETE for a draft's old
ones.

A million people make about a million rows; building a model instance per row (bulk_create)
cost a minute, these statements seconds. The database's unique and check constraints hold
every row; what the rows name is checked once per plan (`references.py`), not per row.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import batched
from typing import Any

from django.db import connection

from waypost.distribution.allocation.compute import Allocation
from waypost.distribution.allocation.references import check_references
from waypost.distribution.allocation.table import Ids, Table
from waypost.distribution.models import DistributionPlan, Entitlement
from waypost.registry.models import Household, Individual
from waypost.stock.models import Item, ItemSize

SQLITE_CACHE_KIB = 256 * 1024
COPY_CHUNK = 10_000  # rows a write
COLUMNS = (
    "plan",
    "household",
    "individual",
    "item",
    "size",
    "allocated_size",
    "quantity_entitled",
    "quantity_allocated",
    "risk_score",
    "risk_tier",
    "priority_rank",
    "reason",
    "reason_params",
)
Sizes = dict[str, tuple[Item, list[ItemSize]]]


def column(name: str) -> str:
    return connection.ops.quote_name(Entitlement._meta.get_field(name).column or name)  # type: ignore[union-attr]


def to_db(name: str, value: Any) -> Any:
    field = Entitlement._meta.get_field(name)
    target = getattr(field, "target_field", field)
    return target.get_db_prep_value(value, connection)  # type: ignore[union-attr]


def table_of(plan: DistributionPlan, result: Allocation, sizes: Sizes) -> Table:
    """The rows with every id made text once: the plan, the items, the households."""
    ids = Ids(
        result,
        plan=str(to_db("plan", plan.pk)),
        items={code: str(to_db("item", item.pk)) for code, (item, _sizes) in sizes.items()},
        sizes={
            (code, size.code): size.pk for code, (_item, found) in sizes.items() for size in found
        },
    )
    return Table(result, ids)


def check_written(plan: DistributionPlan, table: Table) -> None:
    """What the rows name, checked once per plan (the table has no foreign keys)."""
    check_references(
        {
            DistributionPlan: [to_db("plan", plan.pk)],
            Household: table.households(),
            Individual: table.people(),
            Item: set(table.ids.items.values()),
            ItemSize: set(table.ids.sizes.values()),
        }
    )


@contextmanager
def sqlite_cache(cursor: Any) -> Iterator[None]:
    """SQLite's default page cache (2 MB) cannot hold a large plan's indexes while they are
    written; a larger one for the inserts, the usual one after."""
    if connection.vendor != "sqlite":
        yield
        return
    cursor.execute("PRAGMA cache_size")
    (usual,) = cursor.fetchone()
    cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(usual)}")


def insert_entitlements(plan: DistributionPlan, result: Allocation, sizes: Sizes) -> int:
    """Write the rows, then check once what they name (the table has no foreign keys)."""
    table = table_of(plan, result, sizes)
    if connection.vendor == "postgresql":
        count = copy_entitlements(table.as_text())
    else:
        count = insert_rows(table.as_tuples())
    check_written(plan, table)
    return count


def insert_rows(table_rows: Iterator[tuple[Any, ...]]) -> int:
    """SQLite: one prepared INSERT run for every row by the driver (`executemany`), without a
    statement's text to build and convert per batch."""
    table = connection.ops.quote_name(Entitlement._meta.db_table)
    names = ", ".join(column(name) for name in COLUMNS)
    one = ", ".join(["?"] * len(COLUMNS))  # the driver's own placeholders
    with connection.cursor() as cursor, sqlite_cache(cursor):
        raw = cursor.cursor  # the driver's cursor: it takes the rows as they are made
        raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({one})", table_rows)  # noqa: S608 - names from the model
        return int(raw.rowcount)


def delete_entitlements(plan: DistributionPlan) -> None:
    """A draft's entitlements, in one statement (no redemption can point at a draft's)."""
    table = connection.ops.quote_name(Entitlement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column('plan')} = %s", [to_db("plan", plan.pk)])  # noqa: S608


def copy_entitlements(lines: Iterator[str]) -> int:
    """PostgreSQL: one COPY in the text format, its lines made by the plan (`table`) rather than
    value by value by the driver, sent in large chunks."""
    table = connection.ops.quote_name(Entitlement._meta.db_table)
    names = ", ".join(column(name) for name in COLUMNS)
    written = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the driver's own cursor: COPY is psycopg's, not the DB-API's
        with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for chunk in batched(lines, COPY_CHUNK):
                copy.write("".join(chunk))
                written += len(chunk)
    return written
