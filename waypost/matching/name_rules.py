"""More names for generated people, made by the rules the naming traditions themselves follow.

The demo camp's hand-written lists (`waypost.demo.names`) hold the common names, 10 to 64 men's
names and 8 to 15 family names per origin. A real population of 200,000 shows far more: the
common names at the head, then a long tail of rarer ones. The tail is made here by rule, each
rule one that the sources below describe; the names it gives are plausible, not attested one by
one, and some of them are rare or unused in life.

Given names (Arabic, and the Arabic names Kurds, Iranians and Afghans also give): an Arabic
name is a root of three consonants in a pattern (Hamid, Hameed, Hammad, Mahmoud, Hamdan, Hamdi
all from h-m-d; Karim, Makrum, Abdul Karim from k-r-m); theophoric names join Abd ("servant
of") to an attribute (Abdul Karim, Abdul Majid, both cited by Sayari below). Feminine forms add
the ta marbuta (Karima, Jamila).

Family names (laqab): tribal, place and profession names in the nisba form ("Al-Baghdadi from
Baghdad, Al-Najafi from Najaf", "Al-Haddad, the blacksmith", "Akre or Barzani" in the Kurdistan
Region: surnam.es/iraq; the region-based surname: Sayari); in Iran surnames exist only since
the law of 1919, often the place of origin with -i (Tehrani, Shirazi) or a given name with -i
(Ahmadi, the most common: "Persian name", Wikipedia), or with -zadeh, -pour, -nejad (MITRE
report MP08-0034, "The Structure of Persian Names", Megerdoomian 2008, section 3.2.1).

Sources:
- Sayari, "How to Search Iraqi Names" (2019), sayari.com/resources/search-iraqi-names/, and
  "Understanding Iraqi Naming Conventions", learn.sayari.com.
- surnam.es, "Iraq", surnam.es/iraq.
- Wikipedia, "Persian name" (surnames since 1919; Ahmadi most common).
- K. Megerdoomian, "The Structure of Persian Names", MITRE MP08-0034 (2008).
"""

from functools import cache

from waypost.demo.names import Name, name

# Consonants: Arabic letter, then Latin spellings (the first the most usual).
_LETTERS = {
    "b": ("ب", "b"),
    "t": ("ت", "t"),
    "j": ("ج", "j"),
    "h": ("ح", "h"),
    "kh": ("خ", "kh"),
    "d": ("د", "d"),
    "r": ("ر", "r"),
    "z": ("ز", "z"),
    "s": ("س", "s"),
    "sh": ("ش", "sh"),
    "S": ("ص", "s"),
    "D": ("ض", "dh", "d"),
    "T": ("ط", "t"),
    "f": ("ف", "f"),
    "q": ("ق", "q", "k"),
    "k": ("ك", "k"),
    "l": ("ل", "l"),
    "m": ("م", "m"),
    "n": ("ن", "n"),
}
# Roots of common Arabic given names, none with a weak letter, ayn or hamza (those change the
# pattern's shape).
ROOTS = (
    ("h", "m", "d"),
    ("k", "r", "m"),
    ("s", "l", "m"),
    ("n", "S", "r"),
    ("j", "m", "l"),
    ("m", "j", "d"),
    ("r", "sh", "d"),
    ("f", "D", "l"),
    ("h", "s", "n"),
    ("q", "s", "m"),
    ("kh", "l", "d"),
    ("S", "b", "r"),
    ("sh", "k", "r"),
    ("h", "k", "m"),
    ("r", "h", "m"),
    ("n", "j", "m"),
    ("j", "b", "r"),
    ("s", "t", "r"),
    ("kh", "l", "l"),
    ("q", "d", "r"),
    ("h", "b", "b"),
    ("b", "sh", "r"),
    ("k", "m", "l"),
    ("T", "r", "q"),
    ("sh", "r", "f"),
    ("m", "l", "k"),
    ("f", "r", "j"),
    ("m", "n", "S"),
    ("s", "r", "d"),
    ("b", "d", "r"),
    ("n", "z", "r"),
    ("h", "m", "z"),
    ("j", "l", "l"),
    ("kh", "T", "b"),
    ("f", "kh", "r"),
)


def _forms(root: tuple[str, str, str], pattern: str) -> tuple[str, list[str]]:
    """The name of `root` in `pattern`, in Arabic script and its Latin spellings."""
    (a1, *l1), (a2, *l2), (a3, *l3) = (_LETTERS[letter] for letter in root)
    native = {
        "faaCil": f"{a1}ا{a2}{a3}",
        "faCiil": f"{a1}{a2}ي{a3}",
        "faCCaal": f"{a1}{a2}ا{a3}",
        "mafCuul": f"م{a1}{a2}و{a3}",
        "faClaan": f"{a1}{a2}{a3}ان",
        "faCli": f"{a1}{a2}{a3}ي",
    }[pattern]
    shapes = {
        "faaCil": ("{1}a{2}i{3}", "{1}a{2}e{3}"),
        "faCiil": ("{1}a{2}i{3}", "{1}a{2}ee{3}"),
        "faCCaal": ("{1}a{2}{2}a{3}", "{1}a{2}a{3}"),
        "mafCuul": ("ma{1}{2}ou{3}", "ma{1}{2}u{3}", "ma{1}{2}oo{3}"),
        "faClaan": ("{1}a{2}{3}an",),
        "faCli": ("{1}a{2}{3}i", "{1}a{2}{3}y"),
    }[pattern]
    latin = [
        shape.format("", first, second, third)
        for shape in shapes
        for first in l1[:1]
        for second in l2
        for third in l3[:1]
    ]
    return native, latin


PATTERNS = ("faaCil", "faCiil", "faCCaal", "mafCuul", "faClaan", "faCli")


def _fits(root: tuple[str, str, str], pattern: str) -> bool:
    """A doubled root (h-b-b) takes only faCiil here (Habib); a root in m takes no prefix m."""
    if root[1] == root[2]:
        return pattern == "faCiil"
    return not (pattern == "mafCuul" and root[0] == "m")


def _spelt(native: str, latin: list[str]) -> Name:
    unique = list(dict.fromkeys(text[0].upper() + text[1:] for text in latin))
    return name(native, *unique)


@cache
def male_names() -> tuple[Name, ...]:
    """Men's names by root and pattern, and Abd with each root's attribute (Abdul Karim)."""
    names = []
    for root in ROOTS:
        for pattern in PATTERNS:
            if _fits(root, pattern):
                names.append(_spelt(*_forms(root, pattern)))
        native, latin = _forms(root, "faCiil")
        names.append(
            _spelt(
                "عبدال" + native,
                [
                    f"Abdul {latin[0].capitalize()}",
                    f"Abdul{latin[0]}",
                    f"Abdel {latin[-1].capitalize()}",
                ],
            )
        )
    return tuple(names)


@cache
def female_names() -> tuple[Name, ...]:
    """Women's names: faaCil and faCiil with the feminine ending (Hamida, Karima), and the
    forms in -a and -aa (Salma, Hasnaa)."""
    names = []
    for root in ROOTS:
        for pattern in ("faaCil", "faCiil"):
            if not _fits(root, pattern):
                continue
            native, latin = _forms(root, pattern)
            spellings = [f"{text}a" for text in latin] + [f"{latin[0]}ah"]
            names.append(_spelt(native + "ة", spellings))
        if root[1] != root[2]:
            native, latin = _forms(root, "faCli")
            stem = latin[0][:-1]
            names.append(_spelt(native[:-1] + "ى", [f"{stem}a"]))
            names.append(_spelt(native[:-1] + "اء", [f"{stem}aa", f"{stem}a"]))
    return tuple(names)


# Places and tribes of the camp's origins (Arabic or Perso-Arabic script, Latin stem).
IRAQ_PLACES = (
    ("بغداد", "Baghdad"),
    ("موصل", "Mosul"),
    ("بصر", "Basr"),
    ("تكريت", "Tikrit"),
    ("كركوك", "Kirkuk"),
    ("نجف", "Najaf"),
    ("أنبار", "Anbar"),
    ("سامرائ", "Samarra"),
    ("حل", "Hill"),
    ("كوف", "Kuf"),
    ("جناب", "Janab"),
    ("راو", "Raw"),
    ("حديث", "Hadith"),
    ("دور", "Dur"),
)
KURDISH_PLACES = (
    ("بارزان", "Barzan"),
    ("زيبار", "Zebar"),
    ("دوسك", "Dosk"),
    ("سند", "Sind"),
    ("ميزور", "Mizur"),
    ("عقراو", "Akraw"),
    ("هورام", "Hawram"),
    ("طالبان", "Talaban"),
    ("دزي", "Dizay"),
    ("سورچ", "Surch"),
    ("هرك", "Herk"),
    ("سليمان", "Sulaiman"),
    ("أربيل", "Erbil"),
    ("دهوك", "Duhok"),
    ("زاخو", "Zakho"),
    ("عمادي", "Amed"),
    ("كوي", "Koy"),
    ("بالك", "Balak"),
    ("شيخان", "Shekhan"),
    ("خوشناو", "Khoshnaw"),
    ("گەرمیان", "Garmyan"),
    ("كوبان", "Koban"),
    ("عفرين", "Afrin"),
)
SYRIA_PLACES = (
    ("حلب", "Halab"),
    ("شام", "Sham"),
    ("حمص", "Homs"),
    ("حمو", "Hamaw"),
    ("إدلب", "Idlib"),
    ("دير", "Deir"),
    ("رقاو", "Raqqaw"),
    ("درعاو", "Daraw"),
)
PERSIAN_PLACES = (
    ("تهران", "Tehran"),
    ("شیراز", "Shiraz"),
    ("اصفهان", "Esfahan"),
    ("تبریز", "Tabriz"),
    ("مشهد", "Mashhad"),
    ("کرمان", "Kerman"),
    ("کابل", "Kabul"),
    ("هرات", "Herat"),
    ("بلخ", "Balkh"),
    ("قندهار", "Kandahar"),
    ("پنجشیر", "Panjshir"),
    ("کرمانشاه", "Kermanshah"),
    ("گیلان", "Gilan"),
    ("همدان", "Hamedan"),
)
PROFESSIONS = (
    ("حداد", "Haddad"),
    ("نجار", "Najjar"),
    ("خياط", "Khayyat"),
    ("صراف", "Sarraf"),
    ("بزاز", "Bazzaz"),
    ("قصاب", "Qassab"),
    ("طحان", "Tahhan"),
    ("صباغ", "Sabbagh"),
    ("دباغ", "Dabbagh"),
    ("حلاق", "Hallaq"),
)


def nisba(places: tuple[tuple[str, str], ...], *, article: bool) -> tuple[Name, ...]:
    """Al-Baghdadi from Baghdad (Arabic, with the article), Barzani from Barzan (Kurdish)."""
    names = []
    for native, stem in places:
        if article:
            joined = () if stem[0] in "AEIOU" else (f"Al{stem.lower()}i",)
            names.append(name(f"ال{native}ي", f"Al-{stem}i", *joined, f"{stem}i"))
        else:
            names.append(name(f"{native}ی", f"{stem}i"))
    return tuple(names)


def professions() -> tuple[Name, ...]:
    """Al-Haddad, the blacksmith: with the article as often written, or without it."""
    return tuple(
        name(f"ال{native}", f"Al-{stem}", f"Al{stem.lower()}") for native, stem in PROFESSIONS
    )


def of_given_names(given: tuple[Name, ...], *, persian: bool) -> tuple[Name, ...]:
    """Family names from a forefather's given name: Al-Ahmad (Syria), Ahmadi, Ahmadzadeh (Iran)."""
    names = []
    for person in given:
        stem, native = person.latin[0].replace(" ", ""), person.native
        if persian:
            names.append(name(f"{native}ی", f"{stem}i"))
            names.append(name(f"{native}زاده", f"{stem}zadeh", f"{stem}zada"))
            names.append(name(f"{native}پور", f"{stem}pour", f"{stem}pur"))
        else:
            names.append(name(f"ال{native}", f"Al-{stem}", f"Al{stem.lower()}"))
    return tuple(names)
