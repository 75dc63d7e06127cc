"""One run of the relocation benchmark inside a database of its own (started by `relocation.py`).

Loads `people` generated people on the demo sites (the makeshift camp, the logistics centre and
the shelter, in the demo's shares), all registered by one agency so its coordinator plans for
everyone; a cold snap at every site (−15 °C, wind 30 km/h); the demo's safe locations with
their places scaled to the camp (× people / 2,000). Then it times, through the code the pages
call, the at-risk list (the safety app's selector) and `make_plan` (planner and saving), and
judges the plan beside the one made by hand (`relocation_baseline`) on the same people.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import django

from benchmarks.databases import ISOLATED_FLAG

COLD_SNAP = {"temperature_c": "-15", "wind_speed_kmh": "30"}
# Approximate places around the Bruzgi crossing, ours, for the distance tie-breaker and for
# "the nearest shelter" of the plan made by hand.
COORDINATES = {
    "BRZ": (53.630, 23.950),
    "MED": (53.634, 23.941),
    "LOG": (53.645, 23.925),
    "SHL": (53.680, 23.830),
}
ORIGINS = ("BRZ", "SHL")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.safety.relocation_worker")
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args(argv)
    if os.environ.get(ISOLATED_FLAG) != "1":
        sys.exit(
            "Start with `python -m benchmarks.safety.relocation`: a run needs its own database."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    from benchmarks.safety.relocation_runs import measure

    args.json.write_text(
        json.dumps(measure(args.people, args.repeat), indent=2, ensure_ascii=False)
    )


if __name__ == "__main__":
    main()
