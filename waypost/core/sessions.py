"""Django's database sessions, with the session row read by one plain SQL statement.

Every signed-in request reads its session; at a distribution point that is a few hundred
requests a second, where the ORM's work per query cost more than the query itself
(docs/benchmarks.md, redemptions). Same table, same rows, same expiry rule as
`django.contrib.sessions.backends.db`, which writes and deletes them as before.
"""

from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from waypost.core.rows import Columns, quote

SESSION = Columns(Session, "s", ["session_data", "expire_date"])
EXPIRES = Session._meta.get_field("expire_date")


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        now = EXPIRES.get_db_prep_value(timezone.now(), connection)
        sql = (
            f"SELECT {SESSION.sql()} FROM {quote(Session._meta.db_table)} s "  # noqa: S608 - the model's table
            "WHERE s.session_key = %s AND s.expire_date > %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return SESSION.build(row)
