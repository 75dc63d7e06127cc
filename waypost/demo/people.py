"""One made-up person at a time: names, age, papers and phones, drawn from a seeded source."""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from waypost.demo import figures
from waypost.demo.names import Name
from waypost.demo.origins import BELARUS_MOBILES, NumberFormat, Origin, Pools
from waypost.registry.models import DatePrecision, DocumentType, Relationship
from waypost.registry.services import DocumentData, MemberData
from waypost.registry.validators import years_before

DAYS_PER_YEAR = 365.25
ADULT_AGE = 18
# How steeply name popularity falls with rank (a Zipf exponent; ours, for a realistic mix of
# very common and rare names).
NAME_POPULARITY_EXPONENT = 0.9


class Dice:
    """The seeded random source, the day the camp is generated for, and numbers given out."""

    def __init__(self, *, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.numbers_given: set[str] = set()

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick[K](self, shares: Mapping[K, float]) -> K:
        return self.rng.choices(list(shares), weights=list(shares.values()))[0]

    def between(self, low: float, high: float) -> float:
        return self.rng.uniform(low, high)

    def born(self, age_years: float) -> date:
        return self.today - timedelta(days=round(age_years * DAYS_PER_YEAR))

    def number(self, form: NumberFormat) -> str:
        """A number not given out before in this camp (documents and phones are unique)."""
        while True:
            digits = "".join(self.rng.choice("0123456789") for _ in range(form.digits))
            number = form.prefix + digits
            if number not in self.numbers_given:
                self.numbers_given.add(number)
                return number

    def name(self, pools: Pools, avoid: Sequence[Name] = ()) -> Name:
        lists = [names for names, _weight in pools]
        for _attempt in range(20):
            names = self.rng.choices(lists, weights=[weight for _names, weight in pools])[0]
            chosen = self.rng.choices(names, cum_weights=_popularity(len(names)))[0]
            if chosen not in avoid:
                return chosen
        return chosen

    def family_name(self, origin: Origin) -> Name:
        return self.rng.choices(origin.family, cum_weights=_popularity(len(origin.family)))[0]


@cache
def _popularity(count: int) -> list[float]:
    """Cumulative Zipf weights: the first name of a list is the most common."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1 / rank**NAME_POPULARITY_EXPONENT
        cumulative.append(total)
    return cumulative


@dataclass
class Draft:
    """A person before they are written down: names as Name objects, the true birth date."""

    relationship: str
    sex: str
    born: date
    given: Name
    father: Name | None = None
    grandfather: Name | None = None
    family: Name | None = None
    is_pregnant: bool = False
    expected_delivery_date: date | None = None
    is_lactating: bool = False
    needs: list[str] = field(default_factory=list)

    def age_on(self, day: date) -> int:
        return day.year - self.born.year - ((day.month, day.day) < (self.born.month, self.born.day))


@dataclass
class HouseholdStyle:
    """How one clerk wrote down one household: spellings, which name parts, which languages."""

    origin: Origin
    uses_grandfather_name: bool
    uses_family_name: bool
    writes_native_script: bool
    languages: list[str]
    spellings: dict[Name, str] = field(default_factory=dict)
    head_phones: list[str] = field(default_factory=list)

    def latin(self, dice: Dice, name: Name | None) -> str:
        if name is None:
            return ""
        if name not in self.spellings:
            variants = name.latin
            usual = dice.chance(0.55) or len(variants) == 1
            self.spellings[name] = variants[0] if usual else dice.rng.choice(variants[1:])
        return self.spellings[name]

    def native(self, name: Name | None) -> str:
        return name.native if name is not None and self.writes_native_script else ""


def household_style(dice: Dice, origin: Origin) -> HouseholdStyle:
    languages = [origin.first_language]
    languages += [code for code, share in origin.other_languages if dice.chance(share)]
    return HouseholdStyle(
        origin=origin,
        uses_grandfather_name=dice.chance(origin.grandfather_name_share),
        uses_family_name=dice.chance(origin.family_name_share),
        writes_native_script=not dice.chance(figures.NO_NATIVE_SCRIPT),
        languages=languages,
    )


def member_from(draft: Draft, *, style: HouseholdStyle, dice: Dice) -> MemberData:
    origin = style.origin
    father = draft.father if origin.has_father_name else None
    grandfather = draft.grandfather if father and style.uses_grandfather_name else None
    family = draft.family if style.uses_family_name else None
    recorded, precision = recorded_birth_date(draft, dice)
    return MemberData(
        relationship=draft.relationship,
        given_name=style.latin(dice, draft.given),
        father_name=style.latin(dice, father),
        grandfather_name=style.latin(dice, grandfather),
        family_name=style.latin(dice, family),
        given_name_native=style.native(draft.given),
        father_name_native=style.native(father),
        grandfather_name_native=style.native(grandfather),
        family_name_native=style.native(family),
        sex=draft.sex,
        date_of_birth=recorded,
        date_of_birth_precision=precision,
        nationality=origin.nationality,
        languages=languages_of(draft, style, dice),
        phones=phones_of(draft, style, dice),
        documents=documents_of(draft, origin, dice),
        specific_needs=list(dict.fromkeys(draft.needs)),
        is_pregnant=draft.is_pregnant,
        expected_delivery_date=draft.expected_delivery_date,
        is_lactating=draft.is_lactating,
    )


def recorded_birth_date(draft: Draft, dice: Dice) -> tuple[date, str]:
    """The date as the person gives it: exact, a year only, or an age the clerk turns into one."""
    age = draft.age_on(dice.today)
    if age < 1:
        return draft.born, DatePrecision.EXACT
    shares = (
        figures.ADULT_BIRTH_DATE_PRECISION
        if age >= ADULT_AGE
        else figures.CHILD_BIRTH_DATE_PRECISION
    )
    precision = dice.pick(shares)
    if precision == DatePrecision.YEAR and age >= 2:
        return date(draft.born.year, 1, 1), DatePrecision.YEAR
    if precision == DatePrecision.ESTIMATED:
        return years_before(dice.today, age), DatePrecision.ESTIMATED
    return draft.born, DatePrecision.EXACT


def languages_of(draft: Draft, style: HouseholdStyle, dice: Dice) -> list[str]:
    age = draft.age_on(dice.today)
    if age < 6:
        return style.languages[:1]
    return list(style.languages) if age >= ADULT_AGE else [c for c in style.languages if c != "en"]


def phones_of(draft: Draft, style: HouseholdStyle, dice: Dice) -> list[str]:
    if draft.relationship == Relationship.HEAD:
        if draft.age_on(dice.today) >= 14 and dice.chance(figures.HEAD_HAS_PHONE):
            style.head_phones = [new_phone(style.origin, dice)]
            if dice.chance(figures.SECOND_PHONE):
                style.head_phones.append(new_phone(style.origin, dice))
        return list(style.head_phones)
    if draft.age_on(dice.today) < 16:
        return []
    if dice.chance(figures.ADULT_HAS_OWN_PHONE):
        return [new_phone(style.origin, dice)]
    if style.head_phones and dice.chance(figures.ADULT_GIVES_HEADS_PHONE):
        return style.head_phones[:1]
    return []


def new_phone(origin: Origin, dice: Dice) -> str:
    prefixes = BELARUS_MOBILES if dice.chance(figures.BELARUSIAN_SIM) else origin.mobile_prefixes
    return dice.number(NumberFormat(dice.rng.choice(prefixes), 7))


def documents_of(draft: Draft, origin: Origin, dice: Dice) -> list[DocumentData]:
    if "LP-ND" in draft.needs:
        return []
    documents = []
    adult = draft.age_on(dice.today) >= ADULT_AGE
    if dice.chance(figures.ADULT_PASSPORT if adult else figures.CHILD_PASSPORT):
        documents.append((DocumentType.PASSPORT, dice.number(origin.passport)))
    if adult and dice.chance(figures.ADULT_NATIONAL_ID):
        documents.append((DocumentType.NATIONAL_ID, dice.number(origin.national_id)))
    if not adult and not documents and dice.chance(figures.CHILD_BIRTH_CERTIFICATE):
        documents.append((DocumentType.BIRTH_CERTIFICATE, dice.number(NumberFormat("", 8))))
    return [DocumentData(kind, number, origin.nationality) for kind, number in documents]
