"""The needs API: the same figures, explanations and refusals as the pages, in JSON."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waypost.stock.services import create_warehouse
from waypost.stock.tests.factories import pledged

FILTERS = {
    "sites": "BRZ",
    "start": "2025-01-15",
    "period_days": "7",
    "night_temperature": "-5",
    "mean_temperature": "0",
}


@pytest.fixture
def api(client, logistician):
    client.force_login(logistician)
    return client


def test_the_needs_come_with_their_explanations(client, family, protection_logistician):
    # Exact counts of pregnancy need registry.view_protection (see test_disclosure.py).
    client.force_login(protection_logistician)
    response = client.get("/api/needs", FILTERS)
    assert response.status_code == 200
    body = response.json()
    assert (body["start"], body["until"], body["period_days"]) == ("2025-01-15", "2025-01-21", 7)
    assert body["night_temperature"] == -5.0
    food = next(f for f in body["figures"] if f["item"] == "food-parcel-rations")
    assert food["site"] == "BRZ"
    assert food["quantity"] == 2
    [term] = food["terms"]
    assert term["rule"] == "food_rations"
    assert term["verification"] == "✅"
    assert {"group": "pregnant women", "count": 1, "fewer_than": None} in term["counts"]
    assert term["quantity"] == pytest.approx(89_495 / 73_500)


def test_the_gap_counts_the_pipeline_by_date(api, family, logistician, camp):
    store = create_warehouse(by=logistician, code="BRZ-1", name="Camp store", site=camp)
    pledged(logistician, store, reference="A", expected_on=date(2025, 1, 20), lines=None)
    pledged(logistician, store, reference="B", expected_on=date(2025, 1, 17), lines=None)
    response = api.get("/api/needs/gap", FILTERS)
    assert response.status_code == 200
    blankets = next(r for r in response.json()["rows"] if r["item"] == "blanket-high-thermal")
    assert blankets == {
        "item": "blanket-high-thermal",
        "size": "",
        "unit": "piece",
        "need": 11,
        "stock": 0,
        "short_now": 11,
        "pipeline": 200,
        "gap": -189,
        "covered_now": False,
        "closes_on": "2025-01-17",
        "arrivals": [
            {"expected_on": "2025-01-17", "quantity": 100},
            {"expected_on": "2025-01-20", "quantity": 100},
        ],
    }


def test_bad_filters_are_refused_naming_each_field(api):
    response = api.get("/api/needs/gap", FILTERS | {"period_days": "0", "sites": "XX"})
    assert response.status_code == 422
    fields = {tuple(error["loc"]) for error in response.json()["detail"]}
    assert fields == {("query", "period_days"), ("query", "sites")}


def test_staff_without_stock_view_are_refused(client, clerk):
    client.force_login(clerk)
    assert client.get("/api/needs", FILTERS).status_code == 403
    assert client.get("/api/needs/gap", FILTERS).status_code == 403


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    days=st.one_of(st.integers(-5, 400), st.text(max_size=4)),
    night=st.one_of(st.decimals(-120, 80, places=1, allow_nan=False), st.text(max_size=4)),
)
def test_any_period_and_temperature_is_answered_or_refused_never_a_crash(api, camp, days, night):
    response = api.get(
        "/api/needs", FILTERS | {"period_days": str(days), "night_temperature": str(night)}
    )
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert response.json()["detail"][0]["loc"][1] in {"period_days", "night_temperature"}
