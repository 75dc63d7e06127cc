"""Distribution points and redemptions: what was handed over, where, when, by whom, to whom.

One redemption per entitlement, held by a unique constraint in the database: two points
scanning the same card in the same second cannot both hand it out, whatever the application
checked before. The idempotency key names one submission at the table, so a retried submission
finds its own redemption instead of being refused.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.distribution.models.plans import DistributionPlan, Entitlement
from waypost.registry.models import Household
from waypost.sites.models import Site
from waypost.stock.models import ItemSize, StockMovement


class DistributionPoint(models.Model):
    """A table at a site where household cards are scanned and items handed over."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="distribution_points")
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["site", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="one_point_name_per_site")
        ]

    def __str__(self) -> str:
        return self.name


class CollectedBy(models.TextChoices):
    HOUSEHOLD = "household", _("The head or a member of the household")
    PROXY = "proxy", _("A named proxy")


class Redemption(models.Model):
    """One entitlement handed over: the quantity and size given, and who collected it."""

    id = models.BigAutoField(primary_key=True)
    entitlement = models.ForeignKey(Entitlement, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(DistributionPlan, on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField()
    size_handed = models.ForeignKey(
        ItemSize, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    collected_by = models.CharField(max_length=20, choices=CollectedBy.choices)
    proxy_name = models.CharField(max_length=160, blank=True)
    proxy_relation = models.CharField(max_length=80, blank=True)
    point = models.ForeignKey(DistributionPoint, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    movement = models.ForeignKey(
        StockMovement, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    idempotency_key = models.CharField(max_length=64, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["entitlement"], name="one_redemption_per_entitlement"),
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="redemption_quantity_positive"
            ),
            models.CheckConstraint(
                condition=Q(collected_by="household") | ~Q(proxy_name=""),
                name="proxy_is_named",
            ),
        ]
        indexes = [models.Index(fields=["plan", "household"], name="redemption_by_household")]

    def __str__(self) -> str:
        return f"{self.quantity} for entitlement {self.entitlement_id} at {self.point}"
