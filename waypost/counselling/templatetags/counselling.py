"""How the guide's statuses, verification marks and fact names read on a page."""

from django import template
from django.utils.translation import gettext as _

from waypost.counselling.guide.data import guide
from waypost.counselling.guide.facts import fact_label

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    return {
        "applies": _("Open to this person"),
        "may_apply": _("May be open: to check"),
        "does_not_apply": _("Not open"),
    }.get(str(status), str(status))


@register.filter
def mark_label(mark: str) -> str:
    """✗ facts were not verified: staff see them as to be confirmed, never as the law."""
    return {
        "✅": _("verified in the source"),
        "◐": _("corroborated, to check against the source"),
        "✗": _("to be confirmed by a lawyer"),
    }.get(mark, mark)


@register.filter
def fact_name(name: str) -> str:
    return fact_label(name)


@register.filter
def document_label(document: str) -> str:
    return str(guide().vocabulary["documents"].get(document, document))
