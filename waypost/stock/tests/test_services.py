from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from waypost.core.models import AuditEvent
from waypost.stock.models import Lot, StockBalance, StockMovement
from waypost.stock.selectors import balance_of, ledger_balance
from waypost.stock.services import (
    adjust_count,
    issue_stock,
    receive_stock,
    return_stock,
    transfer_stock,
    write_off_stock,
)


def receive_blankets(by, warehouse, quantity=100):
    return receive_stock(
        by=by,
        warehouse=warehouse,
        item="blanket-high-thermal",
        quantity=quantity,
        unit="piece",
        reference="BRC-WB-0001",
    )


def test_a_receipt_adds_to_the_balance_and_is_audited(redcross_logistician, main_store):
    movement = receive_blankets(redcross_logistician, main_store, 100)

    assert (movement.kind, movement.quantity, movement.by) == ("receipt", 100, redcross_logistician)
    assert balance_of(warehouse=main_store, item=movement.item) == 100
    event = AuditEvent.objects.get(subject_id=str(movement.pk))
    assert (event.action, event.actor, event.purpose) == (
        "stock.receipt",
        redcross_logistician,
        "logistics",
    )
    assert event.details["reference"] == "BRC-WB-0001"


def test_receipt_issue_return_write_off_and_count_add_up_by_hand(redcross_logistician, main_store):
    # given 100 blankets received
    blanket = receive_blankets(redcross_logistician, main_store, 100).item
    common = {"by": redcross_logistician, "warehouse": main_store, "unit": "piece"}

    # when 30 are issued, 4 come back, 2 are damaged and a count finds 70
    issue_stock(**common, item=blanket.code, quantity=30, reference="DIST-1")
    return_stock(**common, item=blanket.code, quantity=4, reference="DIST-1")
    write_off_stock(**common, item=blanket.code, quantity=2, reason="damage", reference="W-1")
    adjustment = adjust_count(
        **common, item=blanket.code, counted=70, reason="monthly count", reference="C-1"
    )

    # then 100 - 30 + 4 - 2 = 72 was the balance, the count books -2, and 70 remain
    assert adjustment is not None
    assert adjustment.quantity == -2
    assert balance_of(warehouse=main_store, item=blanket) == 70
    assert ledger_balance(warehouse=main_store, item=blanket) == 70
    assert AuditEvent.objects.filter(action__startswith="stock.").count() == 5


def test_a_count_that_matches_the_balance_books_nothing(redcross_logistician, main_store):
    receive_blankets(redcross_logistician, main_store, 10)

    result = adjust_count(
        by=redcross_logistician,
        warehouse=main_store,
        item="blanket-high-thermal",
        counted=10,
        unit="piece",
        reason="spot check",
        reference="C-2",
    )

    assert result is None
    assert StockMovement.objects.count() == 1


def test_a_transfer_moves_stock_between_warehouses_in_one_step(
    redcross_logistician, main_store, camp_store
):
    blanket = receive_blankets(redcross_logistician, main_store, 100).item

    sent, received = transfer_stock(
        by=redcross_logistician,
        source=main_store,
        destination=camp_store,
        item=blanket.code,
        quantity=40,
        unit="piece",
        reference="TR-1",
    )

    assert (sent.quantity, sent.counterpart, received.quantity, received.counterpart) == (
        -40,
        camp_store,
        40,
        main_store,
    )
    assert balance_of(warehouse=main_store, item=blanket) == 60
    assert balance_of(warehouse=camp_store, item=blanket) == 40


def test_boots_are_kept_per_size(redcross_logistician, main_store):
    common = {"by": redcross_logistician, "warehouse": main_store, "unit": "pair"}
    receive_stock(**common, item="children-boots", size="EU28", quantity=12, reference="R-1")
    receive_stock(**common, item="children-boots", size="EU30", quantity=5, reference="R-1")
    issue_stock(**common, item="children-boots", size="EU28", quantity=3, reference="D-1")

    rows = StockBalance.objects.order_by("size__order").values_list("size__code", "quantity")
    assert list(rows) == [("EU28", 9), ("EU30", 5)]


def test_food_is_received_in_lots_with_their_expiry(redcross_logistician, main_store):
    movement = receive_stock(
        by=redcross_logistician,
        warehouse=main_store,
        item="food-parcel-rations",
        quantity=50,
        unit="carton",
        reference="WFP-1",
        lot="L-2027-01",
        expires_on=date(2027, 1, 31),
    )

    assert movement.lot == Lot.objects.get(number="L-2027-01", expires_on=date(2027, 1, 31))


def bad(fn, **kwargs):
    """Call a service that must refuse, and return its message."""
    with pytest.raises(ValidationError) as refused:
        fn(**kwargs)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quantity": -5}, "greater than zero"),
        ({"quantity": 0}, "greater than zero"),
        ({"quantity": Decimal("2.5")}, "whole number"),
        ({"quantity": 2.5}, "whole number"),
        ({"quantity": float("inf")}, "whole number"),
        ({"quantity": Decimal("NaN")}, "whole number"),
        ({"quantity": "5"}, "whole number"),
        ({"item": "blanket-unknown"}, "no item blanket-unknown"),
        ({"unit": "kit"}, "counted in piece, not in kit"),
        ({"size": "EU28"}, "has no sizes"),
        ({"reference": "  "}, "Give a reference"),
    ],
)
def test_bad_receipts_are_refused_and_write_nothing(
    redcross_logistician, main_store, changes, message
):
    kwargs = {
        "by": redcross_logistician,
        "warehouse": main_store,
        "item": "blanket-high-thermal",
        "quantity": 10,
        "unit": "piece",
        "reference": "R-1",
    }

    assert message in bad(receive_stock, **{**kwargs, **changes})
    assert not StockMovement.objects.exists()
    assert not StockBalance.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="stock.").exists()


def test_an_unknown_size_or_a_missing_lot_is_refused(redcross_logistician, main_store):
    common = {"by": redcross_logistician, "warehouse": main_store, "reference": "R-1"}

    assert "no size EU99" in bad(
        receive_stock, **common, item="children-boots", size="EU99", quantity=1, unit="pair"
    )
    assert "lot number and its expiry date" in bad(
        receive_stock, **common, item="food-parcel-rations", quantity=1, unit="carton"
    )
    assert "no lot L-9" in bad(
        issue_stock, **common, item="food-parcel-rations", quantity=1, unit="carton", lot="L-9"
    )
    assert not StockMovement.objects.exists()


def test_a_transfer_from_an_empty_warehouse_is_refused(
    redcross_logistician, main_store, camp_store
):
    message = bad(
        transfer_stock,
        by=redcross_logistician,
        source=camp_store,
        destination=main_store,
        item="blanket-high-thermal",
        quantity=1,
        unit="piece",
        reference="TR-2",
    )

    assert "Camp store holds 0 piece of Blanket high thermal (Rct 0.4), not 1." in message
    assert not StockMovement.objects.exists()
    assert not StockBalance.objects.filter(quantity__gt=0).exists()


def test_an_issue_beyond_the_balance_is_refused_and_the_balance_kept(
    redcross_logistician, main_store
):
    blanket = receive_blankets(redcross_logistician, main_store, 10).item

    message = bad(
        issue_stock,
        by=redcross_logistician,
        warehouse=main_store,
        item=blanket.code,
        quantity=11,
        unit="piece",
        reference="D-2",
    )

    assert "holds 10 piece" in message
    assert balance_of(warehouse=main_store, item=blanket) == 10
    assert StockMovement.objects.count() == 1


def test_a_write_off_needs_loss_damage_or_expiry(redcross_logistician, main_store):
    receive_blankets(redcross_logistician, main_store, 10)

    message = bad(
        write_off_stock,
        by=redcross_logistician,
        warehouse=main_store,
        item="blanket-high-thermal",
        quantity=1,
        unit="piece",
        reason="gift",
        reference="W-2",
    )

    assert "loss, damage or expiry" in message


def test_another_agencys_staff_cannot_move_its_stock(
    unhcr_logistician, redcross_logistician, main_store
):
    receive_blankets(redcross_logistician, main_store, 10)

    message = bad(
        issue_stock,
        by=unhcr_logistician,
        warehouse=main_store,
        item="blanket-high-thermal",
        quantity=1,
        unit="piece",
        reference="D-3",
    )

    assert "Only staff of the agency holding Main store" in message
    assert StockMovement.objects.count() == 1
