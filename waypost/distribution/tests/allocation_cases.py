"""Small hand-made populations and rules for the allocation tests (no database needed)."""

from itertools import count

from waypost.distribution.allocation.compute import Line, compute
from waypost.distribution.allocation.rules import Member
from waypost.distribution.models import EntitlementRule
from waypost.safety.ranking import Person, rank_of
from waypost.stock.models import Item

BOOT_SIZES = {"children-boots": ["EU24", "EU26", "EU28", "EU30", "EU32", "EU34"]}
_numbers = count(1)


def rule(key="blankets", item="blanket", *, per="person", quantity=1, priority=True, **more):
    return EntitlementRule(
        key=key,
        item=Item(code=item, name=item),
        per=per,
        quantity=quantity,
        is_priority=priority,
        size_system=more.pop("size_system", ""),
        need_codes=more.pop("need_codes", []),
        **more,
    )


def person(household, *, months=400, pregnant=False, codes=(), shoe="", sex="F"):
    """A person whose rank comes from the real ranking."""
    rank = rank_of(Person(months, pregnant, False, frozenset(codes)))
    number = next(_numbers)
    return Member(
        id=f"p{number}",
        number=f"{number:06d}",
        household_id=household,
        household_number=household,
        age_months=months,
        sex=sex,
        is_pregnant=pregnant,
        codes=frozenset(codes),
        shoe_size=shoe,
        score=rank.score,
        tier=rank.tier,
    )


def run(rules, members, stock, sizes=None, log=None):
    """stock: {(item, size): available}."""
    lines = {key: Line(available=quantity) for key, quantity in stock.items()}
    members = sorted(members, key=lambda m: (m.household_number, m.number))  # as members_at
    return compute(rules=rules, members=members, sizes=sizes or {}, lines=lines, shares_log=log)


def given(result, member, item, size=""):
    individual = member.id if size else None
    row = result.rows.get((member.household_id, individual, item, size))
    return row.allocated if row else None
