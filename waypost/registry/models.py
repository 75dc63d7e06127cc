"""Who is here: households, their members, and what is known about each person."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, BaseModel
from waypost.core.roles import Purpose
from waypost.sites.models import Site


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("Exact date")
    YEAR = "year", _("Year only")
    ESTIMATED = "estimated", _("Estimated from age")


class Relationship(models.TextChoices):
    HEAD = "head", _("Head of household")
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Son or daughter")
    STEPCHILD = "stepchild", _("Stepchild")
    GRANDCHILD = "grandchild", _("Grandchild")
    PARENT = "parent", _("Mother or father")
    SIBLING = "sibling", _("Brother or sister")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    UNRELATED = "unrelated", _("Not related")


class DocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    NATIONAL_ID = "national_id", _("National identity card")
    BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate")
    ASYLUM_CERTIFICATE = "asylum_certificate", _("Asylum-seeker certificate")
    UNHCR_ID = "unhcr_id", _("UNHCR registration document")
    OTHER = "other", _("Other document")


class SpecificNeedCode(models.Model):
    """A standard code for an attribute or situation that needs particular follow-up.

    Loaded from the versioned data files in `registry/data/` (UNHCR 2009 standard codes and the
    legacy codes still found in old data); never typed in by hand.
    """

    class Status(models.TextChoices):
        STANDARD_2009 = "standard_2009", _("Standard (2009)")
        LEGACY = "legacy", _("Legacy: importable only")
        DISABILITY_UPDATE = "disability_update", _("Updated disability code")

    code = models.CharField(max_length=5, primary_key=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    label = models.CharField(max_length=120)
    status = models.CharField(max_length=20, choices=Status.choices)
    is_sensitive = models.BooleanField(default=False)
    source = models.CharField(max_length=300)
    verification = models.CharField(max_length=4, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def is_offered(self) -> bool:
        return self.status != self.Status.LEGACY


class Household(BaseModel):
    """A registration group: the people who live and receive assistance together."""

    number = models.CharField(max_length=20, unique=True)
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="households")
    shelter_location = models.CharField(
        max_length=60, blank=True, help_text=_("Tent, room or plot, e.g. B-14")
    )
    registering_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number


class IndividualQuerySet(models.QuerySet["Individual"]):
    def current(self) -> "IndividualQuerySet":
        """People not merged into another record: the ones every list, search and count shows."""
        return self.filter(merged_into__isnull=True)


class Individual(BaseModel):
    """A person registered in a household, with names as spoken and as written."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="members")
    number = models.CharField(max_length=24, unique=True)
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    # Names in Latin letters, as the person says them.
    given_name = models.CharField(max_length=80)
    father_name = models.CharField(max_length=80, blank=True)
    grandfather_name = models.CharField(max_length=80, blank=True)
    family_name = models.CharField(max_length=80, blank=True)
    # The same names as the person writes them (Arabic, Kurdish, Persian or Cyrillic script).
    given_name_native = models.CharField(max_length=80, blank=True)
    father_name_native = models.CharField(max_length=80, blank=True)
    grandfather_name_native = models.CharField(max_length=80, blank=True)
    family_name_native = models.CharField(max_length=80, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices)
    date_of_birth = models.DateField()
    date_of_birth_precision = models.CharField(max_length=10, choices=DatePrecision.choices)
    nationality = models.CharField(max_length=3, help_text=_("ISO 3166 alpha-3"))
    languages = models.JSONField(default=list, blank=True)
    current_site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="residents")
    is_pregnant = models.BooleanField(default=False)
    expected_delivery_date = models.DateField(null=True, blank=True)
    is_lactating = models.BooleanField(default=False)
    registering_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField()
    # Folded Latin form of every name, for display-independent search ranking.
    search_name = models.CharField(max_length=400, db_index=True)
    # Set when a review found this to be a second record of another person (`matching.services`):
    # the row and its history stay, and the other record stands for the person.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_records"
    )

    objects = IndividualQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(relationship="head"),
                name="one_head_per_household",
            ),
            models.CheckConstraint(
                condition=Q(is_pregnant=False) | Q(sex="F"), name="only_women_are_pregnant"
            ),
            models.CheckConstraint(
                condition=Q(expected_delivery_date__isnull=True) | Q(is_pregnant=True),
                name="delivery_date_only_in_pregnancy",
            ),
            models.CheckConstraint(
                condition=Q(expected_delivery_date__isnull=True)
                | Q(expected_delivery_date__gt=F("date_of_birth")),
                name="delivery_after_birth",
            ),
        ]
        indexes = [
            # The needs count the people at each site by sex, age, pregnancy and lactation,
            # and the households they belong to: with these columns in one index over the
            # current records, a registry of a million people is counted from the index alone.
            models.Index(
                fields=[
                    "current_site",
                    "household",
                    "sex",
                    "date_of_birth",
                    "is_pregnant",
                    "is_lactating",
                    "id",
                    # Always empty here, but SQLite counts only from an index that holds
                    # every column the query names, the filter's too.
                    "merged_into",
                ],
                condition=Q(merged_into__isnull=True),
                name="people_by_site_v2",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.number})"

    @property
    def full_name(self) -> str:
        parts = [self.given_name, self.father_name, self.grandfather_name, self.family_name]
        return " ".join(part for part in parts if part)

    @property
    def full_name_native(self) -> str:
        parts = [
            self.given_name_native,
            self.father_name_native,
            self.grandfather_name_native,
            self.family_name_native,
        ]
        return " ".join(part for part in parts if part)

    def age_on(self, day: date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class NameKey(models.Model):
    """A spelling-tolerant key of one of a person's names, for search and duplicate checks."""

    individual = models.ForeignKey(Individual, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["key"])]
        constraints = [
            models.UniqueConstraint(fields=["individual", "key"], name="one_row_per_name_key")
        ]

    def __str__(self) -> str:
        return self.key


class Phone(models.Model):
    """A phone number a person can be reached on, stored in E.164 form (+9647501234567)."""

    individual = models.ForeignKey(Individual, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=20, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["individual", "number"], name="one_row_per_phone")
        ]

    def __str__(self) -> str:
        return self.number


class IdentityDocument(models.Model):
    """A document a person holds or held, as seen at registration."""

    individual = models.ForeignKey(Individual, on_delete=models.CASCADE, related_name="documents")
    document_type = models.CharField(max_length=30, choices=DocumentType.choices)
    number = models.CharField(max_length=40)
    # Upper case, letters and digits only: how the number is compared and found.
    number_normalized = models.CharField(max_length=40, db_index=True)
    issuing_country = models.CharField(max_length=3, help_text=_("ISO 3166 alpha-3"))

    class Meta:
        constraints = [
            # One document belongs to one person: a second registration of it is refused.
            models.UniqueConstraint(
                fields=["document_type", "number_normalized", "issuing_country"],
                name="one_holder_per_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_document_type_display()} {self.number} ({self.issuing_country})"


class IndividualSpecificNeed(models.Model):
    """A specific need identified for a person, open until closed by follow-up."""

    class ReferralStatus(models.TextChoices):
        NOT_REFERRED = "not_referred", _("Not referred")
        PENDING_REVIEW = "pending_review", _("Pending review")
        REFERRED = "referred", _("Referred")
        CLOSED = "closed", _("Closed")

    individual = models.ForeignKey(
        Individual, on_delete=models.CASCADE, related_name="specific_needs"
    )
    code = models.ForeignKey(SpecificNeedCode, on_delete=models.PROTECT, related_name="+")
    identified_at = models.DateTimeField()
    identified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    is_active = models.BooleanField(default=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    referral_status = models.CharField(
        max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.PENDING_REVIEW
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["individual", "code"],
                condition=Q(is_active=True),
                name="one_active_row_per_need",
            )
        ]

    def __str__(self) -> str:
        return str(self.code_id)


class Consent(models.Model):
    """A person's consent to one purpose of processing, recorded with what they were told."""

    class Topic(models.TextChoices):
        ASSISTANCE = "assistance", _("Receiving assistance")
        REFERRAL = "referral", _("Referral to another agency")
        DATA_SHARING = "data_sharing", _("Sharing data with partner agencies")

    class LegalBasis(models.TextChoices):
        CONSENT = "consent", _("Consent")
        VITAL_INTEREST = "vital_interest", _("Vital interest")

    individual = models.ForeignKey(Individual, on_delete=models.CASCADE, related_name="consents")
    topic = models.CharField(max_length=20, choices=Topic.choices)
    legal_basis = models.CharField(
        max_length=20, choices=LegalBasis.choices, default=LegalBasis.CONSENT
    )
    recipient_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    given_by_head = models.BooleanField(
        default=False, help_text=_("Given by the head of household on behalf of this person")
    )
    information_version = models.CharField(max_length=20, blank=True)
    language = models.CharField(max_length=10, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    recorded_for = models.CharField(max_length=40, choices=Purpose.choices)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["individual", "topic"],
                condition=Q(withdrawn_at__isnull=True, recipient_agency__isnull=True),
                name="one_active_general_consent_per_topic",
            )
        ]

    def __str__(self) -> str:
        return f"{self.individual_id} {self.topic}"


class NumberSequence(models.Model):
    """The last registration number given out per site; incremented inside the registration."""

    site = models.OneToOneField(Site, on_delete=models.PROTECT, primary_key=True)
    last_household_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.site_id}: {self.last_household_number}"
