"""Issuing, reissuing and revoking household cards, and finding the card a code names.

A card works for `settings.WAYPOST_CARD_VALID_DAYS` days from the day it is printed (the
reason is given there); an expired or revoked card is refused at the table with a message that
says what to do.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.distribution import tokens
from waypost.distribution.models import CardStatus, HouseholdCard
from waypost.registry.models import Household
from waypost.sites.models import Site


def valid_until() -> date:
    """The last day a card printed today works."""
    return timezone.localdate() + timedelta(days=settings.WAYPOST_CARD_VALID_DAYS)


def _new_card(*, by: User, household: Household, version: int, reason: str) -> HouseholdCard:
    card_id = tokens.new_card_id()
    key = tokens.CardKey(card_id, version)
    return HouseholdCard.objects.create(
        household=household,
        card_id=card_id,
        version=version,
        short_key=tokens.short_key(key),
        issued_by=by,
        reason=reason,
        valid_until=valid_until(),
    )


@transaction.atomic(durable=True)
def issue_card(*, by: User, household: Household) -> HouseholdCard:
    """The household's first card; a household that holds one keeps it."""
    existing = HouseholdCard.objects.filter(household=household, status=CardStatus.ACTIVE).first()
    if existing is not None:
        return existing
    card = _new_card(by=by, household=household, version=1, reason="")
    audit.record(actor=by, action="card.issued", subject=card, purpose=Purpose.DISTRIBUTION)
    return card


@transaction.atomic(durable=True)
def reissue_card(*, by: User, household: Household, reason: str) -> HouseholdCard:
    """A new card for a lost, damaged or misused one: the old card stops working at once."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the card is reissued.")})
    old = (
        HouseholdCard.objects.select_for_update()
        .filter(household=household)
        .order_by("-version")
        .first()
    )
    version = old.version + 1 if old else 1
    if old is not None and old.is_active:
        HouseholdCard.objects.filter(pk=old.pk).update(
            status=CardStatus.REPLACED, replaced_at=timezone.now()
        )
    card = _new_card(by=by, household=household, version=version, reason=reason.strip())
    if old is not None:
        HouseholdCard.objects.filter(pk=old.pk).update(replaced_by=card)
    audit.record(
        actor=by,
        action="card.reissued",
        subject=card,
        purpose=Purpose.DISTRIBUTION,
        reason=reason.strip(),
        replaces=old.pk if old else None,
        household=str(household.pk),
    )
    return card


@transaction.atomic(durable=True)
def revoke_card(*, by: User, card: HouseholdCard, reason: str) -> HouseholdCard:
    """Stop an active card at once (misused, taken from the household); the reason is kept."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the card is revoked.")})
    locked = HouseholdCard.objects.select_for_update().get(pk=card.pk)
    if not locked.is_active:
        raise ValidationError(
            _("This card is no longer active (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    locked.status, locked.revoked_at = CardStatus.REVOKED, timezone.now()
    locked.save(update_fields=["status", "revoked_at"])
    audit.record(
        actor=by,
        action="card.revoked",
        subject=locked,
        purpose=Purpose.DISTRIBUTION,
        reason=reason.strip(),
        household=str(locked.household_id),
    )
    return locked


def _refuse_inactive(card: HouseholdCard) -> None:
    if card.status == CardStatus.REPLACED:
        raise ValidationError(
            _(
                "This card was replaced on %(date)s and no longer works: ask for the household's "
                "new card."
            )
            % {"date": timezone.localtime(card.replaced_at).strftime("%Y-%m-%d")}
        )
    if card.status != CardStatus.ACTIVE:
        when = card.revoked_at or card.issued_at
        raise ValidationError(
            _("This card was revoked on %(date)s and no longer works: ask for a new card.")
            % {"date": timezone.localtime(when).strftime("%Y-%m-%d")}
        )
    if card.valid_until is not None and card.valid_until < timezone.localdate():
        raise ValidationError(
            _("This card expired on %(date)s: the household needs a new card.")
            % {"date": card.valid_until.isoformat()}
        )


@dataclass(frozen=True)
class CardLookup:
    """What a code says to look a card up by: a token's identifier and version, or a short key."""

    card_id: str = ""
    version: int = 0
    short_key: str = ""


@contextmanager
def _refused_as_invalid() -> Iterator[None]:
    try:
        yield
    except tokens.MistypedCodeError as error:
        raise ValidationError(
            _("This code has a typing mistake: check each character and type it again.")
        ) from error
    except tokens.InvalidTokenError as error:
        raise ValidationError(
            _("This is not a valid household card: it may be forged or damaged.")
        ) from error


def card_lookup(text: str) -> CardLookup:
    """Verify a scanned token's signature or a typed code's check character, before any query."""
    with _refused_as_invalid():
        if tokens.is_token(text):
            key = tokens.verify(text)
            return CardLookup(card_id=key.card_id, version=key.version)
        return CardLookup(short_key=tokens.normalise_short_code(text))


def checked_card(card: HouseholdCard | None, lookup: CardLookup) -> HouseholdCard:
    """The card found for a lookup if it is the one the code was made for and still works."""
    with _refused_as_invalid():
        if lookup.short_key:
            found = card is not None and tokens.matches_short_key(card.key, lookup.short_key)
        else:
            found = card is not None and card.version == lookup.version
        if card is None or not found:
            raise tokens.InvalidTokenError("no such card")
    _refuse_inactive(card)
    return card


def find_card(text: str) -> HouseholdCard:
    """The active card a scanned token or a typed short code names, with its household.

    Refused with a clear message: a forged or damaged code, a typo, a replaced card.
    """
    lookup = card_lookup(text)
    cards = HouseholdCard.objects.select_related("household", "household__site")
    if lookup.short_key:
        card = cards.filter(short_key=lookup.short_key).first()
    else:
        card = cards.filter(card_id=lookup.card_id).first()
    return checked_card(card, lookup)


@transaction.atomic(durable=True)
def issue_site_cards(*, by: User, site: Site) -> list[HouseholdCard]:
    """Every household at the site with its active card, issuing the missing ones at once."""
    without = (
        Household.objects.filter(site=site)
        .exclude(cards__status=CardStatus.ACTIVE)
        .order_by("number")
    )
    fresh = []
    versions = dict(
        HouseholdCard.objects.filter(household__in=without)
        .values("household_id")
        .annotate(last=Max("version"))
        .values_list("household_id", "last")
    )
    for household in without:
        key = tokens.CardKey(tokens.new_card_id(), versions.get(household.pk, 0) + 1)
        fresh.append(
            HouseholdCard(
                household=household,
                card_id=key.card_id,
                version=key.version,
                short_key=tokens.short_key(key),
                issued_by=by,
                valid_until=valid_until(),
            )
        )
    for card in HouseholdCard.objects.bulk_create(fresh):
        audit.record(actor=by, action="card.issued", subject=card, purpose=Purpose.DISTRIBUTION)
    return list(
        HouseholdCard.objects.filter(household__site=site, status=CardStatus.ACTIVE)
        .select_related("household", "household__site")
        .order_by("household__number")
    )
