"""Writing one handover: the issue movements, the redemptions, their audit events, then the
balance rows brought down — inside the transaction `handover.record_handover` owns.

On PostgreSQL all of it is one statement (data-modifying CTEs), so a busy distribution pays one
round trip and one parse instead of four: the keys of the movements and redemptions are drawn
from their sequences first, the three INSERTs use them, and only when all three are written are
the balance rows locked, in primary-key order, and lowered — a second redemption of an
entitlement fails on the unique constraint before any balance row is locked, and the shared rows
stay locked only for the end of the statement and the commit. Elsewhere (SQLite) the same rows
are written table by table (one multi-row INSERT each, an UPDATE per balance row) in that order.
Either way the caller learns which balance row, if any, did not hold enough.
"""

from collections.abc import Callable
from typing import Any

from django.db import connection

from waypost.core import rows
from waypost.core.models import AuditEvent
from waypost.core.rows import quote
from waypost.distribution.models import Redemption
from waypost.stock.models import StockBalance, StockMovement

# The columns each row is written with (every column but the primary key).
MOVEMENT_FIELDS = [f.name for f in StockMovement._meta.concrete_fields if not f.primary_key]
REDEMPTION_FIELDS = [f.name for f in Redemption._meta.concrete_fields if not f.primary_key]
EVENT_FIELDS = [f.name for f in AuditEvent._meta.concrete_fields if not f.primary_key]
BALANCES = quote(StockBalance._meta.db_table)

# The audit events of n lines: n redemption events, then n issue events, in the lines' order.
Events = Callable[[], list[AuditEvent]]


def write_handover(
    *,
    movements: list[StockMovement],
    redemptions: list[Redemption],
    events: Events,
    needed: dict[int, int],
) -> int | None:
    """Write the rows (keys set on the instances); the balance row short of stock, or None."""
    if connection.vendor == "postgresql":
        return _in_one_statement(movements, redemptions, events, needed)
    return _table_by_table(movements, redemptions, events, needed)


def _table_by_table(
    movements: list[StockMovement],
    redemptions: list[Redemption],
    events: Events,
    needed: dict[int, int],
) -> int | None:
    rows.insert(movements, MOVEMENT_FIELDS)
    for redemption, movement in zip(redemptions, movements, strict=True):
        redemption.movement = movement  # now with its key
    rows.insert(redemptions, REDEMPTION_FIELDS)
    rows.insert(events(), EVENT_FIELDS)
    lower = f"UPDATE {BALANCES} SET quantity = quantity - %s WHERE id = %s AND quantity >= %s"  # noqa: S608 - the model's table
    with connection.cursor() as cursor:
        for balance_id in sorted(needed):
            cursor.execute(lower, [needed[balance_id], balance_id, needed[balance_id]])
            if cursor.rowcount != 1:
                return balance_id
    return None


def _key(column: str, n: int) -> str:
    return f"(SELECT {column} FROM keys WHERE n = {n + 1})"  # noqa: S608 - no outside text


def _inserts(
    movements: list[StockMovement], redemptions: list[Redemption], events: Events
) -> tuple[str, list[Any]]:
    count = len(movements)
    movement_keys = [_key("movement", n) for n in range(count)]
    m_sql, m_params = rows.values(movements, ["id", *MOVEMENT_FIELDS], {"id": movement_keys})
    r_sql, r_params = rows.values(
        redemptions,
        ["id", *REDEMPTION_FIELDS],
        {"id": [_key("redemption", n) for n in range(count)], "movement": movement_keys},
    )
    subjects = [
        _key(f"CAST({kind} AS text)", n)
        for kind in ("redemption", "movement")
        for n in range(count)
    ]
    e_sql, e_params = rows.values(events(), EVENT_FIELDS, {"subject_id": subjects})
    sequences = [
        f"nextval(pg_get_serial_sequence('{model._meta.db_table}', 'id'))"
        for model in (StockMovement, Redemption)
    ]
    sql = f"""
        keys AS MATERIALIZED (
            SELECT n, {sequences[0]} AS movement, {sequences[1]} AS redemption
            FROM generate_series(1, {count}) AS n
        ),
        m AS (INSERT INTO {quote(StockMovement._meta.db_table)} {m_sql} RETURNING 1),
        r AS (INSERT INTO {quote(Redemption._meta.db_table)} {r_sql} RETURNING 1),
        a AS (INSERT INTO {quote(AuditEvent._meta.db_table)} {e_sql} RETURNING 1),
        written AS MATERIALIZED (
            SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM r) + (SELECT count(*) FROM a)
                AS total
        )"""  # noqa: S608 - names from the models, values as parameters
    return sql, [*m_params, *r_params, *e_params]


def _in_one_statement(
    movements: list[StockMovement],
    redemptions: list[Redemption],
    events: Events,
    needed: dict[int, int],
) -> int | None:
    inserts, params = _inserts(movements, redemptions, events)
    ids = sorted(needed)
    wanted = ", ".join(["%s"] * len(ids))
    amounts = ", ".join(["(CAST(%s AS bigint), CAST(%s AS integer))"] * len(ids))
    sql = f"""
        WITH {inserts},
        locked AS (
            SELECT b.id FROM {BALANCES} b CROSS JOIN written
            WHERE b.id IN ({wanted}) AND written.total > 0
            ORDER BY b.id FOR UPDATE OF b
        ),
        lowered AS (
            UPDATE {BALANCES} b SET quantity = b.quantity - v.amount
            FROM (VALUES {amounts}) AS v (id, amount)
            WHERE b.id = v.id AND b.id IN (SELECT id FROM locked) AND b.quantity >= v.amount
            RETURNING b.id
        )
        SELECT keys.movement, keys.redemption, (SELECT array_agg(id) FROM lowered)
        FROM keys ORDER BY keys.n
    """  # noqa: S608 - names from the models, values as parameters
    params += [*ids, *(value for balance_id in ids for value in (balance_id, needed[balance_id]))]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        written = cursor.fetchall()
    for (movement_key, redemption_key, _lowered), movement, redemption in zip(
        written, movements, redemptions, strict=True
    ):
        rows.saved(movement, movement_key)
        rows.saved(redemption, redemption_key)
        redemption.movement = movement
    lowered = set(written[0][2] or [])
    return next((balance_id for balance_id in ids if balance_id not in lowered), None)
