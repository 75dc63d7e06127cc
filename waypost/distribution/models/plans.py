"""Distribution plans: what a site's people are entitled to on one day, and what they get.

A plan names a site, a day and the warehouse the items are issued from. Its lines say how much
of each item (and size) is available for it; its rules say who is entitled to how much; its
entitlements are the rules applied to the registered households, with the quantity the
allocation gives each one when stock is short, and a reason code for "why not more".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from waypost.core.models import BaseModel
from waypost.registry.models import Household, Individual
from waypost.sites.models import Site
from waypost.stock.models import Item, ItemSize, SizeSystem, Warehouse


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    CLOSED = "closed", _("Closed")


class DistributionPlan(BaseModel):
    """One distribution round at one site on one day, issued from one warehouse."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="distribution_plans")
    distribution_date = models.DateField()
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    warehouse = models.ForeignKey(
        Warehouse, on_delete=models.PROTECT, related_name="distribution_plans"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Where the distribution hands out from: the store at the point that approving fills with
    # the allocated stock and closing empties back into `warehouse` (services/dispatch.py).
    # Empty for a plan approved without a dispatch: its handovers issue from `warehouse`.
    point_store = models.ForeignKey(
        Warehouse,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dispatched_plans",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    rule_set = models.CharField(
        max_length=60, help_text=_("The default rules the plan started from, e.g. winter-2021")
    )
    # What the last allocation did, kept to explain the plan: the optimiser's objective value,
    # its status, how long it took and the risk ranking's version.
    allocated_at = models.DateTimeField(null=True, blank=True)
    solver_status = models.CharField(max_length=40, blank=True)
    solver_objective = models.FloatField(null=True, blank=True)
    solver_seconds = models.FloatField(null=True, blank=True)
    ranking_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-distribution_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(approved_at__isnull=False),
                name="plan_approved_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.distribution_date})"

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT


class PlanLine(models.Model):
    """How much of one item (and size) is set aside for a plan from the plan's warehouse."""

    plan = models.ForeignKey(DistributionPlan, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    size = models.ForeignKey(
        ItemSize, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    quantity_available = models.PositiveIntegerField()
    # A person entitled to one size may receive the next larger sizes, up to this many steps
    # (never a smaller one: a boot that is too small harms, one a size up with a thick sock
    # does not). 0: the exact size only.
    sizes_up_allowed = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["plan", "item", "size__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "item", "size"], name="one_plan_line_per_item_size"
            ),
            models.UniqueConstraint(
                fields=["plan", "item"],
                condition=Q(size__isnull=True),
                name="one_plan_line_per_unsized_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity_available} {self.size or self.item}"


class RulePer(models.TextChoices):
    PERSON = "person", _("per person")
    HOUSEHOLD = "household", _("per household")


class EntitlementRule(models.Model):
    """Who is entitled to how many of an item in one plan: per household or per eligible person.

    A person is eligible when every condition given holds (age band in months, sex, pregnancy,
    one of the specific-need codes); empty conditions do not restrict. Sized items take the
    person's recorded size, or the size estimated from age. A priority rule's item goes to the
    people most at risk first when stock is short.
    """

    plan = models.ForeignKey(DistributionPlan, on_delete=models.CASCADE, related_name="rules")
    key = models.SlugField(max_length=60)
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    per = models.CharField(max_length=20, choices=RulePer.choices)
    quantity = models.PositiveIntegerField()
    min_age_months = models.PositiveIntegerField(null=True, blank=True)
    max_age_months = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Exclusive: under this age")
    )
    sex = models.CharField(max_length=1, blank=True)
    pregnant_only = models.BooleanField(default=False)
    need_codes = models.JSONField(
        default=list, blank=True, help_text=_("Specific-need codes, any of which makes eligible")
    )
    size_system = models.CharField(
        max_length=20, choices=SizeSystem.choices, blank=True, default=SizeSystem.NONE
    )
    is_priority = models.BooleanField(default=False)
    needs_rule = models.CharField(
        max_length=60, blank=True, help_text=_("The needs rule this one applies, if any")
    )
    source = models.CharField(max_length=400)
    verification = models.CharField(max_length=4)

    class Meta:
        ordering = ["plan", "key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="one_rule_key_per_plan"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="rule_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.quantity} {self.item} {self.get_per_display()}"


class Reason(models.TextChoices):
    """Why an entitlement was not met in full (or how it was met): machine-readable codes."""

    FULL = "full", _("Entitlement met in full")
    SHORT_STOCK = "short_stock", _("Stock short")
    SIZE_UNAVAILABLE = "size_unavailable", _("Size unavailable")
    SUBSTITUTED_SIZE = "substituted_size", _("Given a larger size")
    NOT_ALLOCATED = "not_allocated", _("Not allocated yet")


class Entitlement(models.Model):
    """What one household (or one of its members, for a sized item) is entitled to in a plan.

    Person-level items without sizes are summed per household (`individual` empty); sized ones
    (boots by size) are per person. `quantity_allocated` is what the allocation gives, which
    may be less under scarcity; `allocated_size` is the size handed out (one size up when
    substituted); `reason` and `reason_params` say why not more.
    """

    # No index per foreign key: a plan writes a row per household and item (a million people,
    # about a million rows), and every index slows that down. Reads go by plan and household,
    # which the unique constraints' indexes begin with; items, sizes and people are never
    # deleted while a plan names them (PROTECT), so those look-ups need no index of their own.
    #
    # No foreign-key constraint in the database either (db_constraint=False): PostgreSQL checks
    # a constraint with one look-up and row lock per row at COMMIT (a million rows: most of a
    # minute). The rows are written only by `allocation.store`, from the plan locked for the
    # allocation, the catalogue and the people read in the same transaction, and it checks every
    # reference once per plan with one set-based statement per table (locking the households
    # and people named, as the row checks would) before the transaction ends. Deleting a
    # referenced row later is refused by PROTECT (and CASCADE for the plan) as before.
    id = models.BigAutoField(primary_key=True)
    plan = models.ForeignKey(
        DistributionPlan,
        on_delete=models.CASCADE,
        related_name="entitlements",
        db_index=False,
        db_constraint=False,
    )
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    individual = models.ForeignKey(
        Individual,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    size = models.ForeignKey(
        ItemSize,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    allocated_size = models.ForeignKey(
        ItemSize,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    quantity_entitled = models.PositiveIntegerField()
    quantity_allocated = models.PositiveIntegerField(default=0)
    risk_score = models.PositiveIntegerField(default=0)
    risk_tier = models.PositiveSmallIntegerField(default=0)
    priority_rank = models.PositiveIntegerField(
        default=0, help_text=_("1 is served first; the order the allocation split stock in")
    )
    reason = models.CharField(max_length=30, choices=Reason.choices, default=Reason.NOT_ALLOCATED)
    reason_params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["plan", "priority_rank", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_allocated__lte=models.F("quantity_entitled")),
                name="allocated_within_entitlement",
            ),
            # Each row goes into the first index (which serves the reads by plan and
            # household) and into exactly one of the partial ones: a unique index never sees
            # two NULLs as equal, so rows with an empty individual or size can never collide
            # in the indexes that name those columns, and leaving them out keeps the same rule
            # with two index entries less per household row.
            models.UniqueConstraint(
                fields=["plan", "household", "individual", "item", "size"],
                name="one_entitlement_per_person_item_size",
            ),
            models.UniqueConstraint(
                fields=["plan", "household", "item"],
                condition=Q(individual__isnull=True, size__isnull=True),
                name="one_household_entitlement_per_item",
            ),
            models.UniqueConstraint(
                fields=["plan", "household", "item", "size"],
                condition=Q(individual__isnull=True, size__isnull=False),
                name="one_household_entitlement_per_size",
            ),
            models.UniqueConstraint(
                fields=["plan", "household", "individual", "item"],
                condition=Q(size__isnull=True, individual__isnull=False),
                name="one_person_entitlement_per_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity_allocated}/{self.quantity_entitled} {self.item} {self.household_id}"
