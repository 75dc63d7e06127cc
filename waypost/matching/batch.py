"""Deduplicate a population of records with the saved model: prepare, predict, cluster.

`deduplicate` is what `waypost dedup` and the benchmarks call. Records are prepared in Python
(`features`), pairs are found by the blocking keys and scored by Splink on DuckDB (or Spark,
for national scale), and records are joined into clusters wherever a pair reaches the
threshold and their given names agree (`joins_clusters`). Every record comes back with a
cluster, alone in its own when nothing matched it; a cluster is named by the smallest record
id in it, so the same input gives the same output.
"""

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
from splink import Linker

from waypost.matching import backends, features, model, splink_model
from waypost.matching.records import MatchRecord, Score
from waypost.matching.scoring import level_of_weight

# Ours: measured on generated populations of 2,000 and 20,000 people (docs/matching.md): at
# this probability pairwise precision stays at or above 0.99 while recall stays near 0.97;
# lower thresholds gain little recall and start merging siblings and twins.
DEFAULT_THRESHOLD = 0.99

Progress = Callable[[str, int, float], None]  # stage, how many, seconds since the start


@dataclass(frozen=True)
class Pair:
    id_a: str
    id_b: str
    score: Score


@dataclass(frozen=True)
class Deduplication:
    clusters: dict[str, str]  # record id -> cluster id
    pairs: list[Pair]  # pairs at or above the threshold, clustered or not


def deduplicate(
    records: Iterable[MatchRecord],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    backend: str = splink_model.DUCKDB,
    progress: Progress | None = None,
) -> Deduplication:
    started = time.perf_counter()

    def report(stage: str, count: int) -> None:
        if progress is not None:
            progress(stage, count, time.perf_counter() - started)

    columns = features.prepare_all(records)
    record_ids = [str(record_id) for record_id in columns["unique_id"]]
    report("records prepared", len(record_ids))
    if not record_ids:
        return Deduplication(clusters={}, pairs=[])
    db_api = backends.database_api(backend)
    table = db_api.register(pa.table(columns))
    linker = Linker(table, splink_model.load_settings(backend), log_level=logging.WARNING)
    predictions = linker.inference.predict(
        threshold_match_probability=threshold, warning_mode="never"
    )
    pairs = _pairs(predictions.as_dict())
    report("pairs at or above the threshold", len(pairs))
    clusters = connected_clusters(
        record_ids, [(pair.id_a, pair.id_b) for pair in pairs if joins_clusters(pair.score)]
    )
    report("clusters", len(set(clusters.values())))
    return Deduplication(clusters=clusters, pairs=pairs)


def _pairs(predicted: dict[str, list[Any]]) -> list[Pair]:
    comparisons = splink_model.trained()["comparisons"]
    pairs = []
    for row in range(len(predicted["unique_id_l"])):
        agreements = tuple(
            level_of_weight(comparison, predicted[f"mw_{comparison['output_column_name']}"][row])
            for comparison in comparisons
        )
        score = Score(
            probability=float(predicted["match_probability"][row]),
            weight=float(predicted["match_weight"][row]),
            agreements=agreements,
        )
        pairs.append(
            Pair(str(predicted["unique_id_l"][row]), str(predicted["unique_id_r"][row]), score)
        )
    return pairs


def joins_clusters(score: Score) -> bool:
    """Whether a pair at the threshold may join two records without a person looking at it:
    only when the given names agree. Twins share everything else (birth date, father, family,
    phone), and no sum of weights may outvote two different given names."""
    given = next(agreement for agreement in score.agreements if agreement.field == "given_name")
    return given.level in model.GIVEN_NAMES_AGREE


def connected_clusters(record_ids: list[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each record's cluster: the smallest record id among those it is joined to."""
    parent = {record_id: record_id for record_id in record_ids}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first, second in edges:
        one, other = root(first), root(second)
        if one != other:
            parent[max(one, other)] = min(one, other)
    return {record_id: root(record_id) for record_id in record_ids}
