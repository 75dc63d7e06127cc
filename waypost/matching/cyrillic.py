"""Latin names written in Cyrillic the way border officers copy them from a passport.

The rendering follows common Russian practice for Arabic, Kurdish and Persian names: kh and h
become х (older forms use г for h, as in Ибрагим), j becomes дж, ya and yu become я and ю, and
an l before a consonant may take a soft sign (Абдуль-Рахман). It is for generating realistic
test records, not an official transliteration standard.
"""

import re

from anyascii import anyascii

# Longest first: each Latin letter group and its Cyrillic rendering.
_LATIN_TO_CYRILLIC = (
    ("shch", "щ"),
    ("kh", "х"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("dj", "дж"),
    ("ts", "ц"),
    ("you", "ю"),
    ("ya", "я"),
    ("yu", "ю"),
    ("yo", "йо"),
    ("ou", "у"),
    ("oo", "у"),
    ("ee", "и"),
    ("ey", "ей"),
    ("ei", "ей"),
    ("ay", "ай"),
    ("aa", "а"),
    ("gh", "г"),
    ("th", "т"),
    ("dh", "д"),
    ("ph", "ф"),
    ("q", "к"),
    ("j", "дж"),
    ("a", "а"),
    ("b", "б"),
    ("c", "к"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "в"),
    ("x", "х"),  # Kurdish Latin x is kh
    ("y", "й"),
    ("z", "з"),
)
# Letters of the Kurdish (Kurmanji) and French alphabets, as the Latin letters they sound like.
_ACCENTED = str.maketrans(
    {"ş": "sh", "ç": "ch", "ê": "e", "î": "i", "û": "u", "é": "e", "è": "e", "ë": "e", "ğ": "gh"}
)
_PATTERN = re.compile("|".join(latin for latin, _cyrillic in _LATIN_TO_CYRILLIC))
_RENDERING = dict(_LATIN_TO_CYRILLIC)
_L_BEFORE_CONSONANT = re.compile(r"л(?=$|-|[бвгджзклмнпрстфхцчшщ])")


def to_cyrillic(latin: str, *, h_as_ge: bool = False, soft_l: bool = False) -> str:
    """The name in Cyrillic; `h_as_ge` writes h as г, `soft_l` adds ь after l before a consonant."""
    words = []
    for word in latin.split(" "):
        lower = anyascii(word.lower().translate(_ACCENTED))
        cyrillic = _PATTERN.sub(lambda match: _rendering(match.group(), h_as_ge), lower)
        if soft_l:
            cyrillic = _L_BEFORE_CONSONANT.sub("ль", cyrillic)
        words.append(_capitalised(cyrillic))
    return " ".join(words)


def _rendering(latin: str, h_as_ge: bool) -> str:
    return "г" if latin == "h" and h_as_ge else _RENDERING[latin]


def _capitalised(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
