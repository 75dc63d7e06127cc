"""The model as Splink reads it: settings built from `model.comparisons`, the saved JSON, and the
Python functions its SQL calls, registered on a DuckDB connection or a Spark session.

At run time nothing is trained: `load_settings` reads `data/model.json` (written by
`waypost train_match_model`) and, for Spark, puts that backend's SQL in place of DuckDB's while
keeping every trained m and u.
"""

import json
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, cast

from waypost.matching import model

MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.json"
POPULATION_PATH = MODEL_PATH.with_name("training_population.json")
DUCKDB, SPARK = "duckdb", "spark"
BACKENDS = (DUCKDB, SPARK)
_SQL = {DUCKDB: model.DUCKDB_SQL, SPARK: model.SPARK_SQL}
# Ours: the smallest population the threshold was measured on (2,000 people, about 5,000
# records); a smaller file gets that population's prior, not a higher one, so a short list of
# distinct people is not assumed to hold many duplicates.
SMALLEST_POPULATION = 5000
BLOCKING_RULE = "l.block_keys = r.block_keys"


def settings_dict(backend: str = DUCKDB, *, prior: float = 1e-4) -> dict[str, Any]:
    """Untrained settings: comparisons and blocking, m and u still to be estimated."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": prior,
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": BLOCKING_RULE, "arrays_to_explode": ["block_keys"]}
        ],
        "comparisons": [
            _comparison_dict(comparison) for comparison in model.comparisons(_SQL[backend])
        ],
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
        "sql_dialect": backend,
    }


def _comparison_dict(comparison: model.Comparison) -> dict[str, Any]:
    return {
        "output_column_name": comparison.name,
        "comparison_description": comparison.description,
        "comparison_levels": [_level_dict(level) for level in comparison.levels],
    }


def _level_dict(level: model.Level) -> dict[str, Any]:
    written: dict[str, Any] = {
        "sql_condition": level.sql,
        "label_for_charts": level.label,
        "is_null_level": level.is_null,
    }
    if level.term_frequency:
        # The level's own u is replaced by the name's frequency: weight log2(m / frequency).
        written |= {
            "tf_adjustment_column": model.TERM_FREQUENCY_COLUMN,
            "tf_adjustment_weight": 1.0,
            "disable_tf_exact_match_detection": True,
        }
    return written


@cache
def trained() -> dict[str, Any]:
    """The saved model as Splink wrote it."""
    return cast(dict[str, Any], json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def load_settings(backend: str = DUCKDB, *, records: int | None = None) -> dict[str, Any]:
    """The trained model with the backend's SQL (the levels are the same, in the same order),
    and the prior for a population of `records` when given."""
    saved: dict[str, Any] = json.loads(json.dumps(trained()))
    if records is not None:
        saved["probability_two_random_records_match"] = prior_for(records)
    # Each field's match weight comes back with the pair, to say why it matched.
    saved["retain_intermediate_calculation_columns"] = True
    if backend == DUCKDB:
        return saved
    fresh = settings_dict(backend)
    for saved_comparison, fresh_comparison in zip(
        saved["comparisons"], fresh["comparisons"], strict=True
    ):
        for saved_level, fresh_level in zip(
            saved_comparison["comparison_levels"],
            fresh_comparison["comparison_levels"],
            strict=True,
        ):
            saved_level["sql_condition"] = fresh_level["sql_condition"]
    saved["sql_dialect"] = backend
    saved["blocking_rules_to_generate_predictions"] = fresh[
        "blocking_rules_to_generate_predictions"
    ]
    return saved


@cache
def training_population() -> dict[str, Any]:
    """The records the model learnt from: how many, and how common each given name was."""
    return cast(dict[str, Any], json.loads(POPULATION_PATH.read_text(encoding="utf-8")))


def name_frequencies() -> dict[str, float]:
    """Each given name's share (by skeleton) of the records the model learnt from."""
    return cast(dict[str, float], training_population()["given_name_frequencies"])


def prior_for(records: int) -> float:
    """The chance that two records drawn at random are one person, in a population of
    `records`: people have as many records each as in training, so the pairs of one person
    grow with the population and all pairs with its square."""
    trained_prior = float(trained()["probability_two_random_records_match"])
    trained_records = int(training_population()["records"])
    return trained_prior * (trained_records - 1) / (max(records, SMALLEST_POPULATION) - 1)


def frequencies_of(names: Iterable[object]) -> dict[str, float]:
    """Each name's share of the records that have one, most common first."""
    counts = Counter(name for name in names if isinstance(name, str))
    total = sum(counts.values())
    return {name: count / total for name, count in sorted(counts.items(), key=_commonest)}


def frequencies_for(names: Iterable[object]) -> dict[str, float]:
    """Each name's share in these records, with the training population's shares counted in
    as if its records were among them: a large file weighs names by its own counts (a name
    the training population seldom gave may be common here), a short list mostly by the
    training population's (two records of Mohammed do not make Mohammed every name)."""
    counts = Counter(name for name in names if isinstance(name, str))
    learnt, learnt_from = name_frequencies(), int(training_population()["records"])
    total = sum(counts.values()) + learnt_from
    return {
        name: (count + learnt_from * learnt.get(name, 0.0)) / total
        for name, count in sorted(counts.items(), key=_commonest)
    }


def _commonest(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def register_name_frequencies(
    linker: Any, db_api: Any, frequencies: dict[str, float] | None = None
) -> None:
    """Splink weighs names by `frequencies` (a batch run counts them in its own records), or
    by the saved ones of the training population, as `scoring` does by default."""
    if frequencies is None:
        frequencies = name_frequencies()
    column = model.TERM_FREQUENCY_COLUMN
    table = db_api.register({column: list(frequencies), f"tf_{column}": list(frequencies.values())})
    linker.table_management.register_term_frequency_lookup(table, column)
