"""Distribution plans over HTTP: list, create, allocate, approve, read one, explain a
household. The same services and selectors as the pages; a refusal is 422 naming the field."""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.distribution.models import DistributionPlan
from waypost.distribution.plan_schemas import ExplanationOut, PlanIn, PlanOut
from waypost.distribution.selectors.plans import (
    explain_household,
    get_plan_for,
    plan_figures,
    plans_visible_to,
)
from waypost.distribution.services.allocations import allocate_plan, approve_plan
from waypost.distribution.services.plans import LineRequest, create_plan
from waypost.sites.models import Site
from waypost.stock.models import Warehouse
from waypost.stock.schemas import ValidationErrorsOut, field_errors

router = Router(tags=["distribution"])
NOT_FOUND = {404: MessageOut}
REFUSED = {422: ValidationErrorsOut}


def plan_out(plan: DistributionPlan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "name": plan.name,
        "site": plan.site.code,
        "distribution_date": plan.distribution_date,
        "warehouse": plan.warehouse.code,
        "status": plan.status,
        "rule_set": plan.rule_set,
        "allocated_at": plan.allocated_at,
        "approved_at": plan.approved_at,
        "solver_status": plan.solver_status,
        "solver_seconds": plan.solver_seconds,
        "ranking_version": plan.ranking_version,
        "lines": [vars(line) | {"shortfall": line.shortfall} for line in plan_figures(plan)],
    }


def refused_as_422(refused: ValidationError) -> RequestInvalid:
    return RequestInvalid(field_errors(refused))


@router.get("/plans", response={200: list[PlanOut], **REFUSALS})
@api_requires("distribution.view")
def list_distribution_plans(request: AuthenticatedRequest, site: str = "") -> list[dict[str, Any]]:
    plans = plans_visible_to(request.user)
    if site:
        plans = plans.filter(site__code=site)
    return [plan_out(plan) for plan in plans[:200]]


@router.post("/plans", response={201: PlanOut, **REFUSED, **REFUSALS})
@api_requires("distribution.plan")
def create_distribution_plan(
    request: AuthenticatedRequest, payload: PlanIn
) -> Status[dict[str, Any]]:
    """A draft plan from the warehouse's stock and the default rules; allocate it next."""
    try:
        site = Site.objects.filter(code=payload.site).first()
        warehouse = Warehouse.objects.filter(code=payload.warehouse).first()
        if site is None:
            raise ValidationError({"site": _("There is no site with this code.")})
        if warehouse is None:
            raise ValidationError({"warehouse": _("There is no warehouse with this code.")})
        plan = create_plan(
            by=request.user,
            site=site,
            distribution_date=payload.distribution_date,
            name=payload.name,
            warehouse=warehouse,
            items=[LineRequest(line.item, line.size, line.quantity) for line in payload.items],
            kits=payload.kits,
        )
    except ValidationError as refused:
        raise refused_as_422(refused) from None
    return Status(201, plan_out(plan))


@router.get("/plans/{plan_id}", response={200: PlanOut, **NOT_FOUND, **REFUSALS})
@api_requires("distribution.view")
def get_distribution_plan(request: AuthenticatedRequest, plan_id: UUID) -> dict[str, Any]:
    return plan_out(get_plan_for(request.user, plan_id))


@router.post(
    "/plans/{plan_id}/allocate", response={200: PlanOut, **NOT_FOUND, **REFUSED, **REFUSALS}
)
@api_requires("distribution.plan")
def allocate_distribution_plan(request: AuthenticatedRequest, plan_id: UUID) -> dict[str, Any]:
    """Compute the draft's entitlements (again): most at risk first, sizes, fair shares."""
    plan = get_plan_for(request.user, plan_id)
    try:
        return plan_out(allocate_plan(by=request.user, plan=plan))
    except ValidationError as refused:
        raise refused_as_422(refused) from None


@router.post(
    "/plans/{plan_id}/approve", response={200: PlanOut, **NOT_FOUND, **REFUSED, **REFUSALS}
)
@api_requires("distribution.plan")
def approve_distribution_plan(request: AuthenticatedRequest, plan_id: UUID) -> dict[str, Any]:
    plan = get_plan_for(request.user, plan_id)
    try:
        return plan_out(approve_plan(by=request.user, plan=plan))
    except ValidationError as refused:
        raise refused_as_422(refused) from None


@router.get(
    "/plans/{plan_id}/households/{household_id}",
    response={200: ExplanationOut, **NOT_FOUND, **REFUSALS},
)
@api_requires("distribution.view")
def explain_household_entitlements(
    request: AuthenticatedRequest, plan_id: UUID, household_id: UUID
) -> dict[str, Any]:
    """What the household gets under the plan and why not more (the read is audited)."""
    plan = get_plan_for(request.user, plan_id)
    found = explain_household(user=request.user, plan=plan, household_id=household_id)
    return {
        "household": found.household.number,
        "rank": found.rank,
        "tier": found.tier,
        "tier_name": found.tier_name,
        "risk_reasons": list(found.risk_reasons),
        "entitlements": [vars(line) for line in found.lines],
    }
