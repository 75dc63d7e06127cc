"""A plan's entitlement rows name households, people, items and sizes without a foreign-key
constraint in the database (see `Entitlement`): the references are checked here instead, once
per plan, with one statement per table over the distinct ids the rows name.

On PostgreSQL the statement also locks the rows it finds FOR KEY SHARE until the transaction
ends, as a foreign-key check would, so nobody can delete a household or person the new rows
name before they are committed (after that, PROTECT refuses it). SQLite runs one write
transaction at a time, and the allocation's has begun writing before these checks run.
"""

import json
from collections.abc import Collection
from typing import Any

from django.db import IntegrityError, connection, models
from django.utils.translation import gettext as _


def found(model: type[models.Model], ids: Collection[Any]) -> int:
    """How many of `ids` (in the database's own form) are rows of `model`; locked on PostgreSQL."""
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(str(model._meta.pk.column))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The ids as one array literal: the driver adapting a million ids one by one takes
            # seconds; their text is theirs already (numbers and UUIDs need no quoting).
            kind = model._meta.pk.db_type(connection)
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {pk} = ANY(%s::{kind}[])"  # noqa: S608 - names from the model
                " FOR KEY SHARE) AS locked",
                ["{" + ",".join(map(str, ids)) + "}"],
            )
        else:
            cursor.execute(
                f"SELECT count(*) FROM {table} WHERE {pk} IN (SELECT value FROM json_each(%s))",  # noqa: S608
                [json.dumps(list(ids))],
            )
        (count,) = cursor.fetchone()
    return int(count)


def check_references(named: dict[type[models.Model], Collection[Any]]) -> None:
    """Raise IntegrityError (the transaction rolls back) if any id named is not a row."""
    for model, ids in named.items():
        if ids and found(model, ids) != len(ids):
            raise IntegrityError(
                _("The plan names a %(what)s that no longer exists; allocate it again.")
                % {"what": model._meta.verbose_name}
            )
