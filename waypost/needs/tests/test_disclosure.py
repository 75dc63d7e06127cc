"""Small counts of pregnancy, lactation and specific needs are withheld from readers who may
not see protection details, on the explanation page and in the API; others see them exactly."""

from fractions import Fraction

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from waypost.needs import disclosure
from waypost.needs.rules import all_rules
from waypost.needs.selectors import compute_needs, shown_to
from waypost.needs.terms import simple_term
from waypost.needs.tests.conftest import COLD
from waypost.stock.models import Item

FILTERS = {
    "sites": "BRZ",
    "start": "2025-01-15",
    "period_days": "7",
    "night_temperature": "-5",
    "mean_temperature": "0",
}


@pytest.fixture(params=["logistician", "redcross_distributor"])
def planner(request):
    """Readers with stock.view who may not see pregnancy or specific needs on records."""
    return request.getfixturevalue(request.param)


def explanation(client, user, item):
    client.force_login(user)
    query = FILTERS | {"item": item, "size": ""}
    response = client.get(reverse("needs:explain"), query, headers={"HX-Request": "true"})
    assert response.status_code == 200
    return response.content.decode()


def test_planners_see_fewer_than_5_pregnant_women_and_no_kcal_total(client, family, planner):
    body = explanation(client, planner, "food-parcel-rations")
    assert "pregnant women: fewer than 5" in body
    assert "lactating women: fewer than 5" in body
    assert "pregnant women: 1" not in body
    assert "89,495" not in body
    assert "fewer than 5 pregnant × 285 kcal" in body
    assert "everyone: 5" in body  # counts by sex and age are not protection details


def test_planners_see_fewer_than_5_needing_extra_bedding(client, family, planner):
    body = explanation(client, planner, "blanket-high-thermal")
    assert "blankets_extra_bedding" in body
    assert "chronic illness, a critical medical condition or impaired mobility" in body
    assert "fewer than 5 pregnant or lactating women" in body
    assert "(withheld: small numbers)" in body


def test_readers_who_may_see_protection_get_the_exact_counts(
    client, family, protection_logistician
):
    body = explanation(client, protection_logistician, "food-parcel-rations")
    assert "pregnant women: 1" in body
    assert "lactating women: 0" in body
    assert "89,495 kcal" in body
    assert "fewer than" not in body


def test_the_api_withholds_the_same_counts(client, family, logistician):
    client.force_login(logistician)
    figures = client.get("/api/needs", FILTERS).json()["figures"]
    food = next(f for f in figures if f["item"] == "food-parcel-rations")
    [term] = food["terms"]
    assert {"group": "pregnant women", "count": None, "fewer_than": 5} in term["counts"]
    assert {"group": "everyone", "count": 5, "fewer_than": None} in term["counts"]
    assert "89,495" not in term["arithmetic"]
    assert food["quantity"] == 2  # the figure itself stays: it is what supply plans with
    blankets = next(f for f in figures if f["item"] == "blanket-high-thermal")
    extra = next(t for t in blankets["terms"] if t["rule"] == "blankets_extra_bedding")
    assert extra["counts"][0]["fewer_than"] == 5
    assert extra["quantity"] is None  # one blanket each: the share would tell the count


def test_the_api_gives_exact_counts_to_readers_who_may_see_protection(
    client, family, protection_logistician
):
    client.force_login(protection_logistician)
    figures = client.get("/api/needs", FILTERS).json()["figures"]
    [term] = next(f for f in figures if f["item"] == "food-parcel-rations")["terms"]
    assert {"group": "pregnant women", "count": 1, "fewer_than": None} in term["counts"]


def test_the_csv_carries_no_group_counts(client, family, redcross_distributor):
    client.force_login(redcross_distributor)
    response = client.get(reverse("needs:gap_csv"), FILTERS)
    text = response.content.decode()
    assert response.status_code == 200
    assert "pregnan" not in text
    assert "lactat" not in text


def test_withholding_changes_no_figure(family, camp, logistician):
    needs = compute_needs(sites=[camp], period_days=7, conditions=COLD)
    shown = shown_to(needs, logistician)
    assert [f.quantity for f in shown.figures] == [f.quantity for f in needs.figures]
    assert [f.exact for f in shown.figures] == [f.exact for f in needs.figures]


@given(count=st.integers(min_value=0, max_value=50))
def test_a_sensitive_count_is_withheld_exactly_when_below_the_threshold(count):
    rule = next(rule for rule in all_rules() if rule.key == "blankets_extra_bedding")
    item = Item(code="blanket-high-thermal", name="Blanket", unit="piece")
    term = simple_term(rule, item, "people needing bedding", count, 7, sensitive=True)
    assert term.quantity == Fraction(count)
    if count < disclosure.SMALL_COUNT:
        assert term.withheld is not None
        assert term.withheld.counts == (("people needing bedding", disclosure.FewerThan(5)),)
        assert f"= {count}" not in term.withheld.arithmetic
    else:
        assert term.withheld is None
