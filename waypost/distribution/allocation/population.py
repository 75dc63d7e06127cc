"""The people a plan is for: everyone currently at the site, with what the rules look at.

Five queries whatever the number of people (people with their household numbers, recorded shoe
sizes, active specific-need codes, and the risk ranking's own), read as rows the database
driver returns, ids in the database's own form (`waypost.safety.ranking.raw_rows`).
"""

from collections import defaultdict
from datetime import date
from typing import Any

from waypost.distribution.allocation.rules import Member
from waypost.needs.models import RecordedSize
from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.safety.ranking import NO_RISK, age_in_months, ranks_by_db_id, raw_rows
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
    ranks = ranks_by_db_id(site=site, on=on)
    shoes = shoe_sizes(site)
    codes = need_codes(site)
    rows = (
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
        )
        .order_by("household__number", "number")
    )
    none: frozenset[str] = frozenset()
    members = []
    for pk, number, household_id, household_number, born, sex, pregnant in raw_rows(rows):
        rank = ranks.get(pk, NO_RISK)
        members.append(
            Member(
                pk,
                number,
                household_id,
                household_number,
                age_in_months(born, on),
                sex,
                bool(pregnant),
                codes.get(pk, none),
                shoes.get(pk, ""),
                rank.score,
                rank.tier,
            )
        )
    return members
