from datetime import date

from waypost.stock.models import Item
from waypost.stock.selectors import balances_visible_to, suggest_first_expiry
from waypost.stock.services import receive_stock


def receive_rations(by, warehouse, lot, expires_on, quantity):
    receive_stock(
        by=by,
        warehouse=warehouse,
        item="food-parcel-rations",
        quantity=quantity,
        unit="carton",
        reference="WFP-1",
        lot=lot,
        expires_on=expires_on,
    )


def test_first_expiry_first_out_skips_expired_lots_and_takes_the_earliest_first(
    redcross_logistician, main_store
):
    # given three lots: one expired, one expiring in March, one in January
    for lot, expires_on, quantity in [
        ("OLD", date(2026, 11, 1), 50),
        ("MAR", date(2027, 3, 31), 40),
        ("JAN", date(2027, 1, 31), 30),
    ]:
        receive_rations(redcross_logistician, main_store, lot, expires_on, quantity)
    rations = Item.objects.get(code="food-parcel-rations")

    # when 45 cartons are wanted on 24 November 2026
    suggestion = suggest_first_expiry(
        warehouse=main_store, item=rations, quantity=45, today=date(2026, 11, 24)
    )

    # then all 30 of January's lot and 15 of March's are suggested, none of the expired lot
    assert [(lot.number, take) for lot, take in suggestion] == [("JAN", 30), ("MAR", 15)]


def test_stock_is_shown_to_staff_with_stock_view_and_to_no_outsider(
    redcross_logistician, redcross_distributor, iom_caseworker, outsider, main_store
):
    receive_stock(
        by=redcross_logistician,
        warehouse=main_store,
        item="gloves",
        quantity=3,
        unit="pair",
        reference="R-1",
    )

    assert [row.quantity for row in balances_visible_to(redcross_distributor)] == [3]
    assert not balances_visible_to(iom_caseworker).exists()
    assert not balances_visible_to(outsider).exists()
