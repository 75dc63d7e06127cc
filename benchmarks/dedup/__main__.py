"""`python -m benchmarks.dedup`: identity matching against known identities, Waypost's
`waypost dedup` beside plain Splink, on the same generated files, on the same machine, in the
same run. See docs/benchmarks.md (Deduplication) for what is measured.

    python -m benchmarks.dedup --sizes 2000,20000,200000 --records-1m
    python -m benchmarks.dedup --sizes 2000 --tools waypost --no-febrl
    python -m benchmarks.dedup --sizes 20000 --population dense
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import django


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedup")
    parser.add_argument("--sizes", default="2000,20000,200000", help="people, comma-separated")
    parser.add_argument("--records-1m", action="store_true", help="also 1,000,000 records")
    parser.add_argument("--tools", default="waypost,splink", help="waypost, splink or both")
    parser.add_argument("--threshold", type=float, help="passed to waypost dedup (its default)")
    parser.add_argument("--splink-threshold", type=float, default=0.95)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--population",
        default="realistic,dense",
        help="how names are drawn, comma-separated: realistic (published head shares, a long "
        "tail) and dense (the demo's short lists, the namesake stress case)",
    )
    parser.add_argument(
        "--diagnose-up-to",
        type=int,
        default=600_000,
        help="break misses and false merges down on sets of up to this many records",
    )
    parser.add_argument("--no-febrl", action="store_true", help="skip the FEBRL outside check")
    parser.add_argument("--json", type=Path, default=Path("var/bench/dedup.json"))
    parser.add_argument("--keep", type=Path, help="write the generated files here and keep them")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    from benchmarks.dedup.session import run_all

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = run_all(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="waypost-dedup-") as folder:
            results = run_all(args, Path(folder))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(f"\nResults written to {args.json}")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
