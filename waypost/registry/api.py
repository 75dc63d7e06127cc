"""The registry over HTTP: search, read and register households, through the same selectors
and services as the pages."""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.registry import schemas
from waypost.registry.selectors import (
    FIELD_GROUPS,
    get_household_for,
    get_individual_for,
    search_individuals,
    visible_fields,
)
from waypost.registry.services import register_household
from waypost.sites.selectors import sites_visible_to

router = Router(tags=["registry"])
NOT_FOUND = {404: MessageOut}


@router.get(
    "/households",
    response={200: list[schemas.HouseholdMatchOut], **REFUSALS},
    exclude_unset=True,
)
@api_requires("registry.view")
def search_households(request: AuthenticatedRequest, q: str = "") -> list[dict[str, Any]]:
    """Households whose members match a name (any script, misspelt), phone, document or number."""
    user = request.user
    hits = search_individuals(user, q) if q.strip() else []
    # Search results show who someone is, never more (as the selector records).
    fields = visible_fields(user) & set(FIELD_GROUPS["registry.view"])
    return schemas.households_of(hits, fields, today=timezone.localdate())


@router.get(
    "/households/{household_id}",
    response={200: schemas.HouseholdOut, **NOT_FOUND, **REFUSALS},
    exclude_unset=True,
)
@api_requires("registry.view")
def get_household(request: AuthenticatedRequest, household_id: UUID) -> dict[str, Any]:
    user = request.user
    household = get_household_for(user, str(household_id))
    return schemas.household_out(household, user, today=timezone.localdate())


@router.post(
    "/households",
    response={201: schemas.RegisteredHouseholdOut, 422: schemas.ValidationErrorsOut, **REFUSALS},
)
@api_requires("registry.register")
def create_household(
    request: AuthenticatedRequest, payload: schemas.HouseholdIn
) -> Status[dict[str, Any]]:
    """Register a household; a refusal names every field at fault and saves nothing."""
    user = request.user
    try:
        site = sites_visible_to(user).filter(code=payload.site).first()
        if site is None:
            raise ValidationError({"site": gettext("There is no site with this code.")})
        members = schemas.parse_members(payload.members, today=timezone.localdate())
        household = register_household(
            by=user,
            site=site,
            members=members,
            consents=payload.consents,
            shelter_location=payload.shelter_location,
        )
    except ValidationError as refused:
        raise RequestInvalid(schemas.field_errors(refused)) from None
    registered = [{"id": m.pk, "number": m.number} for m in household.members.order_by("number")]
    return Status(201, {"id": household.pk, "number": household.number, "members": registered})


@router.get(
    "/individuals/{individual_id}",
    response={200: schemas.IndividualOut, **NOT_FOUND, **REFUSALS},
    exclude_unset=True,
)
@api_requires("registry.view")
def get_individual(request: AuthenticatedRequest, individual_id: UUID) -> dict[str, Any]:
    user = request.user
    individual = get_individual_for(user, str(individual_id))
    person = schemas.member_out(individual, visible_fields(user), today=timezone.localdate())
    household = individual.household
    return {**person, "household_id": household.pk, "household_number": household.number}
