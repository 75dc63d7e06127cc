"""What the options guide knows of a person: facts as told in counselling or read from the registry.

`None` means not known (asked but not answered, or not asked yet): a condition on an unknown fact
is neither met nor failed, and the guide names the fact as missing.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

PERSON_FACTS = {
    "nationality": _("Nationality"),
    "age": _("Age"),
    "unaccompanied": _("Unaccompanied child"),
    "separated": _("Separated child"),
    "married": _("Married"),
    "pregnant": _("Pregnant"),
    "specific_needs": _("Specific needs"),
    "documents": _("Documents held"),
    "wishes": _("Stated wishes"),
    "eu_application_registered_on": _("Date an asylum application was registered in the EU"),
}
MEMBER_FACTS = {
    "country": _("Family member's country"),
    "relation": _("Family member's relation"),
    "status": _("Family member's legal status"),
    "status_granted_on": _("Date the family member's status was granted"),
    "can_take_care": _("Whether the family member can take care of the child"),
}
LIST_FACTS = {"specific_needs", "documents", "wishes"}
DATE_FACTS = {"eu_application_registered_on", "status_granted_on"}


@dataclass(frozen=True)
class FamilyMember:
    """A relative living abroad, as the person describes them."""

    country: str  # ISO 3166 alpha-3
    relation: str
    status: str | None = None  # one of the guide's statuses; None or "unknown" when not known
    status_granted_on: date | None = None
    can_take_care: bool | None = None


@dataclass(frozen=True)
class Facts:
    nationality: str | None = None
    age: int | None = None
    unaccompanied: bool | None = None
    separated: bool | None = None
    married: bool | None = None
    pregnant: bool | None = None
    specific_needs: tuple[str, ...] = ()
    family_abroad: tuple[FamilyMember, ...] = field(default=())
    documents: tuple[str, ...] = ()
    wishes: tuple[str, ...] = ()
    eu_application_registered_on: date | None = None


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def fact_label(name: str) -> str:
    """The readable name of a fact ("family_member.status" for a relative's)."""
    if name.startswith("family_member."):
        return str(MEMBER_FACTS.get(name.partition(".")[2], name))
    return str(PERSON_FACTS.get(name, name))
