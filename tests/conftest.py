"""The cast of the cross-cutting tests: every role in the registering agency and in a partner
agency, the outsider and an anonymous visitor, and one household all of them may be shown.

Expected permissions come from the table in `waypost.core.roles`, never from the code under test.
"""

from dataclasses import dataclass

import pytest

from waypost.core.models import User
from waypost.core.roles import ROLE_PERMISSIONS, Role
from waypost.core.services import create_user
from waypost.registry.tests.factories import family_of_five, registered_household

# A highly sensitive code (SGBV during flight), shown to protection officers only.
SENSITIVE_NEED = "SV-VF"


@dataclass(frozen=True)
class Persona:
    label: str
    user: User | None  # None: an anonymous visitor
    roles: tuple[str, ...] = ()

    @property
    def granted(self) -> frozenset[str]:
        """What the role table grants; nothing without an agency."""
        if self.user is None or self.user.agency_id is None:
            return frozenset()
        return frozenset().union(*(ROLE_PERMISSIONS[role] for role in self.roles))

    def __str__(self) -> str:
        return self.label


@pytest.fixture
def role_personas(unhcr, iom):
    """One user per role in the agency that registered the household, and one in a partner."""
    return [
        Persona(f"{role}@{agency.code}", _user(f"{agency.code}-{role}", agency, role), (role,))
        for agency in (unhcr, iom)
        for role in Role
    ]


@pytest.fixture
def cast(role_personas, outsider):
    return [
        *role_personas,
        Persona("outsider", outsider),
        Persona("anonymous", None),
    ]


@pytest.fixture
def shared_household(unhcr, camp):
    """Registered by the registering agency; the head agreed to sharing with partners."""
    clerk = _user("registering-clerk", unhcr, Role.REGISTRATION_CLERK)
    members = family_of_five()
    members[1].specific_needs = ["SM-DP", SENSITIVE_NEED]
    return registered_household(
        by=clerk, site=camp, members=members, consents=("assistance", "data_sharing")
    )


def _user(username, agency, role):
    # No password: hashing one per persona would make the matrix slow, and force_login needs none.
    return create_user(username=username, agency=agency, roles=[role])
