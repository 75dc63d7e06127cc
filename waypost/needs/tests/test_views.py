"""The needs pages: the gap table with its chart, sorting, htmx partials, CSV and explanations."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from waypost.stock.services import create_warehouse, receive_stock
from waypost.stock.tests.factories import pledged

FILTERS = {
    "sites": "BRZ",
    "start": "2025-01-15",
    "period_days": "7",
    "night_temperature": "-5",
    "mean_temperature": "0",
}


@pytest.fixture
def signed_in(client, logistician):
    client.force_login(logistician)
    return client


@pytest.fixture
def camp_store(logistician, camp):
    return create_warehouse(by=logistician, code="BRZ-1", name="Camp store", site=camp)


def row_of(response, item, size=""):
    [row] = [
        row for row in response.context["rows"] if (row.item.code, row.size_code) == (item, size)
    ]
    return row


def test_the_gap_page_shows_need_stock_pipeline_and_gap(signed_in, family, camp_store, logistician):
    receive_stock(
        by=logistician,
        warehouse=camp_store,
        item="blanket-high-thermal",
        quantity=4,
        unit="piece",
        reference="WB-1",
    )
    pledged(logistician, camp_store, expected_on=date(2025, 1, 18))  # 100 blankets

    response = signed_in.get(reverse("needs:gap"), FILTERS)

    assert response.status_code == 200
    blankets = row_of(response, "blanket-high-thermal")
    # need 11 (see test_compute), 4 in stock, 100 coming on 18 January: gap 11 - 4 - 100 = -93
    assert (blankets.need, blankets.stock, blankets.pipeline, blankets.gap) == (11, 4, 100, -93)
    assert blankets.closes_on == date(2025, 1, 18)
    page = response.content.decode()
    assert "<svg" in page and 'role="img"' in page
    assert "Blanket high thermal (Rct 0.4): Need 11" in page


def test_the_page_opens_with_defaults_on_every_site(signed_in, family):
    response = signed_in.get(reverse("needs:gap"))
    assert response.status_code == 200
    assert response.context["needs"].period_days == 7
    assert {site.code for site in response.context["needs"].sites} == {"BRZ"}


def test_sorting_by_gap_descending_puts_the_largest_gap_first(signed_in, family):
    response = signed_in.get(reverse("needs:gap"), FILTERS | {"sort": "gap", "order": "desc"})
    gaps = [row.gap for row in response.context["rows"]]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[0] == 11  # blankets: nothing held


def test_htmx_gets_the_results_partial_only(signed_in, family):
    page = signed_in.get(reverse("needs:gap"), FILTERS).content.decode()
    partial = signed_in.get(reverse("needs:gap"), FILTERS, headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert body.strip().startswith('<section id="results"')
    assert "<html" not in body
    assert body.strip() in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("period_days", "0", "greater than or equal to 1"),
        ("period_days", "1000", "less than or equal to 366"),
        ("period_days", "2.5", "whole number"),
        ("night_temperature", "-120", "greater than or equal to -90"),
        ("mean_temperature", "warm", "number"),
        ("sites", "NOPE", "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_422_naming_the_field(signed_in, family, field, value, message):
    response = signed_in.get(reverse("needs:gap"), FILTERS | {field: value})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "rows" not in response.context


def test_the_csv_has_one_line_per_item_and_size(signed_in, family, camp_store, logistician):
    pledged(logistician, camp_store, expected_on=date(2025, 1, 18))
    response = signed_in.get(reverse("needs:gap_csv"), FILTERS)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    blankets = next(row for row in rows if row["item_code"] == "blanket-high-thermal")
    assert blankets == {
        "item_code": "blanket-high-thermal",
        "item": "Blanket high thermal (Rct 0.4)",
        "size": "",
        "unit": "piece",
        "need": "11",
        "in_stock": "0",
        "short_now": "11",
        "in_pipeline": "100",
        "gap": "-89",
        "closes_on": "2025-01-18",
        "pipeline_by_date": "2025-01-18:100",
    }
    boots = {row["size"] for row in rows if row["item_code"] == "children-boots"}
    assert boots == {"EU 28", "EU 32"}


def test_the_csv_refuses_bad_input(signed_in):
    response = signed_in.get(reverse("needs:gap_csv"), FILTERS | {"period_days": "-1"})
    assert response.status_code == 422
    assert "period_days" in response.content.decode()


def test_explaining_one_figure_shows_rules_sources_groups_and_arithmetic(
    client, family, protection_logistician
):
    # Exact counts of pregnancy need registry.view_protection (see test_disclosure.py).
    client.force_login(protection_logistician)
    query = FILTERS | {"item": "food-parcel-rations", "size": ""}
    response = client.get(reverse("needs:explain"), query, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "food_rations" in body
    assert "Sphere 2011 Food transfers standard 1" in body
    assert "pregnant women: 1" in body
    assert "89,495 kcal" in body
    assert "Blanket" not in body


def test_the_full_explanation_page_covers_every_item(signed_in, family):
    response = signed_in.get(reverse("needs:explain"), FILTERS)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" in body
    for code in ("soap_bathing", "blankets", "children_boots", "winter_jackets"):
        assert f"<strong>{code}</strong>" in body


def test_the_page_is_mirrored_right_to_left(signed_in, family):
    signed_in.cookies["django_language"] = "ar"
    response = signed_in.get(reverse("needs:gap"), FILTERS, headers={"Accept-Language": "ar"})
    assert 'dir="rtl"' in response.content.decode()
    chart = response.context["chart"]
    assert chart.direction == "rtl"
    # bars grow from the inline start, the right: every bar ends at width - label width
    assert {round(bar.x + bar.width, 1) for bar in chart.bars} == {720 - 220}
