"""Small helpers for the registry's templates: age, why a search found someone, code lists."""

from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.registry.forms import offered_need_codes
from waypost.registry.models import Individual
from waypost.registry.validators import nationality_choices

register = template.Library()

MATCH_REASONS = {
    "name": _("similar name"),
    "phone": _("phone"),
    "document": _("document number"),
    "registration number": _("registration number"),
}


@register.filter
def age(individual: Individual) -> str:
    """Age in years today; in months for babies under one, whose needs change month by month."""
    today = timezone.localdate()
    years = individual.age_on(today)
    if years >= 1:
        return str(years)
    born = individual.date_of_birth
    months = (today.year - born.year) * 12 + today.month - born.month - (today.day < born.day)
    return str(_("%(months)s months") % {"months": max(months, 0)})


@register.filter
def match_reason(matched_on: str) -> str:
    return str(MATCH_REASONS.get(matched_on, matched_on))


@register.inclusion_tag("registry/register.html#datalists", takes_context=True)
def registry_datalists(context: template.Context) -> dict[str, Any]:
    """The suggestion lists of the member form: countries, and the codes the user may pick."""
    return {
        "nationalities": nationality_choices(),
        "need_codes": offered_need_codes(context["request"].user),
    }
