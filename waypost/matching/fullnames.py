"""Whole names compared part by part, the way registrations write them down differently.

One clerk writes the father's name in its own field, another puts it where the family name
goes (many people from Iraq, Syria and Afghanistan have no family name in their papers); the
family name is left out by some; a full name may come in any order. Parts are compared with
`same_name`, so spelling and script do not matter.
"""

import re
from dataclasses import dataclass

from waypost.matching.names import ARTICLES, fold, same_name

_WORD_BREAK = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class PersonName:
    given: str
    father: str = ""
    family: str = ""


def _parts_agree(first: str, second: str) -> bool:
    """A missing part is no evidence against; two written parts must be one name."""
    return not first or not second or same_name(first, second)


def full_names_match(first: PersonName, second: PersonName) -> bool:
    """Same given name, and father and family names that agree as written or swapped."""
    if not first.given or not second.given or not same_name(first.given, second.given):
        return False
    as_written = _parts_agree(first.father, second.father) and _parts_agree(
        first.family, second.family
    )
    swapped = _parts_agree(first.father, second.family) and _parts_agree(
        first.family, second.father
    )
    return as_written or swapped


def same_words(first: str, second: str) -> bool:
    """Two full names made of the same names in any order ("Barzani Ahmed" is "Ahmed Barzani")."""
    words, others = _words(first), _words(second)
    if not words or len(words) != len(others):
        return False
    for word in words:
        partner = next((other for other in others if same_name(word, other)), None)
        if partner is None:
            return False
        others.remove(partner)
    return True


def _words(text: str) -> list[str]:
    """The names of a full name as written, without a separate article."""
    return [word for word in _WORD_BREAK.split(text) if word and fold(word) not in ARTICLES]
