import pytest
from hypothesis import given
from hypothesis import strategies as st

from waypost.matching.match_keys import KEY_LENGTH, phone_key, query_keys, stored_keys
from waypost.matching.records import MatchRecord


def record(given="Mohammed", father="Ali", family="Hassan", born="1985-03-14", phone=""):
    return MatchRecord(
        record_id="x",
        given_name=given,
        father_name=father,
        family_name=family,
        date_of_birth=born,
        phone=phone,
    )


def meet(registered: MatchRecord, typed: MatchRecord) -> bool:
    return bool(stored_keys([registered]) & query_keys(typed))


@pytest.mark.parametrize(
    ("registered", "typed"),
    [
        # one name across Latin, Cyrillic and Arabic script
        (record(), record(given="Мухаммед", father="Али", family="Хасан")),
        (record(), record(given="محمد", father="علي", family="حسن")),
        (record(given="Muhammad"), record(given="Mohamad", family="Al-Hassan")),
        (record(given="Ibrahim"), record(given="Ибрагим")),
        # compound names written apart and joined
        (record(given="Abdul Rahman"), record(given="Abdulrahman")),
        (record(given="Abdulrahman"), record(given="عبد الرحمن")),
        # the father's name written where the family name goes
        (record(father="Ali", family=""), record(father="", family="Ali")),
        # short and vowel-only names still make keys
        (record(given="Ali"), record(given="Али")),
        (record(given="Aya", father="Omar"), record(given="Aya", father="Omar")),
        # an estimated age two years off, and a year alone
        (record(born="1985"), record(born="1987-01-01")),
        (record(born="1985-03-14"), record(born="1983")),
        # day and month swapped, and a 1 January placeholder
        (record(born="1985-03-04"), record(born="1985-04-03")),
        (record(born="1985-01-01"), record(born="1985-07-30")),
        # a person registered with a given name only, checked with more names
        (record(father="", family=""), record()),
        # a phone, however it is written, even with names that disagree
        (record(phone="+9647501234567"), record(given="Ahmed", born="", phone="07501234567")),
    ],
)
def test_records_of_one_person_written_differently_share_a_key(registered, typed):
    assert meet(registered, typed)


@pytest.mark.parametrize(
    ("registered", "typed"),
    [
        # a namesake born years apart
        (record(born="1985"), record(born="1990")),
        # the same given name and year, but no other name in common
        (record(family="Hassan", father="Ali"), record(family="Barzani", father="Omar")),
        # another given name in the same family
        (record(given="Mohammed"), record(given="Ahmed")),
        # no birth year and no phone: nothing narrows the search
        (record(), record(born="")),
    ],
)
def test_different_people_do_not_share_a_key(registered, typed):
    assert not meet(registered, typed)


def test_a_full_registration_needs_only_a_few_keys():
    keys = stored_keys([record(phone="+9647501234567"), record(given="محمد", family="حسن")])

    assert {key for key in keys if key.startswith("n1985:mhmd:")} == {
        "n1985:mhmd:l",
        "n1985:mhmd:hsn",
    }
    assert "p:750123456" not in keys  # the last nine digits, not the first
    assert "p:501234567" in keys
    assert len(keys) <= 6


def test_a_query_asks_for_the_years_around_its_own():
    years = {key[1:5] for key in query_keys(record(born="1985")) if key.startswith("n")}

    assert years == {"1983", "1984", "1985", "1986", "1987"}


def test_a_phone_too_short_to_tell_anyone_apart_makes_no_key():
    assert phone_key("12345") is None
    assert phone_key("+964 750 123 4567") == "p:501234567"


names = st.text(max_size=120)


@given(given=names, father=names, family=names, born=st.text(max_size=20), phone=names)
def test_any_typed_record_gives_keys_that_fit_the_column(given, father, family, born, phone):
    typed = record(given=given, father=father, family=family, born=born, phone=phone)

    for key in stored_keys([typed]) | query_keys(typed):
        assert 0 < len(key) <= KEY_LENGTH
