"""Proposed duplicates and the decisions taken on them.

A `DuplicateProposal` says two records may be one person, with the score that says why; an
officer decides it: the same person (a `Merge`, undoable) or different people, which is kept so
that the pair is never proposed again.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import BaseModel
from waypost.matching.match_keys import KEY_LENGTH
from waypost.registry.models import Individual


class Source(models.TextChoices):
    BATCH = "batch", _("Batch deduplication")
    REGISTRATION = "registration", _("Check while registering")
    MANUAL = "manual", _("Reported by staff")


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MERGED = "merged", _("Same person, merged")
    DIFFERENT = "different", _("Different people")
    WITHDRAWN = "withdrawn", _("Withdrawn: a record was removed")


class DuplicateProposal(BaseModel):
    """Two records that may be one person; one row per unordered pair, lower id first.

    A side becomes empty when its record is removed from the registry; the proposal is then
    withdrawn and kept, with the numbers it was made for, as a trace of what was decided.
    """

    first = models.ForeignKey(
        Individual, null=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    second = models.ForeignKey(Individual, null=True, on_delete=models.SET_NULL, related_name="+")
    first_number = models.CharField(max_length=24)
    second_number = models.CharField(max_length=24)
    probability = models.FloatField()
    match_weight = models.FloatField()
    # [{"field": "given_name", "level": "same name in another spelling", "weight": 3.2}, …]
    agreements = models.JSONField(default=list)
    source = models.CharField(max_length=20, choices=Source.choices)
    status = models.CharField(
        max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-probability", "first_number"]
        indexes = [models.Index(fields=["status", "-probability"])]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_proposal_per_pair"),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")) | Q(first__isnull=True) | Q(second__isnull=True),
                name="proposal_pair_ordered",
            ),
            models.CheckConstraint(
                condition=Q(probability__gte=0, probability__lte=1),
                name="proposal_probability_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_number} ~ {self.second_number} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == ProposalStatus.OPEN


class Merge(BaseModel):
    """One record found to be a second record of another person, and who decided it.

    Undoing sets `undone_at`; the row stays, so the trail of decisions is complete.
    """

    proposal = models.ForeignKey(DuplicateProposal, on_delete=models.PROTECT, related_name="merges")
    survivor = models.ForeignKey(Individual, null=True, on_delete=models.SET_NULL, related_name="+")
    merged = models.ForeignKey(Individual, null=True, on_delete=models.SET_NULL, related_name="+")
    survivor_number = models.CharField(max_length=24)
    merged_number = models.CharField(max_length=24)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    merged_at = models.DateTimeField()
    note = models.TextField(blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undo_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-merged_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["merged"], condition=Q(undone_at__isnull=True), name="one_active_merge"
            ),
            models.CheckConstraint(
                condition=~Q(survivor=F("merged")), name="merge_not_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.merged_number} → {self.survivor_number}"

    @property
    def is_active(self) -> bool:
        return self.undone_at is None


class MatchKey(models.Model):
    """A key under which a registered person's possible duplicates are looked up.

    Written with every registration and correction (see `match_keys` for what a key joins);
    a person has a handful, and a key is shared by few people even in a large registry.
    """

    individual = models.ForeignKey(Individual, on_delete=models.CASCADE, related_name="match_keys")
    key = models.CharField(max_length=KEY_LENGTH)

    class Meta:
        # Key first, person second: a lookup reads the index alone, never the table.
        indexes = [models.Index(fields=["key", "individual"], name="match_key_lookup")]

    def __str__(self) -> str:
        return self.key
