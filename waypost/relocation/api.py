"""Relocation over HTTP: places at safe locations, the coordinator's plan, answers and moves,
through the same selectors and services as the pages.

Refusals are 422 with one entry per field, nothing written.
"""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from ninja import Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.relocation import schemas, selectors, services
from waypost.relocation.risk import people_at_risk
from waypost.sites.models import Site

router = Router(tags=["relocation"])
NOT_FOUND = {404: MessageOut}
REFUSED = {422: schemas.ValidationErrorsOut}


def refused_as_422[T](work: Callable[[], T]) -> T:
    try:
        return work()
    except ValidationError as refused:
        raise RequestInvalid(schemas.field_errors(refused)) from None


def _sites(codes: list[str], field: str) -> list[Site]:
    sites = selectors.sites_by_code(codes)
    unknown = set(codes) - {site.code for site in sites}
    if unknown:
        message = gettext("No such site: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
        raise RequestInvalid(schemas.field_errors(ValidationError({field: message})))
    return sites


def _plan_state(request: AuthenticatedRequest) -> dict[str, Any]:
    plan = selectors.draft_plan_of(request.user)
    moves = selectors.draft_moves_of(request.user) if plan else []
    return schemas.plan_out(plan, moves)


@router.get("/locations", response={200: list[schemas.SafeLocationOut], **REFUSALS})
@api_requires("relocation.plan")
def list_locations(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    """Safe locations with their places by kind: in all, taken and free."""
    return [schemas.location_out(row) for row in selectors.places_at_safe_locations()]


@router.post("/locations", response={200: schemas.SafeLocationOut, **REFUSED, **REFUSALS})
@api_requires("relocation.plan")
def set_places(
    request: AuthenticatedRequest, payload: schemas.SafeLocationPlacesIn
) -> dict[str, Any]:
    """Make a site a safe location or change its places; never fewer than the people there."""
    [site] = _sites([payload.site], "site")
    places = payload.places.model_dump()
    refused_as_422(lambda: services.set_places(by=request.user, site=site, beds=places))
    [row] = [r for r in selectors.places_at_safe_locations() if r.location.site_id == site.pk]
    return schemas.location_out(row)


@router.get("/plan", response={200: schemas.RelocationPlanStateOut, **REFUSALS})
@api_requires("relocation.plan")
def get_plan(request: AuthenticatedRequest) -> dict[str, Any]:
    """Your plan in preparation (`plan` is null when there is none)."""
    return _plan_state(request)


@router.post("/plan", response={201: schemas.RelocationPlanStateOut, **REFUSED, **REFUSALS})
@api_requires("relocation.plan")
def make_plan(
    request: AuthenticatedRequest, payload: schemas.RelocationPlanIn
) -> Status[dict[str, Any]]:
    """Propose who moves where from the sites named, replacing your plan in preparation."""
    origins = _sites(payload.origins, "origins")
    at_risk = people_at_risk(site_ids=[site.pk for site in origins])
    refused_as_422(lambda: services.make_plan(by=request.user, origins=origins, at_risk=at_risk))
    return Status(201, _plan_state(request))


@router.post(
    "/plan/moves/{household_id}",
    response={200: schemas.RelocationPlanStateOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("relocation.plan")
def change_move(
    request: AuthenticatedRequest, household_id: UUID, payload: schemas.ProposedMoveIn
) -> dict[str, Any]:
    """Send a household of your plan elsewhere, or take it out (no destination)."""
    household = selectors.get_household_for(request.user, household_id)
    destination = None
    if payload.destination:
        destination = selectors.get_safe_location(payload.destination)
    refused_as_422(
        lambda: services.change_move(
            by=request.user,
            household=household,
            destination=destination,
            transport=payload.transport,
        )
    )
    return _plan_state(request)


@router.post(
    "/plan/confirm", response={200: list[schemas.RelocationMovementOut], **REFUSED, **REFUSALS}
)
@api_requires("relocation.plan")
def confirm_plan(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    """Carry out your plan: all its moves or, on any problem, none."""
    movements = refused_as_422(lambda: services.confirm_plan(by=request.user))
    return [schemas.movement_out(movement) for movement in movements]


@router.post(
    "/households/{household_id}/answer",
    response={201: schemas.RelocationAnswerOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("relocation.plan")
def record_answer(
    request: AuthenticatedRequest, household_id: UUID, payload: schemas.RelocationAnswerIn
) -> Status[dict[str, Any]]:
    """Record that a household was informed of a move, and whether it agrees."""
    household = selectors.get_household_for(request.user, household_id)
    answer = refused_as_422(
        lambda: services.record_relocation_answer(
            by=request.user, household=household, **payload.model_dump()
        )
    )
    return Status(201, schemas.answer_out(answer))


@router.get("/movements", response={200: list[schemas.RelocationMovementOut], **REFUSALS})
@api_requires("relocation.plan")
def list_movements(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    """Confirmed moves of the households you may see, newest first."""
    return [schemas.movement_out(m) for m in selectors.movements_visible_to(request.user)]
