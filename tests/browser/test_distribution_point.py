"""A distribution at a point, from the keyboard alone: scan, hand over all, next card.

A handheld scanner types the card's token and Enter into the focused input; the household
appears with "Hand over all" focused; Enter records it and the input is focused again, empty,
for the next card. A second scan of the same card shows where and when it was handed. The
next household, without a scanner, is typed by its short code and collected by a neighbour.
The same page in Arabic lays out right to left.
"""

import pytest

from waypost.core.roles import Role
from waypost.distribution import tokens
from waypost.distribution.models import Redemption
from waypost.distribution.services.cards import issue_card
from waypost.distribution.services.points import open_point
from waypost.distribution.tests.handover.conftest import entitle, make_plan
from waypost.registry.tests.factories import member, registered_household
from waypost.stock.services import create_warehouse, receive_stock
from waypost.testing.layout import horizontal_centre, layout_of

pytestmark = pytest.mark.browser


def stocked_store(keeper, camp):
    store = create_warehouse(by=keeper, code="BRZ-1", name="Camp store", site=camp)
    for item, size, quantity, unit in [
        ("blanket-high-thermal", "", 20, "piece"),
        ("children-boots", "EU26", 5, "pair"),
    ]:
        receive_stock(
            by=keeper,
            warehouse=store,
            item=item,
            size=size,
            quantity=quantity,
            unit=unit,
            reference="WB-1",
        )
    return store


def two_households(clerk, camp):
    shared = ("assistance", "data_sharing")
    five = registered_household(by=clerk, site=camp, consents=shared)
    omar = member(
        given_name="Omar", family_name="Saleh", given_name_native="عمر", family_name_native="صالح"
    )
    huda = member(relationship="spouse", given_name="Huda", sex="F")
    two = registered_household(by=clerk, site=camp, consents=shared, members=[omar, huda])
    return five, two


@pytest.fixture
def distribution(make_persona, redcross, unhcr_registrar, camp, redcross_distributor):
    keeper = make_persona(redcross, Role.LOGISTICIAN)
    plan = make_plan(site=camp, warehouse=stocked_store(keeper, camp), by=keeper)
    five, two = two_households(unhcr_registrar, camp)
    sara = five.members.get(given_name="Sara")
    entitle(plan, five, "blanket-high-thermal", 5)
    entitle(plan, five, "children-boots", 1, size="EU26", individual=sara)
    entitle(plan, two, "blanket-high-thermal", 2)
    return {
        "plan": plan,
        "point": open_point(by=redcross_distributor, site=camp, name="Table 1"),
        "cards": [issue_card(by=redcross_distributor, household=h) for h in (five, two)],
    }


def open_point_page(page, address, distribution):
    page.goto(
        address("distribution:point", distribution["plan"].pk)
        + f"?point={distribution['point'].pk}"
    )


def hand_over_to_a_neighbour(page, keys, typed_code):
    keys.type(typed_code)
    keys.enter()
    page.get_by_text("Omar Ali Saleh").wait_for()
    keys.wait_for_focus("all")
    keys.tab_to("proxy_name")
    keys.type("Karim Aziz")
    keys.tab()
    keys.type("neighbour")
    keys.tab_to("all")
    keys.enter()
    page.get_by_text("Handed over and recorded").wait_for()
    keys.wait_for_focus("code")


def test_a_full_distribution_at_a_point_by_keyboard(
    page, sign_in, keys, address, redcross_distributor, distribution, results_dir, measured
):
    five, two = distribution["cards"]
    sign_in(redcross_distributor)
    open_point_page(page, address, distribution)
    keys.wait_for_focus("code")
    keys.reset()

    # the scanner types the first card's token and Enter
    keys.type(tokens.sign(five.key))
    keys.enter()
    page.get_by_text("Mohammed Ali Hassan").wait_for()
    keys.wait_for_focus("all")
    page.screenshot(path=results_dir / "distribution-point-household.png", full_page=True)
    keys.enter()
    page.get_by_text("Handed over and recorded").wait_for()
    keys.wait_for_focus("code")
    assert page.input_value("#id_code") == ""
    assert sorted(Redemption.objects.values_list("quantity", flat=True)) == [1, 5]

    # the same card again: shown as handed, where and by whom, nothing to hand over
    keys.type(tokens.sign(five.key))
    keys.enter()
    page.get_by_text("Everything for this household has been handed over.").wait_for()
    assert page.get_by_text("5 handed at Table 1").count() == 1
    keys.wait_for_focus("code")

    # the next household has no scanner-readable card: its short code, typed, and a neighbour
    hand_over_to_a_neighbour(page, keys, tokens.short_code(two.key).lower())
    measured("distribution-point-keys", f"three cards at a distribution point: {keys.summary()}")
    proxy = Redemption.objects.get(household=two.household)
    assert (proxy.quantity, proxy.proxy_name, proxy.proxy_relation) == (
        2,
        "Karim Aziz",
        "neighbour",
    )
    assert Redemption.objects.count() == 3


def test_the_point_page_lays_out_right_to_left_in_arabic(
    page, sign_in, keys, address, redcross_distributor, distribution, results_dir
):
    sign_in(redcross_distributor)
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": address("home")}])
    open_point_page(page, address, distribution)
    keys.wait_for_focus("code")
    keys.type(tokens.sign(distribution["cards"][0].key))
    keys.enter()
    keys.wait_for_focus("all")
    page.screenshot(path=results_dir / "distribution-point-rtl.png", full_page=True)
    layout = layout_of(page)
    assert (layout.language, layout.direction) == ("ar", "rtl")
    assert not layout.overflows, layout
    assert horizontal_centre(page, "#hand-all") > 0.5, "the actions should start on the right"
