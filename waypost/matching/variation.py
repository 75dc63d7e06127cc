"""How one clerk's record of a person differs from another's: the variation processes that the
ground-truth generator applies, each named so tests can check that it occurs.

Every share below is ours: an assumption for generated test data, set high enough that each
process turns up in a few hundred records, not a measured rate.
"""

from datetime import date

from waypost.demo.people import Dice
from waypost.matching.cyrillic import to_cyrillic

SPELLING_VARIANT = "spelling_variant"
TRANSLITERATION = "transliteration"
ARTICLE = "article"
COMPOUND = "compound"
FATHER_AS_FAMILY = "father_as_family"
NAME_ORDER = "name_order"
TYPO = "typo"
PLACEHOLDER_DATE = "placeholder_date"
YEAR_ONLY = "year_only"
ESTIMATED_AGE = "estimated_age"
DAY_MONTH_SWAP = "day_month_swap"
MISSING_FIELD = "missing_field"
VARIATIONS = (
    SPELLING_VARIANT,
    TRANSLITERATION,
    ARTICLE,
    COMPOUND,
    FATHER_AS_FAMILY,
    NAME_ORDER,
    TYPO,
    PLACEHOLDER_DATE,
    YEAR_ONLY,
    ESTIMATED_AGE,
    DAY_MONTH_SWAP,
    MISSING_FIELD,
)

SPELLING_VARIANT_SHARE = 0.35
ARTICLE_DROPPED_SHARE = 0.35
COMPOUND_CHANGED_SHARE = 0.4
FATHER_AS_FAMILY_SHARE = 0.2
FAMILY_NAME_FIRST_SHARE = 0.1
TYPO_SHARE = 0.05
RUSSIAN_G_FOR_H_SHARE = 0.3
SOFT_L_SHARE = 0.5
MISSING_FIELD_SHARE = 0.04
# How a birth date is written: the rest are written exactly as they are.
BIRTH_DATE_WRITING = {
    PLACEHOLDER_DATE: 0.15,
    YEAR_ONLY: 0.10,
    ESTIMATED_AGE: 0.08,
    DAY_MONTH_SWAP: 0.05,
    "exact": 0.62,
}
# An estimated age is off by up to this many years (issue 3: "estimated age ±2 years").
ESTIMATE_ERROR_YEARS = 2
# Of estimated ages, the share written as a year alone (the others as 1 January of it).
ESTIMATE_AS_YEAR_SHARE = 0.5
_ARTICLES = ("Al-", "El-", "Al ", "El ")
_COMPOUND_PREFIXES = ("Abdul", "Abdel", "Abd", "Abu")
_TYPO_LETTERS = "abdeghiklmnorstuy"


def spelling(dice: Dice, variants: tuple[str, ...], marks: set[str]) -> str:
    """The usual spelling, or now and then another one in use."""
    if len(variants) > 1 and dice.chance(SPELLING_VARIANT_SHARE):
        marks.add(SPELLING_VARIANT)
        return dice.rng.choice(variants[1:])
    return variants[0]


def drop_article(dice: Dice, name: str, marks: set[str]) -> str:
    for article in _ARTICLES:
        if name.startswith(article) and dice.chance(ARTICLE_DROPPED_SHARE):
            marks.add(ARTICLE)
            return name[len(article) :]
    return name


def change_compound(dice: Dice, name: str, marks: set[str]) -> str:
    """Abdul Rahman written as Abdulrahman, or Abdulrahman split in two."""
    if not dice.chance(COMPOUND_CHANGED_SHARE):
        return name
    if " " in name:
        marks.add(COMPOUND)
        first, rest = name.split(" ", 1)
        return first + rest.lower()
    for prefix in _COMPOUND_PREFIXES:
        rest = name[len(prefix) :]
        if name.startswith(prefix) and len(rest) > 2 and not rest.startswith("l"):
            marks.add(COMPOUND)
            return f"{prefix} {rest.capitalize()}"
    return name


def typo(dice: Dice, name: str, marks: set[str]) -> str:
    """One letter changed, lost or doubled, as a hurried clerk types it."""
    if len(name) < 4 or not dice.chance(TYPO_SHARE):
        return name
    marks.add(TYPO)
    place = dice.rng.randrange(1, len(name))
    kind = dice.rng.randrange(3)
    if kind == 0:
        return name[:place] + dice.rng.choice(_TYPO_LETTERS) + name[place + 1 :]
    if kind == 1:
        return name[:place] + name[place + 1 :]
    return name[:place] + name[place] + name[place:]


def cyrillic(dice: Dice, name: str, marks: set[str]) -> str:
    if not name:
        return name
    marks.add(TRANSLITERATION)
    return to_cyrillic(
        name,
        h_as_ge=dice.chance(RUSSIAN_G_FOR_H_SHARE),
        soft_l=dice.chance(SOFT_L_SHARE),
    )


def written_birth_date(dice: Dice, born: date, marks: set[str]) -> str:
    """`YYYY-MM-DD` or `YYYY`, as one of the registration conventions writes it."""
    way = dice.pick(BIRTH_DATE_WRITING)
    if way == PLACEHOLDER_DATE and (born.month, born.day) != (1, 1):
        marks.add(way)
        return f"{born.year:04d}-01-01"
    if way == YEAR_ONLY:
        marks.add(way)
        return f"{born.year:04d}"
    if way == ESTIMATED_AGE:
        marks.add(way)
        error = dice.rng.choice([-1, 1]) * dice.rng.randint(1, ESTIMATE_ERROR_YEARS)
        year = born.year + error
        return f"{year:04d}" if dice.chance(ESTIMATE_AS_YEAR_SHARE) else f"{year:04d}-01-01"
    if way == DAY_MONTH_SWAP and born.day <= 12 and born.day != born.month:
        marks.add(way)
        return f"{born.year:04d}-{born.day:02d}-{born.month:02d}"
    return born.isoformat()
