"""Writing a plan's entitlements in bulk: one COPY (PostgreSQL) or one prepared INSERT run for
every row (SQLite) of values already in the database's form, and one DELETE for a draft's old
ones.

A million people make about a million rows; building a model instance per row (bulk_create)
cost a minute, these statements seconds. The database's unique and check constraints hold
every row; what the rows name is checked once per plan (`references.py`), not per row.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import batched
from typing import Any

from django.db import connection

from waypost.distribution.allocation.compute import Allocation, Row, RowKey, reason_of
from waypost.distribution.allocation.references import check_references
from waypost.distribution.models import DistributionPlan, Entitlement
from waypost.registry.models import Household, Individual
from waypost.stock.models import Item, ItemSize

SQLITE_CACHE_KIB = 256 * 1024
COPY_CHUNK = 10_000  # rows a write
NULL = "\\N"  # an empty value in COPY's text format
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


class Written:
    """The distinct references the rows name, in the database's form (checked once per plan)."""

    def __init__(self) -> None:
        self.households: set[Any] = set()
        self.people: set[Any] = set()
        self.items: set[Any] = set()
        self.sizes: set[Any] = set()

    def check(self, plan: DistributionPlan) -> None:
        check_references(
            {
                DistributionPlan: [to_db("plan", plan.pk)],
                Household: self.households,
                Individual: self.people,
                Item: self.items,
                ItemSize: self.sizes,
            }
        )


def values(
    plan: DistributionPlan, result: Allocation, sizes: Sizes, written: Written
) -> Iterator[tuple[Any, ...]]:
    """The rows in the database's form, ids as text (what both databases take: SQLite keeps
    UUIDs as hex text, PostgreSQL's COPY reads them as text), each id made text once."""
    plan_id = str(to_db("plan", plan.pk))
    items = {code: str(to_db("item", item.pk)) for code, (item, _sizes) in sizes.items()}
    size_ids = {
        (code, size.code): size.pk for code, (_item, found) in sizes.items() for size in found
    }
    reasons = Reasons(result)
    for (_position, household, rank), key, row in in_household_order(result):
        _household, individual, item, size = key
        written.households.add(household)
        if individual is not None:
            individual = str(individual)
            written.people.add(individual)
        reason, params = reasons.of(key, row)
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
            rank,
            reason,
            params,
        )
    written.items.update(items.values())
    written.sizes.update(size_ids.values())


def in_household_order(result: Allocation) -> list[tuple[tuple[int, str, int], RowKey, Row]]:
    """The rows in household id order, each with its household's (position, id as text, rank).

    Every index of the table begins with (plan, household), so in this order each insert lands
    next to the one before instead of on a random page. Ids sort as their text (a UUID's text
    orders as its bytes), which is also what is written."""
    texts = {household: str(household) for household in result.household_order}
    ranked = sorted(texts, key=texts.__getitem__)
    households = {h: (n, texts[h], result.household_order[h]) for n, h in enumerate(ranked)}
    rows = [(households[key[0]], key, row) for key, row in result.rows.items()]
    rows.sort(key=lambda entry: entry[0][0])
    return rows


class Reasons:
    """A row's reason and its parameters as JSON text (what both databases take for the
    column), worked out once per kind of row (item, size, size given, entitled, allocated: a
    few hundred kinds for a million rows)."""

    def __init__(self, result: Allocation) -> None:
        self.lines = result.lines
        self.known: dict[tuple[Any, ...], tuple[str, Any]] = {}

    def of(self, key: RowKey, row: Row) -> tuple[str, Any]:
        kind = (key[2], key[3], row.given_size, row.entitled, row.allocated)
        if (found := self.known.get(kind)) is None:
            reason, params = reason_of(key, row, self.lines)
            found = self.known[kind] = (reason, json.dumps(params))
        return found


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
    written = Written()
    insert = copy_entitlements if connection.vendor == "postgresql" else insert_rows
    count = insert(values(plan, result, sizes, written))
    written.check(plan)
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


def copy_entitlements(rows: Iterator[tuple[Any, ...]]) -> int:
    """PostgreSQL: one COPY in the text format, sent in large chunks. The rows are made text
    here, a chunk at a time, rather than value by value by the driver (a third of the time at a
    million rows): every value is a number, an id, a code or JSON, so none holds a tab or a line
    break, and doubling the backslashes of the JSON (its escapes) is all the format asks."""
    table = connection.ops.quote_name(Entitlement._meta.db_table)
    names = ", ".join(column(name) for name in COLUMNS)
    written = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the driver's own cursor: COPY is psycopg's, not the DB-API's
        with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for chunk in batched(rows, COPY_CHUNK):
                copy.write("".join([copy_line(row) for row in chunk]))
                written += len(chunk)
    return written


def copy_line(row: tuple[Any, ...]) -> str:
    *values, params = row  # the reason's parameters (JSON text) come last
    text = [NULL if value is None else str(value) for value in values]
    return "\t".join([*text, params.replace("\\", "\\\\")]) + "\n"
