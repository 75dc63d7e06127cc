"""Names made comparable across Latin, Cyrillic and Arabic script.

`fold` turns a name in any script into lower-case ASCII letters (anyascii transliteration).
`name_keys` turns it into consonant skeletons: vowels (and the w/y that Arabic long vowels
become) dropped, common transliteration digraphs merged, doubled letters collapsed, and the
Arabic article removed. Mohammed, Muhammad, Мухаммед and محمد all give "mhmd"; Al-Hassan and
الحسن both give "hsn". Keys are for finding candidates, never for deciding that two people are
one: that needs the other fields too.
"""

import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii

# Transliteration digraphs that stand for one sound, longest first (Russian "дж" becomes "dzh").
_DIGRAPHS = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "c"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("q", "k"),
)
# Arabic long vowels come out of transliteration as w and y, so they count as vowels here.
_VOWELS = re.compile(r"[aeiouyw]")
_NOT_LETTER = re.compile(r"[^a-z ]+")
_REPEATS = re.compile(r"(.)\1+")
ARTICLES = frozenset({"al", "el", "ul"})
# Name parts that are written both apart and joined ("Abdul Rahman", "Abdulrahman").
# Arabic script gives "bd" (the ayn vanishes) and joins the article to the next word.
JOINING_PREFIXES = frozenset({"abd", "bd", "abu", "abo", "bin", "ben"})
# "Abdul", "Abdel", "Abdal" are "Abd" with the article: one form, so all spellings meet.
_ABD_WITH_ARTICLE = re.compile(r"^abd[aeiou]l")


def fold(text: str) -> str:
    """Lower-case ASCII letters and single spaces; hyphens and apostrophes split or vanish."""
    ascii_text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    ascii_text = ascii_text.replace("-", " ")
    return " ".join(_NOT_LETTER.sub("", ascii_text).split())


def skeleton(token: str) -> str:
    """The consonant skeleton of one folded name token."""
    for digraph, sound in _DIGRAPHS:
        token = token.replace(digraph, sound)
    return _REPEATS.sub(r"\1", _VOWELS.sub("", token))


def tokens(text: str) -> list[str]:
    words = [word for word in fold(text).split() if word not in ARTICLES]
    return [_ABD_WITH_ARTICLE.sub("abd", word) for word in words]


def name_keys(text: str) -> set[str]:
    """Skeleton keys of a name: one per word, plus joined compounds and article-less forms."""
    words = tokens(text)
    keys = {skeleton(word) for word in words}
    for first, second in zip(words, words[1:], strict=False):
        if first in JOINING_PREFIXES:
            keys.add(skeleton(first + second))
            if second.startswith("l"):
                keys.add(skeleton(first + second[1:]))
    # Arabic script writes the article joined to the name (الحسن -> "lhsn").
    keys |= {key[1:] for key in list(keys) if key.startswith("l") and len(key) >= 4}
    return {key for key in keys if len(key) >= 2}


def keys_of_names(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if name:
            keys |= name_keys(name)
    return keys
