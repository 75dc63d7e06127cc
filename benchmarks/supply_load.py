"""A registry loaded for the supply benchmark alone: the rows the needs read, in bulk.

The needs and the gap read households, their members (site, sex, birth date, pregnancy,
lactation), specific needs and recorded sizes. This loader writes exactly those rows, the same
as `waypost.demo.loaders.load_in_bulk` writes them, and leaves out what only registration and
search read (name and match keys, phones, documents, consents, the "created" audit events):
about one row per person instead of a dozen, so 1,000,000 people load in minutes, not an hour.
"""

from collections.abc import Mapping, Sequence
from itertools import batched

from django.db import transaction
from django.utils import timezone

from waypost.core.models import User
from waypost.demo.generator import DemoHousehold
from waypost.demo.loaders import HOUSEHOLDS_PER_BATCH, reserve_household_numbers
from waypost.registry.models import Household, Individual, IndividualSpecificNeed
from waypost.registry.services import apply_member_data
from waypost.sites.models import Site


def load_for_supply(
    camp: Sequence[DemoHousehold], *, clerks: Mapping[str, User], sites: Mapping[str, Site]
) -> int:
    """Households, members and specific needs with bulk inserts; returns the people written."""
    numbers = reserve_household_numbers(camp, sites)
    now = timezone.now()
    for batch in batched(camp, HOUSEHOLDS_PER_BATCH * 4):
        households, people, needs = [], [], []
        for data in batch:
            clerk = clerks[data.agency_code]
            household = Household(
                number=next(numbers[data.site_code]),
                site_id=sites[data.site_code].pk,
                shelter_location=data.shelter_location,
                registering_agency=clerk.acting_agency,
                registered_by=clerk,
                registered_at=now,
            )
            households.append(household)
            for position, member in enumerate(data.members, start=1):
                person = Individual(
                    household=household,
                    number=f"{household.number}-{position:02d}",
                    current_site_id=household.site_id,
                    registering_agency=clerk.acting_agency,
                    registered_at=now,
                )
                apply_member_data(person, member)
                people.append(person)
                needs += [
                    IndividualSpecificNeed(
                        individual=person, code_id=code, identified_at=now, identified_by=clerk
                    )
                    for code in dict.fromkeys(member.specific_needs)
                ]
        save(households, people, needs)
    return sum(len(household.members) for household in camp)


@transaction.atomic
def save(
    households: list[Household], people: list[Individual], needs: list[IndividualSpecificNeed]
) -> None:
    Household.objects.bulk_create(households, batch_size=2000)
    Individual.objects.bulk_create(people, batch_size=2000)
    IndividualSpecificNeed.objects.bulk_create(needs, batch_size=2000)
