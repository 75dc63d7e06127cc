"""Caseload page for 100,000 cases: server time on PostgreSQL, beside counting in Python.

    .venv/bin/python -m benchmarks.cases.caseload                      # 100,000 cases, PostgreSQL
    .venv/bin/python -m benchmarks.cases.caseload --cases 10000 --backend sqlite

Runs in a database of its own (PostgreSQL: WAYPOST_BENCH_CASES_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/waypost_bench_cases, dropped and created again). Loads the
demo operation and a registry of generated people in bulk, then the cases (`load.py`), runs
VACUUM ANALYZE (ANALYZE on SQLite), and as one UNHCR caseworker GETs the caseload page (team
and own) through Django's test client: middleware, session, permission, queries, template,
audit of the listed cases. The first requests warm up and are not counted. Beside it, in the
same run, the first version's way (`baseline.py`): the team's cases loaded and counted in
Python; both must give the same counts.
"""

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from typing import Any

import django

from benchmarks.databases import ISOLATED_FLAG, POSTGRESQL, SQLITE, fresh_database
from benchmarks.stats import summary, timed

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/waypost_bench_cases"
WARM_UP = 3


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cases.caseload")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--backend", choices=(POSTGRESQL, SQLITE), default=POSTGRESQL)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(work(args), indent=2, ensure_ascii=False))  # noqa: T201
        return
    os.environ["WAYPOST_BENCH_DATABASE_URL"] = os.environ.get(
        "WAYPOST_BENCH_CASES_DATABASE_URL", DEFAULT_URL
    )
    with fresh_database(args.backend) as env:
        command = [sys.executable, "-m", "benchmarks.cases.caseload", "--worker"]
        command += [f"--{k}={getattr(args, k)}" for k in ("cases", "people", "requests", "backend")]
        subprocess.run(command, env=env, check=True)  # noqa: S603


def work(args: argparse.Namespace) -> dict[str, Any]:
    if os.environ.get(ISOLATED_FLAG) != "1":
        sys.exit("Run it without --worker: it needs a database of its own.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    return measure(args)


def load(args: argparse.Namespace, today: date) -> dict[str, float]:
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.cases.load import load_cases
    from waypost.demo.generator import generate_camp
    from waypost.demo.loaders import load_in_bulk
    from waypost.demo.organisation import registration_clerks, set_up_operation, sites_by_code

    call_command("migrate", verbosity=0)
    set_up_operation()
    camp = generate_camp(seed=1, people=args.people, today=today)
    people_s, _ = timed(
        lambda: load_in_bulk(camp, clerks=registration_clerks(), sites=sites_by_code())
    )
    cases_s, _ = timed(lambda: load_cases(args.cases, today=today))
    with connection.cursor() as cursor:
        # What autovacuum does soon after a load this size (PostgreSQL 13 and later vacuum
        # tables after inserts too): statistics, and the visibility map index-only scans need.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"people_s": round(people_s, 1), "cases_s": round(cases_s, 1)}


def page_times(client: Any, scope: str, requests: int) -> list[float]:
    """Server time of the caseload page, the warm-up requests left out."""
    times = []
    for n in range(requests + WARM_UP):
        seconds, response = timed(lambda: client.get(f"/cases/caseload/?scope={scope}"))
        if response.status_code != 200:
            raise SystemExit(f"The caseload page answered {response.status_code}.")
        if n >= WARM_UP:
            times.append(seconds)
    return times


def measure(args: argparse.Namespace) -> dict[str, Any]:
    from django.test import Client
    from django.utils import timezone

    from benchmarks.cases.baseline import naive_caseload
    from benchmarks.machine import describe_database, describe_machine
    from waypost.cases.caseload import caseload_of
    from waypost.cases.models import Case
    from waypost.core.models import User

    today = timezone.localdate()
    loaded = load(args, today)
    user = User.objects.get(username="bench-unhcr-0")
    client = Client()
    client.force_login(user)
    team = page_times(client, "team", args.requests)
    mine = page_times(client, "mine", args.requests)
    selector = [timed(lambda: caseload_of(user, team=True, today=today))[0] for _ in range(10)]
    naive = [timed(lambda: naive_caseload(user, today=today)) for _ in range(3)]
    check_same(caseload_of(user, team=True, today=today), naive[-1][1])
    team_summary, naive_summary = summary(team), summary([s for s, _ in naive])
    return {
        "machine": describe_machine(),
        "database": describe_database(),
        "cases": Case.objects.count(),
        "team_cases": Case.objects.filter(agency_id=user.agency_id).count(),
        "people": args.people,
        "load": loaded,
        "caseload_page_team": team_summary,
        "caseload_page_mine": summary(mine),
        "caseload_selector_team": summary(selector),
        "naive_python_counting_team": naive_summary,
        "ratio_median": round(naive_summary["median_ms"] / team_summary["median_ms"], 1),
    }


def check_same(load: Any, naive: dict[str, Any]) -> None:
    counted = {(p.pathway, s): n for p in load.pathways for s, _, n in p.states if n}
    agree = (
        counted == dict(naive["by_pathway"])
        and load.cases_by_status == dict(naive["by_status"])
        and load.overdue == naive["overdue"]
        and load.referrals_sent_waiting == naive["sent"]
        and load.referrals_received_waiting == naive["received"]
    )
    if not agree:
        raise SystemExit("The caseload and the Python counting disagree.")


if __name__ == "__main__":
    main()
