"""How `data/model.json` is made: `waypost train_match_model --people 20000 --seed 7`.

The model is trained on generated records whose identities are known (`groundtruth`), with
labels, not by expectation maximisation:
- u (how often a level is reached by two different people) by Splink's random sampling of
  pairs, as usual;
- m (how often it is reached by two records of one person) counted from the pairs the labels
  say are one person (`estimate_m_from_label_column`).
Labels rather than EM because of who the hard non-matches are: siblings and twins share the
father's and family names, the phone and often the birth year, so on unlabelled data EM tends
to learn "same household" as its match class, which is exactly the wrong merge we must avoid.
The generator applies the variation processes of issue 3 at known rates, so its labels teach
the model those rates.

Some levels never occur among generated records of one person (the generator does not change a
person's sex, nationality or phone, nor mistype a birth day). Left at zero they would weigh
infinitely against a match, so each is given a small share of matching pairs (`M_FLOOR`) and
the other levels of its comparison are scaled down to leave room for it.

Given names are weighed by how common they are (Splink's term-frequency adjustment): the
frequencies of the training records are saved beside the model (`training_population.json`)
and used by the registration check (`scoring`); a batch run counts them in its own records
(`batch`), as a name common in one population may be rare in another.

The prior (the chance that two records drawn at random are one person) is counted from the
labels too. It depends on the size of the population: a batch run scales it to the number of
records it is given (`splink_model.prior_for`).
"""

import json
import logging
import math
from collections import Counter
from typing import Any

import pyarrow as pa
from splink import Linker

from waypost.matching import backends, features, groundtruth, model, splink_model
from waypost.matching.records import RECORD_COLUMNS, MatchRecord

# Ours: a level no generated pair of one person reached still occurs in life (a changed phone,
# a wrongly ticked sex, a mistyped day); one matching pair in a hundred is our guess.
M_FLOOR = 0.01
# Ours: a level (almost) no random pair reaches still gets this share, so no level is certain.
U_FLOOR = 1e-6
DEFAULT_PEOPLE = 20_000
DEFAULT_SEED = 7
DEFAULT_MAX_PAIRS = 5e6
# The saved model is trained on the namesake-dense population (`populations`): the stricter
# teacher of the two, as a shared name proves less there.
DEFAULT_POPULATION = "dense"


def match_record(record: groundtruth.Record) -> MatchRecord:
    return MatchRecord(**{column: getattr(record, column) for column in RECORD_COLUMNS})


def train(
    *,
    people: int = DEFAULT_PEOPLE,
    seed: int = DEFAULT_SEED,
    max_pairs: float = DEFAULT_MAX_PAIRS,
    population: str = DEFAULT_POPULATION,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The trained model as Splink's settings dictionary (floors and prior applied), and the
    population it learnt from: its size and how common each given name is."""
    truth = groundtruth.generate(people=people, seed=seed, population=population)
    columns = features.prepare_all(match_record(record) for record in truth.records)
    frequencies = splink_model.frequencies_of(columns[model.TERM_FREQUENCY_COLUMN])
    columns["identity_id"] = [record.identity_id for record in truth.records]
    db_api = backends.duckdb_api()
    table = db_api.register(pa.table(columns))
    linker = Linker(table, splink_model.settings_dict(), log_level=logging.WARNING)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    linker.training.estimate_m_from_label_column("identity_id")
    trained = linker.misc.save_model_to_json()
    trained["probability_two_random_records_match"] = prior(columns["identity_id"])
    trained.pop("linker_uid", None)
    for comparison in trained["comparisons"]:
        _apply_floors(comparison["comparison_levels"])
    learnt_from = {
        "people": people,
        "seed": seed,
        "records": len(truth.records),
        "given_name_frequencies": frequencies,
    }
    if population != DEFAULT_POPULATION:
        learnt_from["population"] = population
    return trained, learnt_from


def prior(identities: list[object]) -> float:
    """The share of all pairs of records that are two records of one person."""
    same = sum(math.comb(count, 2) for count in Counter(identities).values())
    return same / math.comb(len(identities), 2)


def _apply_floors(levels: list[dict[str, Any]]) -> None:
    for key, floor in (("m_probability", M_FLOOR), ("u_probability", U_FLOOR)):
        compared = [level for level in levels if not level.get("is_null_level")]
        raised = [level for level in compared if (level.get(key) or 0.0) < floor]
        room = 1.0 - floor * len(raised)
        rest = sum(level[key] for level in compared if level not in raised)
        for level in compared:
            level[key] = floor if level in raised else level[key] * room / rest


def write(trained: dict[str, Any], population: dict[str, Any]) -> None:
    for path, content in (
        (splink_model.MODEL_PATH, trained),
        (splink_model.POPULATION_PATH, population),
    ):
        path.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
