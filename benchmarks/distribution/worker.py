"""One run of the plan benchmark inside a database of its own (started by `plan.py`).

Loads `people` generated people, all at the main camp (BRZ), stocks a warehouse short of
everything (boots in EU 30 shortest), then times creating and allocating a winter plan through
the services, and compares it with first come, first served on the same stock and people.
"""

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import django

from benchmarks.databases import ISOLATED_FLAG

# Shares of the entitled quantity the warehouse holds (ours: a winter round short of everything).
STOCK_SHARES = {"blanket-high-thermal": 0.6, "winter-hat": 0.5, "gloves": 0.7}
BOOT_SHARE, SHORTEST_BOOT, SHORTEST_SHARE = 0.8, "EU30", 0.3


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.distribution.worker")
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args(argv)
    if os.environ.get(ISOLATED_FLAG) != "1":
        sys.exit(
            "Start with `python -m benchmarks.distribution.plan`: a run needs its own database."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    args.json.write_text(json.dumps(measure(args.people), indent=2, ensure_ascii=False))


def measure(people: int) -> dict[str, Any]:
    from benchmarks.distribution.runs import load_camp, plan_and_compare
    from benchmarks.machine import describe_database, describe_machine

    load = load_camp(people)
    return {
        "machine": describe_machine(),
        "database": describe_database(),
        "people": people,
        "load": load,
        **plan_and_compare(),
    }


if __name__ == "__main__":
    main()
