"""Cards expire after the configured number of days and can be revoked, with the reason kept."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.distribution import tokens
from waypost.distribution.models import CardStatus, HouseholdCard
from waypost.distribution.services.cards import (
    find_card,
    issue_site_cards,
    reissue_card,
    revoke_card,
)


def test_a_card_works_for_the_configured_days_from_printing(card, settings):
    assert card.valid_until == timezone.localdate() + timedelta(
        days=settings.WAYPOST_CARD_VALID_DAYS
    )


def test_the_validity_comes_from_the_setting(redcross_distributor, camp, household, settings):
    settings.WAYPOST_CARD_VALID_DAYS = 30
    (printed,) = issue_site_cards(by=redcross_distributor, site=camp)
    assert printed.valid_until == timezone.localdate() + timedelta(days=30)


def test_an_expired_card_is_refused_and_a_reissued_one_works(card, redcross_distributor, household):
    yesterday = timezone.localdate() - timedelta(days=1)
    HouseholdCard.objects.filter(pk=card.pk).update(valid_until=yesterday)
    for code in (tokens.sign(card.key), tokens.short_code(card.key)):
        with pytest.raises(ValidationError, match=f"expired on {yesterday.isoformat()}"):
            find_card(code)
    new = reissue_card(by=redcross_distributor, household=household, reason="Expired")
    assert find_card(tokens.sign(new.key)) == new


def test_a_card_valid_until_today_still_works(card):
    HouseholdCard.objects.filter(pk=card.pk).update(valid_until=timezone.localdate())
    assert find_card(tokens.sign(card.key)) == card


def test_a_revoked_card_is_refused_at_once_and_the_reason_audited(card, redcross_distributor):
    revoked = revoke_card(by=redcross_distributor, card=card, reason="Sold at the market")
    assert (revoked.status, revoked.revoked_at is not None) == (CardStatus.REVOKED, True)
    with pytest.raises(ValidationError, match="was revoked on .* ask for a new card"):
        find_card(tokens.sign(card.key))
    event = AuditEvent.objects.get(action="card.revoked", subject_id=str(card.pk))
    assert event.details["reason"] == "Sold at the market"
    assert event.actor == redcross_distributor


def test_revoking_needs_a_reason_and_an_active_card(card, redcross_distributor):
    with pytest.raises(ValidationError) as refused:
        revoke_card(by=redcross_distributor, card=card, reason="  ")
    assert "reason" in refused.value.message_dict
    revoke_card(by=redcross_distributor, card=card, reason="Misused")
    with pytest.raises(ValidationError, match="no longer active"):
        revoke_card(by=redcross_distributor, card=card, reason="Again")
    assert AuditEvent.objects.filter(action="card.revoked").count() == 1


def test_revoking_on_the_card_page_needs_a_reason_and_is_audited(
    client, redcross_distributor, household, card
):
    client.force_login(redcross_distributor)
    page = reverse("distribution:household_cards", args=[household.pk])
    assert "Revoke the card" in client.get(page).content.decode()
    url = reverse("distribution:revoke_household_card", args=[household.pk])
    client.post(url, {"reason": ""})
    card.refresh_from_db()
    assert card.is_active
    assert client.post(url, {"reason": "Sold"}).status_code == 302
    card.refresh_from_db()
    assert card.status == CardStatus.REVOKED
    assert "no active card" in client.post(url, {"reason": "Sold"}, follow=True).content.decode()
    assert AuditEvent.objects.filter(action="card.revoked").count() == 1
