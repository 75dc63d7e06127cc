"""`score_pair` puts every pair on the levels Splink's SQL puts it on, with the same weight."""

import itertools
import logging
import math
import random

import pyarrow as pa
import pytest
from splink import Linker
from splink.internals.realtime import compare_records

from waypost.matching import backends, features, model, splink_model
from waypost.matching.batch import deduplicate
from waypost.matching.groundtruth import generate
from waypost.matching.records import MatchRecord
from waypost.matching.scoring import probability, score_pair, score_prepared
from waypost.matching.training import match_record

TOLERANCE = 1e-6


@pytest.fixture(scope="module")
def records():
    return [match_record(record) for record in generate(people=150, seed=21).records]


def splink_weights_of_blocked_pairs(records):
    db_api = backends.duckdb_api()
    table = db_api.register(pa.table(features.prepare_all(records)))
    linker = Linker(table, splink_model.load_settings(), log_level=logging.WARNING)
    splink_model.register_name_frequencies(linker, db_api)
    predicted = linker.inference.predict(warning_mode="never").as_dict()
    return predicted


def test_blocked_pairs_weigh_the_same_in_python_as_in_splink(records):
    predicted = splink_weights_of_blocked_pairs(records)
    by_id = {record.record_id: features.prepare(record) for record in records}
    assert len(predicted["unique_id_l"]) > 200
    for left, right, weight in zip(
        predicted["unique_id_l"], predicted["unique_id_r"], predicted["match_weight"], strict=True
    ):
        assert score_prepared(by_id[left], by_id[right]).weight == pytest.approx(
            weight, abs=TOLERANCE
        )


def with_frequencies(rows):
    """The realtime comparison reads each name's frequency from the record itself."""
    column = model.TERM_FREQUENCY_COLUMN
    frequencies = splink_model.name_frequencies()
    return [row | {f"tf_{column}": frequencies.get(row[column])} for row in rows]


def test_pairs_no_blocking_key_brings_together_weigh_the_same_too(records):
    sample = random.Random(3).sample(records, 24)
    left, right = sample[:12], sample[12:]
    rows = [
        with_frequencies(pa.table(features.prepare_all(side)).to_pylist()) for side in (left, right)
    ]
    compared = compare_records(
        rows[0],
        rows[1],
        splink_model.load_settings(),
        backends.duckdb_api(),
    ).as_dict()
    by_id = {record.record_id: record for record in sample}
    assert len(compared["match_weight"]) == 144
    for one, other, weight, chance in zip(
        compared["unique_id_l"],
        compared["unique_id_r"],
        compared["match_weight"],
        compared["match_probability"],
        strict=True,
    ):
        score = score_pair(by_id[one], by_id[other])
        assert score.weight == pytest.approx(weight, abs=TOLERANCE)
        assert score.probability == pytest.approx(chance, abs=TOLERANCE)


def test_a_score_is_the_prior_and_the_field_weights_added_up(records):
    first, second = records[0], records[1]
    score = score_pair(first, second)
    trained = splink_model.trained()
    prior = trained["probability_two_random_records_match"]
    fields = sum(agreement.weight for agreement in score.agreements)
    assert score.weight == pytest.approx(math.log2(prior / (1 - prior)) + fields)
    assert score.probability == pytest.approx(probability(score.weight))


def test_each_field_says_in_words_how_far_it_agrees():
    mohammed = MatchRecord(
        record_id="a",
        given_name="Mohammed",
        father_name="Ibrahim",
        family_name="Al-Hassan",
        date_of_birth="1990-03-04",
        sex="M",
        nationality="SYR",
        phone="+963 944 123 456",
    )
    in_cyrillic = MatchRecord(
        record_id="b",
        given_name="Мухаммед",
        family_name="Ибрагим",
        date_of_birth="1990-04-03",
        sex="M",
        nationality="SYR",
        phone="0944123456",
    )
    levels = {
        agreement.field: agreement.level
        for agreement in score_pair(mohammed, in_cyrillic).agreements
    }
    assert levels == {
        "given_name": "same given name in another spelling or script",
        "father_and_family_name": "the one name written agrees with the father's name",
        "date_of_birth": "same birth date with day and month swapped",
        "sex": "same sex",
        "nationality": "same nationality",
        "phone": "same phone",
    }
    assert score_pair(mohammed, in_cyrillic).probability > 0.99


def test_twins_with_different_given_names_speak_against_a_match():
    twin = MatchRecord(
        record_id="a",
        given_name="Hassan",
        father_name="Ali",
        family_name="Barzani",
        date_of_birth="2001-05-06",
        sex="M",
        phone="+9647501234567",
    )
    other_twin = MatchRecord(
        record_id="b",
        given_name="Omar",
        father_name="Ali",
        family_name="Barzani",
        date_of_birth="2001-05-06",
        sex="M",
        phone="+9647501234567",
    )
    score = score_pair(twin, other_twin)
    given = next(agreement for agreement in score.agreements if agreement.field == "given_name")
    assert given.level == "different given names"
    assert given.weight < -5
    assert {agreement.field for agreement in score.agreeing()} >= {"date_of_birth", "phone"}


def test_identical_records_weigh_the_most(records):
    for record, other in itertools.pairwise(records[:20]):
        assert score_pair(record, record).weight >= score_pair(record, other).weight


def test_a_batch_run_gives_each_pair_the_levels_and_weights_score_pair_gives(records):
    by_id = {record.record_id: record for record in records}
    run = deduplicate(records, threshold=0.5)
    assert len(run.pairs) > 100
    for pair in run.pairs:
        expected = score_pair(by_id[pair.id_a], by_id[pair.id_b], frequencies=run.frequencies)
        assert [agreement.level for agreement in pair.score.agreements] == [
            agreement.level for agreement in expected.agreements
        ]
        assert [agreement.weight for agreement in pair.score.agreements] == pytest.approx(
            [agreement.weight for agreement in expected.agreements], abs=TOLERANCE
        )


def test_a_batch_prior_follows_the_population_size():
    trained = splink_model.trained()["probability_two_random_records_match"]
    records = splink_model.training_population()["records"]
    assert splink_model.prior_for(records) == pytest.approx(trained)
    assert splink_model.prior_for(records * 10) == pytest.approx(trained / 10, rel=1e-3)
    assert splink_model.prior_for(10) == splink_model.prior_for(splink_model.SMALLEST_POPULATION)


def test_a_batch_weighs_names_by_its_own_records_beside_the_training_population():
    learnt = splink_model.name_frequencies()
    commonest = next(iter(learnt))
    few = splink_model.frequencies_for([commonest, commonest])
    assert few[commonest] == pytest.approx(learnt[commonest], rel=1e-3)
    # A name the training population never gave, common in a large file, is weighed as common.
    many = splink_model.frequencies_for(["zzz"] * 1_000_000 + [commonest] * 10)
    assert many["zzz"] > 0.9
    assert many[commonest] < learnt[commonest] / 10
