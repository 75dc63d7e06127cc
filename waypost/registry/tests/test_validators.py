"""Properties of what a clerk may type: any text gives a date of birth or a clear refusal."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from waypost.registry.models import DatePrecision
from waypost.registry.validators import (
    MAXIMUM_AGE_YEARS,
    normalize_document_number,
    parse_birth_date,
    parse_phones,
)

TODAY = date(2026, 11, 24)


@given(st.text(max_size=30))
def test_any_text_gives_a_plausible_birth_date_or_a_validation_error(text):
    try:
        birth = parse_birth_date(text, today=TODAY)
    except ValidationError as refusal:
        assert refusal.messages  # a message the clerk can read, never a crash
    else:
        assert birth.value <= TODAY
        assert TODAY.year - birth.value.year <= MAXIMUM_AGE_YEARS


@given(st.integers(min_value=0, max_value=MAXIMUM_AGE_YEARS))
def test_an_age_in_years_becomes_an_estimated_date_that_many_years_back(age):
    birth = parse_birth_date(str(age), today=TODAY)
    assert birth.precision == DatePrecision.ESTIMATED
    assert birth.value.year == TODAY.year - age


@given(st.dates(min_value=date(1907, 1, 1), max_value=TODAY))
def test_an_exact_date_reads_back_as_itself_in_both_notations(day):
    assert parse_birth_date(day.isoformat(), today=TODAY).value == day
    assert parse_birth_date(day.strftime("%d.%m.%Y"), today=TODAY).value == day


@given(st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2100, 1, 1)))
def test_a_future_date_is_refused(day):
    with pytest.raises(ValidationError, match="future"):
        parse_birth_date(day.isoformat(), today=TODAY)


@given(st.text(max_size=25))
def test_any_phone_text_gives_international_numbers_or_a_validation_error(text):
    try:
        numbers = parse_phones(text)
    except ValidationError as refusal:
        assert refusal.messages
    else:
        assert all(number.startswith("+") and number[1:].isdigit() for number in numbers)


@given(st.text(max_size=40))
def test_a_normalized_document_number_is_upper_case_letters_and_digits(text):
    normalized = normalize_document_number(text)
    assert normalized == normalize_document_number(normalized)
    assert all(ch.isdigit() or ch.isupper() for ch in normalized)
