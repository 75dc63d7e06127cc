"""Birth dates compared the way registration writes them down.

A clerk who does not know the day writes 1 January (a placeholder that means only the year),
some records keep the year alone, ages are estimated and turned into a year, and day and month
are swapped between conventions (03/04 read as 4 March or 3 April). `compare_birth_dates` gives
a graded agreement, best first, meant to become one comparison level each in a trained model.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# An estimated age is taken as right within this many years either way (issue 3, "estimated
# age ±2 years": the registration convention for ages given by eye or by the person).
ESTIMATED_AGE_TOLERANCE_YEARS = 2
# The day and month clerks write when only the year is known (issue 3, "01-01 placeholders").
PLACEHOLDER_MONTH_DAY = (1, 1)
# The registry's `DatePrecision.EXACT`, spelt out so this module needs no database layer.
EXACT_PRECISION = "exact"


class DateAgreement(StrEnum):
    """How far two recorded birth dates agree, from the strongest to no evidence at all."""

    EXACT = "exact"
    SWAPPED_DAY_MONTH = "swapped_day_month"
    SAME_YEAR = "same_year"
    WITHIN_TOLERANCE = "within_tolerance"
    DISAGREE = "disagree"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class BirthDate:
    """A recorded birth date: the year, and the month and day only when they carry meaning."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def has_day(self) -> bool:
        return self.month is not None and self.day is not None


def parse_birth_date(text: str) -> BirthDate | None:
    """Read `YYYY-MM-DD`, `YYYY` or empty; a 1 January date keeps only its year."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 4 and text.isdigit():
        return BirthDate(int(text))
    try:
        return from_date(date.fromisoformat(text))
    except ValueError:
        return None


def from_date(value: date, precision: str = EXACT_PRECISION) -> BirthDate:
    """A registry date with its precision; only an exact date that is not 1 January has a day."""
    if precision != EXACT_PRECISION or (value.month, value.day) == PLACEHOLDER_MONTH_DAY:
        return BirthDate(value.year)
    return BirthDate(value.year, value.month, value.day)


def compare_birth_dates(first: BirthDate | None, second: BirthDate | None) -> DateAgreement:
    if first is None or second is None:
        return DateAgreement.UNKNOWN
    if first.year == second.year:
        return _same_year_agreement(first, second)
    if abs(first.year - second.year) <= ESTIMATED_AGE_TOLERANCE_YEARS:
        return DateAgreement.WITHIN_TOLERANCE
    return DateAgreement.DISAGREE


def _same_year_agreement(first: BirthDate, second: BirthDate) -> DateAgreement:
    if not (first.has_day and second.has_day):
        return DateAgreement.SAME_YEAR
    if (first.month, first.day) == (second.month, second.day):
        return DateAgreement.EXACT
    if (first.month, first.day) == (second.day, second.month):
        return DateAgreement.SWAPPED_DAY_MONTH
    return DateAgreement.SAME_YEAR


def compare_recorded(first: str, second: str) -> DateAgreement:
    """Compare two birth dates as written in records (`YYYY-MM-DD`, `YYYY` or empty)."""
    return compare_birth_dates(parse_birth_date(first), parse_birth_date(second))
