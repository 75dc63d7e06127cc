"""The places where people stay and where aid is kept."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, BaseModel


class SiteKind(models.TextChoices):
    MAKESHIFT_CAMP = "makeshift_camp", _("Makeshift camp")
    TRANSIT_SITE = "transit_site", _("Transit site")
    SHELTER = "shelter", _("Shelter")
    LOGISTICS_CENTRE = "logistics_centre", _("Logistics centre")
    RECEPTION_CENTRE = "reception_centre", _("Reception centre")
    MEDICAL_FACILITY = "medical_facility", _("Medical facility")
    WAREHOUSE = "warehouse", _("Warehouse")


class ShelterType(models.TextChoices):
    """How well a place protects from the cold, worst first (the order is ours, site-editable)."""

    OPEN_AIR = "open_air", _("Open air")
    TENT = "tent", _("Tent")
    UNHEATED_BUILDING = "unheated_building", _("Unheated building")
    HEATED_BUILDING = "heated_building", _("Heated building")


class Site(BaseModel):
    """A camp, shelter, logistics centre, medical facility or warehouse at the operation."""

    code = models.SlugField(max_length=12, unique=True, help_text=_("Short code, e.g. BRZ"))
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=SiteKind.choices)
    shelter_type = models.CharField(max_length=30, choices=ShelterType.choices)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("People who can sleep here; empty for warehouses")
    )
    managed_by = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="sites"
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="site_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="site_longitude_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def houses_people(self) -> bool:
        return self.kind != SiteKind.WAREHOUSE
