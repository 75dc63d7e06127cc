"""Who the generated people are: how their given, father's and family names are drawn.

Two populations, so that a figure can always be given on both:

- `dense`, the stress case: the demo camp's own lists, drawn by popularity (Zipf, exponent
  0.9): 10 to 64 men's names per origin, 8 to 15 family names per origin, and no third name at
  all for households without a family name. Among 20,000 people about a quarter share given
  name, father's name and birth year with someone of another family. Kept as it was.
- `realistic`: the same lists as the head, with the shares published figures give, a long
  tail of names made by rule (`name_rules`), and the grandfather's name written where a family
  has no family name, as Iraqi papers do.

What is measured and what is assumed in `realistic`:

- Measured: Mohammed is 9 % of boys born in Jordan (9,782 in 2017, Department of Statistics,
  reported by Roya News, en.royanews.tv/news/15127: 579.3 births a day, 51.2 % boys, so about
  108,000 boys); in 2013-2015 Mohammad 31,000, Ahmad 14,789, Omar 10,640 (Jordan Times,
  28 January 2016, jordantimes.com/node/276416), so the second and third names come at about
  1/2 and 1/3 of the first: a Zipf law of exponent 1 from a first name at 9 %. Among Arabs in
  Israel one newborn boy in six was Muhammad in 2000, one in eight in 2020 (IQNA, via
  en.hamsonews.com): the 9 % is the low end, so Mohammed is not made rare here.
- Measured (a convention, no share): Iraqi papers carry the given name, the father's and the
  grandfather's; the family name (laqab) "will not necessarily appear", and may take the
  grandfather's place (IRB Canada, IRQ37039.E, 2001, ecoi.net/de/dokument/1034025.html; SBS
  Cultural Atlas, "Iraqi Culture: Naming"); Kurds in Iraq use the same three names (Baranî,
  Bamernî and Şerîf, University of Duhok, "Kurdish personal names").
- Measured: the first girls' name in Jordan, Joud, was 4.7 % of girls born (4,863, Jordan
  Times, above): the women's head share.
- Assumed: that Mohammed is as common (9 %) among Kurdish, Iranian, Afghan and Yemeni men as
  among Jordanian boys, and first wherever Arabic names are given (the conservative reading:
  it keeps the most namesakes); the other listed names ranked as the demo draws them and
  falling from there by the Jordanian law; that the rest of the
  draws (about 60 % for men, 80 % for women) spreads evenly over the names made by rule, so
  that each of them is about as common as the last listed names (a tail that long adds little
  to the chance that two men share a name: the head decides it); the shares of households with
  a family name and with a grandfather's name (`waypost.demo.origins`, ours); the number of
  distinct family names, which no source gives for these populations.
- Cameroonian names keep the demo's lists: no Arabic tail there, and no figure found.
"""

from collections.abc import Sequence
from functools import cache
from typing import Protocol

from waypost.demo.names import Name, arabic, cameroonian, kurdish, persian
from waypost.demo.origins import Origin, Pools
from waypost.demo.people import Dice
from waypost.matching import name_rules

DENSE, REALISTIC = "dense", "realistic"
# Mohammed among boys born in Jordan in 2017 (see above): the first name of every list.
HEAD_SHARE = 0.09
# Jordan 2013-2015: the second and third names at 1/2 and 1/3 of the first.
HEAD_EXPONENT = 1.0
# Joud, the first girls' name in Jordan in 2014 and 2015: 4,863 of about 103,000 girls born
# a year (Jordan Times, above).
FEMALE_HEAD_SHARE = 0.047
# How the demo ranks its own lists (`waypost.demo.people`), to merge an origin's lists.
DEMO_EXPONENT = 0.9
# The most common name of the Muslim world: first wherever Arabic names are given.
MOHAMMED = arabic.MALE[0]
ATTEMPTS = 20


class Population(Protocol):
    name: str

    def given(self, dice: Dice, origin: Origin, sex: str, avoid: Sequence[Name]) -> Name: ...

    def father(self, dice: Dice, origin: Origin, avoid: Sequence[Name]) -> Name: ...

    def family(self, dice: Dice, origin: Origin) -> Name | None: ...


class Dense:
    """The demo camp's lists as they are: the namesake-dense stress case."""

    name = DENSE

    def given(self, dice: Dice, origin: Origin, sex: str, avoid: Sequence[Name]) -> Name:
        return dice.name(origin.male if sex == "M" else origin.female, avoid=avoid)

    def father(self, dice: Dice, origin: Origin, avoid: Sequence[Name]) -> Name:
        return dice.name(origin.male, avoid=avoid)

    def family(self, dice: Dice, origin: Origin) -> Name | None:
        return dice.family_name(origin) if dice.chance(origin.family_name_share) else None


class Realistic:
    """Published head shares, a long tail made by rule, the grandfather's name as third name."""

    name = REALISTIC

    def given(self, dice: Dice, origin: Origin, sex: str, avoid: Sequence[Name]) -> Name:
        names, weights = _given_weights(origin.code, sex)
        return _draw(dice, names, weights, avoid)

    def father(self, dice: Dice, origin: Origin, avoid: Sequence[Name]) -> Name:
        return self.given(dice, origin, "M", avoid)

    def family(self, dice: Dice, origin: Origin) -> Name | None:
        if dice.chance(origin.family_name_share):
            names, weights = _family_weights(origin.code)
            return _draw(dice, names, weights, ())
        if dice.chance(origin.grandfather_name_share):
            return self.given(dice, origin, "M", ())
        return None


POPULATIONS: dict[str, Population] = {DENSE: Dense(), REALISTIC: Realistic()}


def _draw(
    dice: Dice, names: tuple[Name, ...], weights: tuple[float, ...], avoid: Sequence[Name]
) -> Name:
    chosen = names[0]
    for _attempt in range(ATTEMPTS):
        chosen = dice.rng.choices(names, cum_weights=weights)[0]
        if chosen not in avoid:
            return chosen
    return chosen


def _origin(code: str) -> Origin:
    from waypost.demo.origins import ORIGINS

    return next(origin for origin in ORIGINS if origin.code == code)


@cache
def _given_weights(code: str, sex: str) -> tuple[tuple[Name, ...], tuple[float, ...]]:
    """The origin's listed names by Zipf from the head share, the rest spread over the tail."""
    origin = _origin(code)
    ranked = _ranked(origin.male if sex == "M" else origin.female)
    head = HEAD_SHARE if sex == "M" else FEMALE_HEAD_SHARE
    weights = {person: head / rank**HEAD_EXPONENT for rank, person in enumerate(ranked, 1)}
    if origin.nationality != "CMR":
        known = {person.native for person in weights}
        made = name_rules.male_names() if sex == "M" else name_rules.female_names()
        tail = [person for person in made if person.native not in known]
        rest = max(0.0, 1 - sum(weights.values()))
        for person in tail:
            weights[person] = rest / len(tail)
    return _cumulative(weights)


def _ranked(pools: Pools) -> list[Name]:
    """The names of all lists, most common first as the demo draws them; Mohammed first."""
    chance: dict[Name, float] = {}
    for names, share in pools:
        for rank, person in enumerate(names, start=1):
            chance[person] = chance.get(person, 0.0) + share / rank**DEMO_EXPONENT / len(names)
    ranked = sorted(chance, key=chance.__getitem__, reverse=True)
    if MOHAMMED in ranked:
        ranked.remove(MOHAMMED)
        ranked.insert(0, MOHAMMED)
    return ranked


_LAQAB_PLACES = {
    "iraq_kurdish_sorani": (kurdish.SORANI_FAMILY, name_rules.KURDISH_PLACES, False),
    "iraq_kurdish_badini": (kurdish.BADINI_FAMILY, name_rules.KURDISH_PLACES, False),
    "iraq_arab": (arabic.IRAQI_FAMILY, name_rules.IRAQ_PLACES, True),
    "syria_kurdish": (kurdish.SYRIAN_FAMILY, name_rules.KURDISH_PLACES[-2:], False),
    "syria_arab": (arabic.SYRIAN_FAMILY, name_rules.SYRIA_PLACES, True),
    "iran": (persian.IRANIAN_FAMILY, name_rules.PERSIAN_PLACES[:6], False),
    "afghanistan_dari": (persian.AFGHAN_FAMILY, name_rules.PERSIAN_PLACES[6:12], False),
    "afghanistan_pashto": (persian.AFGHAN_FAMILY, name_rules.PERSIAN_PLACES[6:12], False),
    "yemen": (arabic.YEMENI_FAMILY, (), True),
    "cameroon": (cameroonian.FAMILY, (), False),
}


@cache
def _family_weights(code: str) -> tuple[tuple[Name, ...], tuple[float, ...]]:
    """The demo's family names first, then those made by rule, all by Zipf (exponent 1)."""
    origin = _origin(code)
    listed, places, article = _LAQAB_PLACES[code]
    names = list(listed)
    if code != "cameroon":
        names += name_rules.nisba(places, article=article)
        forefathers = tuple(dict.fromkeys(man for men, _share in origin.male for man in men))
        persian_style = origin.first_language in {"fa", "ps"}
        if article or persian_style:  # Kurds give the grandfather's name instead
            names += name_rules.of_given_names(forefathers[:40], persian=persian_style)
        if article:
            names += name_rules.professions()
    unique = list(dict.fromkeys(names))
    return _cumulative({person: 1 / rank**HEAD_EXPONENT for rank, person in enumerate(unique, 1)})


def _cumulative(weights: dict[Name, float]) -> tuple[tuple[Name, ...], tuple[float, ...]]:
    total, cumulative = 0.0, []
    for weight in weights.values():
        total += weight
        cumulative.append(total)
    return tuple(weights), tuple(cumulative)
