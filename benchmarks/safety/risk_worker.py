"""One run of the cold-risk benchmark inside a database of its own (started by `risk.py`).

Loads a registry (the demo generator; the demo camp through the bulk loader at the open-air camp,
a large one spread over 200 sites of every shelter type with the supply loader, which writes the
rows risk reads), records a cold night at every site, then times:

- `risk_table` for the sites: everyone's score, tier and reasons as columns (one query for the
  people with their age band computed in SQL and their ids as text, one for their open SM/DS
  needs, one for the weather, the distribution records), scored once per distinct profile;
- `assess_people`: the same as a list with one `PersonRisk` (UUIDs made) per person;
- `risk_by_group`: how many people at each site share each assessment, counted by the database
  (GROUP BY site, age band, pregnancy, open SM/DS needs), no row per person read into Python;
- `at_risk_people`: the same with the rules read and the list sorted, as the relocation planner
  calls it;
- the naive loop a developer would write first: every person read as a model, their site, the
  site's weather and their specific needs fetched per person, scored one by one. On a large
  registry it is timed on a sample (`--naive-sample` people) and its rate per person reported;
  both give the same scores (checked).
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import django

from benchmarks import kept
from benchmarks.databases import ISOLATED_FLAG

ROUNDS = 5


def load(people: int) -> dict[str, Any]:
    from django.core.management import call_command
    from django.utils import timezone

    from benchmarks.measure import analyze
    from benchmarks.stats import timed
    from benchmarks.supply import spread_over_sites
    from benchmarks.supply_load import load_for_supply
    from waypost.demo.generator import generate_camp
    from waypost.demo.loaders import load_in_bulk
    from waypost.demo.organisation import registration_clerks, set_up_operation, sites_by_code

    call_command("migrate", verbosity=0)
    if kept.restored():  # a copy of the registry loaded and kept by an earlier run
        analyze()
        return {"load_s": "kept"}
    set_up_operation()
    camp = generate_camp(seed=1, people=people, today=timezone.localdate())
    large = people > 10_000
    if large:
        spread_over_sites(camp)
    loader = load_for_supply if large else load_in_bulk
    seconds, _ = timed(lambda: loader(camp, clerks=registration_clerks(), sites=sites_by_code()))
    analyze()
    kept.save()  # before anything is measured: later runs start from the loaded registry
    return {"load_s": round(seconds, 1)}


def cold_night() -> list[Any]:
    """One observed hour at every site where people sleep: −14 °C, wind 25 km/h (−24 felt)."""
    from decimal import Decimal

    from django.utils import timezone

    from waypost.core.models import User
    from waypost.safety.models import ReadingKind, ReadingSource, WeatherReading
    from waypost.safety.selectors import housing_sites

    sites = [site for site in housing_sites() if site.residents.exists()]
    now = timezone.now()
    coordinator = User.objects.get(username="brc.sites")
    WeatherReading.objects.bulk_create(
        WeatherReading(
            site=site,
            kind=ReadingKind.OBSERVATION,
            source=ReadingSource.MANUAL,
            valid_at=now,
            temperature_c=Decimal(-14),
            wind_speed_kmh=Decimal(25),
            recorded_by=coordinator,
            recorded_at=now,
        )
        for site in sites
    )
    return sites


def naive_scores(people: list[Any], rules: Any) -> dict[Any, tuple[int, str]]:
    """The per-person loop: three queries a person (site, weather, needs), scored one by one."""
    from django.utils import timezone

    from waypost.safety.conditions import LOOK_AHEAD, LOOK_BACK
    from waypost.safety.models import WeatherReading
    from waypost.safety.risk import Profile, assess
    from waypost.safety.windchill import felt_temperature

    now, today, scores = timezone.now(), timezone.localdate(), {}
    for person in people:
        site = person.current_site
        readings = WeatherReading.objects.filter(
            site=site, valid_at__gte=now - LOOK_BACK, valid_at__lte=now + LOOK_AHEAD
        )
        felt = [felt_temperature(float(r.temperature_c), float(r.wind_speed_kmh)) for r in readings]
        codes = list(person.specific_needs.filter(is_active=True).values_list("code_id", flat=True))
        age = person.age_on(today)
        profile = Profile(
            site.shelter_type,
            min(felt) if felt else None,
            range(age, age + 1),
            person.is_pregnant,
            any(c.startswith("SM") for c in codes),
            any(c.startswith("DS") for c in codes),
        )
        assessed = assess(rules, profile)
        scores[person.pk] = (assessed.score, assessed.tier)
    return scores


def tier_counts(people: list[Any]) -> dict[str, int]:
    tiers: dict[str, int] = {}
    for person in people:
        tiers[person.tier] = tiers.get(person.tier, 0) + 1
    return tiers


def measure(sample: int, rounds: int) -> dict[str, Any]:
    from benchmarks.stats import summary, timed
    from waypost.registry.models import Individual
    from waypost.safety.population import assess_people, risk_by_group
    from waypost.safety.risk_table import risk_table
    from waypost.safety.selectors import at_risk_people, rules_in_force

    sites = cold_night()
    rules = rules_in_force()
    cpu = time.process_time()
    tables = [timed(lambda: risk_table(sites=sites, rules=rules)) for _ in range(rounds)]
    # Of a loaded machine's wall-clock time, what this process itself spent working (on SQLite
    # the database's work too, done in the process; not PostgreSQL's server).
    table_cpu_ms = round((time.process_time() - cpu) / rounds * 1000, 1)
    grouped = [timed(lambda: assess_people(sites=sites, rules=rules)) for _ in range(rounds)]
    counted = [timed(lambda: risk_by_group(sites=sites, rules=rules)) for _ in range(rounds)]
    listed = [timed(lambda: at_risk_people(site_ids=[s.pk for s in sites])) for _ in range(rounds)]
    table, people = tables[-1][1], grouped[-1][1]
    ids = [person.individual_id for person in people]
    chosen = set(random.Random(1).sample(ids, min(sample, len(ids))))
    rows = Individual.objects.current().filter(pk__in=chosen)
    naive_s, naive = timed(lambda: naive_scores(list(rows.iterator()), rules))
    bulk = {p.individual_id: (p.score, p.tier) for p in people if p.individual_id in chosen}
    assert naive == bulk, "the naive loop and the grouped computation disagree"
    assert sum(group.people for group in counted[-1][1]) == len(people) == len(table)
    tiers = tier_counts(people)
    assert tiers == table.tier_counts(), "the table and the list disagree"
    return {
        "people": len(people),
        "sites": len(sites),
        "groups": len({id(p.assessment) for p in people}),
        "tiers": tiers,
        "risk_table": summary([seconds for seconds, _ in tables]) | {"cpu_ms": table_cpu_ms},
        "assess_people": summary([seconds for seconds, _ in grouped]),
        "risk_by_group": summary([seconds for seconds, _ in counted]),
        "at_risk_people": summary([seconds for seconds, _ in listed]),
        "naive_people": len(chosen),
        "naive_s": round(naive_s, 2),
        "naive_us_per_person": round(naive_s / len(chosen) * 1e6, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.safety.risk_worker")
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--naive-sample", type=int, default=10_000)
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--load-only", action="store_true")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    if os.environ.get(ISOLATED_FLAG) != "1":
        sys.exit("Start with `python -m benchmarks.safety.risk`: each run needs its own database.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    from benchmarks.machine import describe_database, describe_machine

    results = {"machine": describe_machine(), "database": describe_database()}
    results |= load(args.people)
    if args.load_only:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
        return
    load_before = os.getloadavg()[0]
    results |= measure(args.naive_sample, args.rounds)
    # Other work on the machine slows every figure: the 1-minute load average around them.
    results["load_average"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
