"""Names made comparable across Latin, Cyrillic and Arabic script.

`fold` turns a name in any script into lower-case ASCII letters (anyascii transliteration).
`name_keys` turns it into consonant skeletons: vowels (and the w/y that Arabic long vowels
become) dropped, common transliteration digraphs merged, doubled letters collapsed, and the
Arabic article removed. Mohammed, Muhammad, Мухаммед and محمد all give "mhmd"; Al-Hassan and
الحسن both give "hsn". Keys are for finding candidates, never for deciding that two people are
one: that needs the other fields too.

`same_name` decides whether two spellings are one name: the same skeleton, and vowels that agree
where both spellings write them (Hassan and Hussein share a skeleton but not their vowels; Ali
and Alia differ by a final vowel). Arabic script writes only long vowels, so against it only
those are compared. Russian renders the Arabic h as г (Ибрагим) as well as х and the Kurdish w
as в, so a Cyrillic г and в are read both ways; a final h after a (Sarah, Фатимах) and a
Persian or Kurdish final ه are read both as a letter and as silent.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable

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
    # Kurdish Latin writes kh as x (Bextiyar); Arabic-script h is read as x (see below). Last,
    # so that an h from Arabic script never joins the letter before it (زهرا is z-h-r-a).
    ("x", "h"),
)
# Letters that transliteration drops or misreads: alif is a long a, ta marbuta a final a, and
# the hamza after a final alif is not written in Latin (فاطمة is Fatima, علياء Alia).
_ARABIC_LETTERS = str.maketrans({"ا": "a", "ة": "a", "ء": "", "ه": "x", "ح": "x"})
# A word-initial alif carries the article or a short vowel, which transliteration leaves out;
# so does the Kurdish ئ that carries a word-initial vowel (ئازاد is Azad).
_WORD_INITIAL_ALIF = re.compile(r"(?<![\u0600-\u06ff])(?:\u0626\u0627?|\u0627)")
_CYRILLIC_GE_AS_H = str.maketrans({"г": "х", "Г": "Х"})
_CYRILLIC_VE_AS_W = str.maketrans({"в": "w", "В": "W"})
# Names ending in Allah lose the final h in many spellings (Abdullah, Abdulla).
_ALLAH_ENDING = re.compile(r"(?<=ll)(?:a?k?h|a|x)$")
# A final h after a is silent (Sarah, Fatimah; Russian writes it х: Фатимах), as the ة it
# stands for is read here.
_SILENT_FINAL_H = re.compile(r"(?<=...a)k?h$")
# Persian, Pashto and Kurdish end names with a silent ه read as a vowel (فرزانه is Farzana).
_FINAL_HEH = re.compile(r"(?<=[\u0600-\u06ff])\u0647(?![\u0600-\u06ff])")
# Arabic long vowels come out of transliteration as w and y, so they count as vowels here.
_VOWELS = re.compile(r"[aeiouyw]")
_NOT_LETTER = re.compile(r"[^a-z ]+")
_REPEATS = re.compile(r"(.)\1+")
ARTICLES = frozenset({"al", "el", "ul"})
# Name parts that are written both apart and joined ("Abdul Rahman", "Abdulrahman").
# Arabic script gives "bd" (the ayn vanishes) and joins the article to the next word.
JOINING_PREFIXES = frozenset({"abd", "bd", "abu", "abo", "bin", "ben"})
# "Abdul", "Abdel", "Abdal" are "Abd" with the article: one form, so all spellings meet.
# Arabic script gives "bdal" for عبدال, without the first vowel.
_ABD_WITH_ARTICLE = re.compile(r"^a?bd[aeiou]?l")
# After Abd the h (or kh, as Russian writes it) is a letter of its own (Abdul Hamid, Абдул
# Хамид, عبدالحميد), not the dh of ذ: written as x, which becomes h after the digraphs.
_ABD_THEN_H = re.compile(r"^(a?bd)k?h")


def fold(text: str) -> str:
    """Lower-case ASCII letters and single spaces; hyphens and apostrophes split or vanish."""
    ascii_text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    ascii_text = ascii_text.replace("-", " ")
    return " ".join(_NOT_LETTER.sub("", ascii_text).split())


def skeleton(token: str) -> str:
    """The consonant skeleton of one folded name token."""
    return _consonants(_digraphs(token))


def _consonants(sounds: str) -> str:
    return _REPEATS.sub(r"\1", _VOWELS.sub("", sounds))


def _fold_arabic_vowels(text: str, *, final_heh_as_vowel: bool) -> str:
    """Like `fold`, but keeping the long a of alif and the final a of ta marbuta."""
    text = _WORD_INITIAL_ALIF.sub("", unicodedata.normalize("NFKC", text))
    if final_heh_as_vowel:
        text = _FINAL_HEH.sub("\u0627", text)
    return fold(text.translate(_ARABIC_LETTERS))


def tokens(text: str, *, silent_final_h: bool = False) -> list[str]:
    """The words of a name; `silent_final_h` reads a final h after a as silent (Sarah)."""
    folded = _fold_arabic_vowels(text, final_heh_as_vowel=silent_final_h)
    words = [word for word in folded.split() if word not in ARTICLES]
    if silent_final_h:
        words = [_SILENT_FINAL_H.sub("", word) for word in words]
    return [_ABD_WITH_ARTICLE.sub("abd", _ALLAH_ENDING.sub("", word)) for word in words]


def readings(text: str) -> list[str]:
    """The ways a name can be read: a Cyrillic г is both the Russian g and the Arabic h, and
    в both v and the Kurdish w (Карван is Karwan)."""
    found = [text]
    for letters in (_CYRILLIC_GE_AS_H, _CYRILLIC_VE_AS_W):
        found += [other for reading in found if (other := reading.translate(letters)) != reading]
    return found


def name_keys(text: str) -> set[str]:
    """Skeleton keys of a name: one per word, plus joined compounds and article-less forms."""
    keys: set[str] = set()
    for reading in readings(text):
        keys |= _keys_of_words(tokens(reading)) | _keys_of_words(
            tokens(reading, silent_final_h=True)
        )
    return keys


def _keys_of_words(words: list[str]) -> set[str]:
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


# Vowel letters by the sound they stand for; "e" stands for either a or i in transliteration.
_VOWEL_CLASS = str.maketrans("aeiouyw", "AEIUUIU")
_CONSONANT = re.compile(r"[^aeiouyw]")
_DOUBLED_CONSONANT = re.compile(r"([^aeiouyw])\1+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def same_name(first: str, second: str) -> bool:
    """Whether two spellings, in any script, are one name (see the module's description)."""
    return any(
        _spellings_agree(one, other) for one in _spellings(first) for other in _spellings(second)
    )


def _spellings(text: str) -> list[tuple[str, bool]]:
    """Each reading of a name as one joined word, and whether it was written in Arabic script."""
    arabic = bool(_ARABIC_SCRIPT.search(text))
    words = {
        _joined(tokens(reading, silent_final_h=silent))
        for reading in readings(text)
        for silent in (False, True)
    }
    # The article joined to the name: الحسن, Alhassan, Elhassan.
    words |= {_JOINED_ARTICLE.sub("", word) for word in words}
    return [(_digraphs(word), arabic) for word in words if word]


def _joined(words: list[str]) -> str:
    """A compound as one word; Arabic script joins the article to the part after Abd."""
    parts = words[:1]
    for before, word in zip(words, words[1:], strict=False):
        joined_article = before in JOINING_PREFIXES and _JOINED_ARTICLE.match(word)
        parts.append(_JOINED_ARTICLE.sub("", word) if joined_article else word)
    return "".join(parts)


_JOINED_ARTICLE = re.compile(r"^(?:a|e)?l(?=[^aeiouyw]..)")


def _digraphs(token: str) -> str:
    if token.startswith(("abd", "bd")):
        token = _ABD_THEN_H.sub(r"\1x", token)
    for digraph, sound in _DIGRAPHS:
        token = token.replace(digraph, sound)
    return token


def _spellings_agree(one: tuple[str, bool], other: tuple[str, bool]) -> bool:
    (first, first_arabic), (second, second_arabic) = one, other
    if _consonants(first) != _consonants(second):
        return False
    if first_arabic and second_arabic:
        return True
    if first_arabic or second_arabic:
        latin, arabic = (second, first) if first_arabic else (first, second)
        latin_slots, arabic_slots = _slots(latin), _slots(arabic)
        return _slots_agree(latin_slots, arabic_slots, _long_vowel_fits) and _final_vowel_fits(
            latin_slots[-1], arabic_slots[-1]
        )
    return _slots_agree(_slots(first), _slots(second), _vowels_agree)


def _slots(word: str) -> list[str]:
    """The vowels around each consonant, as sound classes with repeats collapsed."""
    slots = _CONSONANT.split(_DOUBLED_CONSONANT.sub(r"\1", word))
    return [_REPEATS.sub(r"\1", slot.translate(_VOWEL_CLASS)) for slot in slots]


def _slots_agree(first: list[str], second: list[str], agree: Callable[[str, str], bool]) -> bool:
    return len(first) == len(second) and all(map(agree, first, second))


def _vowels_agree(first: str, second: str) -> bool:
    """Two Latin or Cyrillic vowel groups: as many sounds, each the same or an ambiguous one."""
    if len(first) != len(second):
        return False
    return all(
        a == b or "E" in (a, b) or {a, b} == {"I", "U"} for a, b in zip(first, second, strict=True)
    )


# The Latin vowels that may stand for a vowel written in Arabic script (Kurdish ە is a short a
# or e, written where Arabic writes none).
_LATIN_FOR = {"A": "AE", "E": "AEI", "I": "IE", "U": "U"}


def _long_vowel_fits(latin: str, arabic: str) -> bool:
    """Arabic script writes long vowels (and Kurdish all vowels): each needs a Latin vowel of
    its sound; where it writes none, Latin has at most one short vowel."""
    if not arabic:
        return len(latin) <= 1
    return all(any(vowel in latin for vowel in _LATIN_FOR[sound]) for sound in arabic)


def _final_vowel_fits(latin: str, arabic: str) -> bool:
    """A name ending in a vowel in Latin ends in a vowel letter of that sound in Arabic script
    (Alia is علياء, Ali is علي)."""
    return not latin or (bool(arabic) and latin[-1] in _LATIN_FOR[arabic[-1]])
