"""Benchmark results as text: one block per run, and a summary table in Markdown."""

from collections.abc import Sequence
from typing import Any

from benchmarks.supply_report import supply_lines

LOADERS = {
    "services": "registry services",
    "bulk": "bulk loader",
    "supply_rows": "bulk loader of the rows the needs read (benchmarks.supply_load)",
    "kept": "kept copy",
}


def machine_lines(results: dict[str, Any]) -> list[str]:
    machine = results["machine"]
    return [
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']} RAM, "
        f"{machine['os']}",
        f"Software: Python {machine['python']}, Django {machine['django']}, {results['database']}",
    ]


def format_run(results: dict[str, Any]) -> str:
    load = results["load"]
    lines = [
        f"== {results['database']}, {results['people']:,} people in "
        f"{results['households']:,} households ==",
        *machine_lines(results),
        f"Loaded with the {LOADERS[load['how']]} in {load['seconds']} s",
    ]
    if registration := results.get("registration"):
        lines.append(
            f"Registration POST, household of {registration['household_size']} "
            f"({registration['n']} posts): median {registration['median_ms']} ms, "
            f"p95 {registration['p95_ms']} ms"
        )
    if search := results.get("search"):
        lines += search_lines(search)
    if supply := results.get("supply"):
        lines += supply_lines(supply)
    return "\n".join(lines)


def search_lines(search: dict[str, Any]) -> list[str]:
    lines = [f"Name search, {search['queries']} misspelt names, e.g. {search['examples'][:4]}"]
    labels = {
        "http": "Waypost search page (GET)",
        "ours": "Waypost search (selector)",
        "naive": "naive icontains search",
    }
    for key, label in labels.items():
        row = search[key]
        recall = f", recall {row['recall']:.0%}" if "recall" in row else ""
        lines.append(f"  {label:<28} median {row['median_ms']} ms, p95 {row['p95_ms']} ms{recall}")
    exact = search["exact_recall"]
    lines.append(
        f"  names typed as registered (control): recall {exact['ours']:.0%} Waypost, "
        f"{exact['naive']:.0%} naive"
    )
    lines.append(f"  time ratio Waypost/naive (selector vs query): {search['ratio_ours_to_naive']}")
    return lines


def format_summary(runs: Sequence[dict[str, Any]]) -> str:
    """A Markdown table with one row per run, ready for docs/benchmarks.md."""
    header = (
        "| database | people | registration POST median / p95 (ms) | search GET median / p95 (ms)"
        " | search recall | naive icontains median / p95 (ms) | naive recall |"
    )
    lines = [header, "|" + "---|" * 7]
    for run in runs:
        reg, search = run.get("registration"), run.get("search")
        cells = [
            run["database"],
            f"{run['people']:,}",
            f"{reg['median_ms']} / {reg['p95_ms']}" if reg else "–",
            f"{search['http']['median_ms']} / {search['http']['p95_ms']}" if search else "–",
            f"{search['ours']['recall']:.0%}" if search else "–",
            f"{search['naive']['median_ms']} / {search['naive']['p95_ms']}" if search else "–",
            f"{search['naive']['recall']:.0%}" if search else "–",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
