"""Agencies, the people who use Waypost, their roles, and the append-only audit trail."""

import uuid
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models

from waypost.core.roles import Purpose, Role, permissions_of, purpose_for


class BaseModel(models.Model):
    """Opaque identifiers (safe in URLs and QR codes) and creation/update times."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Agency(BaseModel):
    """An organisation working at the site: a UN agency, a Red Cross society, an NGO."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40)

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name


class User(AbstractUser):
    """A staff member or volunteer of one agency who signs in to Waypost."""

    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )

    @property
    def role_names(self) -> list[str]:
        if not hasattr(self, "_role_names"):
            self._role_names = sorted(self.role_assignments.values_list("role", flat=True))
        return self._role_names

    @property
    def granted_permissions(self) -> frozenset[str]:
        if not self.is_active or self.agency_id is None:
            return frozenset()
        return permissions_of(self.role_names)

    @property
    def acting_agency(self) -> Agency:
        """The agency this user works for; a user without one may not write records."""
        if self.agency is None:
            raise PermissionError(f"{self.username} belongs to no agency.")
        return self.agency

    def can(self, permission: str) -> bool:
        return permission in self.granted_permissions

    def purpose_for(self, permission: str) -> Purpose | None:
        return purpose_for(self.role_names, permission)


class RoleAssignment(models.Model):
    """One role held by one user, within the user's agency."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=40, choices=Role.choices)
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_assignment_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} as {self.get_role_display()}"


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit trail is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit trail is append-only.")


class AuditEvent(models.Model):
    """One thing someone did or saw: a record created, changed, deleted or viewed.

    Rows are only ever added (by `waypost.core.audit.record`); the queryset, the model and a
    database trigger refuse changes and deletions.
    """

    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User, null=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    agency = models.ForeignKey(Agency, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=60)
    purpose = models.CharField(max_length=40, choices=Purpose.choices, blank=True)
    subject_type = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=64)
    # For changes: {"field": [old, new]}; for views: {"field": null} naming what was shown.
    fields = models.JSONField(default=dict, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.subject_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit trail is append-only.")
