"""The world the redemption benchmark hands out in, written in bulk into a fresh database.

One camp, one Red Cross store holding enough blankets, one approved plan for today giving each
household one blanket, a card per household, fifty distribution points and a signed-in
distribution officer whose session the load tool sends. Households have their head only: a
redemption reads the card, the household's entitlements and the store's balance, never the
other members. The token pools are written one per line (`token entitlement_id`) for the load
tool's script.

    python -m benchmarks.distribution.redeem_setup --out FOLDER --pools throughput=10000,...
"""

import argparse
import json
from datetime import date
from itertools import batched
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from benchmarks.databases import ISOLATED_FLAG  # noqa: E402
from waypost.core.models import User  # noqa: E402
from waypost.core.roles import Role  # noqa: E402
from waypost.core.services import create_agency, create_user  # noqa: E402
from waypost.distribution import tokens  # noqa: E402
from waypost.distribution.models import (  # noqa: E402
    DistributionPlan,
    DistributionPoint,
    Entitlement,
    HouseholdCard,
    PlanStatus,
    Reason,
)
from waypost.registry.models import DatePrecision, Household, Individual, Relationship  # noqa: E402
from waypost.sites.models import ShelterType, Site, SiteKind  # noqa: E402
from waypost.stock.models import Item, Warehouse  # noqa: E402
from waypost.stock.services import create_warehouse, receive_stock  # noqa: E402

POINTS = 50
BATCH = 2000


def people(site: Site, clerk: User, count: int) -> list[Household]:
    now = timezone.now()
    households = [
        Household(
            number=f"{site.code}-{n:06d}",
            site=site,
            registering_agency=clerk.agency,
            registered_by=clerk,
            registered_at=now,
        )
        for n in range(1, count + 1)
    ]
    for batch in batched(households, BATCH):
        with transaction.atomic():
            Household.objects.bulk_create(batch)
            Individual.objects.bulk_create(
                Individual(
                    household=h,
                    number=f"{h.number}-01",
                    relationship=Relationship.HEAD,
                    given_name="Bench",
                    family_name=h.number,
                    sex="F",
                    date_of_birth=date(1980, 1, 1),
                    date_of_birth_precision=DatePrecision.YEAR,
                    nationality="IRQ",
                    current_site=site,
                    registering_agency=clerk.agency,
                    registered_at=now,
                    search_name=f"bench {h.number}".lower(),
                )
                for h in batch
            )
    return households


def plan_and_cards(
    *, site: Site, store: Warehouse, planner: User, households: list[Household]
) -> list[tuple[str, int]]:
    plan = DistributionPlan.objects.create(
        site=site,
        distribution_date=timezone.localdate(),
        name="Benchmark round",
        status=PlanStatus.APPROVED,
        approved_at=timezone.now(),
        warehouse=store,
        created_by=planner,
        rule_set="winter-2021",
    )
    blanket = Item.objects.get(code="blanket-high-thermal")
    pool: list[tuple[str, int]] = []
    for batch in batched(households, BATCH):
        entitlements = Entitlement.objects.bulk_create(
            Entitlement(
                plan=plan,
                household=h,
                item=blanket,
                quantity_entitled=1,
                quantity_allocated=1,
                reason=Reason.FULL,
            )
            for h in batch
        )
        keys = [tokens.CardKey(tokens.new_card_id(), 1) for _ in batch]
        HouseholdCard.objects.bulk_create(
            HouseholdCard(
                household=h,
                card_id=key.card_id,
                version=1,
                short_key=tokens.short_key(key),
                issued_by=planner,
            )
            for h, key in zip(batch, keys, strict=True)
        )
        pool += [(tokens.sign(k), e.pk) for k, e in zip(keys, entitlements, strict=True)]
    return pool


def session_for(user: User) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key)


def world(total: int) -> tuple[User, User, User, Site, Warehouse]:
    """The agency, its three people, the camp and a store holding a blanket per household."""
    brc = create_agency(code="brc", name="Red Cross", short_name="Red Cross")
    planner = create_user(username="bench.logistics", agency=brc, roles=[Role.LOGISTICIAN])
    officer = create_user(
        username="bench.distribution", agency=brc, roles=[Role.DISTRIBUTION_STAFF]
    )
    clerk = create_user(username="bench.registration", agency=brc, roles=[Role.REGISTRATION_CLERK])
    site = Site.objects.create(
        code="BRZ",
        name="Border camp",
        kind=SiteKind.MAKESHIFT_CAMP,
        shelter_type=ShelterType.OPEN_AIR,
        capacity=total * 2,
        managed_by=brc,
    )
    store = create_warehouse(by=planner, code="BRZ-1", name="Camp store", site=site)
    receive_stock(
        by=planner,
        warehouse=store,
        item="blanket-high-thermal",
        quantity=total,
        unit="piece",
        reference="WB-BENCH",
    )
    return planner, officer, clerk, site, store


def write_pools(folder: Path, pools: dict[str, int], pool: list[tuple[str, int]]) -> None:
    start = 0
    for name, count in pools.items():
        lines = [f"{token} {entitlement}" for token, entitlement in pool[start : start + count]]
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n")
        start += count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--pools", required=True, help="name=count,... token pools to write")
    args = parser.parse_args()
    import os

    if os.environ.get(ISOLATED_FLAG) != "1":
        raise SystemExit("Run through benchmarks.distribution.redeem: it needs a fresh database.")
    pools = {name: int(n) for name, n in (p.split("=") for p in args.pools.split(","))}
    total = sum(pools.values())
    planner, officer, clerk, site, store = world(total)
    households = people(site, clerk, total)
    pool = plan_and_cards(site=site, store=store, planner=planner, households=households)
    points = DistributionPoint.objects.bulk_create(
        DistributionPoint(site=site, name=f"Table {n}") for n in range(1, POINTS + 1)
    )
    args.out.mkdir(parents=True, exist_ok=True)
    write_pools(args.out, pools, pool)
    csrf = get_random_string(32)
    (args.out / "setup.json").write_text(
        json.dumps(
            {
                "plan": str(DistributionPlan.objects.get().pk),
                "points": [p.pk for p in points],
                "session": session_for(officer),
                "csrf": csrf,
                "households": total,
                "blankets": total,
            }
        )
    )


if __name__ == "__main__":
    main()
