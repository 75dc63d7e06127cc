import pytest

from waypost.core.roles import Role
from waypost.stock.services import create_warehouse


@pytest.fixture
def redcross_logistician(make_persona, redcross):
    return make_persona(redcross, Role.LOGISTICIAN)


@pytest.fixture
def unhcr_logistician(make_persona, unhcr):
    return make_persona(unhcr, Role.LOGISTICIAN)


@pytest.fixture
def main_store(redcross_logistician, warehouse_site):
    return create_warehouse(
        by=redcross_logistician, code="LOG-1", name="Main store", site=warehouse_site
    )


@pytest.fixture
def camp_store(redcross_logistician, camp):
    return create_warehouse(by=redcross_logistician, code="BRZ-1", name="Camp store", site=camp)
