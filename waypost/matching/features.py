"""A record turned into the columns the trained model compares, in plain Python.

Both the batch run (through Splink's SQL) and the registration check (through `scoring`) read
the same prepared columns, so a level reached in one is reached in the other. Names repeat a
great deal in a population (a few thousand distinct spellings in a million records), so every
step that reads a name is cached per distinct string.

The columns:
- `given_name`: the name as written, for `same_name`, which reads every script and handles
  compounds, articles and silent letters itself.
- `father_keys`, `family_keys`: the consonant skeletons of those names, of each reading
  (Ибрагим is both "brgm" and "brhm") and of each word ("Ali Hasan" has "hsn"); two
  spellings of one name share one.
- `given_form`: the given name folded to Latin letters, articles dropped and compounds joined
  ("Abdul Rahman" and "Abdulrahman" are both "abdulrahman"), for exact and near spellings;
  `given_skeleton`, its consonants alone, for typos across scripts.
- `birth_year`, `birth_month`, `birth_day`: month and day only when the date carries a day
  (not a 1 January placeholder, not a year alone).
- `sex`, `nationality`, `phone`: phone as its last digits, so that +964 750… and 0750… meet.
- `block_keys`: the keys that decide which pairs are compared at all: a skeleton of the given
  name with one of the father's or family name (in whichever field it was written, so a
  father's name written as family name still meets), in two overlapping spans of birth years
  (`birth_spans`), so estimated ages meet; a skeleton of any one name with the full birth
  date, so a mistyped given name or other name still meets; a skeleton of the given, father's
  or family name with the phone, in any year, so a record without a birth year meets too.
  Skeletons are script-blind, so records written in Latin, Cyrillic and Arabic script meet. A
  record with neither birth year nor phone has no keys.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from waypost.matching.dates import ESTIMATED_AGE_TOLERANCE_YEARS as ESTIMATED_AGE_YEARS
from waypost.matching.dates import parse_birth_date

# The steps of `same_name` that read one name, so each name is read once, not once per pair.
from waypost.matching.names import (
    ARTICLES,
    _consonants,
    _spellings,
    fold,
    name_keys,
    skeleton,
    tokens,
)
from waypost.matching.records import MatchRecord

# Ours: a phone is compared by its last nine digits, the national number in the countries the
# camps receive from (Iraq, Syria, Afghanistan, Iran) once the country code or trunk 0 is gone.
PHONE_DIGITS_COMPARED = 9
# Ours: a given-name skeleton shorter than this ("bd" of every Abd-) is too common to block on
# alone; it still blocks when joined to the rest of a compound ("bdrhmn").
SHORTEST_BLOCKING_KEY = 3
_NAME_CACHE = 1 << 16
_NOT_DIGIT = re.compile(r"\D")

COLUMNS = (
    "unique_id",
    "given_name",
    "given_form",
    "given_skeleton",
    "father_keys",
    "family_keys",
    "birth_year",
    "birth_month",
    "birth_day",
    "sex",
    "nationality",
    "phone",
    "block_keys",
)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The comparable columns of one record; None where the record wrote nothing."""

    unique_id: str
    given_name: str | None
    given_form: str | None
    given_skeleton: str | None
    father_keys: tuple[str, ...]
    family_keys: tuple[str, ...]
    birth_year: int | None
    birth_month: int | None
    birth_day: int | None
    sex: str | None
    nationality: str | None
    phone: str | None
    block_keys: tuple[str, ...]


def prepare(record: MatchRecord) -> Prepared:
    given, father, family = (
        _text(record.given_name),
        _text(record.father_name),
        _text(record.family_name),
    )
    year, month, day = birth_parts(record.date_of_birth)
    phone = normal_phone(record.phone)
    return Prepared(
        unique_id=record.record_id,
        given_name=given,
        given_form=given_form(given) if given else None,
        given_skeleton=given_skeleton(given) if given else None,
        father_keys=tuple(sorted(_keys(father))) if father else (),
        family_keys=tuple(sorted(_keys(family))) if family else (),
        birth_year=year,
        birth_month=month,
        birth_day=day,
        sex=_text(record.sex.upper()),
        nationality=_text(record.nationality.upper()),
        phone=phone,
        block_keys=block_keys(given, (father, family), (year, month, day), phone),
    )


def _text(value: str) -> str | None:
    return value.strip() or None


@lru_cache(maxsize=_NAME_CACHE)
def given_form(name: str) -> str | None:
    """The name folded to Latin letters, without articles, its parts joined."""
    return "".join(word for word in fold(name).split() if word not in ARTICLES) or None


@lru_cache(maxsize=_NAME_CACHE)
def given_skeleton(name: str) -> str | None:
    """The consonant skeleton of the whole name, parts joined (Abdul Rahman is "bdrhmn")."""
    return skeleton("".join(tokens(name))) or None


@lru_cache(maxsize=_NAME_CACHE)
def spellings_of(name: str) -> tuple[tuple[str, bool], ...]:
    """Every reading of the name as one word, as `same_name` compares them."""
    return tuple(_spellings(name))


@lru_cache(maxsize=_NAME_CACHE)
def name_skeletons(name: str) -> frozenset[str]:
    """The consonant skeleton of each reading: two spellings of one name share one."""
    return frozenset(_consonants(word) for word, _ in spellings_of(name))


@lru_cache(maxsize=_NAME_CACHE)
def _keys(name: str) -> frozenset[str]:
    return frozenset(name_keys(name)) | name_skeletons(name)


@lru_cache(maxsize=_NAME_CACHE)
def _given_keys(name: str) -> frozenset[str]:
    """Word keys long enough to say something, and the skeleton of the whole name, however
    short (Ali is "l", Reza "rz")."""
    long_keys = frozenset(key for key in _keys(name) if len(key) >= SHORTEST_BLOCKING_KEY)
    return long_keys | name_skeletons(name)


@lru_cache(maxsize=4096)
def birth_parts(text: str) -> tuple[int | None, int | None, int | None]:
    """Year, and month and day only when the written date carries a day."""
    birth = parse_birth_date(text)
    if birth is None:
        return None, None, None
    if not birth.has_day:
        return birth.year, None, None
    return birth.year, birth.month, birth.day


@lru_cache(maxsize=_NAME_CACHE)
def normal_phone(text: str) -> str | None:
    return _NOT_DIGIT.sub("", text)[-PHONE_DIGITS_COMPARED:] or None


def block_keys(
    given: str | None,
    others: Iterable[str | None],
    birth: tuple[int | None, int | None, int | None],
    phone: str | None,
) -> tuple[str, ...]:
    """Keys of the pairs worth comparing: a name with the phone, in any year; a name with
    another name, in a span of birth years wide enough for estimated ages (`birth_spans`);
    any one name with the full birth date."""
    year, month, day = birth
    father, family = others
    # A household's phone with a name finds a person in any year, or with no year at all.
    keys = _phone_keys(given, father, family, phone) if phone else ()
    if year is None:
        return keys
    named = _named_keys(given, father, family)
    keys += tuple(f"{key}|{span}" for key in named for span in birth_spans(year))
    if month is not None and day is not None:
        dated = f"d{year}-{month}-{day}"
        names = _sorted_given_keys(given) + _other_keys(father, family)
        keys += tuple(f"{name}|{dated}" for name in names)
    return keys


def _name_parts(
    given: str | None, father: str | None, family: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _sorted_given_keys(given), _other_keys(father, family)


@lru_cache(maxsize=_NAME_CACHE)
def _sorted_given_keys(given: str | None) -> tuple[str, ...]:
    return tuple(sorted(_given_keys(given))) if given else ()


@lru_cache(maxsize=_NAME_CACHE)
def _other_keys(father: str | None, family: str | None) -> tuple[str, ...]:
    return tuple(sorted({key for other in (father, family) if other for key in _keys(other)}))


@lru_cache(maxsize=_NAME_CACHE)
def _named_keys(given: str | None, father: str | None, family: str | None) -> tuple[str, ...]:
    given_keys, other_keys = _name_parts(given, father, family)
    return tuple(f"g:{key}|o:{other}" for key in given_keys for other in other_keys)


def _phone_keys(
    given: str | None, father: str | None, family: str | None, phone: str
) -> tuple[str, ...]:
    given_keys, other_keys = _name_parts(given, father, family)
    return tuple(f"g:{key}|p:{phone}" for key in given_keys) + tuple(
        f"o:{other}|p:{phone}" for other in other_keys
    )


@lru_cache(maxsize=256)
def birth_spans(year: int) -> tuple[str, str]:
    """Two spans of years, the second shifted against the first, so that any two years at
    most `ESTIMATED_AGE_YEARS` apart share at least one of them."""
    width = 2 * ESTIMATED_AGE_YEARS + 1
    return f"a{year // width}", f"b{(year + ESTIMATED_AGE_YEARS) // width}"


def cap_blocks(block_keys: list[list[str]], largest: int) -> int:
    """Drop, in place, every key more than `largest` records share; how many keys went.

    A key as common as "Mohammed, son of Mohammed, born 1995-1999" brings together thousands
    of different people at national scale, and pairs grow with the square of a block. Records
    in such a block still meet by their other keys (the family name, the phone)."""
    counts = Counter(key for keys in block_keys for key in keys)
    crowded = {key for key, count in counts.items() if count > largest}
    if crowded:
        for keys in block_keys:
            keys[:] = [key for key in keys if key not in crowded]
    return len(crowded)


def prepare_all(
    records: Iterable[MatchRecord], *, each: Callable[[Prepared], None] | None = None
) -> dict[str, list[object]]:
    """Prepared records as columns (what a DuckDB or Spark table is built from); `each` sees
    every prepared record on the way."""
    rows = []
    for record in records:
        prepared = prepare(record)
        if each is not None:
            each(prepared)
        rows.append(_row(prepared))
    if not rows:
        return {column: [] for column in COLUMNS}
    return {
        column: list(values)
        for column, values in zip(COLUMNS, zip(*rows, strict=True), strict=True)
    }


def _row(prepared: Prepared) -> tuple[object, ...]:
    """The prepared record in the order of `COLUMNS`, key tuples as lists (table arrays)."""
    return (
        prepared.unique_id,
        prepared.given_name,
        prepared.given_form,
        prepared.given_skeleton,
        list(prepared.father_keys),
        list(prepared.family_keys),
        prepared.birth_year,
        prepared.birth_month,
        prepared.birth_day,
        prepared.sex,
        prepared.nationality,
        prepared.phone,
        list(prepared.block_keys),
    )
