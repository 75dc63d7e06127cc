"""Relocation plan benchmark: who moves first to a safe location, for the demo camp and for
100,000 people, beside the plan a coordinator would make by hand on the same people.

    python -m benchmarks.safety.relocation [--people 2000,100000] [--backends sqlite,postgresql]

Each run gets a fresh database and a process of its own (`benchmarks.databases`); see
`relocation_runs` for what is loaded and timed, `relocation_baseline` for the plan by hand.
Printed per run: the machine, the load average, the times (targets: 1 s for the demo camp, 60 s
for 100,000 people) and, for each plan, critical- and high-tier people in heated places, people
moved and households split.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.databases import fresh_database
from benchmarks.launch import available_backends

TARGETS = {2_000: 1.0, 100_000: 60.0}
ROUNDS = {2_000: 5}  # the demo camp is timed five times (median); larger camps once


def run(backend: str, people: int) -> dict[str, Any]:
    with fresh_database(backend) as env, tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "results.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.safety.relocation_worker",
            f"--people={people}",
            f"--repeat={ROUNDS.get(people, 1)}",
            f"--json={output}",
        ]
        subprocess.run(command, env=env, check=True)  # noqa: S603 - our own interpreter
        results: dict[str, Any] = json.loads(output.read_text())
        return results


def report(result: dict[str, Any]) -> str:
    seconds, target = result["seconds"], TARGETS.get(result["people"])
    verdict = "" if target is None else f" (target ≤ {target:g} s)"
    lines = [
        f"{result['database']}, {result['people']:,} people in {result['households']:,} households"
        f" (loaded in {result['load_seconds']} s), load average {result['load_average']}",
        f"  at risk: {result['at_risk_people']:,} people in {result['candidate_households']:,}"
        f" households; at-risk list {seconds['at_risk']} s + make_plan {seconds['make_plan']} s"
        f" (planner {seconds['solver']} s) = {seconds['at_risk_and_plan']} s{verdict},"
        f" median of {seconds['rounds']}; optimum proven: {result['proven_optimal']}",
    ]
    for name in ("ours", "by_hand"):
        f = result[name]
        lines.append(
            f"  {'Waypost' if name == 'ours' else 'by hand'}: critical in heated places"
            f" {f['critical_in_heated']:,} of {f['critical_at_risk']:,}, high"
            f" {f['high_in_heated']:,} of {f['high_at_risk']:,}; moved {f['people_moved']:,}"
            f" people in {f['households_moved']:,} households, {f['households_split']} split;"
            f" medical beds to those needing one {f['medical_needed_got_one']}, to others"
            f" {f['medical_beds_to_others']}; needing heat put in unheated places"
            f" {f['needing_heat_in_unheated']}"
        )
    medical = result["ours"]["critical_needing_medical_bed"]
    lines.append(
        f"  critical-tier people needing a medical bed: {medical:,}"
        f" (medical beds free: {result['medical_beds_free']:,})"
    )
    ours, hand = result["ours"]["critical_in_heated"], result["by_hand"]["critical_in_heated"]
    lines.append(f"  critical in heated places, Waypost / by hand: {ours / max(hand, 1):.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.safety.relocation")
    parser.add_argument("--people", default="2000,100000")
    parser.add_argument("--backends", default="sqlite")
    args = parser.parse_args(argv)
    results = []
    for backend in available_backends(args.backends.split(",")):
        for people in (int(n) for n in args.people.split(",")):
            result = run(backend, people)
            results.append(result)
            print(report(result), flush=True)  # noqa: T201 - the benchmark's report
    if results:
        machine = results[0]["machine"]
        print("Machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()))  # noqa: T201
    return results


if __name__ == "__main__":
    main()
