"""Agencies and user accounts."""

from collections.abc import Iterable

from django.db import transaction

from waypost.core.models import Agency, RoleAssignment, User
from waypost.core.roles import Role


@transaction.atomic
def create_agency(*, code: str, name: str, short_name: str) -> Agency:
    return Agency.objects.create(code=code, name=name, short_name=short_name)


@transaction.atomic
def create_user(
    *,
    username: str,
    agency: Agency | None,
    roles: Iterable[str],
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
) -> User:
    user = User.objects.create_user(
        username=username, password=password, first_name=first_name, last_name=last_name
    )
    user.agency = agency
    user.save(update_fields=["agency"])
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user=user, role=Role(role)) for role in dict.fromkeys(roles)
    )
    return user
