"""Needs and the gap over HTTP, from the same form and selectors as the pages."""

from typing import Any

from django.http import QueryDict
from ninja import Query, Router
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS
from waypost.core.models import User
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.needs import schemas
from waypost.needs.figures import Needs
from waypost.needs.forms import NeedsForm
from waypost.needs.selectors import compute_needs, gap_for, needs_for_reader
from waypost.registry.schemas import ValidationErrorsOut

router = Router(tags=["needs"])
REFUSED = {422: ValidationErrorsOut, **REFUSALS}


def needs_for(user: User, query: schemas.NeedsQuery) -> Needs:
    """The needs for the filters, or a 422 naming each field at fault."""
    data = QueryDict(mutable=True)
    data.setlist("sites", query.sites)
    for name in ("start", "period_days", "night_temperature", "mean_temperature"):
        data[name] = getattr(query, name)
    form = NeedsForm.from_query(data, user=user)
    if not form.is_valid():
        raise RequestInvalid(
            [
                {"loc": ["query", field], "msg": message, "type": "value_error"}
                for field, messages in form.errors.items()
                for message in messages
            ]
        )
    needs = compute_needs(
        sites=form.chosen_sites(),
        period_days=form.cleaned_data["period_days"],
        conditions=form.conditions(),
    )
    return needs_for_reader(user, needs)


@router.get("", response={200: schemas.NeedsOut, **REFUSED})
@api_requires("stock.view")
def get_needs(request: AuthenticatedRequest, filters: Query[schemas.NeedsQuery]) -> dict[str, Any]:
    """Per site, item and size, the need over the period, each figure with its explanation."""
    return schemas.needs_out(needs_for(request.user, filters))


@router.get("/gap", response={200: schemas.GapOut, **REFUSED})
@api_requires("stock.view")
def get_gap(request: AuthenticatedRequest, filters: Query[schemas.NeedsQuery]) -> dict[str, Any]:
    """Per item and size: need, stock, pipeline by expected date, gap and when it closes."""
    needs = needs_for(request.user, filters)
    return schemas.gap_out(needs, gap_for(needs))
