"""The same step recorded, or the same referral answered, by many at the same second: it happens
once (PostgreSQL)."""

from datetime import date

import pytest

from waypost.cases import services
from waypost.cases.models import CasePathway, FollowUp, Referral, Transition
from waypost.cases.tests.factories import open_case_for
from waypost.testing.concurrency import POSTGRES_RACE, run_at_once

pytestmark = POSTGRES_RACE

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_a_step_recorded_by_many_at_once_is_taken_once(iom_caseworker, person):
    followed = open_case_for(iom_caseworker, person).pathways.get()

    outcomes = run_at_once(
        lambda i: services.move_pathway(
            by=iom_caseworker,
            followed=followed,
            to="interested",
            data={"wish_stated_on": f"2026-11-{i + 1:02d}"},
        ),
        THREADS,
    )

    assert outcomes.count("refused") == THREADS - 1
    assert CasePathway.objects.get().state == "interested"
    assert Transition.objects.filter(to_state="interested").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_referral_answered_by_many_at_once_is_answered_once(
    unhcr_caseworker, iom_caseworker, person, iom
):
    case = open_case_for(unhcr_caseworker, person)
    services.record_referral_consent(
        by=unhcr_caseworker,
        individual=person,
        recipient_agency=iom,
        service="avrr",
        purpose="Return",
        given_on=date(2026, 11, 2),
        how_given="written",
    )
    referral = services.refer_case(by=unhcr_caseworker, case=case, to_agency=iom, service="avrr")

    outcomes = run_at_once(
        lambda i: services.answer_referral(
            by=iom_caseworker, referral=referral, accept=i % 2 == 0, reason="Full"
        ),
        THREADS,
    )

    assert outcomes.count("refused") == THREADS - 1
    assert Referral.objects.get().status in ("accepted", "declined")
    assert FollowUp.objects.filter(source="referral").count() == 1
