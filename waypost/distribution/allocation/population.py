"""The people a plan is for: everyone currently at the site, with what the rules look at.

The registry is read once: one query for the people (with their household numbers and what the
risk ranking looks at), one for their recorded shoe sizes, one for their active specific-need
codes, and the cold-exposure points of the site tonight; rows as the database driver returns
them, ids in the database's own form (`waypost.safety.ranking.raw_rows`). Each person's risk
rank is the ranking's own (`rank_for`, as `ranks_by_db_id` computes it) from the same row and
needs, so the people are not read a second time for the ranking.
"""

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import QuerySet

from waypost.distribution.allocation.rules import Member
from waypost.needs.models import RecordedSize
from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.safety.ranking import age_in_months, exposure_by_db_site, rank_for, raw_rows
from waypost.sites.models import Site
from waypost.stock.models import SizeSystem


def shoe_sizes(site: Site) -> dict[Any, str]:
    rows = RecordedSize.objects.filter(
        individual__current_site=site,
        individual__merged_into__isnull=True,
        size_system=SizeSystem.EU_SHOE,
    ).values_list("individual_id", "code")
    return dict(raw_rows(rows))


def need_codes(site: Site) -> dict[Any, frozenset[str]]:
    rows = IndividualSpecificNeed.objects.filter(
        is_active=True, individual__current_site=site
    ).values_list("individual_id", "code_id")
    codes: dict[Any, set[str]] = defaultdict(set)
    for individual_id, code in raw_rows(rows):
        codes[individual_id].add(code)
    return {individual_id: frozenset(found) for individual_id, found in codes.items()}


def members_at(site: Site, on: date) -> list[Member]:
    """Everyone at the site on the day, in household and registration-number order."""
    exposure = sum(exposure_by_db_site(site).values())  # the one site's points, if any
    shoes, codes = shoe_sizes(site), need_codes(site)
    return [member_of(row, on, codes, shoes, exposure) for row in raw_rows(people_at(site))]


def people_at(site: Site) -> QuerySet[Individual, tuple[Any, ...]]:
    return (
        Individual.objects.current()
        .filter(current_site=site)
        .values_list(
            "id",
            "number",
            "household_id",
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
    on: date,
    codes: dict[Any, frozenset[str]],
    shoes: dict[Any, str],
    exposure: int,
) -> Member:
    pk, number, household_id, household_number, born, sex, pregnant, lactating = row
    months, needs = age_in_months(born, on), codes.get(pk, NO_CODES)
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
