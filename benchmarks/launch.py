"""Start benchmark runs, each in a fresh database and a process of its own, and report them.

A process per run, because Django reads its database settings once, at start.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.databases import BACKENDS, POSTGRESQL, fresh_database, postgres_problem
from benchmarks.kept import kept_name
from benchmarks.report import format_run

PARTS = ("registration", "search")  # the default; "supply" on request (see benchmarks.supply)
DEMO_CAMP = 2_000
LARGE_REGISTRY = 100_000


def run_isolated(
    backend: str, people: int, parts: Sequence[str], *, posts: int, queries: int, keep: bool = False
) -> dict[str, Any]:
    kept = kept_name(people, list(parts)) if keep else None
    with fresh_database(backend, keep=kept) as env, tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "results.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.run",
            f"--people={people}",
            f"--parts={','.join(parts)}",
            f"--posts={posts}",
            f"--queries={queries}",
            f"--json={output}",
        ]
        subprocess.run(command, env=env, check=True)  # noqa: S603 - our own interpreter
        results: dict[str, Any] = json.loads(output.read_text())
        return results


def available_backends(wanted: Sequence[str]) -> list[str]:
    backends = []
    for backend in wanted:
        problem = postgres_problem() if backend == POSTGRESQL else None
        if problem:
            print(f"PostgreSQL skipped: {problem}", flush=True)
        else:
            backends.append(backend)
    return backends


def parse(argv: Sequence[str] | None, *, people: str, backends: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument(
        "--parts", default=",".join(PARTS), help="registration, search, supply (comma-separated)"
    )
    parser.add_argument("--backends", default=backends, help="sqlite, postgresql or both")
    parser.add_argument("--people", default=people, help="registry sizes, comma-separated")
    parser.add_argument("--posts", type=int, default=40, help="registrations timed per run")
    parser.add_argument("--queries", type=int, default=100, help="searches timed per run")
    parser.add_argument(
        "--keep", action="store_true", help="keep each loaded registry and start from it next time"
    )
    return parser.parse_args(argv)


def main(
    argv: Sequence[str] | None = None,
    *,
    people: str = f"{DEMO_CAMP},{LARGE_REGISTRY}",
    backends: str = ",".join(BACKENDS),
) -> list[dict[str, Any]]:
    args = parse(argv, people=people, backends=backends)
    parts = args.parts.split(",")
    runs = []
    for backend in available_backends(args.backends.split(",")):
        for size in (int(n) for n in args.people.split(",")):
            print(f"\nLoading {size:,} people into a fresh {backend} database…", flush=True)
            results = run_isolated(
                backend, size, parts, posts=args.posts, queries=args.queries, keep=args.keep
            )
            print(format_run(results), flush=True)
            runs.append(results)
    return runs
