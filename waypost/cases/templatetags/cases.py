"""Small filters for the case pages' data-driven step forms."""

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def get(mapping: Mapping[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key)


@register.filter
def dictget(mapping: Mapping[str, Any], key: str) -> Any:
    return mapping[key]


@register.filter
def prefixed(posted: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """The posted values named `<prefix>-<name>`, by name."""
    start = f"{prefix}-"
    return {k.removeprefix(start): v for k, v in posted.items() if k.startswith(start)}


@register.filter
def workflow(code: str) -> Any:
    from waypost.cases.workflows import workflow_of

    return workflow_of(code)


@register.filter
def state_label(followed: Any) -> str:
    """The label of a case pathway's state (or of a transition's target state), translated."""
    from waypost.cases.workflows import workflow_of

    pathway = getattr(followed, "pathway", None) or followed.case_pathway.pathway
    state = getattr(followed, "state", None) or followed.to_state
    return gettext(workflow_of(pathway).label(state))
