"""compute_needs on a family whose needs are worked out by hand from the cited standards.

The family (conftest.py) lives in the open-air camp: father 39, mother 35 and pregnant, Ahmed 9,
Sara 5, Yusuf 8 months; one household. Seven days, night −5 °C, daily mean 0 °C.
"""

from datetime import date

import pytest

from waypost.needs.selectors import compute_needs
from waypost.needs.services import record_size
from waypost.needs.tests.conftest import COLD, MILD, ON
from waypost.registry.tests.factories import member, registered_household


def quantities(needs):
    return {(figure.item.code, figure.size_code): figure.quantity for figure in needs.figures}


def figure_of(needs, item, size=""):
    [found] = [f for f in needs.figures if (f.item.code, f.size_code) == (item, size)]
    return found


@pytest.fixture
def cold_week(family, camp):
    return compute_needs(sites=[camp], period_days=7, conditions=COLD)


def test_a_cold_week_for_the_family_in_the_open(cold_week):
    assert quantities(cold_week) == {
        # Sphere 2011 HP 2: a 250 g bar per person per month: 5 × 7/30 = 1.17 -> 2
        ("soap-bathing-250g", ""): 2,
        ("soap-laundry-200g", ""): 2,
        # one container to carry and one to store per household: 1 × 2
        ("jerrycan-20l", ""): 2,
        # menstrual materials: the mother only (Sara is 5): 1 × 7/30 -> 1
        ("menstrual-pads", ""): 1,
        # Yusuf, 8 months: nappies 4 packs a month × 7/30 -> 1; infant food the same
        ("nappies", ""): 1,
        ("infant-food", ""): 1,
        # (5 × (2,100 + 400) + 1 × 285) × 7 = 89,495 kcal / 73,500 = 1.22 -> 2 cartons
        ("food-parcel-rations", ""): 2,
        # -5 °C in the open: Rct 0.7, ceil((0.7 - 0.15) / 0.4) = 2 each = 10, +1 pregnancy = 11
        ("blanket-high-thermal", ""): 11,
        # cold and unheated: a mat each; in the open: a plastic sheet for the household
        ("sleeping-mat", ""): 5,
        ("plastic-sheet", ""): 1,
        ("winter-hat", ""): 5,
        ("gloves", ""): 5,
        # jackets by age band: two adults, Ahmed 9-14, Sara 5-9, Yusuf 0-2
        ("winter-jacket", "adult"): 2,
        ("winter-jacket", "9-14"): 1,
        ("winter-jacket", "5-9"): 1,
        ("winter-jacket", "0-2"): 1,
        # boots estimated from age: Ahmed 9 -> EU 32, Sara 5 -> EU 28; Yusuf is under 2
        ("children-boots", "EU32"): 1,
        ("children-boots", "EU28"): 1,
    }
    assert cold_week.notes == []


def test_a_mild_week_needs_no_winter_items(family, camp):
    needs = compute_needs(sites=[camp], period_days=7, conditions=MILD)
    found = quantities(needs)
    assert not {"winter-hat", "gloves", "winter-jacket", "children-boots", "sleeping-mat"} & {
        item for item, _size in found
    }
    # 15 °C in the open: Rct 0.275, ceil(0.125 / 0.4) = 1 each, +1 pregnancy = 6
    assert found[("blanket-high-thermal", "")] == 6
    # (5 × 2,100 + 285) × 7 = 75,495 kcal / 73,500 -> 2 cartons
    assert found[("food-parcel-rations", "")] == 2


def test_monthly_items_scale_with_the_period_and_durable_ones_do_not(family, camp):
    month = quantities(compute_needs(sites=[camp], period_days=30, conditions=COLD))
    # 5 people × 1 bar × 30/30 = 5; nappies 4 packs × 1 child = 4; still 11 blankets
    assert month[("soap-bathing-250g", "")] == 5
    assert month[("nappies", "")] == 4
    assert month[("blanket-high-thermal", "")] == 11
    # (5 × 2,500 + 285) × 30 = 383,550 kcal / 73,500 = 5.22 -> 6 cartons
    assert month[("food-parcel-rations", "")] == 6


def test_each_figure_explains_its_rule_source_people_and_arithmetic(cold_week):
    blankets = figure_of(cold_week, "blanket-high-thermal")
    [insulation, extra] = blankets.terms
    assert insulation.rule.key == "blankets"
    assert "IFRC/ICRC" in insulation.rule.source
    assert insulation.rule.verification == "✗"
    assert insulation.counts == (("everyone", 5),)
    assert "ceil((0.70 − 0.15) / 0.4)" in insulation.arithmetic
    assert "5 people × 2 = 10" in insulation.arithmetic
    assert extra.rule.key == "blankets_extra_bedding"
    assert extra.counts[0][1] == 1
    food = figure_of(cold_week, "food-parcel-rations").terms[0]
    assert dict(food.counts) == {"everyone": 5, "pregnant women": 1, "lactating women": 0}
    assert "89,495 kcal" in food.arithmetic
    soap = figure_of(cold_week, "soap-bathing-250g").terms[0]
    assert soap.arithmetic == "5 everyone × 1 bar × 7/30 of a month = 1.17"


def test_no_explanation_names_a_person(cold_week):
    text = repr([(term.counts, term.arithmetic) for f in cold_week.figures for term in f.terms])
    for name in ("Mohammed", "Layla", "Ahmed", "Sara", "Yusuf", "محمد"):
        assert name not in text


def test_a_recorded_shoe_size_wins_over_the_age_estimate(family, camp, clerk):
    ahmed = family.members.get(given_name="Ahmed")
    record_size(by=clerk, individual=ahmed, size_system="eu_shoe", code="EU30")
    needs = compute_needs(sites=[camp], period_days=7, conditions=COLD)
    boots = {k: v for k, v in quantities(needs).items() if k[0] == "children-boots"}
    assert boots == {("children-boots", "EU30"): 1, ("children-boots", "EU28"): 1}
    assert "(recorded)" in figure_of(needs, "children-boots", "EU30").terms[0].counts[0][0]


def test_children_past_the_largest_boot_are_named_not_counted(clerk, camp):
    # a girl of 13 has no estimated size in the catalogue (largest EU 34, about 11 years)
    registered_household(
        by=clerk,
        site=camp,
        members=[
            member(sex="F", given_name="Amina", date_of_birth=date(1980, 1, 1)),
            member(
                relationship="child", sex="F", given_name="Zain", date_of_birth=date(2011, 5, 1)
            ),
        ],
    )
    needs = compute_needs(sites=[camp], period_days=7, conditions=COLD)
    assert not [f for f in needs.figures if f.item.code == "children-boots"]
    assert needs.notes == [
        "BRZ: 1 of children aged 2-17 have no size of Children's winter boots in the catalogue"
    ]


@pytest.mark.parametrize(
    ("born", "counted"),
    [
        (date(2013, 1, 15), True),  # 12 on the day
        (date(2013, 1, 16), False),  # 11 until tomorrow
        (date(1975, 1, 16), True),  # 49 until tomorrow
        (date(1975, 1, 15), False),  # 50 on the day
    ],
)
def test_menstruating_age_is_12_to_49_on_the_first_day(clerk, camp, born, counted):
    registered_household(
        by=clerk, site=camp, members=[member(sex="F", given_name="Hana", date_of_birth=born)]
    )
    needs = compute_needs(sites=[camp], period_days=30, conditions=COLD)
    assert (("menstrual-pads", "") in quantities(needs)) is counted


def test_people_at_other_sites_are_not_counted(family, camp, warehouse_site):
    needs = compute_needs(sites=[warehouse_site], period_days=7, conditions=COLD)
    assert needs.figures == []


def test_a_heated_building_needs_one_blanket_each_and_no_sheeting(clerk, warehouse_site):
    registered_household(by=clerk, site=warehouse_site)
    found = quantities(compute_needs(sites=[warehouse_site], period_days=7, conditions=COLD))
    # heated: 18 °C, Rct 0.2, ceil(0.05 / 0.4) = 1 each = 5, + 1 for the pregnancy
    assert found[("blanket-high-thermal", "")] == 6
    assert ("plastic-sheet", "") not in found
    assert ("sleeping-mat", "") not in found
    assert found[("winter-hat", "")] == 5  # going outside is still cold


def test_the_needs_take_two_queries_over_the_registry(family, camp, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # people, households, items, sizes
        compute_needs(sites=[camp], period_days=7, conditions=COLD)


def test_the_period_starts_on_the_given_day(cold_week):
    assert cold_week.until == date(2025, 1, 21)
    assert cold_week.conditions.on == ON
