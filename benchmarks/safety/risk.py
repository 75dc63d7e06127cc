"""Cold risk for the demo camp and for a large registry, grouped against the naive loop.

    .venv/bin/python -m benchmarks.safety.risk                       # 2,000 and 1,000,000 people
    .venv/bin/python -m benchmarks.safety.risk --people 2000 --backends sqlite

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


def run(backend: str, people: int, sample: int) -> dict[str, Any]:
    with fresh_database(backend) as env, tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "results.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.safety.risk_worker",
            f"--people={people}",
            f"--naive-sample={sample}",
            f"--json={output}",
        ]
        subprocess.run(command, env=env, check=True)  # noqa: S603 - our own interpreter
        results: dict[str, Any] = json.loads(output.read_text())
        return results


def line(result: dict[str, Any]) -> str:
    grouped, listed = result["assess_people"], result["at_risk_people"]
    counted = result.get("risk_by_group", {"median_ms": "–"})
    per_person_grouped = grouped["median_ms"] * 1000 / result["people"]
    ratio = result["naive_us_per_person"] / per_person_grouped
    return (
        f"| {result['database']} | {result['people']:,} | {result['sites']} | {result['groups']} "
        f"| {grouped['median_ms']:,} / {grouped['p95_ms']:,} | {counted['median_ms']:,} "
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
    args = parser.parse_args(argv)
    results = []
    for backend in available_backends(args.backends.split(",")):
        for people in (int(size) for size in args.people.split(",")):
            result = run(backend, people, args.naive_sample)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results.append(result)
    if not results:
        return
    machine = results[0]["machine"]
    print(
        f"\nMachine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}, "
        f"{machine['os']}; Python {machine['python']}, Django {machine['django']}"
    )
    print(
        "| database | people | sites | groups scored | assess_people median / p95 (ms) "
        "| risk_by_group median (ms) | at_risk_people median (ms) | naive loop "
        "| naive ÷ grouped, per person | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for result in results:
        print(line(result))


if __name__ == "__main__":
    main()
