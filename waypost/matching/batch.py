"""Deduplicate a population of records with the saved model: prepare, predict, cluster.

`deduplicate` is what `waypost dedup` and the benchmarks call. Records are prepared in Python
(`features`), pairs are found by the blocking keys and scored by Splink on DuckDB (or Spark,
for national scale), and records are joined into clusters by the pairs that reach the
threshold, strongest first, never across a contradiction (`clusters`). Every record comes
back with a cluster, alone in its own when nothing matched it; a cluster is named by the
smallest record id in it, so the same input gives the same output.
"""

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
from splink import Linker

from waypost.matching import backends, features, model, splink_model
from waypost.matching.clusters import Identifying, constrained_clusters
from waypost.matching.clusters import identifying as identifying_of
from waypost.matching.records import FieldAgreement, MatchRecord, Score
from waypost.matching.scoring import level_of_weight

# Ours: chosen on generated populations (docs/matching.md) for precision at every size: with
# the blocking keys and clusters as they are, 0.96 keeps pairwise precision at or above 0.99
# from 2,000 to 200,000 people (0.997, 0.993, 0.990) where 0.95 fell to 0.989 at 200,000, for
# one point of recall. Precision comes first: a wrong merge takes aid and protection from one
# of two people.
DEFAULT_THRESHOLD = 0.96

# Ours: a blocking key shared by more records than this is dropped (`features.cap_blocks`);
# measured against recall on generated populations (docs/matching.md).
LARGEST_BLOCK = 300

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
    # Each given name's share of the records (by skeleton), as the pairs were weighed.
    frequencies: dict[str, float] = field(default_factory=dict)


def deduplicate(
    records: Iterable[MatchRecord],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    backend: str = splink_model.DUCKDB,
    progress: Progress | None = None,
    largest_block: int = LARGEST_BLOCK,
) -> Deduplication:
    started = time.perf_counter()

    def report(stage: str, count: int) -> None:
        if progress is not None:
            progress(stage, count, time.perf_counter() - started)

    columns, identifying = _prepared(records)
    record_ids = [str(record_id) for record_id in columns["unique_id"]]
    report("records prepared", len(record_ids))
    crowded = features.cap_blocks(columns["block_keys"], largest_block)  # type: ignore[arg-type]
    report("blocking keys too common to use", crowded)
    if not record_ids:
        return Deduplication(clusters={}, pairs=[])
    db_api = backends.database_api(backend)
    table = db_api.register(pa.table(columns))
    settings = splink_model.load_settings(backend, records=len(record_ids))
    linker = Linker(table, settings, log_level=logging.WARNING)
    # Names are weighed by how common they are in these records as well as in the training
    # population: a name the training population seldom gave (and so weighed heavily) may be
    # common here. Measured on generated people (docs/matching.md, "Name frequencies").
    frequencies = splink_model.frequencies_for(columns[model.TERM_FREQUENCY_COLUMN])
    splink_model.register_name_frequencies(linker, db_api, frequencies)
    predictions = linker.inference.predict(
        threshold_match_probability=threshold, warning_mode="never"
    )
    pairs = _pairs(predictions.as_dict())
    report("pairs at or above the threshold", len(pairs))
    clusters = constrained_clusters(
        identifying, [(pair.score.probability, pair.id_a, pair.id_b) for pair in pairs]
    )
    report("clusters", len(set(clusters.values())))
    return Deduplication(clusters=clusters, pairs=pairs, frequencies=frequencies)


def _prepared(
    records: Iterable[MatchRecord],
) -> tuple[dict[str, list[object]], dict[str, Identifying]]:
    """The records as table columns, and what each says that tells namesakes apart."""
    identifying: dict[str, Identifying] = {}

    def keep(prepared: features.Prepared) -> None:
        identifying[prepared.unique_id] = identifying_of(prepared)

    return features.prepare_all(records, each=keep), identifying


def _pairs(predicted: dict[str, list[Any]]) -> list[Pair]:
    comparisons = splink_model.trained()["comparisons"]
    pairs = []
    for row in range(len(predicted["unique_id_l"])):
        score = Score(
            probability=float(predicted["match_probability"][row]),
            weight=float(predicted["match_weight"][row]),
            agreements=tuple(_agreement(predicted, row, comparison) for comparison in comparisons),
        )
        pairs.append(
            Pair(str(predicted["unique_id_l"][row]), str(predicted["unique_id_r"][row]), score)
        )
    return pairs


def _agreement(
    predicted: dict[str, list[Any]], row: int, comparison: dict[str, Any]
) -> FieldAgreement:
    name = comparison["output_column_name"]
    adjustments = predicted.get(f"mw_tf_adj_{name}")
    adjustment = float(adjustments[row] or 0.0) if adjustments else 0.0
    return level_of_weight(comparison, predicted[f"mw_{name}"][row], adjustment)
