"""The comparisons of the matching model, written once for Splink's SQL and for plain Python.

Each comparison is a list of levels, best first, with the null level (nothing to compare) at
the head as Splink wants it. Every level carries its SQL condition over the prepared columns of
`features` (Splink names the two records' columns `x_l` and `x_r`) and the same condition as
a Python test, so the batch run and `scoring.score_pair` put a pair on the same level; a test
checks that they give the same match weight. One level needs logic SQL cannot say simply
(`same_name`, which compares vowels where both spellings write them): it calls a Python
function that the backend registers as an SQL function (`backends`). Father's and family
names, which siblings and cousins share anyway, are compared by their consonant skeletons in
plain SQL, in either field.

Precision comes first: siblings, twins and cousins share the family and father's names, the
phone and often the birth year, so the given name and the birth date carry the levels that
separate them (a different given name, or two full dates with different days, weigh heavily
against a match).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from waypost.matching.dates import ESTIMATED_AGE_TOLERANCE_YEARS as ESTIMATED_AGE_YEARS
from waypost.matching.features import Prepared, name_skeletons, spellings_of

# The last step of `same_name`, so that each name's spellings are worked out once, not per pair.
from waypost.matching.names import _spellings_agree

# Ours: two folded spellings this close (Jaro-Winkler) are taken for a typo of one name: one
# changed letter in a name of five letters or more mostly stays above it (a changed first
# letter may not). How much the level weighs is learnt in training, and `clusters` never
# joins names below it.
SIMILAR_SPELLING = 0.9
# Ours: consonant skeletons one edit apart (Ибрагим "brgm", Ibrahim "brhm"; a typo written in
# one script against the other) are a level of their own, weaker than the same name.
SKELETON_EDITS = 1
SAME_NAME_SQL = "waypost_same_name"
# Names are counted by the skeleton of the whole name, so that every script counts alike.
TERM_FREQUENCY_COLUMN = "given_skeleton"


@dataclass(frozen=True)
class Dialect:
    """What the backend calls the SQL functions the levels use."""

    jaro_winkler: str = "jaro_winkler_similarity"
    levenshtein: str = "levenshtein"
    overlap: str = "list_has_any"
    size: str = "len"


DUCKDB_SQL = Dialect()
SPARK_SQL = Dialect(jaro_winkler="jaro_winkler", overlap="arrays_overlap", size="size")


@dataclass(frozen=True)
class Level:
    label: str  # in plain words, shown to clerks and officers
    sql: str
    test: Callable[[Prepared, Prepared], bool]
    is_null: bool = False
    # Weighed by how common the given name is (`TERM_FREQUENCY_COLUMN`): a shared Mohammed
    # says less than a shared Pêşewa.
    term_frequency: bool = False


@dataclass(frozen=True)
class Comparison:
    name: str
    description: str
    levels: tuple[Level, ...]


@lru_cache(maxsize=1 << 21)
def cached_same_name(first: str, second: str) -> bool:
    """`names.same_name`, with each name's spellings read once: most pairs of names share no
    consonant skeleton at all, and that is known without comparing vowels."""
    if not name_skeletons(first) & name_skeletons(second):
        return False
    return any(
        _spellings_agree(one, other)
        for one in spellings_of(first)
        for other in spellings_of(second)
    )


def names_agree(first: str | None, second: str | None) -> bool:
    return bool(first and second and cached_same_name(first, second))


def _overlap(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    return not set(first).isdisjoint(second)


def _written_count(prepared: Prepared) -> int:
    return bool(prepared.father_keys) + bool(prepared.family_keys)


def _both_agree(a: Prepared, b: Prepared) -> bool:
    as_written = _overlap(a.father_keys, b.father_keys) and _overlap(a.family_keys, b.family_keys)
    swapped = _overlap(a.father_keys, b.family_keys) and _overlap(a.family_keys, b.father_keys)
    return as_written or swapped


def _any_agrees(a: Prepared, b: Prepared) -> bool:
    return any(
        _overlap(one, other)
        for one in (a.father_keys, a.family_keys)
        for other in (b.father_keys, b.family_keys)
    )


def _father_agrees(a: Prepared, b: Prepared) -> bool:
    """A name agrees with a father's name, in whichever field the other record wrote it."""
    return (
        _overlap(a.father_keys, b.father_keys)
        or _overlap(a.family_keys, b.father_keys)
        or _overlap(a.father_keys, b.family_keys)
    )


def _one_written(a: Prepared, b: Prepared) -> bool:
    return 1 in (_written_count(a), _written_count(b))


_FATHER, _FAMILY = "father_keys", "family_keys"


def _other_names_sql(dialect: Dialect) -> dict[str, str]:
    """The SQL of `_both_agree`, `_father_agrees`, `_any_agrees` and the written counts."""

    def agree(left: str, right: str) -> str:
        return f"{dialect.overlap}({left}_l, {right}_r)"

    def written(side: str) -> str:
        return " + ".join(
            f"CAST({dialect.size}({column}_{side}) > 0 AS INT)" for column in (_FATHER, _FAMILY)
        )

    return {
        "both": f"({agree(_FATHER, _FATHER)} AND {agree(_FAMILY, _FAMILY)})"
        f" OR ({agree(_FATHER, _FAMILY)} AND {agree(_FAMILY, _FATHER)})",
        "any": " OR ".join(
            agree(one, other) for one in (_FATHER, _FAMILY) for other in (_FATHER, _FAMILY)
        ),
        "father": f"{agree(_FATHER, _FATHER)} OR {agree(_FAMILY, _FATHER)}"
        f" OR {agree(_FATHER, _FAMILY)}",
        "one_written": f"({written('l')} = 1 OR {written('r')} = 1)",
        "none_written": f"{written('l')} = 0 OR {written('r')} = 0",
    }


def _other_names_comparison(dialect: Dialect) -> Comparison:
    sql = _other_names_sql(dialect)
    return Comparison(
        name="father_and_family_name",
        description="Father's and family names, in either field, by their consonant skeletons",
        levels=(
            Level(
                "father's or family name not written",
                sql["none_written"],
                lambda a, b: not _written_count(a) or not _written_count(b),
                is_null=True,
            ),
            Level("father's and family names agree", sql["both"], _both_agree),
            Level(
                "the one name written agrees with the father's name",
                f"({sql['father']}) AND {sql['one_written']}",
                lambda a, b: _father_agrees(a, b) and _one_written(a, b),
            ),
            Level(
                "the one name written agrees with the family name",
                f"({sql['any']}) AND {sql['one_written']}",
                lambda a, b: _any_agrees(a, b) and _one_written(a, b),
            ),
            Level("one of father's and family names differs", sql["any"], _any_agrees),
            Level("different father's and family names", "ELSE", lambda a, b: True),
        ),
    )


def _skeleton_edits(left: str | None, right: str | None) -> int:
    if not left or not right:
        return SKELETON_EDITS + 1
    return int(Levenshtein.distance(left, right))


def _jaro_winkler(left: str | None, right: str | None) -> float:
    return float(JaroWinkler.similarity(left, right)) if left and right else 0.0


SAME_SPELLING = "same given name, same spelling"
SAME_NAME = "same given name in another spelling or script"
ALIKE = "given names spelt alike (a typo?)"


def _given_name(dialect: Dialect) -> Comparison:
    return Comparison(
        name="given_name",
        description="Given name, in any script and spelling",
        levels=(
            Level(
                "given name not written",
                "given_form_l IS NULL OR given_form_r IS NULL",
                lambda a, b: a.given_form is None or b.given_form is None,
                is_null=True,
            ),
            Level(
                SAME_SPELLING,
                "given_form_l = given_form_r",
                lambda a, b: a.given_form == b.given_form,
                term_frequency=True,
            ),
            Level(
                SAME_NAME,
                f"{SAME_NAME_SQL}(given_name_l, given_name_r)",
                lambda a, b: names_agree(a.given_name, b.given_name),
                term_frequency=True,
            ),
            Level(
                ALIKE,
                f"{dialect.jaro_winkler}(given_form_l, given_form_r) >= {SIMILAR_SPELLING}",
                lambda a, b: _jaro_winkler(a.given_form, b.given_form) >= SIMILAR_SPELLING,
            ),
            Level(
                "given names sound alike (a typo in another script?)",
                f"{dialect.levenshtein}(given_skeleton_l, given_skeleton_r) <= {SKELETON_EDITS}",
                lambda a, b: _skeleton_edits(a.given_skeleton, b.given_skeleton) <= SKELETON_EDITS,
            ),
            Level("different given names", "ELSE", lambda a, b: True),
        ),
    )


def _has_day(prepared: Prepared) -> bool:
    return prepared.birth_day is not None and prepared.birth_month is not None


def _same_year(a: Prepared, b: Prepared) -> bool:
    return a.birth_year is not None and a.birth_year == b.birth_year


def _an_estimate(a: Prepared, b: Prepared) -> bool:
    return not (_has_day(a) and _has_day(b))


def _within_estimate(a: Prepared, b: Prepared) -> bool:
    if a.birth_year is None or b.birth_year is None:
        return False
    return abs(a.birth_year - b.birth_year) <= ESTIMATED_AGE_YEARS and _an_estimate(a, b)


_NO_DAY = "(birth_day_l IS NULL OR birth_day_r IS NULL)"


_SAME_DATE = (
    "birth_year_l = birth_year_r AND birth_month_l = birth_month_r AND birth_day_l = birth_day_r"
)
_SWAPPED_DATE = (
    "birth_year_l = birth_year_r AND birth_month_l = birth_day_r AND birth_day_l = birth_month_r"
)


def _same_date(a: Prepared, b: Prepared) -> bool:
    both = _same_year(a, b) and _has_day(a) and _has_day(b)
    return both and (a.birth_month, a.birth_day) == (b.birth_month, b.birth_day)


def _swapped_date(a: Prepared, b: Prepared) -> bool:
    both = _same_year(a, b) and _has_day(a) and _has_day(b)
    return both and (a.birth_month, a.birth_day) == (b.birth_day, b.birth_month)


def _birth_date() -> Comparison:
    return Comparison(
        name="date_of_birth",
        description="Birth date as registration writes it (placeholders, estimates, swaps)",
        levels=(
            Level(
                "birth date not written",
                "birth_year_l IS NULL OR birth_year_r IS NULL",
                lambda a, b: a.birth_year is None or b.birth_year is None,
                is_null=True,
            ),
            Level("same birth date", _SAME_DATE, _same_date),
            Level("same birth date with day and month swapped", _SWAPPED_DATE, _swapped_date),
            Level(
                "same birth year, day not known",
                f"birth_year_l = birth_year_r AND {_NO_DAY}",
                lambda a, b: _same_year(a, b) and _an_estimate(a, b),
            ),
            Level(
                f"birth years within {ESTIMATED_AGE_YEARS}, an estimated age",
                f"abs(birth_year_l - birth_year_r) <= {ESTIMATED_AGE_YEARS} AND {_NO_DAY}",
                _within_estimate,
            ),
            Level("same birth year, different days", "birth_year_l = birth_year_r", _same_year),
            Level("different birth dates", "ELSE", lambda a, b: True),
        ),
    )


def _exact(name: str, description: str, words: str) -> Comparison:
    def value(prepared: Prepared) -> object:
        return getattr(prepared, name)

    return Comparison(
        name=name,
        description=description,
        levels=(
            Level(
                f"{words} not written",
                f"{name}_l IS NULL OR {name}_r IS NULL",
                lambda a, b: value(a) is None or value(b) is None,
                is_null=True,
            ),
            Level(f"same {words}", f"{name}_l = {name}_r", lambda a, b: value(a) == value(b)),
            Level(f"different {words}", "ELSE", lambda a, b: True),
        ),
    )


def comparisons(dialect: Dialect = DUCKDB_SQL) -> tuple[Comparison, ...]:
    """The model's comparisons, in the backend's SQL."""
    return (
        _given_name(dialect),
        _other_names_comparison(dialect),
        _birth_date(),
        _exact("sex", "Sex", "sex"),
        _exact("nationality", "Nationality (ISO alpha-3)", "nationality"),
        _exact("phone", "Phone, last digits", "phone"),
    )
