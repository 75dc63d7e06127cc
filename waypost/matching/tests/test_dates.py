from datetime import date

import pytest

from waypost.matching.dates import (
    EXACT_PRECISION,
    BirthDate,
    DateAgreement,
    compare_recorded,
    from_date,
    parse_birth_date,
)
from waypost.registry.models import DatePrecision

A = DateAgreement


@pytest.mark.parametrize(
    ("first", "second", "agreement"),
    [
        ("1990-05-17", "1990-05-17", A.EXACT),
        ("1990-05-03", "1990-03-05", A.SWAPPED_DAY_MONTH),
        ("1990-12-11", "1990-11-12", A.SWAPPED_DAY_MONTH),
        ("1990-05-17", "1990-01-01", A.SAME_YEAR),
        ("1990-01-01", "1990-01-01", A.SAME_YEAR),
        ("1990", "1990-05-17", A.SAME_YEAR),
        ("1990", "1990", A.SAME_YEAR),
        ("1990-05-17", "1990-08-02", A.SAME_YEAR),
        ("1990-05-17", "1992-05-17", A.WITHIN_TOLERANCE),
        ("1990", "1988-01-01", A.WITHIN_TOLERANCE),
        ("1991-01-01", "1990-07-30", A.WITHIN_TOLERANCE),
        ("1990", "1993", A.DISAGREE),
        ("1990-05-17", "1985-05-17", A.DISAGREE),
        ("", "1990-05-17", A.UNKNOWN),
        ("1990", "", A.UNKNOWN),
        ("", "", A.UNKNOWN),
        ("not a date", "1990", A.UNKNOWN),
    ],
)
def test_recorded_birth_dates_agree_as_registration_writes_them(first, second, agreement):
    assert compare_recorded(first, second) == agreement
    assert compare_recorded(second, first) == agreement


def test_a_first_of_january_means_only_the_year():
    assert parse_birth_date("1990-01-01") == BirthDate(1990)
    assert parse_birth_date("1990-01-02") == BirthDate(1990, 1, 2)


def test_a_day_equal_to_its_month_is_exact_not_swapped():
    assert compare_recorded("1990-04-04", "1990-04-04") == A.EXACT


def test_the_exact_precision_is_the_registrys():
    assert EXACT_PRECISION == DatePrecision.EXACT


def test_registry_dates_keep_a_day_only_when_their_precision_is_exact():
    born = date(1990, 5, 17)
    assert from_date(born, DatePrecision.EXACT) == BirthDate(1990, 5, 17)
    assert from_date(born, DatePrecision.YEAR) == BirthDate(1990)
    assert from_date(born, DatePrecision.ESTIMATED) == BirthDate(1990)


def test_agreement_levels_run_from_strongest_to_no_evidence():
    assert list(DateAgreement) == [
        A.EXACT,
        A.SWAPPED_DAY_MONTH,
        A.SAME_YEAR,
        A.WITHIN_TOLERANCE,
        A.DISAGREE,
        A.UNKNOWN,
    ]
