"""Random populations and stocks: the allocation's promises hold whatever the input."""

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from waypost.distribution.tests.allocation_cases import BOOT_SIZES, person, rule, run

BOOTS = "children-boots"
SIZES = BOOT_SIZES[BOOTS]
RULES = [
    rule(),
    rule("blankets_pregnancy", pregnant_only=True, sex="F"),
    rule("hats", "hat", priority=False, quantity=2),
    rule("children_boots", BOOTS, size_system="eu_shoe", min_age_months=24, max_age_months=216),
    rule("sheets", "sheet", per="household", quantity=2, priority=False),
]

people = st.builds(
    lambda household, months, pregnant, codes, shoe: person(
        f"H{household}", months=months, pregnant=pregnant, codes=codes, shoe=shoe
    ),
    household=st.integers(1, 8),
    months=st.sampled_from([3, 18, 40, 100, 130, 300, 500, 800, 950]),
    pregnant=st.booleans(),
    codes=st.lists(st.sampled_from(["SM-CC", "SM-CI", "DS-PS", "SC-UC", "WR"]), max_size=2),
    shoe=st.sampled_from(["", "EU26", "EU30", "EU32", "EU34"]),
)
stocks = st.fixed_dictionaries(
    {
        ("blanket", ""): st.integers(0, 25),
        ("hat", ""): st.integers(0, 40),
        ("sheet", ""): st.integers(0, 12),
        **{(BOOTS, size): st.integers(0, 4) for size in SIZES},
    }
)


@settings(max_examples=60, deadline=None)
@given(members=st.lists(people, min_size=1, max_size=25), stock=stocks)
def test_never_above_stock_nor_entitlement_and_most_at_risk_first(members, stock):
    log: list = []  # type: ignore[type-arg]
    result = run(RULES, members, stock, BOOT_SIZES, log)
    used: defaultdict = defaultdict(int)  # type: ignore[type-arg]
    for lines in result.solution.given.values():
        for line, units in lines.items():
            used[line] += units
    assert all(used[line] <= stock.get(line, 0) for line in used)
    assert all(0 <= row.allocated <= row.entitled for row in result.rows.values())
    assert all(0 <= share <= entitlement.quantity for entitlement, _, _, share in log)
    for (_household, _individual, _item, size), row in result.rows.items():
        if row.given_size:
            assert SIZES.index(row.given_size) >= SIZES.index(size)  # never a smaller size
    check_priority_and_fairness(log, result)


def check_priority_and_fairness(log, result):
    alike = defaultdict(list)
    for entitlement, size, claimant, share in log:
        alike[entitlement.key, size].append((claimant.tier, share))
    for (key, size), shares in alike.items():
        item = next(r.item.code for r in RULES if r.key == key)
        short = result.lines[item, size].entitled > result.lines[item, size].available
        by_tier = defaultdict(list)
        for tier, share in shares:
            by_tier[tier].append(share)
        for tier_shares in by_tier.values():
            assert max(tier_shares) - min(tier_shares) <= 1  # alike people, alike shares
        if short and next(r for r in RULES if r.key == key).is_priority:
            for high in by_tier:
                for low in by_tier:
                    if high > low:
                        assert min(by_tier[high]) >= max(by_tier[low])
