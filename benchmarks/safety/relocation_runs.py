"""What the relocation benchmark does once Django is set up: load, cold snap, plan, compare."""

import os
import statistics
from decimal import Decimal
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from benchmarks.machine import describe_database, describe_machine
from benchmarks.measure import analyze
from benchmarks.safety.relocation_baseline import Placed, by_hand, figures
from benchmarks.safety.relocation_worker import COLD_SNAP, COORDINATES, ORIGINS
from benchmarks.stats import timed
from benchmarks.supply_load import load_for_supply
from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.generator import generate_camp
from waypost.demo.organisation import demo_username, registration_clerks, set_up_operation
from waypost.demo.relocation import SAFE_LOCATIONS
from waypost.registry.models import Household
from waypost.relocation.beds import assign_places
from waypost.relocation.models import RelocationPlan
from waypost.relocation.occupancy import occupancy_of
from waypost.relocation.plan_inputs import Destination, HouseholdToMove
from waypost.relocation.risk import people_at_risk
from waypost.relocation.selectors import safe_locations
from waypost.relocation.services import make_plan, set_places
from waypost.relocation.services.plans import households_to_move
from waypost.safety.services.weather import Reading, record_weather
from waypost.sites.models import Site

DEMO_PEOPLE = 2_000


def measure(people: int, repeat: int) -> dict[str, Any]:
    load_seconds, households = timed(lambda: load_camp(people))
    coordinator = User.objects.get(username=demo_username("brc", Role.SITE_COORDINATOR))
    prepare(coordinator, people)
    origins = list(Site.objects.filter(code__in=ORIGINS))
    risk_seconds, plan_seconds, solve_seconds = [], [], []
    for _round in range(repeat):
        seconds, at_risk = timed(lambda: people_at_risk(site_ids=[s.pk for s in origins]))
        risk_seconds.append(seconds)
        seconds, plan = timed(
            lambda: make_plan(by=coordinator, origins=origins, at_risk=at_risk)  # noqa: B023
        )
        plan_seconds.append(seconds)
        solve_seconds.append(plan.solve_seconds)
    candidates, _declined = households_to_move(by=coordinator, origins=origins, at_risk=at_risk)
    medical_free = sum(row.free["medical"] for row in occupancy_of(safe_locations()))
    return {
        "medical_beds_free": medical_free,
        "machine": describe_machine(),
        "database": describe_database(),
        "load_average": [round(v, 2) for v in os.getloadavg()],
        "people": people,
        "households": households,
        "load_seconds": round(load_seconds, 1),
        "at_risk_people": len(at_risk),
        "candidate_households": len(candidates),
        "seconds": {
            "at_risk": round(statistics.median(risk_seconds), 3),
            "make_plan": round(statistics.median(plan_seconds), 3),
            "solver": round(statistics.median(solve_seconds), 3),
            "at_risk_and_plan": round(
                statistics.median(r + p for r, p in zip(risk_seconds, plan_seconds, strict=True)),
                3,
            ),
            "rounds": repeat,
        },
        "proven_optimal": plan.is_proven_optimal,
        "ours": figures(ours(plan, candidates), candidates),
        "by_hand": figures(hand_made(candidates, origins), candidates),
    }


def load_camp(people: int) -> int:
    call_command("migrate", verbosity=0)
    set_up_operation()
    camp = generate_camp(seed=1, people=people, today=timezone.localdate())
    for household in camp:
        household.agency_code = "brc"  # one agency registered all: its coordinator sees all
    load_for_supply(
        camp, clerks=registration_clerks(), sites={s.code: s for s in Site.objects.all()}
    )
    analyze()
    return len(camp)


def prepare(coordinator: User, people: int) -> None:
    """Coordinates, the cold snap at every site, and the safe locations scaled to the camp."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for code, (latitude, longitude) in COORDINATES.items():
        Site.objects.filter(code=code).update(latitude=latitude, longitude=longitude)
        reading = Reading(
            valid_at=now,
            temperature_c=Decimal(COLD_SNAP["temperature_c"]),
            wind_speed_kmh=Decimal(COLD_SNAP["wind_speed_kmh"]),
        )
        record_weather(
            by=coordinator, site=Site.objects.get(code=code), kind="observation", reading=reading
        )
    scale = max(people / DEMO_PEOPLE, 1.0)
    for code, places in SAFE_LOCATIONS.items():
        scaled = {kind: round(count * scale) for kind, count in places.items()}
        set_places(by=coordinator, site=Site.objects.get(code=code), beds=scaled)


def ours(plan: RelocationPlan, candidates: list[HouseholdToMove]) -> list[Placed]:
    tiers = {str(p.individual_id): p.tier for h in candidates for p in h.at_risk}
    placed = []
    for move in plan.moves.all():
        for person, kind in assign_places(move.people, move.beds).items():
            need = move.people[person]
            placed.append(Placed(move.household_id, tiers.get(person, ""), need, kind))
    return placed


def hand_made(candidates: list[HouseholdToMove], origins: list[Site]) -> list[Placed]:
    order: dict[Any, str] = dict(Household.objects.values_list("pk", "number"))
    in_registration_order = sorted(candidates, key=lambda h: order[h.household_id])
    locations = occupancy_of(safe_locations())
    destinations = [
        Destination(o.location.site_id, o.free, *_at(o.location.site)) for o in locations
    ]
    return by_hand(
        in_registration_order,
        destinations,
        {site.pk: Destination(site.pk, {}, *_at(site)) for site in origins},
    )


def _at(site: Site) -> tuple[float | None, float | None]:
    if site.latitude is None or site.longitude is None:
        return None, None
    return float(site.latitude), float(site.longitude)
