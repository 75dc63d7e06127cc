"""The plan's explanations in plain, translatable words: why a household gets what it gets."""

from typing import Any

from django.utils.translation import gettext as _

from waypost.distribution.models import Reason


def reason_text(reason: str, params: dict[str, Any]) -> str:
    """One entitlement's reason code and its figures, as a sentence."""
    if reason == Reason.FULL:
        return _("Entitled quantity given in full.")
    if reason == Reason.SUBSTITUTED_SIZE:
        return _("Size %(size)s was short: given %(given)s, a larger size.") % params
    if reason == Reason.SIZE_UNAVAILABLE:
        return (
            _(
                "No %(size)s left, nor an allowed larger size: %(available)s in stock for "
                "%(entitled)s entitled."
            )
            % params
        )
    if reason == Reason.SHORT_STOCK:
        return (
            _(
                "Stock short by %(short_by)s (%(available)s for %(entitled)s entitled): "
                "%(missing)s fewer here. People more at risk were served first, then the rest "
                "shared fairly between households."
            )
            % params
        )
    return _("Not allocated yet.")
