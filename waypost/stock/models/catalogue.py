"""The item catalogue: what aid items exist, their sizes, the kits made of them, and the
planning figures from the humanitarian standards."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import BaseModel


class Category(models.TextChoices):
    FOOD = "food", _("Food")
    HYGIENE = "hygiene", _("Hygiene")
    MENSTRUAL_HYGIENE = "menstrual_hygiene", _("Menstrual hygiene")
    INFANT = "infant", _("Infant")
    NON_FOOD = "non_food", _("Non-food")
    WINTERIZATION = "winterization", _("Winterization")


class SizeSystem(models.TextChoices):
    NONE = "", _("One size")
    EU_SHOE = "eu_shoe", _("EU shoe size")
    AGE_BAND = "age_band", _("Age band")


class Unit(models.TextChoices):
    """What one counted unit of an item is; stock is always counted in whole units."""

    PIECE = "piece", _("piece")
    PAIR = "pair", _("pair")
    KIT = "kit", _("kit")
    BAR = "bar", _("bar")
    PACK = "pack", _("pack")
    SACK = "sack", _("sack")
    CARTON = "carton", _("carton")


class Item(BaseModel):
    """Something handed out or stored: a blanket, a bar of soap, a pair of children's boots."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    category = models.CharField(max_length=30, choices=Category.choices)
    size_system = models.CharField(
        max_length=20, choices=SizeSystem.choices, blank=True, default=SizeSystem.NONE
    )
    tracks_expiry = models.BooleanField(
        default=False, help_text=_("Kept in lots with an expiry date (food, medicine)")
    )

    class Meta:
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_sized(self) -> bool:
        return self.size_system != SizeSystem.NONE


class ItemSize(models.Model):
    """One size of a sized item: EU 28 for children's boots, 2–4 years for a winter jacket."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="sizes")
    code = models.CharField(max_length=20)
    label = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["item", "order"]
        constraints = [
            models.UniqueConstraint(fields=["item", "code"], name="one_size_code_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.label}"


class StandardQuantity(models.Model):
    """A planning figure from a humanitarian standard, with its source and verification mark."""

    key = models.SlugField(max_length=60, unique=True)
    item = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.PROTECT, related_name="standards"
    )
    value = models.DecimalField(max_digits=10, decimal_places=2)
    value_max = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=30)
    per = models.CharField(max_length=30)
    period = models.CharField(max_length=20, blank=True)
    climate = models.CharField(max_length=10, default="any")
    source = models.CharField(max_length=300)
    edition = models.CharField(max_length=120)
    verification = models.CharField(max_length=4)
    changed_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Why a logistician changed the figure; empty while it is as in the data file"),
    )

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} = {self.value} {self.unit} per {self.per} ({self.edition})"


class Kit(BaseModel):
    """A set of items handed out together: a children's hygiene kit, a winter kit."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=300)
    verification = models.CharField(max_length=4)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class KitComponent(models.Model):
    """How many of one item a kit holds."""

    kit = models.ForeignKey(Kit, on_delete=models.CASCADE, related_name="components")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kit", "item"], name="one_component_per_kit_item"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="kit_component_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.item} in {self.kit}"
