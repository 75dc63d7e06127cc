"""Warehouses and the stock ledger.

Stock changes only through `StockMovement` rows, written by `waypost.stock.services`. The
`StockBalance` rows are a running total of those movements per warehouse, item, size and lot,
kept by the same services in the same transaction; the database refuses a negative balance.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, BaseModel, User
from waypost.sites.models import Site
from waypost.stock.models.catalogue import Item, ItemSize


class Warehouse(BaseModel):
    """A warehouse or storage point of one agency at one site."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="warehouses")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="warehouses")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Lot(models.Model):
    """A batch of a food or medicine item sharing one expiry date."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="lots")
    number = models.CharField(max_length=60)
    expires_on = models.DateField()

    class Meta:
        ordering = ["expires_on", "number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="one_lot_number_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.item} lot {self.number} (expires {self.expires_on})"


class MovementKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt")
    TRANSFER_OUT = "transfer_out", _("Transfer out")
    TRANSFER_IN = "transfer_in", _("Transfer in")
    ISSUE = "issue", _("Issue to distribution")
    RETURN = "return", _("Return")
    WRITE_OFF = "write_off", _("Loss, damage or expiry")
    ADJUSTMENT = "adjustment", _("Count adjustment")


INCOMING = [MovementKind.RECEIPT, MovementKind.TRANSFER_IN, MovementKind.RETURN]
OUTGOING = [MovementKind.TRANSFER_OUT, MovementKind.ISSUE, MovementKind.WRITE_OFF]


class StockMovement(models.Model):
    """One change to the stock of one item (size, lot) in one warehouse: signed, never edited."""

    id = models.BigAutoField(primary_key=True)
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="movements")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="movements")
    size = models.ForeignKey(ItemSize, null=True, on_delete=models.PROTECT, related_name="+")
    lot = models.ForeignKey(Lot, null=True, on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(max_length=20, choices=MovementKind.choices)
    quantity = models.IntegerField(help_text=_("Positive in, negative out, in the item's unit"))
    reason = models.CharField(max_length=200, blank=True)
    reference = models.CharField(max_length=100)
    counterpart = models.ForeignKey(
        Warehouse, null=True, on_delete=models.PROTECT, related_name="+"
    )
    by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="stock_movements")
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=INCOMING, quantity__gt=0)
                | Q(kind__in=OUTGOING, quantity__lt=0)
                | (Q(kind=MovementKind.ADJUSTMENT) & ~Q(quantity=0)),
                name="movement_sign_matches_kind",
            ),
        ]
        indexes = [
            # Quantity last: summing the ledger per stock line (the check that the balances
            # equal the sum of the movements) reads this index alone, already in line order,
            # instead of every whole movement row.
            models.Index(
                fields=["warehouse", "item", "size", "lot", "quantity"], name="movement_line_sum"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.quantity} {self.item} at {self.warehouse}"


class StockBalance(models.Model):
    """What one warehouse holds of one item, size and lot: the sum of its movements."""

    id = models.BigAutoField(primary_key=True)
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="balances")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="balances")
    size = models.ForeignKey(ItemSize, null=True, on_delete=models.PROTECT, related_name="+")
    lot = models.ForeignKey(Lot, null=True, on_delete=models.PROTECT, related_name="balances")
    quantity = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=0), name="stock_never_negative"),
            # NULL is not equal to NULL in a unique index, so each null pattern has its own.
            models.UniqueConstraint(
                fields=["warehouse", "item", "size", "lot"], name="one_balance_per_stock_line"
            ),
            models.UniqueConstraint(
                fields=["warehouse", "item"],
                condition=Q(size__isnull=True, lot__isnull=True),
                name="one_balance_per_unsized_item",
            ),
            models.UniqueConstraint(
                fields=["warehouse", "item", "lot"],
                condition=Q(size__isnull=True),
                name="one_balance_per_unsized_lot",
            ),
            models.UniqueConstraint(
                fields=["warehouse", "item", "size"],
                condition=Q(lot__isnull=True),
                name="one_balance_per_size",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} {self.item} at {self.warehouse}"
