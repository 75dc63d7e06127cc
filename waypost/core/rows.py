"""Model rows read and written with one plain SQL statement, for the few paths where the ORM's
work per query costs more than the query (a redemption at a distribution point, repeated a few
hundred times a second).

`Columns` names some fields of one model under a table alias: it writes their part of a SELECT
and builds model instances from the values read, through the same converters the ORM applies
(SQLite's UUIDs, dates and aware datetimes, JSON), so what comes back is what a queryset would
have built. `insert` writes instances in one multi-row INSERT and sets their primary keys from
`RETURNING` (PostgreSQL, and SQLite from 3.35). Both work on every database Waypost supports.
"""

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import Field, Model

Converter = Callable[[Any, Any, Any], Any]


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


class Columns:
    """Fields of one model read under an alias; the primary key is always among them."""

    def __init__(self, model: type[Model], alias: str, names: Iterable[str]) -> None:
        pk = model._meta.pk
        if pk is None:  # abstract models only
            raise TypeError(f"{model.__name__} has no primary key")
        wanted = {f.attname for f in model._meta.concrete_fields if f.name in names or f is pk}
        # `Model.from_db` takes the values in the order of the model's concrete fields.
        self.fields: list[Field[Any, Any]] = [
            f for f in model._meta.concrete_fields if f.attname in wanted
        ]
        self.model, self.alias = model, alias
        self.attnames = [f.attname for f in self.fields]
        self._pk = self.attnames.index(pk.attname)  # where the key is among the values
        self._converters: dict[str, list[list[Converter]]] = {}
        self._sql: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.fields)

    def sql(self) -> str:
        # Quoted once per database: quoting each column on every read cost more than the read.
        vendor = connection.vendor
        if vendor not in self._sql:
            self._sql[vendor] = ", ".join(
                f"{self.alias}.{quote(str(f.column))}" for f in self.fields
            )
        return self._sql[vendor]

    def converters(self) -> list[list[Converter]]:
        vendor = connection.vendor
        if vendor not in self._converters:
            self._converters[vendor] = [
                connection.ops.get_db_converters(f.get_col(self.alias))
                + f.get_db_converters(connection)
                for f in self.fields
            ]
        return self._converters[vendor]

    def build(self, values: Sequence[Any]) -> Any:
        """The instance the values read describe, or None when its primary key is NULL."""
        converted = []
        for value, converters, field in zip(values, self.converters(), self.fields, strict=True):
            for convert in converters:
                value = convert(value, field, connection)
            converted.append(value)
        if converted[self._pk] is None:
            return None
        return self.model.from_db(connection.alias, self.attnames, converted)


def split(row: Sequence[Any], columns: Sequence[Columns], start: int = 0) -> list[Any]:
    """One row of a join from `start` on, cut into the instances of each model's columns."""
    built = []
    for part in columns:
        built.append(part.build(row[start : start + len(part)]))
        start += len(part)
    return built


@lru_cache(maxsize=64)
def _named(model: type[Model], names: tuple[str, ...], vendor: str) -> tuple[tuple[Any, ...], str]:
    """The fields named and their quoted column list, worked out once per model and database."""
    del vendor  # part of the cache key: the quoting is the database's
    fields = tuple(f for name in names for f in model._meta.concrete_fields if f.name == name)
    return fields, ", ".join(quote(str(f.column)) for f in fields)


def values(
    objs: Sequence[Model], names: Sequence[str], given: dict[str, list[str]] | None = None
) -> tuple[str, list[Any]]:
    """`(columns) VALUES (...), (...)` for the instances and its parameters.

    `given` names columns whose value is an SQL expression per instance instead of the
    instance's attribute (a key drawn from a sequence in the same statement).
    """
    given = given or {}
    fields, columns = _named(type(objs[0]), tuple(names), connection.vendor)
    params: list[Any] = []
    rows = []
    for n, obj in enumerate(objs):
        row = []
        for f in fields:
            if f.name in given:
                row.append(given[f.name][n])
            else:
                row.append("%s")
                params.append(f.get_db_prep_save(getattr(obj, f.attname), connection))
        rows.append("(" + ", ".join(row) + ")")
    return f"({columns}) VALUES {', '.join(rows)}", params


def insert[M: Model](objs: list[M], names: Sequence[str]) -> list[M]:
    """Write the instances in one INSERT; each gets its primary key and counts as saved."""
    if not objs:
        return objs
    meta = objs[0]._meta
    rows, params = values(objs, names)
    table, key = quote(meta.db_table), quote(str(meta.pk.column))
    sql = f"INSERT INTO {table} {rows} RETURNING {key}"  # noqa: S608 - names from the model
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        keys = [key for (key,) in cursor.fetchall()]
    for obj, key in zip(objs, keys, strict=True):
        saved(obj, key)
    return objs


def saved(obj: Model, key: Any) -> None:
    """Mark an instance written with this primary key, as `save()` would."""
    obj.pk = key
    obj._state.adding, obj._state.db = False, connection.alias
