"""Needs and the gap on the loaded registry, the ledger's balances, and a spreadsheet baseline.

Run by `benchmarks.measure` when `--parts supply` is asked for. A large registry is spread over
SITE_COUNT sites (of every shelter type) before loading; each site gets a warehouse, one pledged
shipment, and a share of a generated ledger (LEDGER_LARGE movements for a large registry,
written with bulk inserts and matching balance rows: a benchmark fixture, not the services).
"""

import os
import random
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Sum
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from benchmarks.registration import CLIENT_HOST
from benchmarks.stats import summary, timed
from benchmarks.supply_baseline import baseline_needs, export_registry
from waypost.core.models import Agency, User
from waypost.core.roles import Role
from waypost.demo.generator import DemoHousehold
from waypost.demo.organisation import demo_username
from waypost.needs.figures import Conditions
from waypost.needs.selectors import compute_needs, gap_for
from waypost.sites.models import ShelterType, Site, SiteKind
from waypost.stock.models import Item, Lot, StockBalance, StockMovement, Warehouse
from waypost.stock.services import LineIn, create_warehouse, pledge_shipment

SITE_COUNT = 200
LEDGER_LARGE = 1_000_000
LEDGER_SMALL = 10_000
LARGE_FROM = 100_000
LOGISTICS_AGENCY = "brc"
CONDITIONS_NIGHT, CONDITIONS_MEAN = Decimal(-5), Decimal(0)


def spread_over_sites(
    camp: Sequence[DemoHousehold], *, count: int = SITE_COUNT, create: bool = True
) -> int:
    """Create `count` sites, every shelter type in turn, and move the households onto them.

    `create=False`: the sites exist already (a kept registry), only the households move.
    """
    managed_by = Agency.objects.get(code=LOGISTICS_AGENCY)
    shelters = list(ShelterType)
    Site.objects.bulk_create(
        Site(
            code=f"S{n:03d}",
            name=f"Site {n:03d}",
            kind=SiteKind.SHELTER,
            shelter_type=shelters[n % len(shelters)],
            capacity=10_000,
            managed_by=managed_by,
        )
        for n in range(1, count + 1)
        if create
    )
    for index, household in enumerate(camp):
        household.site_code = f"S{index % count + 1:03d}"
    return count


def housing_sites() -> list[Site]:
    return list(Site.objects.filter(is_active=True).exclude(kind=SiteKind.WAREHOUSE))


def set_up_supply(logistician: User, *, movements: int) -> dict[str, Any]:
    """A warehouse and a pledged shipment per site, and a ledger of `movements` rows."""
    sites = housing_sites()
    warehouses = [
        create_warehouse(
            by=logistician, code=f"W-{site.code}", name=f"Store {site.code}", site=site
        )
        for site in sites
    ]
    expected = timezone.localdate() + timedelta(days=3)
    for warehouse in warehouses:
        pledge_shipment(
            by=logistician,
            warehouse=warehouse,
            reference=f"PL-{warehouse.code}",
            expected_on=expected,
            partner=logistician.agency,
            lines=[
                LineIn("blanket-high-thermal", 200, "piece"),
                LineIn("children-boots", 20, "pair", size="EU28"),
                LineIn("winter-hat", 100, "piece"),
            ],
        )
    seconds, _ = timed(lambda: write_ledger(logistician, warehouses, movements))
    return {"warehouses": len(warehouses), "movements": movements, "ledger_seconds": seconds}


def stock_lines() -> list[tuple[Item, Any, Any]]:
    """Every item (each size, and one lot for items kept in lots) a warehouse can hold."""
    lines = []
    for item in Item.objects.prefetch_related("sizes"):
        lot = None
        if item.tracks_expiry:
            expires = timezone.localdate() + timedelta(days=365)
            lot, _ = Lot.objects.get_or_create(
                item=item, number="BENCH-1", defaults={"expires_on": expires}
            )
        for size in item.sizes.all() or [None]:
            lines.append((item, size, lot))
    return lines


def write_ledger(by: User, warehouses: list[Warehouse], count: int) -> None:
    """Receipts and issues in pairs (an issue never more than the receipt before it), in bulk."""
    rng = random.Random(1)
    lines = stock_lines()
    balances: dict[tuple[int, int], int] = {}
    batch: list[StockMovement] = []
    for n in range(count):
        w, line = rng.randrange(len(warehouses)), rng.randrange(len(lines))
        item, size, lot = lines[line]
        held = balances.get((w, line), 0)
        quantity = rng.randint(1, 100) if n % 2 == 0 or held == 0 else -rng.randint(1, held)
        balances[(w, line)] = held + quantity
        kind = "receipt" if quantity > 0 else "issue"
        batch.append(
            StockMovement(
                warehouse=warehouses[w],
                item=item,
                size=size,
                lot=lot,
                kind=kind,
                quantity=quantity,
                reference=f"BENCH-{n // 1000}",
                by=by,
            )
        )
        if len(batch) == 10_000:
            StockMovement.objects.bulk_create(batch)
            batch = []
    StockMovement.objects.bulk_create(batch)
    StockBalance.objects.bulk_create(
        StockBalance(
            warehouse=warehouses[w],
            item=lines[line][0],
            size=lines[line][1],
            lot=lines[line][2],
            quantity=held,
        )
        for (w, line), held in balances.items()
    )


def ledger_balances() -> int:
    """Balances as the ledger says them: the sum of every movement per stock line."""
    rows = (
        StockMovement.objects.values("warehouse_id", "item_id", "size_id", "lot_id")
        .annotate(total=Sum("quantity"))
        .order_by()
    )
    return len(list(rows))


def kept_balances() -> int:
    """Balances as the services keep them: one row per stock line."""
    return len(list(StockBalance.objects.filter(quantity__gt=0).values_list("quantity", flat=True)))


def repeat(action: Any, times: int) -> tuple[dict[str, float], Any]:
    seconds, result = [], None
    for _ in range(times):
        took, result = timed(action)
        seconds.append(took)
    return summary(seconds), result


def benchmark_supply(*, people: int) -> dict[str, Any]:
    logistician = User.objects.get(username=demo_username(LOGISTICS_AGENCY, Role.LOGISTICIAN))
    large = people >= LARGE_FROM
    results: dict[str, Any] = set_up_supply(
        logistician, movements=LEDGER_LARGE if large else LEDGER_SMALL
    )
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a large insert (PostgreSQL 13 and later vacuum after
        # inserts too): fresh statistics, and the visibility map that lets the ledger's sum
        # read the covering index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) stock_stockmovement")
            cursor.execute("ANALYZE")
    sites = housing_sites()
    conditions = Conditions(timezone.localdate(), CONDITIONS_NIGHT, CONDITIONS_MEAN)
    times = 5 if large else 20

    def needs() -> Any:
        return compute_needs(sites=sites, period_days=7, conditions=conditions)

    results["sites"] = len(sites)
    results["needs"], computed = repeat(needs, times)
    results["gap"], _ = repeat(lambda: gap_for(computed), times)
    results["needs_and_gap"], rows = repeat(lambda: gap_for(needs()), times)
    results["gap_rows"] = len(rows)
    results["ledger_balances"], lines = repeat(ledger_balances, times)
    results["kept_balances"], _ = repeat(kept_balances, times)
    results["stock_lines"] = lines
    if not large:
        results["page"] = page_timing(logistician, times)
    results["baseline"] = baseline(sites, conditions, computed)
    # The machine is shared: the load average (1, 5, 15 minutes) says how busy it was meanwhile.
    results["load_average"] = [round(load, 2) for load in os.getloadavg()]
    return results


def page_timing(logistician: User, times: int) -> dict[str, float]:
    client = Client(SERVER_NAME=CLIENT_HOST)
    client.force_login(logistician)
    url = reverse("needs:gap")
    stats, response = repeat(lambda: client.get(url), times)
    assert response.status_code == 200, response.status_code
    return stats


def baseline(sites: list[Site], conditions: Conditions, ours: Any) -> dict[str, Any]:
    """The same figures from an export, with a per-person loop as a spreadsheet would do."""
    export_seconds, exported = timed(lambda: export_registry(sites))
    loop_seconds, figures = timed(lambda: baseline_needs(exported, sites, conditions, days=7))
    mine = {(f.site.code, f.item.code, f.size_code): f.quantity for f in ours.figures}
    return {
        "export_seconds": round(export_seconds, 2),
        "loop_seconds": round(loop_seconds, 2),
        "same_figures": figures == mine,
        "figures": len(mine),
    }
