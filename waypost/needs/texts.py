"""Translated words of the explanations, looked up once per language instead of once per figure.

A computation over 200 sites writes thousands of explanations; translating each format string
and choice label anew every time took most of its time.
"""

from functools import cache

from django.db.models import TextChoices
from django.utils.translation import get_language, gettext


@cache
def _translated(message: str, language: str | None) -> str:
    return gettext(message)


def _(message: str) -> str:
    """gettext, remembered per language (the catalogue does not change while running)."""
    return _translated(message, get_language())


@cache
def _label(choices: type[TextChoices], value: str, language: str | None) -> str:
    return str(choices(value).label)


def choice_label(choices: type[TextChoices], value: str) -> str:
    """The translated label of a choice (what get_FOO_display gives), remembered per language."""
    return _label(choices, value, get_language())
