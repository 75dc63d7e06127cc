"""Distribution over HTTP: redemptions from a point (or a point's own device), and coverage.

The same services and selectors as the pages. A refused redemption is 422 with the field named
and nothing written; a retried submission (same idempotency key) answers 200 with the first
result and `replayed: true`; a new one answers 201.
"""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.distribution import schemas
from waypost.distribution.api_plans import router as plans_router
from waypost.distribution.models import DistributionPlan
from waypost.distribution.selectors.coverage import (
    coverage_by_group,
    coverage_by_item,
    households_absent,
)
from waypost.distribution.selectors.table import get_plan
from waypost.distribution.services.handover import Handed, Proxy
from waypost.distribution.services.redemptions import RedemptionResult, redeem_at
from waypost.needs.disclosure import Shown
from waypost.stock.schemas import ValidationErrorsOut, field_errors

router = Router(tags=["distribution"])
router.add_router("", plans_router)  # the plans: waypost.distribution.api_plans
NOT_FOUND = {404: MessageOut}
REFUSED = {422: ValidationErrorsOut}


def _count(shown: Shown) -> int | str:
    return shown if isinstance(shown, int) else str(shown)


def _out(result: RedemptionResult) -> dict[str, Any]:
    return {
        "household": result.card.household.number,
        "replayed": result.replayed,
        "redemptions": [
            {
                "id": r.pk,
                "entitlement": r.entitlement_id,
                "item": r.entitlement.item.name,
                "quantity": r.quantity,
                "size": r.size_handed.code if r.size_handed else "",
                "collected_by": r.collected_by,
                "at": r.at,
            }
            for r in result.redemptions
        ],
    }


@router.post(
    "/redemptions",
    response={
        200: schemas.HandoverOut,
        201: schemas.HandoverOut,
        **NOT_FOUND,
        **REFUSED,
        **REFUSALS,
    },
)
@api_requires("distribution.redeem")
def create_redemption(
    request: AuthenticatedRequest, payload: schemas.RedemptionIn
) -> Status[dict[str, Any]]:
    """Hand over what a card's household is entitled to: all lines recorded, or none."""
    try:
        result = redeem_at(
            by=request.user,
            token_or_code=payload.token,
            plan_id=payload.plan,
            point_id=payload.point,
            handed=[Handed(line.entitlement, line.quantity, line.size) for line in payload.lines],
            proxy=Proxy(payload.proxy.name, payload.proxy.relation) if payload.proxy else None,
            idempotency_key=payload.idempotency_key,
        )
    except ValidationError as refused:
        raise RequestInvalid(field_errors(refused)) from None
    except DistributionPlan.DoesNotExist:
        raise Http404("No such plan.") from None
    return Status(200 if result.replayed else 201, _out(result))


@router.get(
    "/plans/{plan_id}/coverage", response={200: schemas.CoverageOut, **NOT_FOUND, **REFUSALS}
)
@api_requires("distribution.view")
def plan_coverage(request: AuthenticatedRequest, plan_id: UUID) -> dict[str, Any]:
    plan = get_plan(plan_id)
    return {
        "plan": plan.pk,
        "status": plan.status,
        "items": [vars(line) for line in coverage_by_item(plan)],
        "groups": [
            {"group": g.group, "planned": _count(g.planned), "served": _count(g.served)}
            for g in coverage_by_group(user=request.user, plan=plan)
        ],
    }


@router.get(
    "/plans/{plan_id}/absent", response={200: list[schemas.AbsentOut], **NOT_FOUND, **REFUSALS}
)
@api_requires("distribution.view")
def plan_absent(request: AuthenticatedRequest, plan_id: UUID) -> list[dict[str, Any]]:
    """Households the plan gives something that collected nothing."""
    plan = get_plan(plan_id)
    return [
        {"household": a.number, "head_name": a.head_name, "size": a.size, "items": a.items}
        for a in households_absent(user=request.user, plan=plan)
    ]
