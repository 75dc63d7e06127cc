"""Parsing and checking of what a clerk types: dates of birth or ages, phones, countries."""

import re
from dataclasses import dataclass
from datetime import date

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from waypost.registry.models import DatePrecision

# The oldest age we accept; older entries are almost always typing errors.
MAXIMUM_AGE_YEARS = 120
# ICAO codes used on travel documents besides ISO 3166: stateless person, nationality unknown.
EXTRA_NATIONALITY_CODES = {"XXA": _("Stateless"), "XXX": _("Unknown nationality")}
# Numbers without a country code are read as local numbers of the host country (Belarus).
DEFAULT_PHONE_REGION = "BY"

_FULL_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_AGE = re.compile(r"^(\d{1,3})\s*(y|yr|yrs|years?)?$", re.IGNORECASE)
_AGE_IN_MONTHS = re.compile(r"^(\d{1,2})\s*m(onths?)?$", re.IGNORECASE)


@dataclass(frozen=True)
class BirthDate:
    value: date
    precision: str


def parse_birth_date(text: str, *, today: date) -> BirthDate:
    """Read '1990-05-12', '12.05.1990', '1990', '34' (an age) or '8m' (an infant's months).

    An age becomes an estimated date of birth: the same day and month as today, that many
    years back, as UNHCR registration does when people do not know their birth date.
    """
    text = text.strip()
    birth = _match_birth_date(text, today=today)
    if birth.value > today:
        raise ValidationError(_("The date of birth is in the future."), code="future")
    if today.year - birth.value.year > MAXIMUM_AGE_YEARS:
        raise ValidationError(
            _("That would make the person older than %(max)s years."),
            code="too_old",
            params={"max": MAXIMUM_AGE_YEARS},
        )
    return birth


def _match_birth_date(text: str, *, today: date) -> BirthDate:
    try:
        if match := _FULL_DATE.match(text):
            year, month, day = (int(part) for part in match.groups())
            return BirthDate(date(year, month, day), DatePrecision.EXACT)
        if match := _DAY_FIRST_DATE.match(text):
            day, month, year = (int(part) for part in match.groups())
            return BirthDate(date(year, month, day), DatePrecision.EXACT)
        if match := _YEAR.match(text):
            return BirthDate(date(int(match.group(1)), 1, 1), DatePrecision.YEAR)
        if match := _AGE.match(text):
            return BirthDate(years_before(today, int(match.group(1))), DatePrecision.ESTIMATED)
        if match := _AGE_IN_MONTHS.match(text):
            return BirthDate(months_before(today, int(match.group(1))), DatePrecision.ESTIMATED)
    except ValueError:
        raise ValidationError(_("This date does not exist."), code="invalid_date") from None
    raise ValidationError(
        _("Type a date (1990-05-12 or 12.05.1990), a year (1990) or an age (34, or 8m)."),
        code="unreadable",
    )


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    return date(month_index // 12, month_index % 12 + 1, min(day.day, 28))


def normalize_phone(text: str) -> str:
    """E.164 form of a phone number, or a ValidationError naming what is wrong."""
    try:
        number = phonenumbers.parse(text, DEFAULT_PHONE_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _(
                "“%(phone)s” is not a phone number. Type it with the country code, e.g. "
                "+964 750 123 4567."
            ),
            code="malformed_phone",
            params={"phone": text},
        ) from None
    if not phonenumbers.is_possible_number(number):
        raise ValidationError(
            _("“%(phone)s” has too many or too few digits for its country."),
            code="impossible_phone",
            params={"phone": text},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_phones(text: str) -> list[str]:
    """Several numbers may be typed, separated by commas or semicolons."""
    parts = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    return list(dict.fromkeys(normalize_phone(part) for part in parts))


def nationality_choices() -> list[tuple[str, str]]:
    choices = [(countries.alpha3(code), str(name)) for code, name in countries]
    choices += [(code, str(label)) for code, label in EXTRA_NATIONALITY_CODES.items()]
    return sorted(choices, key=lambda choice: choice[1])


def validate_country_code(code: str) -> str:
    code = code.strip().upper()
    if code in EXTRA_NATIONALITY_CODES or (len(code) == 3 and countries.alpha2(code)):
        return code
    raise ValidationError(
        _("“%(code)s” is not an ISO 3166 three-letter country code (e.g. IRQ, SYR, AFG)."),
        code="unknown_country",
        params={"code": code},
    )


def normalize_document_number(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())
