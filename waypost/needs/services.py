"""Writes of the needs app: recording a person's sizes."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.needs.models import RecordedSize
from waypost.registry.models import Individual
from waypost.stock.models import ItemSize, SizeSystem


@transaction.atomic(durable=True)
def record_size(
    *,
    by: User,
    individual: Individual,
    size_system: str,
    code: str,
    purpose: str = Purpose.DISTRIBUTION,
) -> RecordedSize:
    """Keep a person's size (replacing the one recorded before), for the needs computation."""
    return keep_size(
        by=by, individual=individual, size_system=size_system, code=code, purpose=purpose
    )


@transaction.atomic(durable=True)
def record_sizes(
    *, by: User, individual: Individual, sizes: Mapping[str, str], purpose: str
) -> list[RecordedSize]:
    """Keep several of a person's sizes (size system → code) together, or none of them."""
    return [
        keep_size(by=by, individual=individual, size_system=system, code=code, purpose=purpose)
        for system, code in sizes.items()
    ]


@transaction.atomic
def keep_size(
    *, by: User, individual: Individual, size_system: str, code: str, purpose: str
) -> RecordedSize:
    if size_system == SizeSystem.NONE or size_system not in SizeSystem.values:
        raise ValidationError(_("Choose a size system: EU shoe size or age band."))
    if not ItemSize.objects.filter(item__size_system=size_system, code=code).exists():
        raise ValidationError(
            _("No item in the catalogue comes in size %(code)s.") % {"code": code or "-"}
        )
    before = RecordedSize.objects.filter(individual=individual, size_system=size_system).first()
    recorded, _created = RecordedSize.objects.update_or_create(
        individual=individual,
        size_system=size_system,
        defaults={"code": code, "recorded_by": by},
    )
    audit.record(
        actor=by,
        action="needs.size_recorded",
        subject=individual,
        purpose=purpose,
        fields={f"size_{size_system}": [before.code if before else None, code]},
    )
    return recorded
