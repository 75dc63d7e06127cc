"""What the plan benchmark does once Django is set up: load, stock, plan, compare."""

import os
import time
from collections import Counter
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from benchmarks import kept
from benchmarks.distribution.baseline import first_come_first_served, share_fully_served
from benchmarks.measure import analyze
from benchmarks.stats import timed
from benchmarks.supply_load import load_for_supply
from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.generator import generate_camp
from waypost.demo.organisation import (
    demo_username,
    registration_clerks,
    set_up_operation,
    sites_by_code,
)
from waypost.distribution.allocation import compute as allocation
from waypost.distribution.allocation.population import members_at
from waypost.distribution.allocation.rules import size_of
from waypost.distribution.models import DistributionPlan, Entitlement
from waypost.distribution.services.allocations import (
    allocate_plan,
    item_sizes,
    plan_lines,
    sizes_by_code,
)
from waypost.distribution.services.plans import LineRequest, create_plan
from waypost.registry.models import Household
from waypost.stock.models import Warehouse
from waypost.stock.services import create_warehouse, receive_stock

CAMP = "BRZ"
ITEMS = ("blanket-high-thermal", "winter-hat", "gloves", "children-boots")


def load_camp(people: int) -> dict[str, Any]:
    call_command("migrate", verbosity=0)  # on a kept registry: the migrations added since
    if kept.restored():
        analyze()
        return {"how": "kept", "seconds": 0.0, "households": Household.objects.count()}
    set_up_operation()
    camp = generate_camp(seed=1, people=people, today=timezone.localdate())
    for household in camp:
        household.site_code = CAMP  # one plan for everyone: the hardest case
    seconds, _ = timed(
        lambda: load_for_supply(camp, clerks=registration_clerks(), sites=sites_by_code())
    )
    analyze()
    kept.save()  # before anything is measured: later runs start from the loaded registry
    return {"how": "bulk rows", "seconds": round(seconds, 1), "households": len(camp)}


def stock_warehouse(by: User, people: int) -> Warehouse:
    """Short of everything: shares of what the people are entitled to (worker.STOCK_SHARES)."""
    from benchmarks.distribution.worker import (
        BOOT_SHARE,
        SHORTEST_BOOT,
        SHORTEST_SHARE,
        STOCK_SHARES,
    )

    site = sites_by_code()[CAMP]
    warehouse = create_warehouse(by=by, code="BENCH-W", name="Bench store", site=site)
    for item, share in STOCK_SHARES.items():
        receive(by, warehouse, item, int(people * share), "pair" if item == "gloves" else "piece")
    for size, children in boot_sizes(site).items():
        share = SHORTEST_SHARE if size == SHORTEST_BOOT else BOOT_SHARE
        receive(by, warehouse, "children-boots", int(children * share), "pair", size)
    return warehouse


def receive(
    by: User, warehouse: Warehouse, item: str, quantity: int, unit: str, size: str = ""
) -> None:
    if quantity > 0:
        receive_stock(
            by=by,
            warehouse=warehouse,
            item=item,
            quantity=quantity,
            unit=unit,
            size=size,
            reference="BENCH",
        )


def boot_sizes(site: Any) -> Counter[str]:
    sizes = frozenset(sizes_by_code(item_sizes_of("children-boots"))["children-boots"])
    children = Counter()
    for member in members_at(site, timezone.localdate()):
        if 24 <= member.age_months < 216 and (size := size_of("eu_shoe", member, sizes)):
            children[size] += 1
    return children


def item_sizes_of(code: str) -> dict[str, Any]:
    from waypost.stock.models import Item

    return item_sizes({Item.objects.get(code=code).pk})


def plan_and_compare() -> dict[str, Any]:
    planner = User.objects.get(username=demo_username("brc", Role.LOGISTICIAN))
    site = sites_by_code()[CAMP]
    people = site.residents.count()
    warehouse = stock_warehouse(planner, people)
    create_s, plan = timed(
        lambda: create_plan(
            by=planner,
            site=site,
            distribution_date=timezone.localdate(),
            name="Bench",
            warehouse=warehouse,
            items=[LineRequest(code) for code in ITEMS],
        )
    )
    # This process's processor time: the plan's own work, not the database's.
    cpu = time.process_time()
    allocate_s, plan = timed(lambda: allocate_plan(by=planner, plan=plan))
    cpu = time.process_time() - cpu
    return {
        "plan": {
            "create_seconds": round(create_s, 2),
            "allocate_seconds": round(allocate_s, 2),
            "allocate_cpu_seconds": round(cpu, 2),
            "total_seconds": round(create_s + allocate_s, 2),
            "solver_seconds": round(plan.solver_seconds, 3),
            "entitlement_rows": Entitlement.objects.filter(plan=plan).count(),
            "load_average": [round(load, 1) for load in os.getloadavg()],
        },
        "fairness": compare(plan),
    }


def compare(plan: DistributionPlan) -> dict[str, Any]:
    """Share of the highest-tier people who get all their priority items: plan against FCFS."""
    members = members_at(plan.site, plan.distribution_date)
    rules = list(plan.rules.select_related("item"))
    sizes = sizes_by_code(item_sizes({rule.item_id for rule in rules}))
    top = max(member.tier for member in members)
    high = {member.id for member in members if member.tier == top}
    log: list[Any] = []
    allocation.compute(
        rules=rules, members=members, sizes=sizes, lines=plan_lines(plan), shares_log=log
    )
    planned = [
        (rule, size, c.individual_id or c.household_id, units) for rule, size, c, units in log
    ]
    fcfs = first_come_first_served(rules, members, sizes, plan_lines(plan))
    plan_share, fcfs_share = share_fully_served(planned, high), share_fully_served(fcfs, high)
    return {
        "high_risk_people": len(high),
        "plan_share": round(plan_share, 4),
        "fcfs_share": round(fcfs_share, 4),
        "difference": round(plan_share - fcfs_share, 4),
        "units_plan": sum(units for *_, units in planned),
        "units_fcfs": sum(units for *_, units in fcfs),
    }
