"""The needs and the gap as the API gives them."""

from datetime import date
from typing import Any

from ninja import Field, Schema

from waypost.needs.disclosure import FewerThan, Shown
from waypost.needs.figures import Figure, Needs, Term
from waypost.needs.gap import GapRow
from waypost.registry.models import Individual
from waypost.stock.models import SizeSystem


class NeedsQuery(Schema):
    """The same filters as the page, read by the same form (so the same messages on refusal)."""

    sites: list[str] = Field([], description="Site codes; none: every site")
    start: str = Field("", description="First day, YYYY-MM-DD; empty: today")
    period_days: str = Field("", description="Days, 1-366; empty: 7")
    night_temperature: str = Field("", description="Night low outside, °C; empty: -5")
    mean_temperature: str = Field("", description="Daily mean outside, °C; empty: 0")


class GroupCountOut(Schema):
    group: str
    count: int | None = Field(description="null when withheld as a small number")
    fewer_than: int | None = Field(
        description="Set when the count is withheld: a protection-sensitive group of fewer "
        "than this many, shown so to readers who may not see protection details"
    )


class TermOut(Schema):
    rule: str
    source: str
    verification: str
    who: str
    counts: list[GroupCountOut]
    arithmetic: str
    quantity: float | None = Field(
        description="This rule's share before rounding up; null when it would tell a withheld count"
    )


class FigureOut(Schema):
    site: str
    item: str
    size: str
    unit: str
    quantity: int
    terms: list[TermOut]


class ConditionsOut(Schema):
    sites: list[str]
    start: date
    until: date
    period_days: int
    night_temperature: float
    mean_temperature: float


class NeedsOut(ConditionsOut):
    figures: list[FigureOut]
    notes: list[str]


class ArrivalOut(Schema):
    expected_on: date
    quantity: int


class GapRowOut(Schema):
    item: str
    size: str
    unit: str
    need: int
    stock: int
    short_now: int = Field(description="need - stock: missing before any shipment arrives")
    pipeline: int
    gap: int = Field(description="need - stock - pipeline; negative is a surplus")
    covered_now: bool
    closes_on: date | None = Field(description="Date stock and pipeline first cover the need")
    arrivals: list[ArrivalOut]


class GapOut(ConditionsOut):
    rows: list[GapRowOut]
    notes: list[str]


def conditions_out(needs: Needs) -> dict[str, Any]:
    return {
        "sites": [site.code for site in needs.sites],
        "start": needs.conditions.on,
        "until": needs.until,
        "period_days": needs.period_days,
        "night_temperature": float(needs.conditions.night_c),
        "mean_temperature": float(needs.conditions.mean_c),
    }


def count_out(group: str, count: Shown) -> dict[str, Any]:
    if isinstance(count, FewerThan):
        return {"group": group, "count": None, "fewer_than": count.limit}
    return {"group": group, "count": count, "fewer_than": None}


def term_out(term: Term) -> dict[str, Any]:
    return {
        "rule": term.rule.key,
        "source": term.rule.source,
        "verification": term.rule.verification,
        "who": term.who,
        "counts": [count_out(group, count) for group, count in term.counts],
        "arithmetic": term.arithmetic,
        "quantity": None if term.quantity_withheld else float(term.quantity),
    }


def figure_out(figure: Figure) -> dict[str, Any]:
    return {
        "site": figure.site.code,
        "item": figure.item.code,
        "size": figure.size_code,
        "unit": figure.item.unit,
        "quantity": figure.quantity,
        "terms": [term_out(term) for term in figure.terms],
    }


def needs_out(needs: Needs) -> dict[str, Any]:
    figures = [figure_out(figure) for figure in needs.figures]
    return {**conditions_out(needs), "figures": figures, "notes": needs.notes}


def gap_row_out(row: GapRow) -> dict[str, Any]:
    return {
        "item": row.item.code,
        "size": row.size_code,
        "unit": row.item.unit,
        "need": row.need,
        "stock": row.stock,
        "short_now": row.short_now,
        "pipeline": row.pipeline,
        "gap": row.gap,
        "covered_now": row.covered_now,
        "closes_on": row.closes_on,
        "arrivals": [{"expected_on": a.expected_on, "quantity": a.quantity} for a in row.arrivals],
    }


def gap_out(needs: Needs, rows: list[GapRow]) -> dict[str, Any]:
    return {
        **conditions_out(needs),
        "rows": [gap_row_out(row) for row in rows],
        "notes": needs.notes,
    }


class SizesIn(Schema):
    shoe_size: str = Field("", description="EU shoe size code, e.g. EU30; empty: left as it is")
    clothing_size: str = Field(
        "", description="Clothing size code (an age band), e.g. 2-4 or adult; empty: left as it is"
    )


class SizesOut(Schema):
    individual: str
    shoe_size: str = Field(description="The recorded EU shoe size; empty when none")
    clothing_size: str = Field(description="The recorded clothing size; empty when none")


def sizes_out(person: Individual, recorded: dict[str, str]) -> dict[str, Any]:
    return {
        "individual": str(person.pk),
        "shoe_size": recorded.get(SizeSystem.EU_SHOE, ""),
        "clothing_size": recorded.get(SizeSystem.AGE_BAND, ""),
    }
