"""Two coordinators confirming at once cannot overfill a site (PostgreSQL, real row locks)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from waypost.registry.models import Individual
from waypost.relocation.models import Movement
from waypost.relocation.services import confirm_plan, make_plan, record_relocation_answer
from waypost.relocation.tests.conftest import at_risk, household_of
from waypost.testing.concurrency import POSTGRES_RACE, run_at_once

pytestmark = [*POSTGRES_RACE, pytest.mark.django_db(transaction=True)]


def test_two_confirmations_at_once_fill_the_shelter_once(
    coordinator, other_coordinator, clerk, camp, shelter
):
    # given two plans, each sending a family of three into the shelter's four heated places
    coordinators = [coordinator, other_coordinator]
    for by in coordinators:
        family = household_of(clerk, camp, 3)
        make_plan(by=by, origins=[camp], at_risk=at_risk(family))
        record_relocation_answer(
            by=by,
            household=family,
            informed_at=timezone.now() - timedelta(minutes=1),
            language="ar",
            agreed=True,
        )

    # when both confirm at the same instant
    outcomes = run_at_once(lambda i: confirm_plan(by=coordinators[i]), threads=2)

    # then one is confirmed, the other refused, and the shelter holds three people
    assert sorted(str(o) if o == "refused" else "confirmed" for o in outcomes) == [
        "confirmed",
        "refused",
    ]
    assert Movement.objects.count() == 1
    assert Individual.objects.filter(current_site=shelter.site).count() == 3
