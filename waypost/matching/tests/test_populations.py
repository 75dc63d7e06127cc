from collections import Counter

import pytest

from waypost.demo.names import arabic
from waypost.demo.origins import ORIGINS
from waypost.demo.people import Dice
from waypost.matching import name_rules, names
from waypost.matching.groundtruth import REFERENCE_DAY, generate
from waypost.matching.populations import (
    FEMALE_HEAD_SHARE,
    HEAD_SHARE,
    POPULATIONS,
    REALISTIC,
)


def rows(truth):
    return [record.row() for record in truth.records]


def test_dense_is_the_default_and_unchanged_by_the_choice():
    assert rows(generate(people=300, seed=7)) == rows(
        generate(people=300, seed=7, population="dense")
    )


def test_realistic_population_is_reproducible():
    first = generate(people=300, seed=7, population=REALISTIC)
    assert rows(first) == rows(generate(people=300, seed=7, population=REALISTIC))
    assert rows(first) != rows(generate(people=300, seed=7))


@pytest.mark.parametrize(
    ("sex", "first", "second", "head"),
    [("M", "Mohammed", "Ahmed", HEAD_SHARE), ("F", "Fatima", "Zainab", FEMALE_HEAD_SHARE)],
)
def test_head_shares_follow_the_published_figures(sex, first, second, head):
    """Iraqi Arabs: the first name 9 % of men (4.7 % of women), the second half of that."""
    origin = next(origin for origin in ORIGINS if origin.code == "iraq_arab")
    dice = Dice(seed=3, today=REFERENCE_DAY)
    drawn = Counter(
        POPULATIONS[REALISTIC].given(dice, origin, sex, ()).latin[0] for _ in range(40_000)
    )
    assert drawn[first] / 40_000 == pytest.approx(head, abs=0.006)
    assert drawn[second] / 40_000 == pytest.approx(head / 2, abs=0.005)
    assert len(drawn) > 100


def test_mohammed_comes_first_where_kurdish_names_are_given_too():
    origin = next(origin for origin in ORIGINS if origin.code == "iraq_kurdish_sorani")
    dice = Dice(seed=4, today=REFERENCE_DAY)
    drawn = Counter(POPULATIONS[REALISTIC].given(dice, origin, "M", ()) for _ in range(20_000))
    assert drawn.most_common(1)[0][0] == arabic.MALE[0]


def test_realistic_people_have_far_fewer_namesakes_than_dense():
    """Given name, father's name and birth year shared with another family."""

    def namesake_share(truth):
        families: dict[tuple[object, ...], set[str]] = {}
        for person in truth.identities:
            key = (person.given, person.father, person.born.year)
            families.setdefault(key, set()).add(person.family_id)
        shared = [
            p for p in truth.identities if len(families[(p.given, p.father, p.born.year)]) > 1
        ]
        return len(shared) / len(truth.identities)

    dense = namesake_share(generate(people=4000, seed=2))
    realistic = namesake_share(generate(people=4000, seed=2, population=REALISTIC))
    assert dense > 0.05
    assert realistic < dense / 3


def test_households_without_a_family_name_write_the_grandfathers_name():
    truth = generate(people=2000, seed=5, population=REALISTIC)
    iraqi = [person for person in truth.identities if person.origin.code == "iraq_arab"]
    without = [person for person in iraqi if person.family is None]
    assert len(without) < 0.05 * len(iraqi)


@pytest.mark.parametrize(
    ("root", "pattern", "native", "latin"),
    [
        (("h", "m", "d"), "faCiil", "حميد", ["Hamid", "Hameed"]),
        (("h", "m", "d"), "mafCuul", "محمود", ["Mahmoud", "Mahmud", "Mahmood"]),
        (("k", "r", "m"), "faaCil", "كارم", ["Karim", "Karem"]),
        (("s", "t", "r"), "faCCaal", "ستار", ["Sattar", "Satar"]),
        (("s", "l", "m"), "faClaan", "سلمان", ["Salman"]),
    ],
)
def test_root_and_pattern_give_the_names_people_bear(root, pattern, native, latin):
    made_native, made_latin = name_rules._forms(root, pattern)
    assert made_native == native
    assert [text.capitalize() for text in made_latin] == latin


def test_names_made_by_rule_are_one_name_in_every_spelling_and_script():
    made = (
        *name_rules.male_names(),
        *name_rules.female_names(),
        *name_rules.nisba(name_rules.IRAQ_PLACES, article=True),
        *name_rules.nisba(name_rules.KURDISH_PLACES, article=False),
        *name_rules.nisba(name_rules.PERSIAN_PLACES, article=False),
        *name_rules.professions(),
    )
    for person in made:
        for spelling in person.latin:
            assert names.same_name(person.native, spelling), (person.native, spelling)
    abd = next(person for person in made if person.native == "عبدالكريم")
    assert abd.latin == ("Abdul Karim", "Abdulkarim", "Abdel Kareem")
    baghdadi = next(person for person in made if person.native == "البغدادي")
    assert baghdadi.latin[0] == "Al-Baghdadi"
