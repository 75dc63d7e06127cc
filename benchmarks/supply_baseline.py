"""The baseline: what a logistician does without Waypost's needs page.

Export the registry to CSV (one row per person: site, household, sex, date of birth, pregnancy,
lactation, specific-need codes, recorded shoe size), then go down the rows as a spreadsheet's
formula columns do: for every person, every rule, add that person's quantity. Same rules and
numbers as Waypost (waypost.needs), so the figures must agree; only the method differs.
"""

import csv
import io
import math
from collections import defaultdict
from datetime import date
from fractions import Fraction

from waypost.needs import formulas, standards
from waypost.needs.figures import Conditions
from waypost.needs.groups import AGE_BANDS_MONTHS, WHO, Group, months_before
from waypost.needs.rules import Per, Rule, all_rules
from waypost.needs.terms import boot_size, jacket_size
from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.sites.models import Site
from waypost.stock.models import Item, ItemSize

COLUMNS = ["site", "household", "sex", "date_of_birth", "pregnant", "lactating", "needs", "shoe"]


def export_registry(sites: list[Site]) -> str:
    people = Individual.objects.current().filter(current_site__in=sites)
    needs: dict[object, list[str]] = defaultdict(list)
    for person_id, code in IndividualSpecificNeed.objects.filter(
        individual__in=people, is_active=True
    ).values_list("individual_id", "code_id"):
        needs[person_id].append(code)
    shoes = dict(
        people.filter(recorded_sizes__size_system="eu_shoe").values_list(
            "pk", "recorded_sizes__code"
        )
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = people.values_list(
        "pk",
        "current_site__code",
        "household__number",
        "sex",
        "date_of_birth",
        "is_pregnant",
        "is_lactating",
    )
    for pk, site, household, sex, born, pregnant, lactating in rows.iterator(chunk_size=10_000):
        writer.writerow(
            [
                site,
                household,
                sex,
                born.isoformat(),
                int(pregnant),
                int(lactating),
                " ".join(needs.get(pk, [])),
                shoes.get(pk, ""),
            ]
        )
    return out.getvalue()


def band_of(born: date, cutoffs: list[tuple[date, int]]) -> int:
    for cutoff, lower in cutoffs:
        if born > cutoff:
            return lower
    return AGE_BANDS_MONTHS[-1]


def person_of(row: dict[str, str], cutoffs: list[tuple[date, int]]) -> Group:
    """One exported row as a group of one person."""
    return Group(
        site_id=row["site"],  # type: ignore[arg-type]
        sex=row["sex"],
        band=band_of(date.fromisoformat(row["date_of_birth"]), cutoffs),
        is_pregnant=row["pregnant"] == "1",
        is_lactating=row["lactating"] == "1",
        has_bedding_need=bool(set(row["needs"].split()) & set(standards.EXTRA_BEDDING_CODES)),
        shoe_size=row["shoe"],
        people=1,
    )


class Sheet:
    """The spreadsheet: the rules as formula columns, a running total per site, item, size."""

    def __init__(self, sites: list[Site], conditions: Conditions, days: int) -> None:
        self.shelter = {site.code: site.shelter_type for site in sites}
        self.conditions, self.days = conditions, days
        self.items = {item.code: item for item in Item.objects.all()}
        self.sizes: dict[object, list[ItemSize]] = defaultdict(list)
        for size in ItemSize.objects.order_by("order"):
            self.sizes[size.item_id].append(size)
        self.totals: dict[tuple[str, str, str], Fraction] = defaultdict(Fraction)

    def applies(self, rule: Rule, site: str) -> bool:
        return rule.applies(shelter_type=self.shelter[site], night_c=self.conditions.night_c)

    def add_person(self, site: str, person: Group) -> None:
        for rule in all_rules():
            if (
                rule.per == Per.HOUSEHOLD
                or not WHO[rule.who](person)
                or not self.applies(rule, site)
            ):
                continue
            size_code = ""
            if rule.size_by:
                choose = jacket_size if rule.size_by == "age_band" else boot_size
                size, _how = choose(self.sizes[self.items[rule.item].pk])(person)
                if size is None:
                    continue
                size_code = size.code
            quantity = person_quantity(rule, person, self.shelter[site], self.conditions, self.days)
            self.totals[(site, rule.item, size_code)] += quantity

    def add_households(self, site: str, count: int) -> None:
        for rule in all_rules():
            if rule.per == Per.HOUSEHOLD and self.applies(rule, site):
                self.totals[(site, rule.item, "")] += (
                    count * rule.units * rule.period_factor(self.days)
                )


def baseline_needs(
    exported: str, sites: list[Site], conditions: Conditions, *, days: int
) -> dict[tuple[str, str, str], int]:
    sheet = Sheet(sites, conditions, days)
    bounds = zip(AGE_BANDS_MONTHS, AGE_BANDS_MONTHS[1:], strict=False)
    cutoffs = [(months_before(conditions.on, upper), lower) for lower, upper in bounds]
    households: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(io.StringIO(exported)):
        households[row["site"]].add(row["household"])
        sheet.add_person(row["site"], person_of(row, cutoffs))
    for site, members in households.items():
        sheet.add_households(site, len(members))
    rounded = {key: math.ceil(value) for key, value in sheet.totals.items()}
    return {key: value for key, value in rounded.items() if value > 0}


def person_quantity(
    rule, person: Group, shelter: str, conditions: Conditions, days: int
) -> Fraction:  # type: ignore[no-untyped-def]
    if rule.formula == "blanket_insulation":
        return Fraction(formulas.blankets_per_person(shelter, conditions.night_c).per_person)
    if rule.formula == "food_energy":
        kcal = formulas.kcal_per_day(
            mean_c=conditions.mean_c,
            is_pregnant=person.is_pregnant,
            is_lactating=person.is_lactating,
        )
        return formulas.cartons_for(kcal * days)
    return rule.units * rule.period_factor(days)
