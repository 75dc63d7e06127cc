"""What a needs computation returns: figures per site, item and size, each with its terms.

A term is one rule's share of a figure, with the people it counted (by group, never by name)
and the arithmetic written out, so a logistician can check the figure by hand.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from waypost.needs.disclosure import Shown
from waypost.needs.rules import Rule
from waypost.sites.models import Site
from waypost.stock.models import Item, ItemSize


@dataclass(frozen=True)
class Conditions:
    """What the computation assumes about the period: the first day and the temperatures.

    There is no recorded weather yet: the temperatures are typed in (or the defaults of
    `waypost.needs.standards`), the night low for bedding and the daily mean for food.
    """

    on: date
    night_c: Decimal
    mean_c: Decimal


@dataclass(frozen=True)
class Term:
    rule: Rule
    who: str  # the group of people the rule counts
    counts: tuple[tuple[str, Shown], ...]  # (group, number of people or households)
    arithmetic: str
    quantity: Fraction  # before rounding up to whole units
    # What a reader who may not see protection details is shown instead (small counts of
    # protection-sensitive groups withheld, see `waypost.needs.disclosure`); None: the same.
    withheld: "Term | None" = None
    quantity_withheld: bool = False  # the term's share would tell a withheld count


@dataclass
class Figure:
    """The need of one site for one item in one size over the period."""

    site: Site
    item: Item
    size: ItemSize | None
    terms: list[Term] = field(default_factory=list)

    @property
    def exact(self) -> Fraction:
        return sum((term.quantity for term in self.terms), Fraction(0))

    @property
    def quantity(self) -> int:
        """Whole units: the sum of the terms, rounded up once."""
        return math.ceil(self.exact)

    @property
    def size_code(self) -> str:
        return self.size.code if self.size else ""


@dataclass
class Needs:
    sites: list[Site]
    period_days: int
    conditions: Conditions
    figures: list[Figure]
    notes: list[str]  # people a rule could not count, and why

    @property
    def until(self) -> date:
        """The last day of the period."""
        return date.fromordinal(self.conditions.on.toordinal() + self.period_days - 1)


def number(value: Fraction | Decimal | int) -> str:
    """A figure as the explanation writes it: whole numbers plain, others to two decimals."""
    if isinstance(value, Fraction) and value.denominator == 1:
        value = value.numerator
    if isinstance(value, int):
        return f"{value:,}"
    return f"{float(value):,.2f}"
