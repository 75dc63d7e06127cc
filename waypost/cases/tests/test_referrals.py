"""Referrals: only with recorded consent, only the receiving service's fields, answered back."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from waypost.cases import selectors, services
from waypost.cases.models import FollowUp, Referral
from waypost.cases.referral_fields import services as referral_services
from waypost.cases.tests.factories import open_case_for
from waypost.core.models import AuditEvent


@pytest.fixture
def case(unhcr_caseworker, person):
    return open_case_for(unhcr_caseworker, person, "family_reunification")


def consent(by, person, agency, service="family_reunification"):
    return services.record_referral_consent(
        by=by,
        individual=person,
        recipient_agency=agency,
        service=service,
        purpose="Tracing of the brother in Germany",
        given_on=date(2026, 11, 3),
        how_given="written",
    )


def test_a_referral_without_consent_is_refused_and_nothing_is_saved(unhcr_caseworker, case, iom):
    with pytest.raises(ValidationError) as refused:
        services.refer_case(
            by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
        )

    assert "consent" in refused.value.message_dict
    assert not Referral.objects.exists()


def test_consent_to_another_agency_or_service_does_not_count(
    unhcr_caseworker, case, iom, redcross, person
):
    consent(unhcr_caseworker, person, redcross)
    consent(unhcr_caseworker, person, iom, service="medical")

    with pytest.raises(ValidationError):
        services.refer_case(
            by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
        )


def test_a_withdrawn_consent_does_not_count(unhcr_caseworker, case, iom, person):
    given = consent(unhcr_caseworker, person, iom)
    given.withdrawn_at = given.recorded_at
    given.save()

    with pytest.raises(ValidationError):
        services.refer_case(
            by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
        )


@pytest.mark.parametrize("service", sorted(referral_services()))
def test_a_referral_carries_exactly_the_fields_of_its_service(
    unhcr_caseworker, case, iom, person, service
):
    consent(unhcr_caseworker, person, iom, service=service)

    referral = services.refer_case(by=unhcr_caseworker, case=case, to_agency=iom, service=service)

    assert set(referral.shared) == set(referral_services()[service]["fields"])
    stored = Referral.objects.get(pk=referral.pk).shared
    assert stored == referral.shared
    assert "phone" in stored or "+9647501234567" not in str(stored)


def test_the_family_reunification_referral_holds_these_values(unhcr_caseworker, case, iom, person):
    consent(unhcr_caseworker, person, iom)

    referral = services.refer_case(
        by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
    )

    assert referral.shared == {
        "given_name": "Mohammed",
        "family_name": "Hassan",
        "father_name": "Ali",
        "sex": "M",
        "year_of_birth": 1985,
        "nationality": "IRQ",
        "languages": ["ckb", "ar"],
        "pathways": {"family_reunification": "sponsor_identified"},
    }
    event = AuditEvent.objects.get(action="case.referred")
    assert event.details["fields_shared"] == sorted(referral.shared)


def test_the_receiving_agency_accepts_and_the_sender_gets_a_follow_up(
    unhcr_caseworker, iom_caseworker, case, iom, person
):
    consent(unhcr_caseworker, person, iom)
    referral = services.refer_case(
        by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
    )

    services.answer_referral(by=iom_caseworker, referral=referral, accept=True)

    assert selectors.referrals_sent_by(unhcr_caseworker).get().status == "accepted"
    follow_up = FollowUp.objects.get(assigned_to=unhcr_caseworker, source="referral")
    assert follow_up.title == "Referral to IOM Accepted" and follow_up.case == case


def test_a_decline_needs_a_reason(unhcr_caseworker, iom_caseworker, case, iom, person):
    consent(unhcr_caseworker, person, iom)
    referral = services.refer_case(
        by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
    )

    with pytest.raises(ValidationError) as refused:
        services.answer_referral(by=iom_caseworker, referral=referral, accept=False, reason=" ")

    assert "reason" in refused.value.message_dict
    assert Referral.objects.get().status == "sent"
    assert not FollowUp.objects.filter(source="referral").exists()
    services.answer_referral(
        by=iom_caseworker, referral=referral, accept=False, reason="No capacity"
    )
    assert Referral.objects.get().reason == "No capacity"


def test_only_the_receiving_agency_answers_and_only_once(
    unhcr_caseworker, iom_caseworker, case, iom, person
):
    consent(unhcr_caseworker, person, iom)
    referral = services.refer_case(
        by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
    )

    with pytest.raises(ValidationError, match="Only IOM"):
        services.answer_referral(by=unhcr_caseworker, referral=referral, accept=True)
    services.answer_referral(by=iom_caseworker, referral=referral, accept=True)
    with pytest.raises(ValidationError, match="already been answered"):
        services.answer_referral(by=iom_caseworker, referral=referral, accept=False, reason="x")


def test_the_receiving_agency_sees_the_case_but_not_its_notes(
    unhcr_caseworker, iom_caseworker, case, iom, person
):
    services.write_note(
        by=unhcr_caseworker, case=case, purpose="counselling", text="Afraid of the brother-in-law"
    )
    consent(unhcr_caseworker, person, iom)
    services.refer_case(
        by=unhcr_caseworker, case=case, to_agency=iom, service="family_reunification"
    )

    assert selectors.get_case_for(iom_caseworker, case.pk) == case
    assert selectors.notes_for(iom_caseworker, case) is None
