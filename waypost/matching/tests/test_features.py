"""Records prepared for the model: variants of one name meet, whatever the script."""

import pytest

from waypost.matching.features import (
    birth_spans,
    given_form,
    name_skeletons,
    normal_phone,
    prepare,
)
from waypost.matching.groundtruth import generate
from waypost.matching.model import cached_same_name
from waypost.matching.names import same_name
from waypost.matching.records import MatchRecord


def person(given="", father="", family="", born="", phone="", sex="", nationality=""):
    return MatchRecord(
        record_id="x",
        given_name=given,
        father_name=father,
        family_name=family,
        date_of_birth=born,
        phone=phone,
        sex=sex,
        nationality=nationality,
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Abdul Rahman", "Abdulrahman"),
        ("Abdul-Rahman", "abdulrahman"),
        ("Al-Hassan", "Al Hassan"),
    ],
)
def test_compounds_and_articles_fold_to_one_form(one, other):
    assert given_form(one) == given_form(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Mohammed", "Мухаммед"),
        ("Muhammad", "محمد"),
        ("Ibrahim", "Ибрагим"),
        ("Al-Hassan", "الحسن"),
        ("Karwan", "Карван"),
        ("Abdulrahman", "عبد الرحمن"),
        ("Fatima", "فاطمة"),
    ],
)
def test_spellings_of_one_name_share_a_skeleton_across_scripts(one, other):
    assert name_skeletons(one) & name_skeletons(other)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1990-03-04", (1990, 3, 4)),
        ("1990-01-01", (1990, None, None)),  # the placeholder for an unknown day
        ("1990", (1990, None, None)),
        ("", (None, None, None)),
    ],
)
def test_a_birth_date_keeps_its_day_only_when_it_has_one(written, expected):
    prepared = prepare(person(born=written))
    assert (prepared.birth_year, prepared.birth_month, prepared.birth_day) == expected


def test_phones_written_with_country_code_or_trunk_zero_meet():
    assert normal_phone("+964 750 123 4567") == normal_phone("0750-123-4567")
    assert normal_phone("") is None


def test_missing_fields_are_none_and_codes_are_upper_case():
    prepared = prepare(person(given="Ali", sex="m", nationality="irq"))
    assert (prepared.sex, prepared.nationality) == ("M", "IRQ")
    assert prepared.phone is None
    assert prepared.father_keys == ()
    assert prepared.block_keys == ()  # neither birth year nor phone: nothing to block on


def test_a_mistyped_given_name_alone_meets_no_one_born_in_another_year():
    one = prepare(person("Karwan", "Bahoz", "Barzani", "1996-02-08"))
    other = prepare(person("Ktrwan", "Bahos", "Barzani", "1995-02-08"))
    assert not set(one.block_keys) & set(other.block_keys)


def test_ages_two_years_apart_share_a_span_and_five_apart_do_not():
    for year in range(1950, 2020):
        for other in range(year - 2, year + 3):
            assert set(birth_spans(year)) & set(birth_spans(other))
        assert not set(birth_spans(year)) & set(birth_spans(year + 5))


@pytest.mark.parametrize(
    ("latin", "other"),
    [
        (
            person("Mohammed", "Ibrahim", "Al-Hassan", "1990-03-04"),
            person("محمد", "", "ابراهيم", "1990-01-01"),
        ),
        (
            person("Ibrahim", "Omar", "Barzani", "1985", "+9647501234567"),
            person("Ибрагим", "Умар", "Барзани", "1987-05-06", "07501234567"),
        ),
        (
            person("Abdul Rahman", "Ali", "", "2001-02-03"),
            person("Abdulrahman", "", "Ali", "2000"),
        ),
        # No birth year: the household's phone with a name finds the person in any year.
        (
            person("Ali", "Omar", "Barzani", "", "+9647501234567"),
            person("Али", "", "", "1987-05-06", "07501234567"),
        ),
        # A mistyped given name and another father's name: the full date with the family name.
        (
            person("Karwan", "Bahoz", "Barzani", "1996-02-08"),
            person("Ktrwan", "Bahos", "Barzani", "1996-02-08"),
        ),
        # No other name at all: the given name with the full date.
        (person("Ali", born="2006-08-10"), person("Али", born="2006-08-10", phone="0750123456")),
    ],
)
def test_records_of_one_person_share_a_blocking_key(latin, other):
    assert set(prepare(latin).block_keys) & set(prepare(other).block_keys)


def test_the_cached_same_name_answers_as_same_name():
    names = [record.given_name for record in generate(people=300, seed=4).records]
    pairs = list(zip(names, names[1:] + names[:1], strict=True))
    pairs += [(name, other) for name in names[:40] for other in names[:40]]
    assert all(cached_same_name(one, other) == same_name(one, other) for one, other in pairs)
