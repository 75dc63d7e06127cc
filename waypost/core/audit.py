"""The audit trail: who did or saw what, when, on which record, for which purpose.

Services call `record` inside their own transaction, so an event exists exactly when the change
does. Selectors that serve personal records call `record_views`.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from waypost.core.models import AuditEvent, User


def subject_label(subject: models.Model) -> str:
    return subject._meta.label_lower


def record(
    *,
    actor: User | None,
    action: str,
    subject: models.Model,
    purpose: str = "",
    fields: Mapping[str, Any] | None = None,
    **details: Any,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor,
        agency_id=actor.agency_id if actor else None,
        action=action,
        purpose=purpose,
        subject_type=subject_label(subject),
        subject_id=str(subject.pk),
        fields=dict(fields or {}),
        details=details,
    )


def record_views(
    *,
    actor: User,
    subjects: Iterable[models.Model],
    purpose: str,
    fields: Iterable[str],
    **details: Any,
) -> None:
    """One 'viewed' event per record shown, naming the fields the viewer could see."""
    shown = dict.fromkeys(sorted(fields))
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            agency_id=actor.agency_id,
            action="viewed",
            purpose=purpose,
            subject_type=subject_label(subject),
            subject_id=str(subject.pk),
            fields=shown,
            details=details,
        )
        for subject in subjects
    )


def history_of(subject_type: str, subject_ids: Iterable[str]) -> models.QuerySet[AuditEvent]:
    """Changes (not views) to the given records, newest first."""
    return (
        AuditEvent.objects.filter(subject_type=subject_type, subject_id__in=list(subject_ids))
        .exclude(action="viewed")
        .select_related("actor", "agency")
    )
