"""How long preparing one record for matching takes (names in every script, blocking keys).

    .venv/bin/python -m benchmarks.dedup.prepare [--people 4000] [--seed 9]

Preparing runs once per record before Splink compares anything, so a million records must
prepare in well under the ten minutes the whole run may take (issue 3); the budget printed
beside the figure is three of those minutes spread over a million records. Names repeat, so
the caches fill during the first thousands of records: the figure is over all of them.
"""

import argparse
import os
import time

import django

# A million records in three of the ten minutes a whole deduplication may take.
BUDGET_PER_RECORD_S = 180 / 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedup.prepare")
    parser.add_argument("--people", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=9)
    arguments = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    from benchmarks.machine import describe_machine
    from waypost.matching.features import prepare
    from waypost.matching.groundtruth import generate
    from waypost.matching.training import match_record

    records = [
        match_record(r) for r in generate(people=arguments.people, seed=arguments.seed).records
    ]
    wall, cpu = time.perf_counter(), time.process_time()
    for record in records:
        prepare(record)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print("machine:", ", ".join(f"{k} {v}" for k, v in describe_machine().items()))
    per_wall, per_cpu = wall / len(records), cpu / len(records)
    verdict = "met" if per_cpu <= BUDGET_PER_RECORD_S else "missed"
    print(f"load average: {os.getloadavg()[0]:.1f}")
    print(f"records prepared: {len(records):,}")
    print(f"per record: {per_wall * 1e6:.0f} µs wall, {per_cpu * 1e6:.0f} µs CPU")
    print(f"budget: {BUDGET_PER_RECORD_S * 1e6:.0f} µs per record ({verdict} on CPU time)")


if __name__ == "__main__":
    main()
