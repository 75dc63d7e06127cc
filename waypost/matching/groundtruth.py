"""Records of made-up people whose true identities are known, for tests and benchmarks.

Families are drawn with the demo camp's names and origins (`waypost.demo`), then every person
is written down two to four times by different hands: the UN agency in Latin letters
(`unhcr`), the border authority in Cyrillic copied from the Latin spelling (`border`), and the
person in their own script (`self`), each record with the variations of `waypost.matching.
variation`. Siblings, twins and cousins with shared names are there on purpose: they are the
different people a matcher must keep apart. The same seed always gives the same records.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TextIO

from waypost.demo import figures
from waypost.demo.names import Name
from waypost.demo.origins import ORIGINS, NumberFormat, Origin
from waypost.demo.people import Dice
from waypost.matching import variation as vary
from waypost.matching.populations import DENSE, POPULATIONS, Population
from waypost.matching.records import RECORD_COLUMNS

COLUMNS = RECORD_COLUMNS
TRUTH_COLUMNS = ("record_id", "identity_id")
UNHCR, BORDER, SELF = "unhcr", "border", "self"
# Ages are counted from this day: the UN and IOM statement the demo origins are drawn from.
REFERENCE_DAY = date(2021, 11, 29)
DAYS_PER_YEAR = 365.25
PHONE_DIGITS = 7

# Ours, assumptions for generated test data (hard cases more common than in life, on purpose):
CHILDREN_PER_FAMILY = (1, 5)
ELDEST_AGE = (18.0, 45.0)
TWINS_SHARE = 0.12  # of families with two children or more
COUSIN_FAMILY_SHARE = 0.25  # a family followed by one of the father's brother
COUSIN_NAMED_ALIKE_SHARE = 0.6  # cousins named after the same grandfather
HOUSEHOLD_PHONE_SHARE = 0.8
PHONE_GIVEN_SHARE = 0.75
BORDER_RECORD_SHARE = 0.7
SELF_RECORD_SHARE = 0.6
SECOND_UNHCR_RECORD_SHARE = 0.15
# Built once: hashing an origin walks all its name lists, far too slow to repeat per family.
_ORIGIN_SHARES = {origin: origin.household_share for origin in ORIGINS}


@dataclass(frozen=True)
class Identity:
    identity_id: str
    family_id: str  # siblings and twins share it; cousins share the family name only
    sex: str
    born: date
    given: Name
    father: Name | None
    family: Name | None
    origin: Origin
    phone: str  # the household's phone, or empty


@dataclass
class Record:
    record_id: str
    source: str
    given_name: str
    father_name: str
    family_name: str
    full_name: str
    date_of_birth: str
    sex: str
    nationality: str
    phone: str
    identity_id: str
    variations: set[str] = field(default_factory=set)

    def row(self) -> dict[str, str]:
        return {column: getattr(self, column) for column in COLUMNS}


@dataclass
class GroundTruth:
    identities: list[Identity]
    records: list[Record]


def generate(*, people: int, seed: int, population: str = DENSE) -> GroundTruth:
    """`people` identities in families, and their records in a shuffled order.

    `population` is how names are drawn (`waypost.matching.populations`): `dense`, the demo
    camp's short lists (the stress case, and what the saved model was trained on), or
    `realistic`, with published head shares and a long tail.
    """
    dice = Dice(seed=seed, today=REFERENCE_DAY)
    drawn = POPULATIONS[population]
    identities: list[Identity] = []
    previous: list[Identity] = []
    while len(identities) < people:
        cousins = previous if previous and dice.chance(COUSIN_FAMILY_SHARE) else []
        family = _family(dice, drawn, number=len(identities), cousins=cousins)
        previous = family[: people - len(identities)]
        identities += previous
    records = [record for identity in identities for record in _records_of(identity, dice)]
    dice.rng.shuffle(records)
    for index, record in enumerate(records, start=1):
        record.record_id = f"R{index:07d}"
    return GroundTruth(identities=identities, records=records)


def _family(
    dice: Dice, drawn: Population, *, number: int, cousins: list[Identity]
) -> list[Identity]:
    """Brothers and sisters with one father; cousins share the family name and some names."""
    if cousins:
        origin, family_name = cousins[0].origin, cousins[0].family
    else:
        origin = dice.pick(_ORIGIN_SHARES)
        family_name = drawn.family(dice, origin)
    avoid = [cousin.father for cousin in cousins if cousin.father]
    avoid += [family_name] if family_name else []
    father = drawn.father(dice, origin, avoid) if origin.has_father_name else None
    phone = _phone(dice, origin) if dice.chance(HOUSEHOLD_PHONE_SHARE) else ""
    births = _birth_dates(dice)
    identities: list[Identity] = []
    for child, born in enumerate(births):
        sex = dice.pick(figures.SEX_SHARES)
        siblings = [identity.given for identity in identities]
        given = _given_name(dice, drawn, origin, sex, siblings=siblings, cousins=cousins)
        identities.append(
            Identity(
                identity_id=f"P{number + child + 1:07d}",
                family_id=f"F{number + 1:07d}",
                sex=sex,
                born=born,
                given=given,
                father=father,
                family=family_name,
                origin=origin,
                phone=phone,
            )
        )
    return identities


def _birth_dates(dice: Dice) -> list[date]:
    """Children from the eldest down; one pair of twins in some families."""
    count = dice.rng.randint(*CHILDREN_PER_FAMILY)
    age = dice.between(*ELDEST_AGE)
    births = []
    twins_at = dice.rng.randrange(count - 1) if count > 1 and dice.chance(TWINS_SHARE) else -1
    for child in range(count):
        births.append(dice.today - timedelta(days=round(age * DAYS_PER_YEAR)))
        if child != twins_at:
            age = max(0.0, age - dice.between(*figures.YEARS_BETWEEN_CHILDREN))
    return births


def _given_name(
    dice: Dice,
    drawn: Population,
    origin: Origin,
    sex: str,
    *,
    siblings: list[Name],
    cousins: list[Identity],
) -> Name:
    namesakes = [cousin.given for cousin in cousins if cousin.sex == sex]
    if namesakes and dice.chance(COUSIN_NAMED_ALIKE_SHARE):
        chosen = dice.rng.choice(namesakes)
        if chosen not in siblings:
            return chosen
    return drawn.given(dice, origin, sex, siblings)


def _phone(dice: Dice, origin: Origin) -> str:
    return dice.number(NumberFormat(dice.rng.choice(origin.mobile_prefixes), PHONE_DIGITS))


def _records_of(identity: Identity, dice: Dice) -> list[Record]:
    """Always a UN record, then border and self-written ones: never fewer than two sources."""
    sources = [UNHCR]
    if dice.chance(SECOND_UNHCR_RECORD_SHARE):
        sources.append(UNHCR)
    if dice.chance(BORDER_RECORD_SHARE):
        sources.append(BORDER)
    if dice.chance(SELF_RECORD_SHARE) or BORDER not in sources:
        sources.append(SELF)
    return [_record(identity, source, dice) for source in sources]


def _record(identity: Identity, source: str, dice: Dice) -> Record:
    marks: set[str] = set()
    given, father, family = _names(identity, source, dice, marks)
    if father and dice.chance(vary.FATHER_AS_FAMILY_SHARE):
        marks.add(vary.FATHER_AS_FAMILY)
        father, family = "", father
    record = Record(
        record_id="",
        source=source,
        given_name=given,
        father_name=father,
        family_name=family,
        full_name="",
        date_of_birth=vary.written_birth_date(dice, identity.born, marks),
        sex=identity.sex,
        nationality=identity.origin.nationality,
        phone=identity.phone if dice.chance(PHONE_GIVEN_SHARE) else "",
        identity_id=identity.identity_id,
        variations=marks,
    )
    if dice.chance(vary.MISSING_FIELD_SHARE):
        marks.add(vary.MISSING_FIELD)
        setattr(record, dice.rng.choice(_FIELDS_LEFT_EMPTY), "")
    record.full_name = _full_name(record, dice)
    return record


_FIELDS_LEFT_EMPTY = ("father_name", "family_name", "date_of_birth", "sex", "nationality", "phone")


def _names(identity: Identity, source: str, dice: Dice, marks: set[str]) -> list[str]:
    """Given, father's and family name as this source writes them."""
    parts = []
    for name, is_family in (
        (identity.given, False),
        (identity.father, False),
        (identity.family, True),
    ):
        if name is None:
            parts.append("")
        elif source == SELF and name.native:
            parts.append(name.native)
        else:
            parts.append(_latin(name, source, is_family, dice, marks))
    return parts


def _latin(name: Name, source: str, is_family: bool, dice: Dice, marks: set[str]) -> str:
    text = vary.spelling(dice, name.latin, marks)
    if is_family:
        text = vary.drop_article(dice, text, marks)
    else:
        text = vary.change_compound(dice, text, marks)
    text = vary.typo(dice, text, marks)
    return vary.cyrillic(dice, text, marks) if source == BORDER else text


def _full_name(record: Record, dice: Dice) -> str:
    parts = [record.given_name, record.father_name, record.family_name]
    if record.family_name and dice.chance(vary.FAMILY_NAME_FIRST_SHARE):
        record.variations.add(vary.NAME_ORDER)
        parts = [record.family_name, record.given_name, record.father_name]
    return " ".join(part for part in parts if part)


def write_records_csv(records: Iterable[Record], stream: TextIO) -> None:
    """The records with exactly the columns `waypost dedup` reads, identities left out."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(record.row() for record in records)


def write_truth_csv(records: Iterable[Record], stream: TextIO) -> None:
    """Which identity each record belongs to, to score a deduplication against."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(TRUTH_COLUMNS)
    writer.writerows((record.record_id, record.identity_id) for record in records)
