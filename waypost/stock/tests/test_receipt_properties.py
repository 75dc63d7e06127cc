"""Any count typed at a receipt is either taken whole into stock or refused with nothing written."""

import itertools
from decimal import Decimal

from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waypost.stock.models import ShipmentLine, StockMovement
from waypost.stock.selectors import ledger_balance
from waypost.stock.services import LineIn, ReceivedLine, receive_shipment
from waypost.stock.tests.factories import pledged

counts = st.one_of(
    st.integers(min_value=-5, max_value=60),
    st.sampled_from([Decimal("2.5"), Decimal("NaN"), Decimal("Infinity")]),
)
lines = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=50),  # pledged
        counts,  # received
        counts,  # damaged
        st.booleans(),  # a reason given
    ),
    min_size=1,
    max_size=3,
)
example_number = itertools.count()
SIZES = ["EU24", "EU26", "EU28"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(typed=lines)
def test_a_receipt_is_taken_whole_or_refused_whole(redcross_logistician, camp_store, typed):
    # given a pledge of boots in one to three sizes
    number = next(example_number)
    shipment = pledged(
        redcross_logistician,
        camp_store,
        reference=f"H-{number}",
        lines=[
            LineIn(item="children-boots", quantity=quantity, unit="pair", size=SIZES[i])
            for i, (quantity, *_rest) in enumerate(typed)
        ],
    )
    ordered = list(shipment.lines.order_by("size__order"))
    entered = [
        ReceivedLine(line.pk, received, damaged, "counted at the gate" if reason else "")
        for line, (_q, received, damaged, reason) in zip(ordered, typed, strict=True)
    ]
    before = StockMovement.objects.count()

    # when it is received as typed
    try:
        receive_shipment(by=redcross_logistician, shipment=shipment, received_lines=entered)
    except ValidationError:
        # then a refusal writes nothing and leaves the shipment in the pipeline
        assert StockMovement.objects.count() == before
        shipment.refresh_from_db()
        assert shipment.status == "pledged"
        return

    # or every line is accounted for: received + damaged + short = pledged, stock = received
    for line in ShipmentLine.objects.filter(shipment=shipment):
        assert line.received is not None
        assert line.short >= 0
        assert line.received + line.damaged + line.short == line.quantity
        assert (line.short or line.damaged) == 0 or line.discrepancy_reason
        stock = ledger_balance(warehouse=camp_store, item=line.item, size=line.size)
        assert stock >= line.received
