"""The demo's winter distribution: one approved plan at the main camp (BRZ) for today.

A Red Cross winter delivery to a store of its own at the camp: blankets for about two in three
people, hats and gloves for more than half, children's boots for most children by size but
few in EU 30 (the size most children of 6 and 7 wear), so the plan shows scarcity, the most at
risk served first and one size up given. The quantities are ours, demo data.
"""

from collections import Counter
from datetime import date

from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.organisation import demo_username, sites_by_code
from waypost.distribution.allocation.population import members_at
from waypost.distribution.allocation.rules import Member, size_of
from waypost.distribution.models import DistributionPlan
from waypost.distribution.services.allocations import allocate_plan, approve_plan
from waypost.distribution.services.plans import LineRequest, create_plan
from waypost.stock.models import Item, Warehouse
from waypost.stock.services import create_warehouse, receive_stock

PLAN_NAME = "Winter round 1"
STORE = ("BRC-WIN", "Red Cross winter store, camp")
SHARES = {
    "blanket-high-thermal": (0.65, "piece"),
    "winter-hat": (0.55, "piece"),
    "gloves": (0.6, "pair"),
}
BOOT_SHARE, SHORT_SIZE, SHORT_SHARE = 0.75, "EU30", 0.25
ITEMS = ("blanket-high-thermal", "winter-hat", "gloves", "children-boots")


def load_demo_distribution(*, today: date) -> bool:
    """Create, allocate and approve the plan; False when it exists or nobody lives at BRZ."""
    if DistributionPlan.objects.filter(name=PLAN_NAME).exists():
        return False
    camp = sites_by_code()["BRZ"]
    members = members_at(camp, today)
    if not members:
        return False
    planner = User.objects.get(username=demo_username("brc", Role.LOGISTICIAN))
    store = Warehouse.objects.filter(code=STORE[0]).first() or create_warehouse(
        by=planner, code=STORE[0], name=STORE[1], site=camp
    )
    deliver(planner, store, len(members), boot_sizes(members))
    plan = create_plan(
        by=planner,
        site=camp,
        distribution_date=today,
        name=PLAN_NAME,
        warehouse=store,
        items=[LineRequest(code) for code in ITEMS],
    )
    approve_plan(by=planner, plan=allocate_plan(by=planner, plan=plan))
    return True


def boot_sizes(members: list[Member]) -> Counter[str]:
    codes = frozenset(Item.objects.get(code="children-boots").sizes.values_list("code", flat=True))
    children = (m for m in members if 24 <= m.age_months < 216)
    return Counter(size for m in children if (size := size_of("eu_shoe", m, codes)))


def deliver(by: User, store: Warehouse, people: int, boots: Counter[str]) -> None:
    lines = [(item, round(people * share), unit, "") for item, (share, unit) in SHARES.items()]
    for size, children in boots.items():
        share = SHORT_SHARE if size == SHORT_SIZE else BOOT_SHARE
        lines.append(("children-boots", round(children * share), "pair", size))
    for item, quantity, unit, size in lines:
        if quantity:
            receive_stock(
                by=by,
                warehouse=store,
                item=item,
                quantity=quantity,
                unit=unit,
                size=size,
                reference="DEMO-WINTER-1",
            )
