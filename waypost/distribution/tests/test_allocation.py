"""Hand-checked allocations: scarcity, sizes and substitution, fairness, the reasons given."""

from waypost.distribution.allocation.compute import reason_of
from waypost.distribution.models import Reason
from waypost.distribution.tests.allocation_cases import BOOT_SIZES, given, person, rule, run

BOOTS = "children-boots"


def boots_rule():
    return rule("children_boots", BOOTS, size_system="eu_shoe", min_age_months=24)


def test_three_blankets_for_five_people_go_to_the_three_most_at_risk():
    # given: an infant, a difficult pregnancy, a child under five and two adults, apart
    infant = person("H1", months=5)
    pregnant = person("H2", pregnant=True, codes=("SM-DP",))
    toddler = person("H3", months=30)
    adults = [person("H4"), person("H5")]
    # when
    result = run([rule()], [*adults, toddler, pregnant, infant], {("blanket", ""): 3})
    # then
    assert [given(result, m, "blanket") for m in (infant, pregnant, toddler)] == [1, 1, 1]
    assert [given(result, m, "blanket") for m in adults] == [0, 0]
    assert result.lines["blanket", ""].allocated == 3


def test_a_lower_tier_gets_none_of_a_priority_item_until_every_higher_one_has_it():
    older = [person(f"H{n}", months=12 * 70) for n in range(3)]  # raised tier
    adults = [person(f"A{n}") for n in range(3)]
    result = run([rule()], [*adults, *older], {("blanket", ""): 4})
    assert [given(result, m, "blanket") for m in older] == [1, 1, 1]
    assert sorted(given(result, m, "blanket") for m in adults) == [0, 0, 1]


def test_a_missing_size_is_given_one_size_up_and_said_so():
    # given: three children need EU30, two EU32; one EU30 in stock, four EU32, EU28 plenty
    small = [person(f"S{n}", months=100, shoe="EU30") for n in range(3)]
    large = [person(f"L{n}", months=100, shoe="EU32") for n in range(2)]
    stock = {(BOOTS, "EU28"): 5, (BOOTS, "EU30"): 1, (BOOTS, "EU32"): 4}
    # when
    result = run([boots_rule()], [*small, *large], stock, BOOT_SIZES)
    # then: every child has boots, two of the EU30 children in EU32, no one in EU28
    assert all(given(result, m, BOOTS, m.shoe_size) == 1 for m in [*small, *large])
    given_sizes = sorted(result.rows[m.household_id, m.id, BOOTS, "EU30"].given_size for m in small)
    assert given_sizes == ["EU30", "EU32", "EU32"]
    assert result.lines[BOOTS, "EU28"].allocated == 0
    row_key = next(
        (m.household_id, m.id, BOOTS, "EU30")
        for m in small
        if result.rows[m.household_id, m.id, BOOTS, "EU30"].given_size == "EU32"
    )
    assert reason_of(row_key, result.rows[row_key], result.lines) == (
        Reason.SUBSTITUTED_SIZE,
        {"size": "EU30", "given": "EU32"},
    )


def test_the_exact_size_goes_first_and_a_smaller_size_never():
    # given: EU30 missing altogether; two EU32 pairs; children of EU30 and EU32, same tier
    small = [person(f"S{n}", months=100, shoe="EU30") for n in range(2)]
    large = [person(f"L{n}", months=100, shoe="EU32") for n in range(2)]
    stock = {(BOOTS, "EU28"): 9, (BOOTS, "EU32"): 2}
    result = run([boots_rule()], [*small, *large], stock, BOOT_SIZES)
    assert [given(result, m, BOOTS, "EU32") for m in large] == [1, 1]
    assert [given(result, m, BOOTS, "EU30") for m in small] == [0, 0]
    key = (small[0].household_id, small[0].id, BOOTS, "EU30")
    reason, params = reason_of(key, result.rows[key], result.lines)
    assert reason == Reason.SIZE_UNAVAILABLE
    assert params["size"] == "EU30" and params["available"] == 0


def test_no_household_gets_two_while_another_gets_none_when_the_rule_is_one_each():
    # given: a household of three and two single people, all alike; three hats
    family = [person("F1") for _ in range(3)]
    singles = [person("S1"), person("S2")]
    result = run([rule("hats", "hat", priority=False)], [*family, *singles], {("hat", ""): 3})
    per_household = {h: result.rows[h, None, "hat", ""].allocated for h in ("F1", "S1", "S2")}
    assert per_household == {"F1": 1, "S1": 1, "S2": 1}


def test_the_rest_is_spread_across_tiers_for_an_item_without_priority():
    older = [person(f"O{n}", months=12 * 70) for n in range(4)]
    adults = [person(f"A{n}") for n in range(4)]
    result = run([rule("hats", "hat", priority=False)], [*older, *adults], {("hat", ""): 4})
    assert sum(given(result, m, "hat") for m in older) == 2
    assert sum(given(result, m, "hat") for m in adults) == 2


def test_a_household_rule_gives_per_household_and_short_stock_says_by_how_much():
    members = [person("H1"), person("H1"), person("H2", months=5), person("H3")]
    rules = [rule("sheets", "sheet", per="household", quantity=2)]
    result = run(rules, members, {("sheet", ""): 4})
    assert result.rows["H2", None, "sheet", ""].allocated == 2  # the infant's household first
    assert result.rows["H1", None, "sheet", ""].entitled == 2
    # the two households left share the last two sheets: one each, not two for one
    assert [result.rows[h, None, "sheet", ""].allocated for h in ("H1", "H3")] == [1, 1]
    short = ("H3", None, "sheet", "")
    reason, params = reason_of(short, result.rows[short], result.lines)
    assert reason == Reason.SHORT_STOCK
    assert params == {"missing": 1, "available": 4, "entitled": 6, "short_by": 2}


def test_a_persons_blankets_from_two_rules_add_up_in_the_household_row():
    pregnant = person("H1", pregnant=True)
    rules = [rule(), rule("blankets_pregnancy", pregnant_only=True, sex="F")]
    result = run(rules, [pregnant, person("H1", sex="M")], {("blanket", ""): 9})
    row = result.rows["H1", None, "blanket", ""]
    assert (row.entitled, row.allocated) == (3, 3)
    assert reason_of(("H1", None, "blanket", ""), row, result.lines) == (Reason.FULL, {})


def test_households_are_ordered_most_at_risk_first():
    result = run(
        [rule()], [person("H9"), person("H2", months=5), person("H1")], {("blanket", ""): 3}
    )
    assert result.household_order == {"H2": 1, "H1": 2, "H9": 3}
