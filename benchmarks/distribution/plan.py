"""Distribution plan benchmark: plan a winter round for the demo camp and for 1,000,000 people,
on SQLite and PostgreSQL, beside first come, first served on the same stock and people.

    python -m benchmarks.distribution.plan [--people 2000,1000000] [--backends sqlite,postgresql]
                                           [--keep]

With `--keep` the loaded registry is kept (`benchmarks.kept`, under `keep_<people>_plan`: everyone
at the main camp) and later runs of the same size start from it instead of loading again.

Each run gets a fresh database and a process of its own (`benchmarks.databases`). Printed per
run: the machine, the load, the time to create and to allocate the plan (targets: 1 s for the
demo camp, 60 s for a million people), and the share of the highest-risk people who receive all
their priority items (blankets, children's boots) under the plan and under first come, first
served, with the difference.
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

TARGETS = {2_000: 1.0, 1_000_000: 60.0}


def run(backend: str, people: int, *, keep: bool = False) -> dict[str, Any]:
    kept = f"keep_{people}_plan" if keep else None
    with fresh_database(backend, keep=kept) as env, tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "results.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.distribution.worker",
            f"--people={people}",
            f"--json={output}",
        ]
        subprocess.run(command, env=env, check=True)  # noqa: S603 - our own interpreter
        results: dict[str, Any] = json.loads(output.read_text())
        return results


def report(result: dict[str, Any]) -> str:
    plan, fair, load = result["plan"], result["fairness"], result["load"]
    target = TARGETS.get(result["people"])
    verdict = "" if target is None else f" (target ≤ {target:g} s)"
    return "\n".join(
        [
            f"{result['database']}, {result['people']:,} people in"
            f" {load['households']:,} households (loaded in {load['seconds']} s)",
            f"  plan: create {plan['create_seconds']} s + allocate {plan['allocate_seconds']} s"
            f" = {plan['total_seconds']} s{verdict} (allocate's processor time in the process"
            f" {plan.get('allocate_cpu_seconds', '?')} s); HiGHS {plan['solver_seconds']} s;"
            f" {plan['entitlement_rows']:,} entitlement rows; load average"
            f" {plan.get('load_average', '?')}",
            f"  highest-risk people ({fair['high_risk_people']:,}) receiving all their priority"
            f" items: plan {fair['plan_share']:.1%}, first come first served"
            f" {fair['fcfs_share']:.1%}, difference {fair['difference'] * 100:+.1f} points",
            f"  units handed out: plan {fair['units_plan']:,}, first come first served"
            f" {fair['units_fcfs']:,}",
        ]
    )


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.distribution.plan")
    parser.add_argument("--people", default="2000,1000000")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument(
        "--keep", action="store_true", help="keep each loaded registry and start from it next time"
    )
    args = parser.parse_args(argv)
    results = []
    for backend in available_backends(args.backends.split(",")):
        for people in (int(n) for n in args.people.split(",")):
            result = run(backend, people, keep=args.keep)
            results.append(result)
            print(report(result), flush=True)  # noqa: T201 - the benchmark's report
    if results:
        machine = results[0]["machine"]
        print("Machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()))  # noqa: T201
    return results


if __name__ == "__main__":
    main()
