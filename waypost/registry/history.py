"""The change history of a household and its members, as a given user may read it.

Every change is an audit event with the old and new value of each field (written by the
services). Reading them back follows the same purpose limitation as the records themselves
(`selectors.FIELD_GROUPS`): a field the user may not see is shown as changed, without its
values; a sensitive specific-need code is shown as "restricted" to a user without
`registry.view_sensitive`. A field the table below does not know is withheld (deny by default).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from typing import Any

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from waypost.core import audit
from waypost.core.models import Agency, AuditEvent, User
from waypost.registry.forms.member import MemberForm
from waypost.registry.models import (
    DatePrecision,
    Household,
    Individual,
    Relationship,
    Sex,
    SpecificNeedCode,
)
from waypost.registry.selectors import FIELD_GROUPS, households_visible_to

# The permission that reveals each field of a change, from the record's own field groups.
FIELD_PERMISSIONS: dict[str, str] = {
    name: permission for permission, names in FIELD_GROUPS.items() for name in names
} | {
    "date_of_birth_precision": "registry.view_personal",
    "site": "registry.view",
    # Where a family sleeps is personal data: it tells anyone where to find them.
    "shelter_location": "registry.view_personal",
    # Which record stands for the person after a duplicate review (`matching.services`).
    "merged_into": "registry.view",
}
# A removal's reason is free text and may say anything about the person.
REASON_PERMISSION = "registry.view_personal"
RESTRICTED = _("restricted")
FIELD_LABELS: dict[str, Any] = {name: f.label for name, f in MemberForm.base_fields.items()} | {
    "documents": _("Documents"),
    "date_of_birth_precision": _("How the date of birth is known"),
    "site": _("Site"),
    "shelter_location": _("Shelter"),
    "merged_into": _("Merged into"),
}
# Stored values shown by their labels ("child" as "Son or daughter").
CHOICES: dict[str, type[models.TextChoices]] = {
    "relationship": Relationship,
    "sex": Sex,
    "date_of_birth_precision": DatePrecision,
}
ACTION_LABELS = {"created": _("Registered"), "updated": _("Corrected"), "deleted": _("Removed")}


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: str
    new: str
    is_withheld: bool = False

    @property
    def label(self) -> str:
        return str(FIELD_LABELS.get(self.name, self.name))


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: User | None
    agency: Agency | None
    action: str
    record: str
    changes: list[FieldChange] = field(default_factory=list)
    reason: str = ""

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))


def household_history(user: User, household_id: str) -> tuple[Household, list[HistoryEntry]]:
    """The household and its changes, newest first, as the user may read them; 404 otherwise."""
    visible = (
        households_visible_to(user) if user.can("registry.history") else Household.objects.none()
    )
    household = visible.filter(pk=household_id).first()
    if household is None:
        raise Http404("No such household.")
    events = household_events(household)
    audit.record_views(
        actor=user,
        subjects=[household],
        purpose=str(user.purpose_for("registry.history") or ""),
        fields=readable_fields(user),
        via="history",
    )
    labels = record_labels(household, events)
    sensitive = set(
        SpecificNeedCode.objects.filter(is_sensitive=True).values_list("code", flat=True)
    )
    entries = [entry_for(user, event, labels, sensitive) for event in events]
    return household, entries


def household_events(household: Household) -> list[AuditEvent]:
    """Changes to the household and to everyone ever in it, removed members included."""
    member_ids = {str(pk) for pk in household.members.values_list("pk", flat=True)}
    member_ids |= set(
        AuditEvent.objects.filter(
            subject_type=Individual._meta.label_lower,
            details__household=household.number,
        ).values_list("subject_id", flat=True)
    )
    events = chain(
        audit.history_of(audit.subject_label(household), [str(household.pk)]),
        audit.history_of(Individual._meta.label_lower, member_ids),
    )
    return sorted(events, key=lambda event: (event.at, event.pk), reverse=True)


def record_labels(household: Household, events: Iterable[AuditEvent]) -> dict[str, str]:
    """What each changed record is called: the household number, a member's number and name."""
    labels = {str(household.pk): household.number}
    for event in events:  # newest first: a removed member keeps the last name recorded
        name = event.fields.get("given_name")
        if event.subject_id not in labels and name:
            labels[event.subject_id] = str(_("%(name)s (removed)") % {"name": name[-1] or name[0]})
    for member in household.members.all():
        labels[str(member.pk)] = f"{member.number} {member.full_name}"
    return labels


def entry_for(
    user: User, event: AuditEvent, labels: dict[str, str], sensitive: set[str]
) -> HistoryEntry:
    changes = [
        visible_change(user, name, values, sensitive)
        for name, values in event.fields.items()
        if tells_something(values)
    ]
    reason = str(event.details.get("reason", "")) if user.can(REASON_PERMISSION) else ""
    return HistoryEntry(
        at=event.at,
        actor=event.actor,
        agency=event.agency,
        action=event.action,
        record=labels.get(event.subject_id, event.subject_id),
        changes=changes,
        reason=reason,
    )


def tells_something(values: Any) -> bool:
    """False for a field empty before and after (most fields of a newly registered person)."""
    if isinstance(values, list) and len(values) == 2:
        return any(value not in (None, "", False) for value in values)
    return True


def visible_change(user: User, name: str, values: Any, sensitive: set[str]) -> FieldChange:
    permission = FIELD_PERMISSIONS.get(name)
    if permission is None or not user.can(permission):
        return FieldChange(name, "", "", is_withheld=True)
    old, new = values if isinstance(values, list) and len(values) == 2 else (None, values)
    if name == "specific_needs" and not user.can("registry.view_sensitive"):
        old, new = mask_codes(old, sensitive), mask_codes(new, sensitive)
    if name in CHOICES:
        old, new = choice_label(CHOICES[name], old), choice_label(CHOICES[name], new)
    return FieldChange(name, shown(old), shown(new))


def choice_label(choices: type[models.TextChoices], value: Any) -> Any:
    return choices(value).label if value in choices.values else value


def mask_codes(value: Any, sensitive: set[str]) -> Any:
    """ "SM-CI, SV-VA" -> "SM-CI, restricted": the codes are stored joined by commas."""
    if not value:
        return value
    codes = [code.strip() for code in str(value).split(",")]
    return ", ".join(str(RESTRICTED) if code in sensitive else code for code in codes)


def shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def readable_fields(user: User) -> set[str]:
    return {name for name, permission in FIELD_PERMISSIONS.items() if user.can(permission)}
