"""What counselling keeps: the sessions held with people, and the information sheets as edited."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, BaseModel
from waypost.registry.models import Individual


class SheetLanguage(models.TextChoices):
    """The languages counselling is held in and the sheets are written in (issue 7)."""

    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    SORANI = "ckb", _("Central Kurdish (Sorani)")
    KURMANJI = "kmr", _("Northern Kurdish (Kurmanji)")
    PERSIAN = "fa", _("Persian")
    RUSSIAN = "ru", _("Russian")


class CounsellingSession(BaseModel):
    """One conversation in which a counsellor gave a person information on their options.

    Keeps what the person was told (the options as the guide gave them, with the guide's version),
    the facts the guide was given, the sheets handed over, and what the person said they want.
    """

    individual = models.ForeignKey(
        Individual, on_delete=models.PROTECT, related_name="counselling_sessions"
    )
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counselling_sessions",
    )
    held_on = models.DateField()
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=3, choices=SheetLanguage.choices)
    interpreter = models.CharField(max_length=120, blank=True)
    facts = models.JSONField(default=dict)
    guide_version = models.CharField(max_length=40)
    options_presented = models.JSONField(default=list)
    sheets_given = models.JSONField(default=list)
    wishes = models.JSONField(default=list)
    decision_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-held_on", "-created_at"]
        indexes = [models.Index(fields=["individual", "held_on"])]

    def __str__(self) -> str:
        return f"{self.individual_id} {self.held_on}"


class SheetText(BaseModel):
    """An information sheet in one language as edited here; the shipped text is in `data/sheets/`.

    A translation is either reviewed (by whom, when) or not; any edit makes it unreviewed again.
    """

    sheet = models.SlugField(max_length=40)
    language = models.CharField(max_length=3, choices=SheetLanguage.choices)
    title = models.CharField(max_length=200)
    body = models.TextField()
    revision = models.PositiveIntegerField(default=1)
    reviewed = models.BooleanField(default=False)
    reviewed_by = models.CharField(max_length=120, blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "language"], name="one_text_per_sheet_language"
            ),
            models.CheckConstraint(
                condition=models.Q(reviewed=False) | models.Q(reviewed_on__isnull=False),
                name="reviewed_sheet_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sheet} ({self.language})"
