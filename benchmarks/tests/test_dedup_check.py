from datetime import date

from benchmarks.dedup_check import pairs_sharing_a_key, quality, written_again
from waypost.demo.people import Dice
from waypost.matching.records import MatchRecord
from waypost.registry.tests.factories import member


def test_recall_counts_registered_people_shown_and_false_alarms_new_people_shown():
    found = [
        ("BRZ-000001-01", ["BRZ-000001-01"]),
        ("BRZ-000002-01", ["BRZ-000009-01", "BRZ-000002-01"]),
        ("BRZ-000003-01", []),
        ("", ["BRZ-000004-01"]),
        ("", []),
    ]

    figures = quality(found)

    assert figures["recall"] == round(2 / 3, 3)
    assert figures["first"] == round(1 / 3, 3)
    assert figures["new_shown_any"] == 0.5


def test_a_person_written_again_keeps_their_sex_and_nationality_and_changes_form():
    dice = Dice(seed=3, today=date(2026, 11, 24))

    written = [written_again(member(), dice) for _ in range(40)]

    assert all(typed["sex"] == "M" and typed["nationality"] == "IRQ" for typed in written)
    assert any(typed["given_name"] != "Mohammed" for typed in written)
    # born 1985: an estimated age is off by two years at most
    assert all(1983 <= int(typed["date_of_birth"][:4]) <= 1987 for typed in written)


def test_pairs_sharing_a_key_are_found_once_and_across_scripts():
    records = {
        "a": MatchRecord("a", given_name="Mohammed", father_name="Ali", date_of_birth="1985"),
        "b": MatchRecord("b", given_name="Мухаммед", father_name="Али", date_of_birth="1986"),
        "c": MatchRecord("c", given_name="Omar", father_name="Ali", date_of_birth="1985"),
    }

    assert pairs_sharing_a_key(records) == {("a", "b")}
