"""Household cards: what a household shows at the distribution table.

A card names nothing but an opaque random identifier and a version (see
`waypost.distribution.tokens`). A household holds one active card at a time; a reissued card
replaces the old one, which stops working at once, and the reason is kept on the new card and
in the audit trail.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.distribution.tokens import CardKey
from waypost.registry.models import Household


class CardStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REPLACED = "replaced", _("Replaced by a new card")
    REVOKED = "revoked", _("Revoked")


class HouseholdCard(models.Model):
    """One printed card of one household; its token and short code open its entitlements."""

    id = models.BigAutoField(primary_key=True)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="cards")
    card_id = models.CharField(max_length=20, unique=True)
    version = models.PositiveIntegerField()
    short_key = models.CharField(max_length=9, unique=True)
    status = models.CharField(max_length=20, choices=CardStatus.choices, default=CardStatus.ACTIVE)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=200, blank=True, help_text=_("Why it was reissued"))
    replaced_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaces"
    )
    replaced_at = models.DateTimeField(null=True, blank=True)
    # Null: a card issued before cards expired; it never expires.
    valid_until = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["household", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(status="active"),
                name="one_active_card_per_household",
            ),
            models.UniqueConstraint(
                fields=["household", "version"], name="one_card_per_household_version"
            ),
        ]

    def __str__(self) -> str:
        return f"card {self.version} of {self.household_id} ({self.status})"

    @property
    def key(self) -> CardKey:
        return CardKey(self.card_id, self.version)

    @property
    def is_active(self) -> bool:
        return self.status == CardStatus.ACTIVE
