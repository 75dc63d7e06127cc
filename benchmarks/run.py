"""One benchmark run inside a database of its own: load a registry, then measure.

Started by `benchmarks.launch` with the environment of a fresh database; it refuses to run
anywhere else.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import django

from benchmarks.databases import ISOLATED_FLAG


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--parts", default="registration,search")
    parser.add_argument("--posts", type=int, default=40)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args(argv)
    if os.environ.get(ISOLATED_FLAG) != "1":
        sys.exit("Start benchmarks with `python -m benchmarks`: each run needs its own database.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    from benchmarks.measure import measure

    results = measure(args.people, args.parts.split(","), posts=args.posts, queries=args.queries)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
