"""Safe locations with their places, relocation plans, what households agreed to, and moves.

A safe location is a site where people can be moved out of the cold (a shelter, a heated
logistics centre, a reception centre, a medical facility), with its sleeping places counted by
kind (`beds.BedKind`). Who sleeps there is not stored here: the registry's current site of each
person is the one truth, and the places taken are counted from it (`occupancy.py`).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, BaseModel, User
from waypost.registry.models import Household, Individual
from waypost.relocation.beds import BedKind
from waypost.sites.models import Site, SiteKind

# The kinds of site people may be moved to for safety.
SAFE_SITE_KINDS = (
    SiteKind.SHELTER,
    SiteKind.LOGISTICS_CENTRE,
    SiteKind.MEDICAL_FACILITY,
    SiteKind.RECEPTION_CENTRE,
)


class Transport(models.TextChoices):
    ON_FOOT = "on_foot", _("On foot, accompanied")
    BUS = "bus", _("Bus")
    CAR = "car", _("Car")
    AMBULANCE = "ambulance", _("Ambulance")


class SafeLocation(BaseModel):
    """A site people can be moved to, with its sleeping places by kind.

    `version` goes up whenever its places change or people move in or out, so a plan made
    before can tell it is stale.
    """

    site = models.OneToOneField(Site, on_delete=models.PROTECT, related_name="safe_location")
    beds_unheated = models.PositiveIntegerField(default=0)
    beds_heated = models.PositiveIntegerField(default=0)
    beds_accessible = models.PositiveIntegerField(default=0)
    beds_medical = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["site__name"]

    def __str__(self) -> str:
        return str(self.site)

    def beds(self) -> dict[str, int]:
        return {kind: getattr(self, f"beds_{kind}") for kind in BedKind.values}


class RelocationPlan(BaseModel):
    """A proposal of who moves where, made by a coordinator, adjusted, then confirmed."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONFIRMED = "confirmed", _("Confirmed")
        REPLACED = "replaced", _("Replaced by a newer plan")

    made_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    origins = models.ManyToManyField(Site, related_name="+")
    # The version of every safe location when the plan was made: {location id: version}.
    versions_seen = models.JSONField(default=dict)
    moved_by_tier = models.JSONField(default=dict)
    left_behind = models.PositiveIntegerField(default=0)
    declined = models.PositiveIntegerField(default=0)
    is_proven_optimal = models.BooleanField(default=True)
    solve_seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["made_by"], condition=Q(status="draft"), name="one_draft_plan_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.made_by} {self.created_at:%Y-%m-%d %H:%M} {self.status}"


class ProposedMove(models.Model):
    """One household's move in a plan: where to, in which places, how, and why."""

    plan = models.ForeignKey(RelocationPlan, on_delete=models.CASCADE, related_name="moves")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="+")
    origin = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+")
    destination = models.ForeignKey(SafeLocation, on_delete=models.PROTECT, related_name="+")
    # The members when the plan was made, each with the kind of place they need (`beds.NEEDS`).
    people = models.JSONField(default=dict)
    beds = models.JSONField(default=dict)  # places by kind
    needs = models.JSONField(default=dict)  # places needed by kind, `beds.ANY` included
    tiers = models.JSONField(default=dict)  # members by cold-risk tier: why it moves
    score = models.FloatField(default=0)  # the highest score among its members
    transport = models.CharField(max_length=20, choices=Transport.choices, default=Transport.BUS)
    distance_km = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "household__number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "household"], name="one_move_per_household")
        ]

    def __str__(self) -> str:
        return f"{self.household} → {self.destination}"


class RelocationConsent(models.Model):
    """A household told about a move to a safe location, and what it answered.

    The latest answer stands: a move is confirmed only after a yes, and a no is respected (the
    household is left out of new plans until it says yes).
    """

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="relocation_consents"
    )
    informed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    informed_at = models.DateTimeField()
    language = models.CharField(max_length=10)
    agreed = models.BooleanField()
    note = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-informed_at", "-recorded_at"]
        get_latest_by = ["informed_at", "recorded_at"]

    def __str__(self) -> str:
        return f"{self.household} {'agreed' if self.agreed else 'declined'}"


class Movement(BaseModel):
    """A household moved from one site to another: when, how, confirmed by whom."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="movements")
    origin = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+")
    destination = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+")
    moved_at = models.DateTimeField()
    transport = models.CharField(max_length=20, choices=Transport.choices)
    confirmed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        RelocationPlan, null=True, blank=True, on_delete=models.PROTECT, related_name="movements"
    )
    consent = models.ForeignKey(RelocationConsent, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-moved_at"]

    def __str__(self) -> str:
        return f"{self.household}: {self.origin} → {self.destination}"


class MovedPerson(models.Model):
    """One person of a movement, with the kind of place they were given."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="people")
    individual = models.ForeignKey(Individual, on_delete=models.PROTECT, related_name="+")
    bed_kind = models.CharField(max_length=20, choices=BedKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "individual"], name="one_row_per_moved_person"
            )
        ]
        indexes = [models.Index(fields=["individual", "movement"])]

    def __str__(self) -> str:
        return f"{self.individual_id} {self.bed_kind}"
