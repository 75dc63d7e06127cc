"""Cold risk for the demo camp and for a large registry, grouped against the naive loop.

    .venv/bin/python -m benchmarks.safety.risk                       # 2,000 and 1,000,000 people
    .venv/bin/python -m benchmarks.safety.risk --people 2000 --backends sqlite
    .venv/bin/python -m benchmarks.safety.risk --people 1000000 --keep --load-only   # load once
    .venv/bin/python -m benchmarks.safety.risk --people 1000000 --keep               # then measure

Each run gets a fresh database (`benchmarks.databases`) and a process of its own
(`benchmarks.safety.risk_worker`); the figures are printed with the machine they ran on. Targets
(issue 6): the demo camp in 100 ms or less, 1,000,000 people in 10 s or less.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.databases import BACKENDS, fresh_database
from benchmarks.launch import available_backends


def run(
    backend: str,
    people: int,
    sample: int,
    *,
    rounds: int = 5,
    keep: bool = False,
    load_only: bool = False,
) -> dict[str, Any]:
    kept = f"keep_{people}_risk" if keep else None
    with fresh_database(backend, keep=kept) as env, tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "results.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.safety.risk_worker",
            f"--people={people}",
            f"--naive-sample={sample}",
            f"--json={output}",
            f"--rounds={rounds}",
            *(["--load-only"] if load_only else []),
        ]
        subprocess.run(command, env=env, check=True)  # noqa: S603 - our own interpreter
        results: dict[str, Any] = json.loads(output.read_text())
        return results


def line(result: dict[str, Any]) -> str:
    table, grouped, listed = result["risk_table"], result["assess_people"], result["at_risk_people"]
    counted = result.get("risk_by_group", {"median_ms": "–"})
    per_person_grouped = table["median_ms"] * 1000 / result["people"]
    ratio = result["naive_us_per_person"] / per_person_grouped
    return (
        f"| {result['database']} | {result['people']:,} | {result['sites']} | {result['groups']} "
        f"| {table['median_ms']:,} / {table['p95_ms']:,} | {grouped['median_ms']:,} "
        f"| {counted['median_ms']:,} "
        f"| {listed['median_ms']:,} "
        f"| {result['naive_people']:,} in {result['naive_s']:,} s "
        f"({result['naive_us_per_person']:,} µs each) | {ratio:,.0f}× "
        f"| {' → '.join(str(load) for load in result.get('load_average', []))} |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.safety.risk")
    parser.add_argument("--people", default="2000,1000000")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--naive-sample", type=int, default=10_000)
    parser.add_argument(
        "--keep", action="store_true", help="keep each loaded registry and start from it next time"
    )
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of each computation")
    parser.add_argument("--load-only", action="store_true", help="load (and keep), measure nothing")
    args = parser.parse_args(argv)
    results = []
    for backend in available_backends(args.backends.split(",")):
        for people in (int(size) for size in args.people.split(",")):
            result = run(
                backend,
                people,
                args.naive_sample,
                rounds=args.rounds,
                keep=args.keep,
                load_only=args.load_only,
            )
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results.append(result)
    if not results or args.load_only:
        return
    machine = results[0]["machine"]
    print(
        f"\nMachine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}, "
        f"{machine['os']}; Python {machine['python']}, Django {machine['django']}"
    )
    print(
        "| database | people | sites | groups scored | risk_table median / p95 (ms) "
        "| assess_people median (ms) "
        "| risk_by_group median (ms) | at_risk_people median (ms) | naive loop "
        "| naive ÷ grouped, per person | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for result in results:
        print(line(result))


if __name__ == "__main__":
    main()
