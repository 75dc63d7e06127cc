"""Confidential case notes: written and read by the case team and protection officers only."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.cases.access import may_read_notes
from waypost.cases.models import Case, CaseNote
from waypost.cases.services.common import PURPOSE
from waypost.core import audit
from waypost.core.models import User


@transaction.atomic(durable=True)
def write_note(*, by: User, case: Case, purpose: str, text: str) -> CaseNote:
    if not may_read_notes(by, case):
        raise ValidationError(_("Only the case team and protection officers may write notes."))
    errors = {}
    if purpose not in CaseNote.Purpose.values:
        errors["purpose"] = _("Say what the note is for.")
    if not text.strip():
        errors["text"] = _("The note is empty.")
    if errors:
        raise ValidationError(errors)
    note = CaseNote.objects.create(
        case=case, author=by, purpose=purpose, text=text.strip(), written_at=timezone.now()
    )
    audit.record(
        actor=by,
        action="case.note_written",
        subject=case,
        purpose=PURPOSE,
        note=str(note.pk),
        note_purpose=purpose,
    )
    return note
