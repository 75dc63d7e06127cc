from datetime import date
from decimal import Decimal

import pytest

from waypost.core.roles import Role
from waypost.needs.figures import Conditions
from waypost.registry.tests.factories import registered_household

# The family of five of the registry factories, on this day: father 39, mother 35 and pregnant,
# Ahmed 9 (born June 2015), Sara 5 (September 2019), Yusuf 8 months (May 2024).
ON = date(2025, 1, 15)
COLD = Conditions(on=ON, night_c=Decimal(-5), mean_c=Decimal(0))
MILD = Conditions(on=ON, night_c=Decimal(15), mean_c=Decimal(20))


@pytest.fixture
def clerk(make_persona, unhcr):
    return make_persona(unhcr, Role.REGISTRATION_CLERK)


@pytest.fixture
def logistician(make_persona, redcross):
    return make_persona(redcross, Role.LOGISTICIAN)


@pytest.fixture
def family(clerk, camp):
    return registered_household(by=clerk, site=camp)


@pytest.fixture
def protection_logistician(make_persona, unhcr):
    """Plans supply and may also see protection details: holds both roles."""
    return make_persona(unhcr, Role.LOGISTICIAN, Role.PROTECTION_OFFICER)
