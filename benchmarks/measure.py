"""Load a registry of generated people, then time registration, name search and supply in it.

Registries up to SERVICES_UP_TO people are loaded through the registry services (the time that
takes is itself a figure), larger ones with the bulk loader, which writes the same rows.
"""

from typing import Any

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from benchmarks import kept
from benchmarks.machine import describe_database, describe_machine
from benchmarks.registration import benchmark_registration
from benchmarks.search import benchmark_search
from benchmarks.stats import timed
from benchmarks.supply import benchmark_supply, spread_over_sites
from benchmarks.supply_load import load_for_supply
from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.generator import DemoHousehold, generate_camp
from waypost.demo.loaders import load_in_bulk, load_with_services
from waypost.demo.organisation import (
    demo_username,
    registration_clerks,
    set_up_operation,
    sites_by_code,
)
from waypost.registry.models import Household

SERVICES_UP_TO = 10_000
# Registration and search are done as this agency's registration clerk.
AGENCY = "unhcr"


def measure(people: int, parts: list[str], *, posts: int, queries: int) -> dict[str, Any]:
    if kept.restored():
        call_command("migrate", verbosity=0)  # migrations added since the registry was kept
        analyze()
    if kept.restored() and "search" not in parts:
        camp: list[DemoHousehold] = []  # the registry is loaded; only search needs the camp
        load = {"how": "kept", "seconds": 0.0}
    else:
        camp, load = generate_and_load(people, parts)
    results: dict[str, Any] = {
        "machine": describe_machine(),
        "database": describe_database(),
        "people": people,
        "households": len(camp) or Household.objects.count(),
        "load": load,
    }
    clerk = User.objects.get(username=demo_username(AGENCY, Role.REGISTRATION_CLERK))
    if "registration" in parts:
        site = sites_by_code()["BRZ"]
        results["registration"] = benchmark_registration(clerk=clerk, site=site, posts=posts)
    if "search" in parts:
        results["search"] = benchmark_search(
            user=clerk, camp=camp, queries=queries, agency_code=AGENCY
        )
    if "supply" in parts:
        results["supply"] = benchmark_supply(people=people)
    return results


def generate_and_load(people: int, parts: list[str]) -> tuple[list[DemoHousehold], dict[str, Any]]:
    """Generate the camp and load it, unless a kept copy of it was restored (then only generate)."""
    if not kept.restored():
        call_command("migrate", verbosity=0)
        set_up_operation()
    camp = generate_camp(seed=1, people=people, today=timezone.localdate())
    if "supply" in parts and people > SERVICES_UP_TO:
        spread_over_sites(camp, create=not kept.restored())  # many sites, not one camp
    if kept.restored():
        return camp, {"how": "kept", "seconds": 0.0}
    by_services = people <= SERVICES_UP_TO
    how = "services" if by_services else "supply_rows" if parts == ["supply"] else "bulk"
    load = {"services": load_with_services, "bulk": load_in_bulk, "supply_rows": load_for_supply}
    loader = load[how]
    seconds, _ = timed(lambda: loader(camp, clerks=registration_clerks(), sites=sites_by_code()))
    analyze()
    kept.save()  # before anything is measured: later runs start from the loaded registry
    return camp, {"how": how, "seconds": round(seconds, 1)}


def analyze() -> None:
    """Fresh planner statistics and visibility map, as autovacuum leaves them soon after a big
    load (PostgreSQL 13 and later vacuum after inserts too): index-only scans need the map."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM (ANALYZE)")
        else:
            # SQLite keeps no statistics until asked: without them it takes "merged_into IS
            # NULL" for a selective filter and walks that index instead of the counting one.
            cursor.execute("ANALYZE")
