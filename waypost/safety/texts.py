"""The reasons of a cold-risk score in plain, translated words.

A reason is stored as data (factor, condition, points and the values that met the rule), so it
is put into words in the reader's language when shown.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from waypost.safety.models import Factor
from waypost.sites.models import ShelterType


def _age(condition: str, bound: object) -> str:
    words = {
        "infant": _("infant under %(bound)s"),
        "young_child": _("young child under %(bound)s"),
        "older_person": _("older person, %(bound)s or over"),
    }
    return words.get(condition, _("age group %(bound)s")) % {"bound": bound}


def _exposure(condition: str, wind_chill_c: object) -> str:
    shelter = ShelterType(condition).label if condition in ShelterType.values else condition
    return _("%(shelter)s at %(wind_chill)s °C wind chill") % {
        "shelter": shelter,
        "wind_chill": wind_chill_c,
    }


def reason_text(reason: Mapping[str, Any]) -> str:
    """A reason (as `risk.Reason.as_data` stores it) in words: "tent at −23 °C wind chill"."""
    factor, condition = reason["factor"], reason["condition"]
    if factor == Factor.EXPOSURE:
        return _exposure(condition, reason["wind_chill_c"])
    if factor == Factor.AGE:
        return _age(condition, reason["bound"])
    if factor == Factor.WINTER_ITEMS:
        item = {"blanket": _("blanket")}.get(condition, condition)
        return _("no %(item)s received yet") % {"item": item}
    words = {
        Factor.PREGNANCY: _("pregnant"),
        Factor.MEDICAL: _("serious medical condition"),
        Factor.DISABILITY: _("disability"),
    }
    return str(words.get(factor, factor))
