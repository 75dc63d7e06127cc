"""What a household was told about a move to a safe location, and whether it agreed.

Nobody is moved without being informed and agreeing: the latest answer of the household stands,
a yes lets a planned move be confirmed, a no is respected and keeps the household out of new
plans until it is informed again and agrees.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.registry.models import Household
from waypost.relocation.models import RelocationConsent


@transaction.atomic(durable=True)
def record_relocation_answer(
    *,
    by: User,
    household: Household,
    informed_at: datetime,
    language: str,
    agreed: bool,
    note: str = "",
) -> RelocationConsent:
    if timezone.is_naive(informed_at):
        informed_at = timezone.make_aware(informed_at)
    if informed_at > timezone.now():
        raise ValidationError({"informed_at": _("The household cannot be informed in the future.")})
    if not language.strip():
        raise ValidationError({"language": _("Say in which language the household was informed.")})
    answer = RelocationConsent.objects.create(
        household=household,
        informed_by=by,
        informed_at=informed_at,
        language=language.strip(),
        agreed=agreed,
        note=note.strip(),
    )
    audit.record(
        actor=by,
        action="created",
        subject=answer,
        purpose=Purpose.SITE_MANAGEMENT,
        fields={"agreed": [None, agreed], "language": [None, answer.language]},
        household=household.number,
    )
    return answer


def latest_answer(household_id: Any) -> RelocationConsent | None:
    return (
        RelocationConsent.objects.filter(household_id=household_id)
        .order_by("-informed_at", "-recorded_at")
        .first()
    )
