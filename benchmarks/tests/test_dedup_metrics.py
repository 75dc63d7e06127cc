"""Pairwise scores of clusters against known identities, checked on hand-made clusters and
against pair-by-pair counting on any small input."""

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.dedup import diagnosis
from benchmarks.dedup.diagnosis import Known
from benchmarks.dedup.metrics import (
    ARABIC,
    CYRILLIC,
    LATIN,
    NO_LETTERS,
    cross_script_recall_by_scripts,
    score,
    script_of,
)

# Person A has three records in three scripts, B two Latin ones, C one.
IDENTITIES = {"1": "A", "2": "A", "3": "A", "4": "B", "5": "B", "6": "C"}
SCRIPTS = {"1": LATIN, "2": CYRILLIC, "3": ARABIC, "4": LATIN, "5": LATIN, "6": LATIN}


@pytest.mark.parametrize(
    ("texts", "script"),
    [
        (("Mohammed", "Al-Hassan"), LATIN),
        (("Şêrko", "Kamaran"), LATIN),
        (("Мухаммед", "Ибрагим"), CYRILLIC),
        (("محمد", "عبدالله"), ARABIC),
        (("پیمان", "ئەحمەد", "کاروان"), ARABIC),  # Persian and Sorani Kurdish letters
        (("Мухаммед", "Ali"), CYRILLIC),  # most letters decide
        (("محمد", "", "Al"), ARABIC),
        (("", "1990", "-"), NO_LETTERS),
    ],
)
def test_the_script_of_a_record_is_read_from_its_letters(texts, script):
    assert script_of(*texts) == script


def test_hand_made_clusters_give_the_expected_precision_and_recall():
    clusters = {"1": "x", "2": "x", "3": "y", "4": "y", "5": "y", "6": "z"}
    scores = score(clusters, IDENTITIES, SCRIPTS)
    # True pairs: A has 3, B has 1. Predicted: x has 1, y has 3. Correct: (1,2) and (4,5).
    assert (scores.true_pairs, scores.predicted_pairs, scores.correct_pairs) == (4, 4, 2)
    assert scores.precision == scores.recall == scores.f1 == 0.5
    # A's pairs are all cross-script (Latin, Cyrillic, Arabic); only 1–2 was found.
    assert (scores.cross_script_pairs, scores.cross_script_found) == (3, 1)
    assert scores.cross_script_recall == pytest.approx(1 / 3)
    assert scores.clusters == 3


def test_perfect_clusters_score_one_and_singletons_find_nothing():
    perfect = score(dict(IDENTITIES), IDENTITIES, SCRIPTS)
    assert perfect.precision == perfect.recall == perfect.cross_script_recall == 1.0
    alone = score({record: record for record in IDENTITIES}, IDENTITIES, SCRIPTS)
    assert (alone.precision, alone.recall, alone.cross_script_recall) == (1.0, 0.0, 0.0)


def test_records_missing_from_the_answer_stand_alone_and_are_counted():
    scores = score({"1": "x", "2": "x"}, IDENTITIES, SCRIPTS)
    assert scores.unassigned == 4
    assert (scores.predicted_pairs, scores.correct_pairs) == (1, 1)
    assert scores.clusters == 5


def test_a_huge_cluster_is_counted_without_listing_its_pairs():
    records = 200_000
    identities = {str(n): f"P{n // 2}" for n in range(records)}
    scores = score(dict.fromkeys(identities, "everyone"), identities)
    assert scores.predicted_pairs == records * (records - 1) // 2
    assert scores.true_pairs == scores.correct_pairs == records // 2
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx(1 / (records - 1))
    assert scores.cross_script_recall is None


def test_cross_script_recall_is_split_by_the_two_scripts():
    clusters = {"1": "x", "2": "x", "3": "y", "4": "y", "5": "y", "6": "z"}
    by_scripts = cross_script_recall_by_scripts(clusters, IDENTITIES, SCRIPTS)
    assert by_scripts == {
        "Latin–Cyrillic": (1, 1),
        "Latin–Arabic": (1, 0),
        "Cyrillic–Arabic": (1, 0),
    }


records = st.dictionaries(
    st.sampled_from([str(n) for n in range(12)]),
    st.tuples(
        st.sampled_from("ABCD"), st.sampled_from("xyz"), st.sampled_from((LATIN, CYRILLIC, ARABIC))
    ),
    min_size=1,
)


def brute_force(table):
    pairs = list(combinations(sorted(table), 2))
    true = {(a, b) for a, b in pairs if table[a][0] == table[b][0]}
    predicted = {(a, b) for a, b in pairs if table[a][1] == table[b][1]}
    cross = {(a, b) for a, b in true if table[a][2] != table[b][2]}
    return true, predicted, cross


@given(records)
def test_counts_agree_with_listing_every_pair(table):
    true, predicted, cross = brute_force(table)
    identities = {record: facts[0] for record, facts in table.items()}
    clusters = {record: facts[1] for record, facts in table.items()}
    scripts = {record: facts[2] for record, facts in table.items()}
    scores = score(clusters, identities, scripts)
    assert scores.true_pairs == len(true)
    assert scores.predicted_pairs == len(predicted)
    assert scores.correct_pairs == len(true & predicted)
    assert scores.cross_script_pairs == len(cross)
    assert scores.cross_script_found == len(cross & predicted)


def known_of(table):
    """Known facts; every third record carries the mark typo."""
    return {
        record: Known(
            identity=facts[0],
            family=facts[0] if facts[0] in "AB" else "F",
            born="",
            namesake="",
            script=facts[2],
            tags=frozenset({"typo"} if int(record) % 3 == 0 else set()),
        )
        for record, facts in table.items()
    }


@given(records)
def test_pairs_touching_a_mark_agree_with_listing_every_pair(table):
    true, predicted, _cross = brute_force(table)
    known = known_of(table)
    clusters = {record: facts[1] for record, facts in table.items()}
    tagged = {record for record, facts in known.items() if facts.tags}
    touching_true = {pair for pair in true if tagged & set(pair)}
    recall = diagnosis.recall_by_tag(clusters, known)
    assert recall.get("typo", [0, 0]) == [len(touching_true), len(touching_true & predicted)]
    wrong = {pair for pair in predicted - true if tagged & set(pair)}
    assert diagnosis.false_merges_by_tag(clusters, known).get("typo", 0) == len(wrong)


def test_false_merges_are_told_apart_by_how_the_people_are_related():
    def person(identity, family, born, namesake):
        return Known(identity, family, born, namesake, LATIN, frozenset())

    known = {
        "1": person("twin1", "F1", "2000-01-01", "Hasan|"),
        "2": person("twin2", "F1", "2000-01-01", "Husain|"),
        "3": person("sister", "F1", "2003-05-05", "Zainab|"),
        "4": person("cousin", "F2", "2001-01-01", "Hasan|"),
        "5": person("stranger", "F3", "1970-01-01", "Omar|"),
        "6": person("twin1", "F1", "2000-01-01", "Hasan|"),
    }
    # One cluster holds everyone: 15 pairs, of which 1 is right (1 and 6, one person).
    merged = diagnosis.false_merges_by_relation(dict.fromkeys(known, "x"), known)
    assert merged == {
        "twins": 2,  # 1–2 and 6–2
        "siblings (not twins)": 3,  # 1–3, 6–3, 2–3
        "same given and family name, other family": 2,  # 1–4 and 6–4
        "unrelated": 7,
        "all": 14,
    }
    split = {"1": "a", "6": "b", "2": "c", "3": "d", "4": "e", "5": "f"}
    assert diagnosis.missed_examples(split, known, limit=5) == [("1", "6")]
    assert diagnosis.false_merge_examples(split, known, limit=5) == []


def test_febrl_rows_are_mapped_to_the_dedup_columns():
    from benchmarks.dedup.febrl import as_record, identity_of, iso_date

    row = {
        "rec_id": "rec-561-dup-0",
        "given_name": "elton",
        "surname": "",
        "date_of_birth": "19651013",
    }
    assert as_record(row) == {
        "record_id": "rec-561-dup-0",
        "source": "",
        "given_name": "elton",
        "father_name": "",
        "family_name": "",
        "full_name": "elton",
        "date_of_birth": "1965-10-13",
        "sex": "",
        "nationality": "",
        "phone": "",
    }
    assert identity_of("rec-561-org") == identity_of("rec-561-dup-0") == "561"
    assert iso_date("19651313") == iso_date("1965") == ""
