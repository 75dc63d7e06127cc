"""The demo operation's stock: four warehouses, what they hold, and the partner pipeline.

Everything goes through the stock services, as logisticians would type it. The quantities are
ours (demo data, chosen to leave visible gaps against the needs of a camp of 2,000); the items,
the partners and the cold come from the operation at the Bruzgi crossing. Loaded once: when a
warehouse exists, nothing is added.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from waypost.core.models import Agency, User
from waypost.core.roles import Role
from waypost.demo.organisation import demo_username
from waypost.sites.models import Site
from waypost.stock.models import Shipment, Warehouse
from waypost.stock.services import (
    LineIn,
    ReceivedLine,
    adjust_count,
    change_shipment_status,
    create_warehouse,
    issue_stock,
    pledge_shipment,
    receive_shipment,
    receive_stock,
    transfer_stock,
    write_off_stock,
)


@dataclass(frozen=True)
class StockPlan:
    warehouse: str
    item: str
    unit: str
    quantity: int
    size: str = ""
    lot: str = ""
    expires_in_days: int = 0


WAREHOUSES = (
    # code, name, agency, site
    ("BRC-LOG", "Red Cross store, logistics centre", "brc", "LOG"),
    ("BRC-BRZ", "Red Cross distribution tent, camp", "brc", "BRZ"),
    ("UNHCR-LOG", "UNHCR hygiene store, logistics centre", "unhcr", "LOG"),
    ("IOM-WHS", "IOM food store, relief warehouse", "iom", "WHS"),
)

BOOTS = {"EU24": 20, "EU26": 35, "EU28": 30, "EU30": 25, "EU32": 15, "EU34": 10}
JACKETS = {"0-2": 30, "2-5": 40, "5-9": 45, "9-14": 30, "adult": 150}

OPENING_STOCK: tuple[StockPlan, ...] = (
    StockPlan("BRC-LOG", "blanket-high-thermal", "piece", 900),
    StockPlan("BRC-LOG", "sleeping-mat", "piece", 250),
    StockPlan("BRC-LOG", "plastic-sheet", "piece", 120),
    StockPlan("BRC-LOG", "winter-hat", "piece", 400),
    StockPlan("BRC-LOG", "gloves", "pair", 300),
    *(StockPlan("BRC-LOG", "children-boots", "pair", n, size=s) for s, n in BOOTS.items()),
    *(StockPlan("BRC-LOG", "winter-jacket", "piece", n, size=s) for s, n in JACKETS.items()),
    StockPlan("UNHCR-LOG", "soap-bathing-250g", "bar", 1800),
    StockPlan("UNHCR-LOG", "soap-laundry-200g", "bar", 1500),
    StockPlan("UNHCR-LOG", "menstrual-pads", "pack", 380),
    StockPlan("UNHCR-LOG", "nappies", "pack", 260),
    StockPlan("UNHCR-LOG", "jerrycan-20l", "piece", 450),
    StockPlan("IOM-WHS", "food-parcel-rations", "carton", 220, lot="WFP-2611", expires_in_days=40),
    StockPlan("IOM-WHS", "food-parcel-rations", "carton", 300, lot="WFP-2702", expires_in_days=120),
    StockPlan("IOM-WHS", "infant-food", "pack", 90, lot="IF-0412", expires_in_days=25),
    StockPlan("IOM-WHS", "infant-food", "pack", 120, lot="IF-0530", expires_in_days=160),
)


def logistician(agency_code: str) -> User:
    return User.objects.select_related("agency").get(
        username=demo_username(agency_code, Role.LOGISTICIAN)
    )


def open_warehouses() -> dict[str, Warehouse]:
    sites = {site.code: site for site in Site.objects.all()}
    return {
        code: create_warehouse(by=logistician(agency), code=code, name=name, site=sites[site])
        for code, name, agency, site in WAREHOUSES
    }


def receive_opening_stock(stores: dict[str, Warehouse], today: date) -> None:
    for plan in OPENING_STOCK:
        store = stores[plan.warehouse]
        receive_stock(
            by=logistician(store.agency.code),
            warehouse=store,
            item=plan.item,
            quantity=plan.quantity,
            unit=plan.unit,
            reference=f"OPEN-{plan.warehouse}",
            size=plan.size,
            lot=plan.lot,
            expires_on=today + timedelta(days=plan.expires_in_days) if plan.lot else None,
        )


def first_week(stores: dict[str, Warehouse]) -> None:
    """A week of work: stock sent to the camp, handed out, damaged, counted."""
    brc = logistician("brc")
    camp, store = stores["BRC-BRZ"], stores["BRC-LOG"]
    for item, unit, quantity in (
        ("blanket-high-thermal", "piece", 500),
        ("winter-hat", "piece", 200),
    ):
        transfer_stock(
            by=brc,
            source=store,
            destination=camp,
            item=item,
            quantity=quantity,
            unit=unit,
            reference="BRC-T-001",
        )
    for item, quantity in (("blanket-high-thermal", 320), ("winter-hat", 150)):
        issue_stock(
            by=brc,
            warehouse=camp,
            item=item,
            quantity=quantity,
            unit="piece",
            reference="DIST-BRZ-01",
        )
    losses_and_counts(stores)


def losses_and_counts(stores: dict[str, Warehouse]) -> None:
    """Mats damaged, food issued from the lot expiring first, and a count that finds less."""
    brc, iom = logistician("brc"), logistician("iom")
    store, food = stores["BRC-LOG"], stores["IOM-WHS"]
    write_off_stock(
        by=brc,
        warehouse=store,
        item="sleeping-mat",
        quantity=12,
        unit="piece",
        reason="damage",
        reference="BRC-W-001",
    )
    issue_stock(
        by=iom,
        warehouse=food,
        item="food-parcel-rations",
        quantity=180,
        unit="carton",
        lot="WFP-2611",
        reference="DIST-BRZ-02",
    )
    adjust_count(
        by=brc,
        warehouse=store,
        item="gloves",
        counted=288,
        unit="pair",
        reason="monthly count: 12 pairs missing",
        reference="BRC-C-001",
    )


def pledge(
    by: User,
    store: Warehouse,
    reference: str,
    due: date,
    lines: Sequence[LineIn],
    partner: Agency | None = None,
    donor: str = "",
) -> Shipment:
    return pledge_shipment(
        by=by,
        warehouse=store,
        reference=reference,
        expected_on=due,
        lines=lines,
        partner=partner or (None if donor else by.acting_agency),
        donor=donor,
    )


def red_cross_winter_shipment(store: Warehouse, today: date) -> None:
    """The Red Cross's blankets, gloves, boots and jackets by size, on the road, due in two days."""
    brc = logistician("brc")
    winter = [
        LineIn(item="blanket-high-thermal", quantity=600, unit="piece"),
        LineIn(item="gloves", quantity=400, unit="pair"),
        *(
            LineIn(item="children-boots", quantity=2 * n, unit="pair", size=s)
            for s, n in BOOTS.items()
        ),
        *(
            LineIn(item="winter-jacket", quantity=n, unit="piece", size=s)
            for s, n in JACKETS.items()
        ),
    ]
    sent = pledge(brc, store, "BRC-PL-0112", today + timedelta(days=2), winter)
    change_shipment_status(
        by=brc, shipment=sent, status="in_transit", note="left Minsk this morning"
    )


def pipeline(stores: dict[str, Warehouse], today: date) -> None:
    """Shipments on their way, and one already received with a shortfall."""
    red_cross_winter_shipment(stores["BRC-BRZ"], today)
    hygiene = [
        LineIn(item="soap-bathing-250g", quantity=2000, unit="bar"),
        LineIn(item="menstrual-pads", quantity=500, unit="pack"),
        LineIn(item="nappies", quantity=300, unit="pack"),
    ]
    pledge(
        logistician("unhcr"),
        stores["UNHCR-LOG"],
        "UNHCR-PL-0458",
        today + timedelta(days=6),
        hygiene,
    )
    parcels = LineIn(
        item="food-parcel-rations",
        quantity=400,
        unit="carton",
        lot_number="WFP-2712",
        expires_on=today + timedelta(days=150),
    )
    pledge(
        logistician("iom"), stores["IOM-WHS"], "IOM-WB-2231", today + timedelta(days=1), [parcels]
    )
    brc = logistician("brc")
    sheets = [LineIn(item="plastic-sheet", quantity=200, unit="piece")]
    local = pledge(
        brc, stores["BRC-LOG"], "HRODNA-0007", today, sheets, donor="Hrodna town council"
    )
    change_shipment_status(by=brc, shipment=local, status="arrived")
    received_with_shortfall(brc, stores["BRC-LOG"], today)


def received_with_shortfall(brc: User, store: Warehouse, today: date) -> None:
    lines = [
        LineIn(item="sleeping-mat", quantity=150, unit="piece"),
        LineIn(item="winter-hat", quantity=200, unit="piece"),
    ]
    shipment = pledge(brc, store, "BRC-PL-0098", today - timedelta(days=3), lines)
    mats, hats = shipment.lines.order_by("item__name")
    counts = [
        ReceivedLine(line_id=mats.pk, received=140, damaged=6, reason="4 missing, 6 wet"),
        ReceivedLine(line_id=hats.pk, received=200),
    ]
    receive_shipment(by=brc, shipment=shipment, received_lines=counts, note="truck 2 of 2")


def load_demo_stock(*, today: date) -> int:
    """Warehouses, stock and pipeline, once; returns the warehouses opened (0 if already there)."""
    if Warehouse.objects.exists():
        return 0
    stores = open_warehouses()
    receive_opening_stock(stores, today)
    first_week(stores)
    pipeline(stores, today)
    return len(stores)
