"""The comparisons of the matching model, written once for Splink's SQL and for plain Python.

Each comparison is a list of levels, best first, with the null level (nothing to compare) at
the head as Splink wants it. Every level carries its SQL condition over the prepared columns of
`features` (Splink names the two records' columns `x_l` and `x_r`) and the same condition as
a Python test, so the batch run and `scoring.score_pair` put a pair on the same level; a test
checks that they give the same match weight. Two levels need logic SQL cannot say simply
(`same_name`, and father's and family names agreeing in either position): they call Python
functions that the backend registers as SQL functions (`backends`).

Precision comes first: siblings, twins and cousins share the family and father's names, the
phone and often the birth year, so the given name and the birth date carry the levels that
separate them (a different given name, or two full dates with different days, weigh heavily
against a match).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from waypost.matching.features import Prepared
from waypost.matching.names import same_name

# Ours: two folded spellings this close (Jaro-Winkler) are a likely typo of one name; measured
# on generated typos of the ground truth, where one changed letter in a name of five or more
# letters scores above it and most different names of one family score below.
SIMILAR_SPELLING = 0.9
# Estimated ages are right within two years either way (issue 3; dates.py uses the same).
ESTIMATED_AGE_YEARS = 2
# Ours: consonant skeletons one edit apart (Ибрагим "brgm", Ibrahim "brhm"; a typo written in
# one script against the other) are a level of their own, weaker than the same name.
SKELETON_EDITS = 1
SAME_NAME_SQL = "waypost_same_name"
OTHER_NAMES_SQL = "waypost_other_names"


@dataclass(frozen=True)
class Level:
    label: str  # in plain words, shown to clerks and officers
    sql: str
    test: Callable[[Prepared, Prepared], bool]
    is_null: bool = False


@dataclass(frozen=True)
class Comparison:
    name: str
    description: str
    levels: tuple[Level, ...]


@lru_cache(maxsize=1 << 20)
def cached_same_name(first: str, second: str) -> bool:
    return same_name(first, second)


def names_agree(first: str | None, second: str | None) -> bool:
    return bool(first and second and cached_same_name(first, second))


# What father's and family names say, written in either field: every name the sparer record
# wrote agrees (BOTH when that is two), one agrees and one differs, none agrees.
BOTH, WRITTEN, ONE, NONE = "both", "written", "one", "none"


@lru_cache(maxsize=1 << 18)
def other_names(
    left_father: str | None,
    left_family: str | None,
    right_father: str | None,
    right_family: str | None,
) -> str | None:
    """How father's and family names agree, as written or swapped; None when either has none."""
    left = [name for name in (left_father, left_family) if name]
    right = [name for name in (right_father, right_family) if name]
    if not left or not right:
        return None
    as_written = names_agree(left_father, right_father) + names_agree(left_family, right_family)
    swapped = names_agree(left_father, right_family) + names_agree(left_family, right_father)
    crossed = sum(names_agree(one, other) for one in left for other in right) > 0
    agreeing = max(as_written, swapped, int(crossed))
    if agreeing == 0:
        return NONE
    if agreeing < min(len(left), len(right)):
        return ONE
    return BOTH if agreeing == 2 else WRITTEN


def _other_names_of(left: Prepared, right: Prepared) -> str | None:
    return other_names(left.father_name, left.family_name, right.father_name, right.family_name)


_OTHER_NAMES_CALL = f"{OTHER_NAMES_SQL}(father_name_l, family_name_l, father_name_r, family_name_r)"


def _skeleton_edits(left: str | None, right: str | None) -> int:
    if not left or not right:
        return SKELETON_EDITS + 1
    return int(Levenshtein.distance(left, right))


def _jaro_winkler(left: str | None, right: str | None) -> float:
    return float(JaroWinkler.similarity(left, right)) if left and right else 0.0


def _given_name(jaro_winkler: str, levenshtein: str) -> Comparison:
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
                "same given name, same spelling",
                "given_form_l = given_form_r",
                lambda a, b: a.given_form == b.given_form,
            ),
            Level(
                "same given name in another spelling or script",
                f"{SAME_NAME_SQL}(given_name_l, given_name_r)",
                lambda a, b: names_agree(a.given_name, b.given_name),
            ),
            Level(
                "given names spelt alike (a typo?)",
                f"{jaro_winkler}(given_form_l, given_form_r) >= {SIMILAR_SPELLING}",
                lambda a, b: _jaro_winkler(a.given_form, b.given_form) >= SIMILAR_SPELLING,
            ),
            Level(
                "given names sound alike (a typo in another script?)",
                f"{levenshtein}(given_skeleton_l, given_skeleton_r) <= {SKELETON_EDITS}",
                lambda a, b: _skeleton_edits(a.given_skeleton, b.given_skeleton) <= SKELETON_EDITS,
            ),
            Level("different given names", "ELSE", lambda a, b: True),
        ),
    )


def _other_names_comparison() -> Comparison:
    def code_is(code: str) -> Callable[[Prepared, Prepared], bool]:
        return lambda a, b: _other_names_of(a, b) == code

    return Comparison(
        name="father_and_family_name",
        description="Father's and family names, in either field",
        levels=(
            Level(
                "father's or family name not written",
                f"{_OTHER_NAMES_CALL} IS NULL",
                lambda a, b: _other_names_of(a, b) is None,
                is_null=True,
            ),
            Level(
                "father's and family names agree", f"{_OTHER_NAMES_CALL} = '{BOTH}'", code_is(BOTH)
            ),
            Level(
                "the father's or family name written agrees",
                f"{_OTHER_NAMES_CALL} = '{WRITTEN}'",
                code_is(WRITTEN),
            ),
            Level(
                "one of father's and family names differs",
                f"{_OTHER_NAMES_CALL} = '{ONE}'",
                code_is(ONE),
            ),
            Level("different father's and family names", "ELSE", lambda a, b: True),
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


def comparisons(
    jaro_winkler: str = "jaro_winkler_similarity", levenshtein: str = "levenshtein"
) -> tuple[Comparison, ...]:
    """The model's comparisons, with the backend's names for the two string similarities."""
    return (
        _given_name(jaro_winkler, levenshtein),
        _other_names_comparison(),
        _birth_date(),
        _exact("sex", "Sex", "sex"),
        _exact("nationality", "Nationality (ISO alpha-3)", "nationality"),
        _exact("phone", "Phone, last digits", "phone"),
    )
