from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from waypost.core.models import AuditEvent
from waypost.stock.models import (
    Item,
    Shipment,
    ShipmentEvent,
    ShipmentLine,
    ShipmentStatus,
    StockBalance,
    StockMovement,
)
from waypost.stock.selectors import balance_of, pipeline_by_item
from waypost.stock.services import (
    LineIn,
    ReceivedLine,
    change_shipment_status,
    receive_shipment,
    update_pledge,
)
from waypost.stock.tests.factories import BLANKETS, all_arrived, boots, pledged

FOOD = LineIn(item="food-parcel-rations", quantity=40, unit="carton")


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Shipment,
            ShipmentLine,
            ShipmentEvent,
            StockMovement,
            StockBalance,
            AuditEvent,
        )
    }


def test_a_pledge_enters_the_pipeline_with_its_lines_and_is_audited(
    redcross_logistician, camp_store
):
    shipment = pledged(redcross_logistician, camp_store, lines=[BLANKETS, boots("EU28", 30)])

    assert shipment.status == ShipmentStatus.PLEDGED
    assert sorted(str(line) for line in shipment.lines.all()) == [
        "100 Blanket high thermal (Rct 0.4)",
        "30 Children's winter boots EU 28",
    ]
    assert shipment.events.get().by == redcross_logistician
    assert AuditEvent.objects.get(action="shipment.pledged").details["reference"] == "BRC-PL-1"


def test_the_pipeline_counts_open_shipments_per_item_size_site_and_date(
    redcross_logistician, camp_store, main_store, camp
):
    # given two pledges to the camp and one elsewhere, one later than the horizon
    pledged(redcross_logistician, camp_store, reference="A", lines=[BLANKETS, boots("EU28", 30)])
    pledged(redcross_logistician, camp_store, reference="B", lines=[BLANKETS])
    pledged(redcross_logistician, camp_store, reference="C", expected_on=date(2027, 1, 9))
    pledged(redcross_logistician, main_store, reference="D")

    # when the pipeline to the camp until the end of the year is asked for
    rows = pipeline_by_item(site_ids=[camp.pk], until=date(2026, 12, 31))

    # then the two blanket lines due on one date add up, the boots keep their size
    assert [(row.item_code, row.size_code, row.quantity, row.expected_on) for row in rows] == [
        ("blanket-high-thermal", "", 200, date(2026, 12, 3)),
        ("children-boots", "EU28", 30, date(2026, 12, 3)),
    ]
    assert {row.site_id for row in rows} == {camp.pk}


def test_received_and_cancelled_shipments_leave_the_pipeline(redcross_logistician, camp_store):
    first = pledged(redcross_logistician, camp_store, reference="A")
    second = pledged(redcross_logistician, camp_store, reference="B")

    receive_shipment(by=redcross_logistician, shipment=first, received_lines=all_arrived(first))
    change_shipment_status(
        by=redcross_logistician, shipment=second, status="cancelled", note="truck seized"
    )

    assert pipeline_by_item() == []


def test_the_status_goes_pledged_in_transit_arrived_received(redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store)
    for status in ("in_transit", "arrived"):
        shipment = change_shipment_status(by=redcross_logistician, shipment=shipment, status=status)
    receive_shipment(
        by=redcross_logistician, shipment=shipment, received_lines=all_arrived(shipment)
    )

    assert list(shipment.events.values_list("status", flat=True)) == [
        "pledged",
        "in_transit",
        "arrived",
        "received",
    ]


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        (["arrived"], "in_transit"),
        (["in_transit"], "pledged"),
        (["in_transit", "arrived"], "cancelled"),
        (["cancelled"], "in_transit"),
        ([], "received"),
    ],
)
def test_a_status_out_of_order_is_refused(redcross_logistician, camp_store, path, refused):
    shipment = pledged(redcross_logistician, camp_store)
    for status in path:
        note = "partner withdrew" if status == "cancelled" else ""
        shipment = change_shipment_status(
            by=redcross_logistician, shipment=shipment, status=status, note=note
        )

    with pytest.raises(ValidationError, match="cannot become"):
        change_shipment_status(by=redcross_logistician, shipment=shipment, status=refused)


def test_a_cancellation_needs_a_reason(redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store)

    with pytest.raises(ValidationError, match="why the shipment is cancelled"):
        change_shipment_status(by=redcross_logistician, shipment=shipment, status="cancelled")


def test_receiving_creates_one_receipt_per_line_in_one_go(redcross_logistician, camp_store):
    # given blankets, boots in two sizes and food in a lot
    lines = [BLANKETS, boots("EU28", 30), boots("EU30", 20), FOOD]
    shipment = pledged(redcross_logistician, camp_store, lines=lines)
    food = shipment.lines.get(item__code="food-parcel-rations")
    counts = [c for c in all_arrived(shipment) if c.line_id != food.pk]
    counts.append(
        ReceivedLine(line_id=food.pk, received=40, lot_number="WFP-7", expires_on=date(2027, 6, 1))
    )

    # when it is received as pledged
    receive_shipment(by=redcross_logistician, shipment=shipment, received_lines=counts)

    # then the stock holds each line and the movements carry the shipment's reference
    receipts = StockMovement.objects.filter(kind="receipt", reference="BRC-PL-1")
    assert sorted(receipts.values_list("quantity", flat=True)) == [20, 30, 40, 100]
    blanket = Item.objects.get(code="blanket-high-thermal")
    assert balance_of(warehouse=camp_store, item=blanket) == 100
    food_lot = receipts.get(item__code="food-parcel-rations").lot
    assert food_lot is not None
    assert (food_lot.number, food_lot.expires_on) == ("WFP-7", date(2027, 6, 1))
    shipment.refresh_from_db()
    assert shipment.status == "received"


def test_short_and_damaged_counts_are_recorded_with_their_reason(redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store)
    line = shipment.lines.get()

    receive_shipment(
        by=redcross_logistician,
        shipment=shipment,
        received_lines=[ReceivedLine(line.pk, received=90, damaged=4, reason="wet in transit")],
    )

    line.refresh_from_db()
    assert (line.received, line.damaged, line.short) == (90, 4, 6)
    assert balance_of(warehouse=camp_store, item=line.item) == 90
    event = AuditEvent.objects.get(action="shipment.discrepancies")
    assert event.details["lines"][str(line)] == {
        "short": 6,
        "damaged": 4,
        "reason": "wet in transit",
    }


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (
            ReceivedLine(0, received=101),
            r"101 counted \(received and damaged\) is more than the 100 this",
        ),
        (
            ReceivedLine(0, received=98, damaged=3, reason="torn"),
            r"101 counted \(received and damaged\) is more than the 100 this",
        ),
        (ReceivedLine(0, received=90), "Say why fewer than 100"),
        (ReceivedLine(0, received=-1), "cannot be negative"),
        (ReceivedLine(0, received=Decimal("2.5")), "not a whole number"),
    ],
)
def test_a_bad_count_is_refused_and_nothing_is_written(
    redcross_logistician, camp_store, count, message
):
    shipment = pledged(redcross_logistician, camp_store)
    line = shipment.lines.get()
    before = row_counts()

    with pytest.raises(ValidationError, match=message):
        receive_shipment(
            by=redcross_logistician,
            shipment=shipment,
            received_lines=[ReceivedLine(line.pk, count.received, count.damaged, count.reason)],
        )

    assert row_counts() == before
    shipment.refresh_from_db()
    assert shipment.status == "pledged"


def test_every_line_must_be_counted(redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store, lines=[BLANKETS, boots("EU28", 30)])
    first = shipment.lines.first()

    with pytest.raises(ValidationError, match="Say how many arrived"):
        receive_shipment(
            by=redcross_logistician,
            shipment=shipment,
            received_lines=[ReceivedLine(first.pk, first.quantity)],
        )


def test_food_needs_its_lot_and_expiry_on_receipt(redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store, lines=[FOOD])

    with pytest.raises(ValidationError, match="give the lot number and its expiry date"):
        receive_shipment(
            by=redcross_logistician, shipment=shipment, received_lines=all_arrived(shipment)
        )
    assert StockMovement.objects.count() == 0


def test_a_shipment_is_received_only_once(redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store)
    receive_shipment(
        by=redcross_logistician, shipment=shipment, received_lines=all_arrived(shipment)
    )

    with pytest.raises(ValidationError, match="is Received; it cannot be received"):
        receive_shipment(
            by=redcross_logistician, shipment=shipment, received_lines=all_arrived(shipment)
        )
    assert StockMovement.objects.count() == 1


def test_the_sending_partner_may_send_but_not_receive(
    redcross_logistician, unhcr_logistician, unhcr, make_persona, camp
):
    # given a UNHCR warehouse and a Red Cross pledge to it
    from waypost.stock.services import create_warehouse

    store = create_warehouse(by=unhcr_logistician, code="UN-1", name="UNHCR store", site=camp)
    shipment = pledged(redcross_logistician, store)

    # then the Red Cross may send it, but only UNHCR marks it arrived and receives it
    change_shipment_status(by=redcross_logistician, shipment=shipment, status="in_transit")
    with pytest.raises(ValidationError, match="Only staff of the agency holding"):
        change_shipment_status(by=redcross_logistician, shipment=shipment, status="arrived")
    with pytest.raises(ValidationError, match="Only staff of the agency holding"):
        receive_shipment(
            by=redcross_logistician, shipment=shipment, received_lines=all_arrived(shipment)
        )
    receive_shipment(by=unhcr_logistician, shipment=shipment, received_lines=all_arrived(shipment))


def test_a_stranger_cannot_pledge_to_a_warehouse(unhcr_logistician, camp_store, iom):
    with pytest.raises(ValidationError, match="as its agency's staff or as the sending partner"):
        pledged(unhcr_logistician, camp_store, partner=iom)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (LineIn(item="sleeping-mat", quantity=0, unit="piece"), "greater than zero"),
        (LineIn(item="sleeping-mat", quantity=Decimal("1.5"), unit="piece"), "not a whole number"),
        (LineIn(item="sleeping-mat", quantity=5, unit="pair"), "counted in piece"),
        (LineIn(item="tent", quantity=5, unit="piece"), "no item tent"),
        (LineIn(item="children-boots", quantity=5, unit="pair", size="EU99"), "no size EU99"),
        (LineIn(item="children-boots", quantity=5, unit="pair"), "has no size -"),
        (LineIn(item="gloves", quantity=5, unit="pair", lot_number="L1"), "not kept in lots"),
    ],
)
def test_a_bad_pledge_line_is_refused_by_its_number(
    redcross_logistician, camp_store, line, message
):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        pledged(redcross_logistician, camp_store, lines=[BLANKETS, line])

    assert list(refused.value.message_dict) == ["lines.1"]
    assert refused.value.message_dict["lines.1"][0].startswith("Line 2: ")
    assert message in refused.value.message_dict["lines.1"][0]
    assert row_counts() == before


def test_a_pledge_names_one_sender(redcross_logistician, camp_store, redcross):
    with pytest.raises(ValidationError, match="either a partner agency or a donor"):
        pledged(redcross_logistician, camp_store, partner=redcross, donor="A town council")
    with pytest.raises(ValidationError, match="Name the partner agency or the donor"):
        pledged(redcross_logistician, camp_store, partner=None)


def test_a_donor_named_in_text_may_pledge_through_the_warehouse_staff(
    redcross_logistician, camp_store
):
    shipment = pledged(redcross_logistician, camp_store, partner=None, donor="Town of Hrodna")

    assert shipment.sender == "Town of Hrodna"


def test_a_pledge_can_be_corrected_until_it_is_sent(redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store)

    update_pledge(
        by=redcross_logistician,
        shipment=shipment,
        lines=[boots("EU30", 12)],
        expected_on=date(2026, 12, 5),
    )
    change_shipment_status(by=redcross_logistician, shipment=shipment, status="in_transit")

    assert [str(line) for line in shipment.lines.all()] == ["12 Children's winter boots EU 30"]
    with pytest.raises(ValidationError, match="only a pledge can be changed"):
        update_pledge(by=redcross_logistician, shipment=shipment, lines=[BLANKETS])
    assert AuditEvent.objects.filter(action="shipment.updated").count() == 1
