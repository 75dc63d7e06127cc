"""Issuing and reissuing cards, and finding the card a code names."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from waypost.core.models import AuditEvent
from waypost.distribution import tokens
from waypost.distribution.models import CardStatus, HouseholdCard
from waypost.distribution.services.cards import find_card, issue_card, reissue_card


def test_a_household_keeps_its_card_when_issued_again(redcross_distributor, household, card):
    assert issue_card(by=redcross_distributor, household=household) == card
    assert card.version == 1 and card.is_active
    assert AuditEvent.objects.filter(action="card.issued", subject_id=str(card.pk)).count() == 1


def test_the_card_is_found_by_its_token_and_by_its_short_code(card):
    assert find_card(tokens.sign(card.key)) == card
    assert find_card(tokens.short_code(card.key)) == card
    assert find_card(tokens.short_code(card.key).lower().replace("-", " ")) == card


def test_a_reissued_card_replaces_the_old_one_which_stops_working(
    redcross_distributor, household, card
):
    old_token, old_code = tokens.sign(card.key), tokens.short_code(card.key)
    new = reissue_card(by=redcross_distributor, household=household, reason="Lost in the rain")
    card.refresh_from_db()
    assert (new.version, new.status, new.reason) == (2, CardStatus.ACTIVE, "Lost in the rain")
    assert (card.status, card.replaced_by) == (CardStatus.REPLACED, new)
    assert new.card_id != card.card_id and new.short_key != card.short_key
    for old in (old_token, old_code):
        with pytest.raises(ValidationError, match="was replaced on .* ask for the household"):
            find_card(old)
    assert find_card(tokens.sign(new.key)) == new
    event = AuditEvent.objects.get(action="card.reissued")
    assert event.details["reason"] == "Lost in the rain"
    assert event.details["replaces"] == card.pk


def test_a_reissue_needs_a_reason(redcross_distributor, household, card):
    with pytest.raises(ValidationError, match="Say why"):
        reissue_card(by=redcross_distributor, household=household, reason="  ")
    assert HouseholdCard.objects.filter(household=household).count() == 1


def test_the_database_refuses_a_second_active_card(household, card, redcross_distributor):
    with pytest.raises(IntegrityError), transaction.atomic():
        HouseholdCard.objects.create(
            household=household,
            card_id=tokens.new_card_id(),
            version=2,
            short_key="ABCDEFGHJ",
            issued_by=redcross_distributor,
        )


def test_forged_and_mistyped_codes_are_refused_with_different_messages(card):
    token = tokens.sign(card.key)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    with pytest.raises(ValidationError, match="not a valid household card"):
        find_card(forged)
    code = tokens.short_code(card.key)
    typo = code[:2] + ("X" if code[2] != "X" else "Y") + code[3:]
    with pytest.raises(ValidationError, match="typing mistake"):
        find_card(typo)


def test_a_valid_signature_for_a_card_that_does_not_exist_is_refused(card):
    stranger = tokens.CardKey(tokens.new_card_id(), 1)
    with pytest.raises(ValidationError, match="not a valid household card"):
        find_card(tokens.sign(stranger))
    with pytest.raises(ValidationError, match="not a valid household card"):
        find_card(tokens.sign(tokens.CardKey(card.card_id, 2)))
