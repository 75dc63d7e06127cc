"""The registry's rules across fields and members, which a single form field cannot see.

The services call these before writing; each raises one ValidationError naming every field at
fault as "members.<index>.<field>", so a form or the API can show each message in its place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from waypost.registry.models import IdentityDocument, Individual, Relationship, SpecificNeedCode
from waypost.registry.validators import normalize_document_number

if TYPE_CHECKING:
    from waypost.registry.services import MemberData

# Youngest and oldest ages at which a recorded pregnancy is plausible (ours, to catch typing
# errors such as a pregnancy ticked on the wrong member; a clerk can still record a
# teenage pregnancy, which is also a specific need, CR-TP).
PREGNANCY_AGE_RANGE = (10, 60)


def check_members(
    members: Sequence[MemberData], *, today: date, existing_head: bool = False
) -> None:
    """Rules across fields and members that a single form field cannot see."""
    errors: dict[str, list[str]] = {}
    heads = [i for i, m in enumerate(members) if m.relationship == Relationship.HEAD]
    if not existing_head and len(heads) != 1:
        errors["members"] = [_("A household has exactly one head of household.")]
    if existing_head and heads:
        errors[f"members.{heads[0]}.relationship"] = [_("This household already has a head.")]
    known_codes = set(SpecificNeedCode.objects.values_list("code", flat=True))
    for index, member in enumerate(members):
        for name, message in member_problems(member, today=today, known_codes=known_codes):
            errors.setdefault(f"members.{index}.{name}", []).append(message)
    if errors:
        raise ValidationError(errors)


def member_problems(
    member: MemberData, *, today: date, known_codes: set[str]
) -> list[tuple[str, str]]:
    problems = []
    age = today.year - member.date_of_birth.year
    if member.is_pregnant and member.sex != "F":
        problems.append(("is_pregnant", _("Only a woman or girl can be recorded as pregnant.")))
    elif member.is_pregnant and not PREGNANCY_AGE_RANGE[0] <= age <= PREGNANCY_AGE_RANGE[1]:
        problems.append(
            ("is_pregnant", _("Check the age: pregnancy at age %(age)s.") % {"age": age})
        )
    if member.expected_delivery_date and not member.is_pregnant:
        problems.append(("expected_delivery_date", _("A delivery date needs a pregnancy.")))
    if member.expected_delivery_date and member.expected_delivery_date < today:
        problems.append(("expected_delivery_date", _("The expected delivery date has passed.")))
    if member.is_lactating and member.sex != "F":
        problems.append(("is_lactating", _("Only a woman can be recorded as lactating.")))
    for code in member.specific_needs:
        if code not in known_codes:
            problems.append(
                ("specific_needs", _("Unknown specific-need code: %(code)s.") % {"code": code})
            )
    return problems


def check_documents_unregistered(
    members: Sequence[MemberData], *, except_individual: Individual | None = None
) -> None:
    """A document already registered to someone else means this person is already here."""
    errors: dict[str, list[str]] = {}
    for index, member in enumerate(members):
        for document in member.documents:
            holders = IdentityDocument.objects.filter(
                document_type=document.document_type,
                number_normalized=normalize_document_number(document.number),
                issuing_country=document.issuing_country,
            ).select_related("individual__household")
            if except_individual is not None:
                holders = holders.exclude(individual=except_individual)
            for holder in holders:
                errors.setdefault(f"members.{index}.documents", []).append(
                    _(
                        "This document is already registered to %(person)s in household "
                        "%(household)s."
                    )
                    % {
                        "person": holder.individual.number,
                        "household": holder.individual.household.number,
                    }
                )
    if errors:
        raise ValidationError(errors)
