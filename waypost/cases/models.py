"""Case management: cases, the pathways each case follows, referrals, notes and follow-ups.

A case is opened for one person (or for a household, through its head) by an agency and one of
its caseworkers. Each pathway the case follows (asylum, family reunification, voluntary return...)
is a `CasePathway` with its own state, moved only along the transitions in `data/pathways/`; every
move is kept as a `Transition`. Referrals carry only the fields the receiving service needs and
rest on a `ReferralConsent`. Notes are confidential to the case team and protection officers.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, BaseModel
from waypost.registry.models import Household, Individual


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Case(BaseModel):
    """A person's (or a household's) file with one agency: who follows it and where it stands."""

    individual = models.ForeignKey(Individual, on_delete=models.PROTECT, related_name="cases")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="cases")
    is_household_case = models.BooleanField(default=False)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="cases")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases"
    )
    status = models.CharField(max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    next_step = models.CharField(max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["agency", "status"], name="case_agency_status"),
            models.Index(fields=["caseworker", "status"], name="case_worker_status"),
        ]

    def __str__(self) -> str:
        return f"{self.individual_id} ({self.agency_id})"


class CasePathway(BaseModel):
    """One pathway a case follows, in one state of that pathway's workflow."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pathways")
    pathway = models.CharField(max_length=40)
    state = models.CharField(max_length=40)
    entered_at = models.DateTimeField()
    # Everything recorded along the way (consent form version, flight...), by field name.
    data = models.JSONField(default=dict, blank=True)
    # Denormalised from the case for the caseload's counts.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["pathway"]
        constraints = [
            models.UniqueConstraint(fields=["case", "pathway"], name="one_pathway_per_case"),
        ]
        indexes = [
            models.Index(fields=["agency", "pathway", "state"], name="pathway_agency_state"),
            models.Index(fields=["caseworker", "pathway", "state"], name="pathway_worker_state"),
        ]

    def __str__(self) -> str:
        return f"{self.pathway}: {self.state}"


class Transition(models.Model):
    """One step a case took along a pathway: from which state to which, by whom, with what data."""

    id = models.BigAutoField(primary_key=True)
    case_pathway = models.ForeignKey(
        CasePathway, on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(max_length=40, blank=True)
    to_state = models.CharField(max_length=40)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state} -> {self.to_state}"


class FollowUp(BaseModel):
    """Something to do on a case by a date: a follow-up or an appointment with the person."""

    class Kind(models.TextChoices):
        FOLLOW_UP = "follow_up", _("Follow-up")
        APPOINTMENT = "appointment", _("Appointment")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FOLLOW_UP)
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="follow_ups"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=200, blank=True)
    # Set when a pathway's time limit raised it, so that the pathway moving on can settle it.
    case_pathway = models.ForeignKey(
        "CasePathway", null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    # Why it was closed without anyone doing it, e.g. "settled: the pathway moved to Refused".
    closed_note = models.CharField(max_length=200, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        indexes = [
            models.Index(
                fields=["assigned_to", "due_on"],
                condition=Q(done_at__isnull=True),
                name="followup_open_by_worker",
            ),
            models.Index(
                fields=["agency", "due_on"],
                condition=Q(done_at__isnull=True),
                name="followup_open_by_agency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.due_on})"


class ReferralConsent(models.Model):
    """A person's consent to be referred to one agency's service, for a stated purpose."""

    class HowGiven(models.TextChoices):
        WRITTEN = "written", _("Signed in writing")
        ORAL = "oral", _("Given orally, witnessed")
        THUMBPRINT = "thumbprint", _("Thumbprint")
        GUARDIAN = "guardian", _("By a parent or guardian")

    individual = models.ForeignKey(Individual, on_delete=models.PROTECT, related_name="+")
    recipient_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    service = models.CharField(max_length=40)
    purpose = models.CharField(max_length=200)
    given_on = models.DateField()
    how_given = models.CharField(max_length=20, choices=HowGiven.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.individual_id} -> {self.recipient_agency_id} {self.service}"


class Referral(BaseModel):
    """A case referred by one agency to another's service, with only the fields it needs."""

    class Status(models.TextChoices):
        SENT = "sent", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="referrals")
    from_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    service = models.CharField(max_length=40)
    consent = models.ForeignKey(ReferralConsent, on_delete=models.PROTECT, related_name="+")
    # Exactly the values of the service's field list, nothing more.
    shared = models.JSONField(default=dict)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["to_agency", "status"], name="referral_to_status"),
            models.Index(fields=["from_agency", "status"], name="referral_from_status"),
        ]

    def __str__(self) -> str:
        return f"{self.from_agency_id} -> {self.to_agency_id} {self.service}"


class CaseNote(BaseModel):
    """A confidential note on a case, written for a stated purpose."""

    class Purpose(models.TextChoices):
        COUNSELLING = "counselling", _("Counselling session")
        ASSESSMENT = "assessment", _("Assessment")
        FOLLOW_UP = "follow_up", _("Follow-up")
        REFERRAL = "referral", _("Referral")
        BEST_INTERESTS = "best_interests", _("Best-interests assessment")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    text = models.TextField()
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["-written_at"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.purpose}"
