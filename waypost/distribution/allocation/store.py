"""Writing a plan's entitlements in bulk: multi-row INSERTs of values already in the
database's form, and one DELETE for a draft's old ones.

A million people make about a million rows; building a model instance per row (bulk_create)
cost a minute, these statements seconds. The database's constraints still hold every row.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import batched
from typing import Any

from django.db import connection

from waypost.distribution.allocation.compute import Allocation, reason_of
from waypost.distribution.models import DistributionPlan, Entitlement
from waypost.stock.models import Item, ItemSize

SQLITE_CACHE_KIB = 256 * 1024
ROWS_PER_STATEMENT = 1000  # 13 values a row: within SQLite's 32,766 and PostgreSQL's 65,535
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


def values(plan: DistributionPlan, result: Allocation, sizes: Sizes) -> Iterator[tuple[Any, ...]]:
    plan_id = to_db("plan", plan.pk)
    items = {code: to_db("item", item.pk) for code, (item, _sizes) in sizes.items()}
    size_ids = {
        (code, size.code): size.pk for code, (_item, found) in sizes.items() for size in found
    }
    no_params = to_db("reason_params", {})
    # In household order: every index of the table begins with (plan, household), so each
    # insert lands next to the one before instead of on a random page.
    for key, row in sorted(result.rows.items(), key=lambda pair: pair[0][0]):
        household, individual, item, size = key
        reason, params = reason_of(key, row, result.lines)
        yield (
            plan_id,
            household,
            individual,
            items[item],
            size_ids.get((item, size)),
            size_ids.get((item, row.given_size or "")),
            row.entitled,
            row.allocated,
            row.score,
            row.tier,
            result.household_order[household],
            reason,
            to_db("reason_params", params) if params else no_params,
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
    if connection.vendor == "postgresql":
        return copy_entitlements(plan, result, sizes)
    table = connection.ops.quote_name(Entitlement._meta.db_table)
    names = ", ".join(column(name) for name in COLUMNS)
    one = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"
    written = 0
    with connection.cursor() as cursor, sqlite_cache(cursor):
        for batch in batched(values(plan, result, sizes), ROWS_PER_STATEMENT):
            rows: Sequence[tuple[Any, ...]] = batch
            sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(rows))}"  # noqa: S608 - names from the model
            cursor.execute(sql, [value for row in rows for value in row])
            written += len(rows)
    return written


def delete_entitlements(plan: DistributionPlan) -> None:
    """A draft's entitlements, in one statement (no redemption can point at a draft's)."""
    table = connection.ops.quote_name(Entitlement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column('plan')} = %s", [to_db("plan", plan.pk)])  # noqa: S608


def copy_entitlements(plan: DistributionPlan, result: Allocation, sizes: Sizes) -> int:
    """PostgreSQL: one COPY, several times faster than INSERT statements for a large plan."""
    table = connection.ops.quote_name(Entitlement._meta.db_table)
    names = ", ".join(column(name) for name in COLUMNS)
    written = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the driver's own cursor: COPY is psycopg's, not the DB-API's
        with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in values(plan, result, sizes):
                copy.write_row(row)
                written += 1
    return written
