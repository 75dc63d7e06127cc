"""Many people moving the same stock at the same second: it never goes negative (PostgreSQL)."""

import pytest

from waypost.stock.models import Item, StockMovement
from waypost.stock.selectors import balance_of, ledger_balance
from waypost.stock.services import issue_stock, receive_shipment, receive_stock, transfer_stock
from waypost.stock.tests.factories import all_arrived, pledged
from waypost.testing.concurrency import POSTGRES_RACE, run_at_once

pytestmark = POSTGRES_RACE

THREADS = 12


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_never_spend_more_than_the_stock(redcross_logistician, main_store):
    # given 10 blankets
    receive_stock(
        by=redcross_logistician,
        warehouse=main_store,
        item="blanket-high-thermal",
        quantity=10,
        unit="piece",
        reference="R-1",
    )
    blanket = Item.objects.get(code="blanket-high-thermal")

    # when twelve people each issue 3 at the same moment
    outcomes = run_at_once(
        lambda i: issue_stock(
            by=redcross_logistician,
            warehouse=main_store,
            item="blanket-high-thermal",
            quantity=3,
            unit="piece",
            reference=f"D-{i}",
        ),
        THREADS,
    )

    # then exactly three issues go through (9 blankets) and the rest are refused
    issued = [outcome for outcome in outcomes if outcome != "refused"]
    assert len(issued) == 3
    assert outcomes.count("refused") == THREADS - 3
    assert balance_of(warehouse=main_store, item=blanket) == 1
    assert ledger_balance(warehouse=main_store, item=blanket) == 1


@pytest.mark.django_db(transaction=True)
def test_transfers_both_ways_at_once_neither_deadlock_nor_lose_stock(
    redcross_logistician, main_store, camp_store
):
    # given 20 blankets in each store
    for store in (main_store, camp_store):
        receive_stock(
            by=redcross_logistician,
            warehouse=store,
            item="blanket-high-thermal",
            quantity=20,
            unit="piece",
            reference="R-1",
        )
    blanket = Item.objects.get(code="blanket-high-thermal")
    stores = (main_store, camp_store)

    # when half the people send 2 one way and half 2 the other way, all at once
    outcomes = run_at_once(
        lambda i: transfer_stock(
            by=redcross_logistician,
            source=stores[i % 2],
            destination=stores[1 - i % 2],
            item="blanket-high-thermal",
            quantity=2,
            unit="piece",
            reference=f"T-{i}",
        ),
        THREADS,
    )

    # then every transfer went through and the 40 blankets are all still there
    assert "refused" not in outcomes
    assert balance_of(warehouse=main_store, item=blanket) == 20
    assert balance_of(warehouse=camp_store, item=blanket) == 20


@pytest.mark.django_db(transaction=True)
def test_a_shipment_received_by_many_at_once_enters_stock_once(redcross_logistician, camp_store):
    # given a pledge of 100 blankets
    shipment = pledged(redcross_logistician, camp_store)
    counts = all_arrived(shipment)

    # when twelve people receive it at the same moment
    outcomes = run_at_once(
        lambda i: receive_shipment(
            by=redcross_logistician, shipment=shipment, received_lines=counts
        ),
        THREADS,
    )

    # then one receipt went through; the others found it received
    assert outcomes.count("refused") == THREADS - 1
    blanket = Item.objects.get(code="blanket-high-thermal")
    assert balance_of(warehouse=camp_store, item=blanket) == 100
    assert StockMovement.objects.filter(kind="receipt").count() == 1


@pytest.mark.django_db(transaction=True)
def test_issues_during_a_receipt_never_spend_stock_not_yet_received(
    redcross_logistician, camp_store
):
    # given 10 blankets in stock and a pledge of 100 more
    receive_stock(
        by=redcross_logistician,
        warehouse=camp_store,
        item="blanket-high-thermal",
        quantity=10,
        unit="piece",
        reference="R-1",
    )
    shipment = pledged(redcross_logistician, camp_store)
    counts = all_arrived(shipment)

    # when one person receives the shipment while the others issue 5 each
    def work(i):
        if i == 0:
            return receive_shipment(
                by=redcross_logistician, shipment=shipment, received_lines=counts
            )
        return issue_stock(
            by=redcross_logistician,
            warehouse=camp_store,
            item="blanket-high-thermal",
            quantity=5,
            unit="piece",
            reference=f"D-{i}",
        )

    outcomes = run_at_once(work, THREADS)

    # then the receipt went through, and the balance is what the ledger says, never negative
    assert outcomes[0] != "refused"
    assert all(isinstance(o, StockMovement) or o == "refused" for o in outcomes[1:])
    issued = 5 * sum(isinstance(outcome, StockMovement) for outcome in outcomes[1:])
    blanket = Item.objects.get(code="blanket-high-thermal")
    assert balance_of(warehouse=camp_store, item=blanket) == 110 - issued
    assert ledger_balance(warehouse=camp_store, item=blanket) == 110 - issued
