"""Gap arithmetic: need − stock − pipeline, the date it closes, and shipments moving into stock."""

from datetime import date

import pytest

from waypost.needs.gap import Arrival, GapRow, sort_rows
from waypost.needs.selectors import compute_needs, gap_for
from waypost.needs.tests.conftest import COLD
from waypost.stock.models import Item
from waypost.stock.services import create_warehouse, receive_shipment, receive_stock
from waypost.stock.tests.factories import all_arrived, pledged


@pytest.fixture
def blanket(db):
    return Item.objects.get(code="blanket-high-thermal")


def row(blanket, need, stock, *arrivals):
    return GapRow(blanket, None, need, stock, [Arrival(day, qty) for day, qty in arrivals])


def test_gap_is_need_minus_stock_minus_pipeline(blanket):
    found = row(blanket, 100, 30, (date(2025, 1, 20), 50))
    # 100 - 30 - 50 = 20 still to request
    assert (found.pipeline, found.gap, found.shortage) == (50, 20, 20)
    assert found.closes_on is None
    assert not found.covered_now


def test_the_gap_closes_on_the_arrival_that_covers_the_need(blanket):
    found = row(blanket, 100, 30, (date(2025, 1, 25), 40), (date(2025, 1, 18), 40))
    # 30 held; 18 Jan brings 70; 25 Jan brings 110 >= 100
    assert found.closes_on == date(2025, 1, 25)
    assert (found.gap, found.shortage) == (-10, 0)


def test_stock_that_covers_the_need_needs_no_date(blanket):
    found = row(blanket, 10, 12, (date(2025, 1, 25), 40))
    assert found.covered_now
    assert found.closes_on is None
    assert found.gap == -42


def test_sorting_by_closing_date_puts_never_last(blanket):
    rows = [
        row(blanket, 100, 0),
        row(blanket, 100, 0, (date(2025, 1, 25), 100)),
        row(blanket, 100, 0, (date(2025, 1, 19), 100)),
    ]
    closes = [r.closes_on for r in sort_rows(rows, "closes")]
    assert closes == [date(2025, 1, 19), date(2025, 1, 25), None]


def test_receiving_a_shipment_moves_it_from_pipeline_to_stock(family, camp, logistician):
    store = create_warehouse(by=logistician, code="BRZ-1", name="Camp store", site=camp)
    shipment = pledged(logistician, store, expected_on=date(2025, 1, 18))  # 100 blankets
    needs = compute_needs(sites=[camp], period_days=7, conditions=COLD)

    def blankets():
        return next(r for r in gap_for(needs) if r.item.code == "blanket-high-thermal")

    before = blankets()
    receive_shipment(by=logistician, shipment=shipment, received_lines=all_arrived(shipment))
    after = blankets()

    assert (before.stock, before.pipeline) == (0, 100)
    assert (after.stock, after.pipeline) == (100, 0)
    assert after.gap == before.gap == 11 - 100


def test_only_warehouses_at_the_chosen_sites_count(family, camp, warehouse_site, logistician):
    elsewhere = create_warehouse(by=logistician, code="LOG-1", name="Main", site=warehouse_site)
    receive_stock(
        by=logistician, warehouse=elsewhere, item="gloves", quantity=50, unit="pair", reference="W"
    )
    needs = compute_needs(sites=[camp], period_days=7, conditions=COLD)
    gloves = next(r for r in gap_for(needs) if r.item.code == "gloves")
    assert (gloves.need, gloves.stock, gloves.gap) == (5, 0, 5)


def test_stock_without_a_need_still_shows(camp, logistician):
    store = create_warehouse(by=logistician, code="BRZ-1", name="Camp store", site=camp)
    receive_stock(
        by=logistician, warehouse=store, item="gloves", quantity=7, unit="pair", reference="W"
    )
    needs = compute_needs(sites=[camp], period_days=7, conditions=COLD)
    [gloves] = gap_for(needs)
    assert (gloves.need, gloves.stock, gloves.gap) == (0, 7, -7)
