"""Any sequence of movements keeps every balance at the sum of its movements, never negative."""

import itertools
from decimal import Decimal

from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waypost.stock.models import StockBalance, StockMovement
from waypost.stock.selectors import ledger_balance
from waypost.stock.services import (
    adjust_count,
    create_warehouse,
    issue_stock,
    receive_stock,
    return_stock,
    transfer_stock,
    write_off_stock,
)

# (item, size, unit): one unsized item and two sizes of a sized one.
LINES = [
    ("blanket-high-thermal", "", "piece"),
    ("children-boots", "EU28", "pair"),
    ("children-boots", "EU30", "pair"),
]
KINDS = ["receive", "issue", "return", "write_off", "transfer", "adjust"]

quantities = st.one_of(
    st.integers(min_value=-3, max_value=25),
    st.sampled_from([Decimal("1.5"), 0.5]),
)
movements = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(min_value=0, max_value=1),
        st.integers(min_value=0, max_value=len(LINES) - 1),
        quantities,
    ),
    max_size=25,
)
example_number = itertools.count()


def apply(kind, by, stores, which, line, quantity):
    item, size, unit = LINES[line]
    here, there = stores[which], stores[1 - which]
    common = {"by": by, "item": item, "size": size, "unit": unit, "reference": "P-1"}
    if kind == "transfer":
        return transfer_stock(**common, source=here, destination=there, quantity=quantity)
    if kind == "adjust":
        return adjust_count(**common, warehouse=here, counted=quantity, reason="count")
    if kind == "write_off":
        return write_off_stock(**common, warehouse=here, quantity=quantity, reason="loss")
    service = {"receive": receive_stock, "issue": issue_stock, "return": return_stock}[kind]
    return service(**common, warehouse=here, quantity=quantity)


def snapshot(stores):
    balances = StockBalance.objects.filter(warehouse__in=stores)
    return (
        sorted(balances.values_list("warehouse", "item", "size", "quantity")),
        StockMovement.objects.filter(warehouse__in=stores).count(),
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=movements)
def test_any_sequence_of_movements_keeps_balances_equal_to_the_ledger(
    redcross_logistician, warehouse_site, sequence
):
    # given two fresh warehouses for this example
    number = next(example_number)
    stores = [
        create_warehouse(
            by=redcross_logistician, code=f"P{number}-{i}", name=f"P{i}", site=warehouse_site
        )
        for i in range(2)
    ]
    for kind, which, line, quantity in sequence:
        before = snapshot(stores)
        try:
            apply(kind, redcross_logistician, stores, which, line, quantity)
        except ValidationError:
            # a refused movement changes nothing
            assert snapshot(stores) == before

    # then every balance row is the sum of its movements and none is negative
    for row in StockBalance.objects.filter(warehouse__in=stores):
        assert row.quantity >= 0
        assert row.quantity == ledger_balance(
            warehouse=row.warehouse, item=row.item, size=row.size, lot=row.lot
        )
