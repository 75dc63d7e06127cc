"""Needs and the gap over HTTP, from the same form and selectors as the pages."""

from typing import Any
from uuid import UUID

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import Form
from django.http import QueryDict
from ninja import Query, Router
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.models import User
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.needs import schemas, services
from waypost.needs.figures import Needs
from waypost.needs.forms import NeedsForm, SizesForm
from waypost.needs.selectors import (
    compute_needs,
    gap_for,
    recorded_sizes_of,
    shown_to,
)
from waypost.registry.schemas import ValidationErrorsOut
from waypost.registry.selectors import get_individual_for

router = Router(tags=["needs"])
REFUSED = {422: ValidationErrorsOut, **REFUSALS}


def refusal(form: Form, where: str) -> RequestInvalid:
    """A 422 naming each field at fault (the form's own errors are under `where`)."""
    return RequestInvalid(
        [
            {
                "loc": [where] if field == NON_FIELD_ERRORS else [where, field],
                "msg": message,
                "type": "value_error",
            }
            for field, messages in form.errors.items()
            for message in messages
        ]
    )


def needs_for(user: User, query: schemas.NeedsQuery) -> Needs:
    """The needs for the filters, or a 422 naming each field at fault."""
    data = QueryDict(mutable=True)
    data.setlist("sites", query.sites)
    for name in ("start", "period_days", "night_temperature", "mean_temperature"):
        data[name] = getattr(query, name)
    form = NeedsForm.from_query(data, user=user)
    if not form.is_valid():
        raise refusal(form, "query")
    needs = compute_needs(
        sites=form.chosen_sites(),
        period_days=form.cleaned_data["period_days"],
        conditions=form.conditions(),
    )
    return shown_to(needs, user)


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


@router.post(
    "/people/{individual_id}/sizes",
    response={200: schemas.SizesOut, **REFUSED, 404: MessageOut},
)
@api_requires("needs.record_size")
def post_sizes(
    request: AuthenticatedRequest, individual_id: UUID, sizes: schemas.SizesIn
) -> dict[str, Any]:
    """Record a person's shoe and clothing sizes (at least one); the needs use them instead of
    estimating sizes from age. Both are saved, or neither."""
    person = get_individual_for(request.user, str(individual_id))
    form = SizesForm(sizes.dict(), recorded=recorded_sizes_of(person))
    if not form.is_valid():
        raise refusal(form, "body")
    try:
        services.record_sizes(
            by=request.user, individual=person, sizes=form.sizes(), purpose=request.purpose
        )
    except ValidationError as error:
        form.add_error(None, error)
        raise refusal(form, "body") from None
    return schemas.sizes_out(person, recorded_sizes_of(person))
