"""The needs rules, read from `data/rules.csv`: per item, who needs how much, per what period.

A rule's quantity is either a number of the item's units or the name of a formula
(`waypost.needs.formulas`); its `who` names a group of people (`waypost.needs.groups`); its
`when` says under which conditions it applies at a site. Each rule carries its source and
verification mark, shown with every figure it produces.
"""

import csv
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache, cached_property
from pathlib import Path

from waypost.needs import standards
from waypost.sites.models import ShelterType

DATA_DIR = Path(__file__).resolve().parent / "data"


class Period:
    DAY = "day"
    MONTH = "month"
    ONCE = "once"


class When:
    ANY = "any"
    COLD = "cold"
    COLD_UNHEATED = "cold_unheated"
    COLD_EXPOSED = "cold_exposed"


class Per:
    PERSON = "person"
    HOUSEHOLD = "household"


@dataclass(frozen=True)
class Rule:
    key: str
    item: str
    who: str
    quantity: str
    per: str
    period: str
    when: str
    size_by: str
    source: str
    verification: str

    @cached_property
    def formula(self) -> str:
        """The formula's name, or "" when the quantity is a plain number."""
        return "" if self.quantity.replace(".", "", 1).isdigit() else self.quantity

    @cached_property
    def units(self) -> Fraction:
        return Fraction(self.quantity)

    def period_factor(self, days: int) -> Fraction:
        """How many times the rule's quantity a period of `days` needs."""
        if self.period == Period.ONCE:
            return Fraction(1)
        if self.period == Period.MONTH:
            return Fraction(days, standards.MONTH_DAYS)
        return Fraction(days)

    def applies(self, *, shelter_type: str, night_c: Decimal) -> bool:
        cold = night_c <= standards.COLD_NIGHT_C
        return {
            When.ANY: True,
            When.COLD: cold,
            When.COLD_UNHEATED: cold and shelter_type != ShelterType.HEATED_BUILDING,
            When.COLD_EXPOSED: cold and shelter_type in standards.EXPOSED_SHELTERS,
        }[self.when]


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@cache
def all_rules() -> tuple[Rule, ...]:
    return tuple(Rule(**row) for row in read_rows("rules.csv"))


@cache
def boot_size_by_age() -> dict[int, str]:
    """Ours: the EU size of a child of each age in whole years, when none was recorded."""
    return {int(row["age_years"]): row["size"] for row in read_rows("boot_sizes_by_age.csv")}
