"""Score one tool's CLUSTERS.csv on one data set: the pairwise figures, and the diagnosis of
what it missed and what it merged wrongly."""

from pathlib import Path
from typing import Any

from benchmarks.dedup import diagnosis
from benchmarks.dedup.datasets import Dataset, read_clusters, rows_of
from benchmarks.dedup.metrics import cross_script_recall_by_scripts, score

EXAMPLES = 12


def evaluate(dataset: Dataset, clusters_csv: Path, *, diagnose: bool = True) -> dict[str, Any]:
    clusters = read_clusters(clusters_csv)
    identities, scripts = dataset.identities, dataset.scripts
    result: dict[str, Any] = {
        "scores": score(clusters, identities, scripts).as_dict(),
        "cross_script": {
            scripts_pair: {"true_pairs": true, "found": found}
            for scripts_pair, (true, found) in cross_script_recall_by_scripts(
                clusters, identities, scripts
            ).items()
        },
        "cluster_sizes": diagnosis.cluster_sizes(clusters.values()),
    }
    if diagnose:
        result["diagnosis"] = diagnosed(dataset, clusters)
    return result


def diagnosed(dataset: Dataset, clusters: dict[str, str]) -> dict[str, Any]:
    known = dataset.known
    missed = diagnosis.missed_examples(clusters, known, EXAMPLES)
    merged = diagnosis.false_merge_examples(clusters, known, EXAMPLES)
    rows = rows_of(dataset.records_csv, {record for pair in missed + merged for record in pair})

    def shown(pairs: list[tuple[str, str]]) -> list[list[dict[str, Any]]]:
        return [[_example(rows, known, record) for record in pair] for pair in pairs]

    return {
        "recall_by_tag": {
            tag: {"true_pairs": true, "found": found}
            for tag, (true, found) in diagnosis.recall_by_tag(clusters, known).items()
        },
        "false_merges_by_relation": diagnosis.false_merges_by_relation(clusters, known),
        "false_merges_by_tag": diagnosis.false_merges_by_tag(clusters, known),
        "missed_examples": shown(missed),
        "false_merge_examples": shown(merged),
    }


def _example(rows: Any, known: dict[str, diagnosis.Known], record: str) -> dict[str, Any]:
    facts = known[record]
    row = {key: value for key, value in rows.get(record, {}).items() if value}
    return {**row, "identity": facts.identity, "marks": sorted(facts.tags)}
