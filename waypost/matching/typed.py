"""The person a clerk is typing, read as match records while the form is still being filled.

The registration form names its fields per row ("members-2-given_name"), the add-member form
plainly ("given_name"); both are read here. Nothing typed is refused: a date or phone that
cannot be read yet (the clerk is still typing it) is left out of the check, not reported.
"""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError

from waypost.matching.records import MatchRecord
from waypost.registry.models import DatePrecision
from waypost.registry.validators import parse_birth_date, parse_phones

NAME_FIELDS = ("given_name", "father_name", "family_name")
TYPED_FIELDS = (
    *NAME_FIELDS,
    *(f"{name}_native" for name in NAME_FIELDS),
    "sex",
    "date_of_birth",
    "nationality",
    "phones",
)
# The longest a typed value is read: the registration form's own longest field.
LONGEST_VALUE = 120
TYPED_RECORD_ID = "typed"


def typed_fields(data: Mapping[str, str]) -> dict[str, str]:
    """The fields of the one person in a check request, whatever the row prefix is."""
    found: dict[str, str] = {}
    for key in data:
        name = key.rsplit("-", 1)[-1]
        if name in TYPED_FIELDS:
            found[name] = str(data[key] or "").strip()[:LONGEST_VALUE]
    return found


def typed_records(fields: Mapping[str, str], *, today: date) -> list[MatchRecord]:
    """The typed person in Latin letters and, when any was typed, in their own script."""
    latin = _record(fields, {name: fields.get(name, "") for name in NAME_FIELDS}, today)
    own_script = {name: fields.get(f"{name}_native", "") for name in NAME_FIELDS}
    if not any(own_script.values()):
        return [latin] if _has_name(latin) else []
    if not _has_name(latin):
        return [_record(fields, own_script, today)]
    completed = {name: own_script[name] or fields.get(name, "") for name in NAME_FIELDS}
    return [latin, _record(fields, completed, today)]


def _has_name(record: MatchRecord) -> bool:
    return bool(record.given_name)


def _record(fields: Mapping[str, str], names: Mapping[str, str], today: date) -> MatchRecord:
    return MatchRecord(
        record_id=TYPED_RECORD_ID,
        given_name=names["given_name"],
        father_name=names["father_name"],
        family_name=names["family_name"],
        full_name=" ".join(value for value in names.values() if value),
        date_of_birth=typed_birth_date(fields.get("date_of_birth", ""), today=today),
        sex=fields.get("sex", "").upper()[:1],
        nationality=fields.get("nationality", "").upper()[:3],
        phone=typed_phone(fields.get("phones", "")),
    )


def typed_birth_date(text: str, *, today: date) -> str:
    """A date, year or age as the registration form reads it, written as the matcher reads it
    (`YYYY-MM-DD`, or the year alone for a year or an age); empty when not readable yet."""
    try:
        birth = parse_birth_date(text, today=today)
    except ValidationError:
        return ""
    if birth.precision == DatePrecision.EXACT:
        return birth.value.isoformat()
    return f"{birth.value.year:04d}"


def typed_phone(text: str) -> str:
    try:
        phones = parse_phones(text)
    except ValidationError:
        return ""
    return phones[0] if phones else ""
