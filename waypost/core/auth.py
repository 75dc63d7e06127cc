"""Signing in with Django's model backend, the user's roles read with the user.

Every permission check needs the user's roles (`User.role_names`), so every signed-in request
read the user and then the roles. `RolesBackend.get_user` reads both in one statement; passwords,
sign-in and `is_active` work exactly as in `ModelBackend`.
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connection

from waypost.core.models import RoleAssignment, User
from waypost.core.rows import Columns, quote

USER = Columns(User, "u", [f.name for f in User._meta.concrete_fields])


def _statement() -> str:
    users, roles = quote(User._meta.db_table), quote(RoleAssignment._meta.db_table)
    return (
        f"SELECT {USER.sql()}, r.role FROM {users} u "  # noqa: S608 - the models' tables
        f"LEFT JOIN {roles} r ON r.user_id = u.id WHERE u.id = %s"
    )


class RolesBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            key = User._meta.pk.to_python(user_id)
        except ValidationError:  # a session naming no valid key names no user
            return None
        with connection.cursor() as cursor:
            cursor.execute(_statement(), [key])
            rows = cursor.fetchall()
        if not rows:
            return None
        user: User = USER.build(rows[0][: len(USER)])
        user._role_names = sorted(row[-1] for row in rows if row[-1] is not None)
        return user if self.user_can_authenticate(user) else None
