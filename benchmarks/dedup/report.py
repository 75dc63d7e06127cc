"""The deduplication benchmark's results as text: Markdown tables for docs/benchmarks.md and the
diagnosis of misses and false merges."""

from collections.abc import Sequence
from typing import Any

# Issue 3, section Targets.
TARGETS = {"precision": 0.99, "recall": 0.97, "cross_script_recall": 0.95, "seconds_1m": 600}
TOOLS = {"waypost": "Waypost (`waypost dedup`)", "splink": "plain Splink (tutorial set-up)"}


def _figure(value: float | None, digits: int = 4) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def results_table(sets: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| set | records | tool | precision | recall | cross-script recall | F1 | true pairs"
        " | predicted pairs | time (s) | peak memory (MiB) |",
        "|" + "---|" * 11,
    ]
    for entry in sets:
        for tool, run in entry["runs"].items():
            lines.append(
                "| "
                + " | ".join([entry["name"], f"{entry['records']:,}", *_cells(tool, run)])
                + " |"
            )
    return "\n".join(lines)


def _cells(tool: str, run: dict[str, Any]) -> list[str]:
    label = TOOLS.get(tool, tool)
    if "scores" not in run:
        return [
            label,
            f"failed (exit {run['exit_code']})",
            *["–"] * 5,
            _figure(run["seconds"], 1),
            "–",
        ]
    scores = run["scores"]
    return [
        label,
        _figure(scores["precision"]),
        _figure(scores["recall"]),
        _figure(scores["cross_script_recall"]),
        _figure(scores["f1"]),
        f"{scores['true_pairs']:,}",
        f"{scores['predicted_pairs']:,}",
        _figure(run["seconds"], 1),
        _figure(run["peak_mib"], 0),
    ]


def ratio_table(sets: Sequence[dict[str, Any]]) -> str:
    """Waypost's figures divided by plain Splink's, set by set."""
    lines = [
        "| set | precision | recall | cross-script recall | F1 | time |",
        "|---|---|---|---|---|---|",
    ]
    for entry in sets:
        ours, theirs = entry["runs"].get("waypost", {}), entry["runs"].get("splink", {})
        if "scores" not in ours or "scores" not in theirs:
            continue
        cells = [
            _ratio(ours["scores"][key], theirs["scores"][key])
            for key in ("precision", "recall", "cross_script_recall", "f1")
        ]
        cells.append(_ratio(ours["seconds"], theirs["seconds"]))
        lines.append("| " + " | ".join([entry["name"], *cells]) + " |")
    return "\n".join(lines)


def _ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None:
        return "–"
    return "∞" if theirs == 0 else f"{ours / theirs:.2f}×"


def targets_lines(sets: Sequence[dict[str, Any]]) -> list[str]:
    """Which targets Waypost met, set by set, from measured figures only."""
    lines = []
    for entry in sets:
        run = entry["runs"].get("waypost", {})
        if "scores" not in run:
            continue
        scores, misses = run["scores"], []
        for key in ("precision", "recall", "cross_script_recall"):
            value = scores[key]
            if value is not None and value < TARGETS[key]:
                misses.append(f"{key.replace('_', ' ')} {value:.4f} < {TARGETS[key]}")
        if entry["records"] >= 1_000_000 and run["seconds"] > TARGETS["seconds_1m"]:
            misses.append(f"time {run['seconds']} s > {TARGETS['seconds_1m']} s")
        verdict = "all targets met" if not misses else "missed: " + "; ".join(misses)
        lines.append(f"- {entry['name']}: {verdict}")
    return lines


def diagnosis_lines(
    name: str, tool: str, diagnosis: dict[str, Any] | None, examples: int = 3
) -> list[str]:
    if diagnosis is None:
        return []
    lines = [f"\n### {TOOLS.get(tool, tool)} on {name}: what it missed and merged"]
    lines.append(
        "Recall on true pairs touching each mark (a pair touches a mark when either record has it):"
    )
    for tag, counts in sorted(
        diagnosis["recall_by_tag"].items(), key=lambda item: _recall(item[1])
    ):
        missed = counts["true_pairs"] - counts["found"]
        lines.append(
            f"  {tag:<22} {_recall(counts):.4f}  ({missed:,} of {counts['true_pairs']:,} missed)"
        )
    relation = diagnosis["false_merges_by_relation"]
    lines.append(
        "False merges (pairs of different people in one cluster): "
        + ", ".join(f"{key} {value:,}" for key, value in relation.items())
    )
    if diagnosis["false_merges_by_tag"]:
        lines.append(
            "False merges touching each mark: "
            + ", ".join(
                f"{tag} {count:,}" for tag, count in diagnosis["false_merges_by_tag"].items()
            )
        )
    for title, key in (("Missed", "missed_examples"), ("Wrongly merged", "false_merge_examples")):
        for pair in diagnosis[key][:examples]:
            lines.append(f"  {title}: " + "  ⟷  ".join(_shown(record) for record in pair))
    return lines


def _recall(counts: dict[str, int]) -> float:
    return counts["found"] / counts["true_pairs"] if counts["true_pairs"] else 1.0


def _shown(record: dict[str, Any]) -> str:
    fields = ("source", "full_name", "date_of_birth", "sex", "nationality", "phone")
    shown = " | ".join(str(record.get(field, "")) for field in fields)
    marks = ",".join(mark for mark in record["marks"] if not mark.startswith("source:"))
    return f"{record['record_id']} {record['identity']} [{shown}] {{{marks}}}"
