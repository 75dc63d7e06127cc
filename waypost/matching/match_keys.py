"""The keys that find a person's possible duplicates in a large registry, before any scoring.

A name key alone is no use at a million people: every Mohammed of a national registry shares
"mhmd". So a key joins what two records of one person keep in common however they are written:

- `n<year>:<given>:<other>`: a skeleton of the given name, a skeleton of the father's or the
  family name (either, so a father's name written as family name still meets), and the birth
  year. A query asks for its own year and the years around it (an estimated age is right
  within `ESTIMATED_AGE_TOLERANCE_YEARS` either way, on either side).
- `s<year>:<given>`: the given name and year of a person registered with no other name, so
  they are found by a query that names a father or family too.
- `p:<digits>`: the last digits of a phone number, so +964 750… and 0750… meet (a household
  shares one phone; the model tells siblings apart by their names and ages).

Skeletons are `names.name_keys`, so Mohammed, Мухаммед and محمد give the same keys. A record
without a birth year has no name keys: only its phone can find it.
"""

from collections.abc import Iterable
from functools import lru_cache

from waypost.matching.dates import ESTIMATED_AGE_TOLERANCE_YEARS, parse_birth_date
from waypost.matching.names import name_keys, readings, skeleton, tokens
from waypost.matching.records import MatchRecord

# The longest key stored: a year, two skeletons of up to 24 letters and the separators.
KEY_LENGTH = 60
SKELETON_LENGTH = 24
NAME_PAIR, SOLE_NAME, PHONE = "n", "s", "p"
# Ours: the national number of the countries people arrive from (Iraq, Syria, Afghanistan,
# Iran) has nine digits once the country code or the trunk 0 is gone; the batch model compares
# phones the same way.
PHONE_DIGITS_COMPARED = 9


def stored_keys(records: Iterable[MatchRecord]) -> set[str]:
    """The keys written for a registered person, from each record of them (see module)."""
    keys: set[str] = set()
    for record in records:
        keys |= _keys_for_years(record, _birth_years(record, spread=0), registered=True)
        keys |= _phone_keys(record)
    return keys


def query_keys(record: MatchRecord) -> set[str]:
    """The keys to look up for a record being checked: its years and those around them."""
    years = _birth_years(record, spread=ESTIMATED_AGE_TOLERANCE_YEARS)
    return _keys_for_years(record, years, registered=False) | _phone_keys(record)


def _phone_keys(record: MatchRecord) -> set[str]:
    key = phone_key(record.phone)
    return {key} if key else set()


def phone_key(phone: str) -> str | None:
    """The key of a phone number, or None when it has too few digits to tell anyone apart."""
    digits = "".join(character for character in phone if character.isdigit())
    if len(digits) < PHONE_DIGITS_COMPARED:
        return None
    return f"{PHONE}:{digits[-PHONE_DIGITS_COMPARED:]}"


def _birth_years(record: MatchRecord, *, spread: int) -> list[int]:
    birth = parse_birth_date(record.date_of_birth)
    if birth is None:
        return []
    return list(range(birth.year - spread, birth.year + spread + 1))


def _keys_for_years(record: MatchRecord, years: list[int], *, registered: bool) -> set[str]:
    given = _skeletons([record.given_name])
    others = _skeletons([record.father_name, record.family_name])
    keys: set[str] = set()
    for year in years:
        keys |= {f"{NAME_PAIR}{year}:{g}:{o}" for g in given for o in others}
        # A registered person with no other name is found by their given name and year; a
        # query always asks for that too, since it cannot know how the person was written.
        if not registered or not others:
            keys |= {f"{SOLE_NAME}{year}:{g}" for g in given}
    return {key[:KEY_LENGTH] for key in keys}


def _skeletons(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if name:
            keys |= _name_skeletons(name)
    return keys


# Names repeat a great deal (a few thousand spellings among a million people): each is read once.
@lru_cache(maxsize=1 << 16)
def _name_skeletons(name: str) -> frozenset[str]:
    """`name_keys` of a name, and the skeleton of every word however short: in a key joined
    to a year and another name, Ali's "l" or Aya's empty skeleton still narrows enough."""
    keys = name_keys(name) | {
        skeleton(word)
        for reading in readings(name)
        for silent in (False, True)
        for word in tokens(reading, silent_final_h=silent)
    }
    return frozenset(key[:SKELETON_LENGTH] for key in keys)
