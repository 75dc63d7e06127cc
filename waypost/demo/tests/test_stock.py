from datetime import date

import pytest

from waypost.demo.organisation import set_up_operation
from waypost.demo.stock import load_demo_stock
from waypost.stock.models import Item, Shipment, StockMovement, Warehouse
from waypost.stock.selectors import balance_of, ledger_balance, pipeline_by_item

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 24)


@pytest.fixture
def operation():
    set_up_operation()


def test_the_demo_stock_holds_what_the_ledger_says_and_a_winter_pipeline(operation):
    assert load_demo_stock(today=TODAY) == 4

    camp = Warehouse.objects.get(code="BRC-BRZ")
    blankets = Item.objects.get(code="blanket-high-thermal")
    # 500 sent to the camp, 320 handed out
    assert balance_of(warehouse=camp, item=blankets) == 180
    assert ledger_balance(warehouse=camp, item=blankets) == 180
    due = pipeline_by_item(site_ids=[camp.site_id], until=date(2026, 11, 26))
    boots = {row.size_code: row.quantity for row in due if row.item_code == "children-boots"}
    assert boots["EU28"] == 60
    assert Shipment.objects.filter(status="received").get().lines.filter(damaged=6).exists()


def test_the_demo_stock_is_loaded_once(operation):
    load_demo_stock(today=TODAY)
    movements = StockMovement.objects.count()

    assert load_demo_stock(today=TODAY) == 0
    assert StockMovement.objects.count() == movements
