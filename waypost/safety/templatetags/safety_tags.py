from collections.abc import Mapping
from typing import Any

from django import template

from waypost.safety.texts import reason_text

register = template.Library()


@register.filter
def reason_words(reason: Mapping[str, Any]) -> str:
    """A stored reason of a cold-risk score in the reader's language."""
    return reason_text(reason)
