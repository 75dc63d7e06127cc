"""The people a plan is for: everyone currently at the site, with what the rules look at.

The registry is read once: one query for the people (with their household numbers and what the
risk ranking looks at), one for their recorded shoe sizes, one for their active specific-need
codes, and the cold-exposure points of the site tonight; rows as the database driver returns
them (`waypost.safety.ranking.raw_rows`), ids as text. Each person's risk
rank is the ranking's own (`rank_for`, as `ranks_by_db_id` computes it) from the same row and
needs, so the people are not read a second time for the ranking.
"""

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from waypost.distribution.allocation.rules import Member
from waypost.needs.models import RecordedSize
from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.safety.ranking import age_in_months, exposure_by_db_site, rank_for, raw_rows
from waypost.sites.models import Site
from waypost.stock.models import SizeSystem


def as_text(field: str) -> Cast:
    """An id as text from the database: what the rows are written with, and a text's hash is
    a C call where a UUID's is a Python one (a million people, several look-ups each)."""
    return Cast(field, output_field=TextField())


def shoe_sizes(site: Site) -> dict[str, str]:
    rows = (
        RecordedSize.objects.filter(
            individual__current_site=site,
            individual__merged_into__isnull=True,
            size_system=SizeSystem.EU_SHOE,
        )
        .annotate(person=as_text("individual_id"))
        .values_list("person", "code")
    )
    return dict(raw_rows(rows))


def need_codes(site: Site) -> dict[str, frozenset[str]]:
    rows = (
        IndividualSpecificNeed.objects.filter(is_active=True, individual__current_site=site)
        .annotate(person=as_text("individual_id"))
        .values_list("person", "code_id")
    )
    codes: dict[str, set[str]] = defaultdict(set)
    for individual_id, code in raw_rows(rows):
        codes[individual_id].add(code)
    return {individual_id: frozenset(found) for individual_id, found in codes.items()}


def members_at(site: Site, on: date) -> list[Member]:
    """Everyone at the site on the day, in household and registration-number order."""
    exposure = sum(exposure_by_db_site(site).values())  # the one site's points, if any
    shoes, codes = shoe_sizes(site), need_codes(site)
    ages = Ages(on)
    return [member_of(row, ages, codes, shoes, exposure) for row in raw_rows(people_at(site))]


class Ages(dict[Any, int]):
    """Months of age on the day by date of birth, each worked out once (a million people are
    born on some tens of thousands of days)."""

    def __init__(self, on: date) -> None:
        super().__init__()
        self.on = on

    def __missing__(self, born: Any) -> int:
        months = self[born] = age_in_months(born, self.on)
        return months


def people_at(site: Site) -> QuerySet[Individual, tuple[Any, ...]]:
    return (
        Individual.objects.current()
        .filter(current_site=site)
        .annotate(person=as_text("id"), household_text=as_text("household_id"))
        .values_list(
            "person",
            "number",
            "household_text",
            "household__number",
            "date_of_birth",
            "sex",
            "is_pregnant",
            "is_lactating",
        )
        .order_by("household__number", "number")
    )


NO_CODES: frozenset[str] = frozenset()


def member_of(
    row: tuple[Any, ...],
    ages: Ages,
    codes: dict[str, frozenset[str]],
    shoes: dict[str, str],
    exposure: int,
) -> Member:
    pk, number, household_id, household_number, born, sex, pregnant, lactating = row
    months, needs = ages[born], codes.get(pk, NO_CODES)
    rank = rank_for(months, bool(pregnant), bool(lactating), needs, exposure)
    return Member(
        pk,
        number,
        household_id,
        household_number,
        months,
        sex,
        bool(pregnant),
        needs,
        shoes.get(pk, ""),
        rank.score,
        rank.tier,
    )
