"""Weather at the sites, the cold-risk rules in their versions, each person's risk, and alerts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import BaseModel
from waypost.registry.models import Individual
from waypost.sites.models import Site


class ReadingKind(models.TextChoices):
    OBSERVATION = "observation", _("Observation")
    FORECAST = "forecast", _("Forecast")


class ReadingSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    OPEN_METEO = "open_meteo", _("Open-Meteo")


class WeatherReading(BaseModel):
    """The weather at a site at one time: observed there, or forecast for it."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="weather_readings")
    kind = models.CharField(max_length=12, choices=ReadingKind.choices)
    valid_at = models.DateTimeField(help_text=_("The time the values are for"))
    temperature_c = models.DecimalField(max_digits=4, decimal_places=1)
    wind_speed_kmh = models.DecimalField(
        max_digits=5, decimal_places=1, help_text=_("At 10 m above ground")
    )
    precipitation_mm = models.DecimalField(max_digits=5, decimal_places=1, default=0)
    source = models.CharField(max_length=12, choices=ReadingSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["site", "valid_at"]
        constraints = [
            # Domain standards 3.2: impossible values are refused.
            models.CheckConstraint(
                condition=Q(temperature_c__gte=-90, temperature_c__lte=60),
                name="weather_temperature_possible",
            ),
            models.CheckConstraint(
                condition=Q(wind_speed_kmh__gte=0), name="weather_wind_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(precipitation_mm__gte=0), name="weather_precipitation_not_negative"
            ),
            # One value per site, kind, source and hour: an import again updates, never doubles.
            models.UniqueConstraint(
                fields=["site", "kind", "source", "valid_at"], name="one_reading_per_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.site_id} {self.valid_at:%Y-%m-%d %H:%M} {self.temperature_c} °C"


class Factor(models.TextChoices):
    EXPOSURE = "exposure", _("Shelter and wind chill")
    AGE = "age", _("Age")
    PREGNANCY = "pregnancy", _("Pregnancy")
    MEDICAL = "medical", _("Serious medical condition")
    DISABILITY = "disability", _("Disability")
    WINTER_ITEMS = "winter_items", _("Winter items not yet received")


class Tier(models.TextChoices):
    """Tiers of cold risk, highest first."""

    CRITICAL = "critical", _("Critical")
    HIGH = "high", _("High")
    MODERATE = "moderate", _("Moderate")
    LOW = "low", _("Low")


TIER_RANK = {Tier.LOW: 0, Tier.MODERATE: 1, Tier.HIGH: 2, Tier.CRITICAL: 3}


class RiskRuleSet(BaseModel):
    """One version of the cold-risk rules and tiers; a change makes a new version."""

    version = models.PositiveIntegerField(unique=True)
    effective_from = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version}"


class RiskRule(models.Model):
    """Points a person gets when one factor applies to them, with why and on whose authority."""

    rule_set = models.ForeignKey(RiskRuleSet, on_delete=models.CASCADE, related_name="rules")
    factor = models.CharField(max_length=20, choices=Factor.choices)
    condition = models.CharField(max_length=30, blank=True)
    low = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    high = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    points = models.PositiveSmallIntegerField()
    rationale = models.TextField()
    source = models.CharField(max_length=400)
    verification = models.CharField(max_length=4, blank=True)

    class Meta:
        ordering = ["factor", "condition", "-high", "low"]
        constraints = [
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(high__isnull=True) | Q(low__lt=models.F("high")),
                name="rule_bounds_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.factor} {self.condition} {self.points}"


class RiskTier(models.Model):
    """The lowest score of a tier in one version of the rules, and why it is set there."""

    rule_set = models.ForeignKey(RiskRuleSet, on_delete=models.CASCADE, related_name="tiers")
    tier = models.CharField(max_length=10, choices=Tier.choices)
    min_points = models.PositiveSmallIntegerField()
    alert = models.BooleanField(help_text=_("Rising into this tier raises an alert"))
    rationale = models.TextField()
    source = models.CharField(max_length=400)
    verification = models.CharField(max_length=4, blank=True)

    class Meta:
        ordering = ["-min_points"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "tier"], name="one_threshold_per_tier")
        ]

    def __str__(self) -> str:
        return f"{self.tier} ≥ {self.min_points}"


class RiskAssessment(models.Model):
    """A person's cold risk when last assessed: score, tier and reasons, at their site then."""

    individual = models.OneToOneField(
        Individual, on_delete=models.CASCADE, primary_key=True, related_name="cold_risk"
    )
    household_id = models.UUIDField()
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField()
    tier = models.CharField(max_length=10, choices=Tier.choices)
    reasons = models.JSONField(default=list)
    rule_set = models.ForeignKey(RiskRuleSet, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["site", "tier"])]

    def __str__(self) -> str:
        return f"{self.individual_id} {self.tier} ({self.score})"


class Alert(BaseModel):
    """A person's cold risk rose into a tier that calls for action."""

    individual = models.ForeignKey(Individual, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    previous_tier = models.CharField(max_length=10, choices=Tier.choices, blank=True)
    tier = models.CharField(max_length=10, choices=Tier.choices)
    score = models.PositiveSmallIntegerField()
    raised_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["site", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"{self.individual_id} {self.previous_tier or '-'} → {self.tier}"
