"""A registered person as the matcher reads them: the registry's rows turned into `MatchRecord`s.

A person's names are kept twice, in Latin letters as spoken and in their own script as written
(Arabic, Kurdish, Persian or Cyrillic). Another hand may have written either one, so a person
gives one record per script written: `match_records_of` returns the Latin record and, when any
own-script name was written, an own-script record too; the matcher scores each against the
other side and keeps the best. `match_record_of` is the Latin record alone, for batch runs that
want one row per person.

The birth date follows `dates.from_date`: an exact date unless it is a 1 January placeholder,
otherwise the year alone (a year-only date and an age estimate carry nothing more).
"""

from collections.abc import Sequence

from waypost.matching.dates import from_date
from waypost.matching.records import MatchRecord
from waypost.registry.models import Individual

# Where each record comes from, as the `source` column of the dedup interface names it.
LATIN_SOURCE = "registry"
OWN_SCRIPT_SOURCE = "registry-own-script"


def birth_date_text(individual: Individual) -> str:
    """`YYYY-MM-DD` when the day is known, else `YYYY`."""
    birth = from_date(individual.date_of_birth, individual.date_of_birth_precision)
    if birth.month is None or birth.day is None:
        return f"{birth.year:04d}"
    return f"{birth.year:04d}-{birth.month:02d}-{birth.day:02d}"


def first_phone(individual: Individual, phones: Sequence[str] | None = None) -> str:
    """The person's first phone in E.164: from `phones` when given (a person not saved yet),
    else from the database (prefetch `phones` when reading many people)."""
    if phones is None:
        phones = [phone.number for phone in individual.phones.all()]
    return min(phones, default="")


def match_record_of(individual: Individual, *, phones: Sequence[str] | None = None) -> MatchRecord:
    """The person's record in Latin letters (own-script names where no Latin one was written)."""
    return _record(
        individual,
        phone=first_phone(individual, phones),
        source=LATIN_SOURCE,
        given=individual.given_name or individual.given_name_native,
        father=individual.father_name or individual.father_name_native,
        family=individual.family_name or individual.family_name_native,
    )


def match_records_of(
    individual: Individual, *, phones: Sequence[str] | None = None
) -> list[MatchRecord]:
    """One record per script the person's names were written in: Latin, then own script."""
    latin = match_record_of(individual, phones=phones)
    records = [latin]
    if individual.given_name_native or individual.family_name_native:
        records.append(
            _record(
                individual,
                phone=latin.phone,
                source=OWN_SCRIPT_SOURCE,
                # A part left empty in own script is taken from the Latin record: another
                # hand would have written it somehow, and empty would read as missing.
                given=individual.given_name_native or individual.given_name,
                father=individual.father_name_native or individual.father_name,
                family=individual.family_name_native or individual.family_name,
            )
        )
    return records


def _record(
    individual: Individual, *, phone: str, source: str, given: str, father: str, family: str
) -> MatchRecord:
    return MatchRecord(
        record_id=str(individual.pk),
        source=source,
        given_name=given,
        father_name=father,
        family_name=family,
        full_name=" ".join(part for part in (given, father, family) if part),
        date_of_birth=birth_date_text(individual),
        sex=individual.sex,
        nationality=individual.nationality,
        phone=phone,
    )
