"""Score one pair of records with the trained model, in plain Python.

`score_pair` puts the pair on the same comparison levels as the Splink SQL of a batch run
(`model.comparisons` holds both forms of every level) and reads each level's m and u, and the
prior, from the saved model, so the registration check and `waypost dedup` agree on every
pair to the last decimal when given the same name frequencies (a batch run counts them in its
own records; `Deduplication.frequencies`). Each field's level comes back in plain words with
its weight.
"""

import math
from functools import cache
from typing import Any

from waypost.matching import model, splink_model
from waypost.matching.features import Prepared, prepare
from waypost.matching.records import FieldAgreement, MatchRecord, Score


class ModelOutOfDateError(RuntimeError):
    """The saved model's levels are not the ones `model.comparisons` defines: retrain it."""


Frequencies = dict[str, float]  # given name (skeleton) -> share of the records


def score_pair(
    first: MatchRecord, second: MatchRecord, *, frequencies: Frequencies | None = None
) -> Score:
    return score_prepared(prepare(first), prepare(second), frequencies=frequencies)


def score_prepared(
    first: Prepared, second: Prepared, *, frequencies: Frequencies | None = None
) -> Score:
    """`frequencies` weigh the given names: the training population's unless given (a batch
    run passes those of its records)."""
    trained = _checked_model()
    if frequencies is None:
        frequencies = splink_model.name_frequencies()
    agreements = tuple(
        _level_reached(comparison, saved, first, second, frequencies)
        for comparison, saved in zip(model.comparisons(), trained["comparisons"], strict=True)
    )
    weight = prior_weight(trained) + sum(agreement.weight for agreement in agreements)
    return Score(probability=probability(weight), weight=weight, agreements=agreements)


def _level_reached(
    comparison: model.Comparison,
    saved: dict[str, Any],
    first: Prepared,
    second: Prepared,
    frequencies: Frequencies,
) -> FieldAgreement:
    for level, saved_level in zip(comparison.levels, saved["comparison_levels"], strict=True):
        if level.test(first, second):
            weight = level_weight(saved_level)
            if level.term_frequency:
                weight += frequency_adjustment(saved_level, first, second, frequencies)
            return FieldAgreement(comparison.name, level.label, weight)
    raise ModelOutOfDateError(comparison.name)  # the last level is ELSE: never reached


def level_weight(saved_level: dict[str, Any]) -> float:
    """log2 of the level's Bayes factor m/u; a null level is no evidence either way."""
    if saved_level.get("is_null_level"):
        return 0.0
    return math.log2(float(saved_level["m_probability"]) / float(saved_level["u_probability"]))


def frequency_adjustment(
    saved_level: dict[str, Any], first: Prepared, second: Prepared, frequencies: Frequencies
) -> float:
    """Splink's term-frequency adjustment: the level's u replaced by the commoner of the two
    names' frequencies; nothing when neither name was counted."""
    column = model.TERM_FREQUENCY_COLUMN
    known = [
        frequencies[name]
        for name in (getattr(first, column), getattr(second, column))
        if name in frequencies
    ]
    if not known:
        return 0.0
    return math.log2(float(saved_level["u_probability"])) - math.log2(max(known))


def prior_weight(trained: dict[str, Any]) -> float:
    prior = float(trained["probability_two_random_records_match"])
    return math.log2(prior / (1 - prior))


def probability(weight: float) -> float:
    """The chance of one person from a match weight (log2 odds), without overflow."""
    if weight >= 0:
        return 1 / (1 + math.pow(2.0, -weight))
    odds = math.pow(2.0, weight)
    return odds / (1 + odds)


def level_of_weight(
    saved: dict[str, Any], weight: float, frequency_adjustment: float = 0.0
) -> FieldAgreement:
    """The level whose weight Splink reported for a pair (levels weigh differently, and a
    weight is all a prediction keeps of its levels), with the name-frequency adjustment."""
    level = min(saved["comparison_levels"], key=lambda level: abs(level_weight(level) - weight))
    return FieldAgreement(
        saved["output_column_name"],
        level["label_for_charts"],
        level_weight(level) + frequency_adjustment,
    )


@cache
def _checked_model() -> dict[str, Any]:
    trained = splink_model.trained()
    for comparison, saved in zip(model.comparisons(), trained["comparisons"], strict=True):
        labels = [level["label_for_charts"] for level in saved["comparison_levels"]]
        if labels != [level.label for level in comparison.levels]:
            raise ModelOutOfDateError(comparison.name)
    return trained
