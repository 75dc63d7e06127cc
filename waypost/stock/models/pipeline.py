"""The partner pipeline: shipments pledged by partners and donors, on their way to a warehouse.

A shipment goes pledged → in transit → arrived → received, or is cancelled before it is
received. Each change of status is a `ShipmentEvent` (who, when, why) besides the audit event.
Receiving creates the receipt movements in the ledger; what did not arrive in good order is
recorded on each line as a discrepancy, and the stock ledger never sees it.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, BaseModel, User
from waypost.stock.models.catalogue import Item, ItemSize
from waypost.stock.models.ledger import Warehouse


class ShipmentStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    IN_TRANSIT = "in_transit", _("In transit")
    ARRIVED = "arrived", _("Arrived")
    RECEIVED = "received", _("Received")
    CANCELLED = "cancelled", _("Cancelled")


# Still to come into stock: what the needs-versus-supply gap counts as pipeline.
OPEN_STATUSES = (ShipmentStatus.PLEDGED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.ARRIVED)


class Shipment(BaseModel):
    """Aid a partner agency or a donor has promised to deliver to one of our warehouses."""

    reference = models.CharField(max_length=100, unique=True, help_text=_("Pledge or waybill"))
    partner = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="shipments_sent"
    )
    donor = models.CharField(
        max_length=200, blank=True, help_text=_("A donor that is not an agency here")
    )
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="shipments")
    expected_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=ShipmentStatus.choices, default=ShipmentStatus.PLEDGED
    )
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["expected_on", "reference"]
        constraints = [
            models.CheckConstraint(
                condition=Q(partner__isnull=False) | ~Q(donor=""), name="shipment_has_a_sender"
            ),
        ]
        indexes = [models.Index(fields=["status", "expected_on"])]

    def __str__(self) -> str:
        return f"{self.reference} from {self.sender} to {self.warehouse}"

    @property
    def sender(self) -> str:
        return self.partner.short_name if self.partner else self.donor

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ShipmentLine(models.Model):
    """How many of one item (size, lot) a shipment brings, and, once received, what arrived."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    size = models.ForeignKey(ItemSize, null=True, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(help_text=_("In the item's unit"))
    lot_number = models.CharField(max_length=60, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    received = models.PositiveIntegerField(null=True, help_text=_("Taken into stock"))
    damaged = models.PositiveIntegerField(default=0, help_text=_("Arrived unusable"))
    discrepancy_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["shipment", "item__name", "size__order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="shipment_line_positive"),
            # A receipt larger than the shipment is refused: what arrived never exceeds it.
            models.CheckConstraint(
                condition=Q(received__isnull=True)
                | Q(received__lte=models.F("quantity") - models.F("damaged")),
                name="shipment_line_never_over_received",
            ),
        ]

    def __str__(self) -> str:
        size = f" {self.size.label}" if self.size else ""
        return f"{self.quantity} {self.item}{size}"

    @property
    def label(self) -> str:
        """The item and size, as a person names the line."""
        return f"{self.item.name} {self.size.label}" if self.size else self.item.name

    @property
    def short(self) -> int:
        """Units that never arrived (known once the shipment is received)."""
        if self.received is None:
            return 0
        return self.quantity - self.received - self.damaged


class ShipmentEvent(models.Model):
    """One change of a shipment's status: who made it, when, and a note."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=ShipmentStatus.choices)
    by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.shipment.reference} {self.get_status_display()} by {self.by}"
