"""After a distribution: coverage, the households that did not come, closing the plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.core.permissions import requires
from waypost.distribution.selectors.coverage import (
    coverage_by_group,
    coverage_by_item,
    households_absent,
)
from waypost.distribution.selectors.table import get_plan
from waypost.distribution.services.closing import close_distribution
from waypost.stock.views.common import Request


@requires("distribution.view")
def coverage(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan(plan_id)
    context = {
        "plan": plan,
        "items": coverage_by_item(plan),
        "groups": coverage_by_group(user=request.user, plan=plan),
        "may_close": request.user.can("distribution.plan") and plan.status == "approved",
    }
    return render(request, "distribution/coverage.html", context)


@requires("distribution.view")
def absent(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan(plan_id)
    context = {"plan": plan, "absent": households_absent(user=request.user, plan=plan)}
    return render(request, "distribution/absent.html", context)


@requires("distribution.plan")
@require_POST
def close(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan(plan_id)
    try:
        rest = close_distribution(by=request.user, plan=plan)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        left = sum(line.quantity for line in rest)
        messages.success(
            request,
            _(
                "The distribution is closed. %(left)s items not collected were returned to "
                "%(store)s."
            )
            % {"left": left, "store": plan.warehouse.name},
        )
    return redirect("distribution:coverage", plan_id=plan.pk)
