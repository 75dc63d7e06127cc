"""Plan pages: the list per site, the create form, a plan (lines and households, explanations
opened in place with htmx), allocate and approve."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.core.permissions import requires
from waypost.distribution.plan_forms import PlanForm
from waypost.distribution.selectors.plans import (
    explain_household,
    get_plan_for,
    plan_figures,
    plan_households,
    plans_visible_to,
)
from waypost.distribution.services.allocations import allocate_plan, approve_plan
from waypost.distribution.services.plans import create_plan
from waypost.stock.views.common import UNPROCESSABLE, Request

HOUSEHOLDS_SHOWN = 50


@requires("distribution.view")
def plan_list(request: Request) -> HttpResponse:
    plans = plans_visible_to(request.user)
    site = request.GET.get("site", "")
    if site:
        plans = plans.filter(site__code=site)
    context = {
        "plans": plans[:200],
        "site": site,
        "may_plan": request.user.can("distribution.plan"),
    }
    return render(request, "distribution/plans.html", context)


@requires("distribution.plan")
def new_plan(request: Request) -> HttpResponse:
    form = PlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = create_plan(
                by=request.user,
                site=data["site"],
                distribution_date=data["distribution_date"],
                name=data["name"],
                warehouse=data["warehouse"],
                items=form.requests(),
                kits=data["kits"],
            )
        except ValidationError as refused:
            for field, errors in refused.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return redirect("distribution:plan", plan_id=plan.pk)
    status = UNPROCESSABLE if form.errors else 200
    return render(request, "distribution/plan_form.html", {"form": form}, status=status)


@requires("distribution.view")
def plan_page(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan_for(request.user, plan_id)
    context = {
        "plan": plan,
        "lines": plan_figures(plan),
        "households": plan_households(plan, limit=HOUSEHOLDS_SHOWN),
        "may_plan": request.user.can("distribution.plan") and plan.is_draft,
    }
    return render(request, "distribution/plan.html", context)


@requires("distribution.view")
def household_explanation(request: Request, plan_id: str, household_id: str) -> HttpResponse:
    plan = get_plan_for(request.user, plan_id)
    explanation = explain_household(user=request.user, plan=plan, household_id=household_id)
    template = "distribution/explanation.html"
    if request.htmx:
        template += "#explanation"
    return render(request, template, {"plan": plan, "explanation": explanation})


@requires("distribution.plan")
@require_POST
def allocate(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan_for(request.user, plan_id)
    try:
        plan = allocate_plan(by=request.user, plan=plan)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(
            request, _("Allocated in %(seconds).1f s.") % {"seconds": plan.solver_seconds or 0}
        )
    return redirect("distribution:plan", plan_id=plan.pk)


@requires("distribution.plan")
@require_POST
def approve(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan_for(request.user, plan_id)
    try:
        approve_plan(by=request.user, plan=plan)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("Approved: its entitlements are what the points hand out."))
    return redirect("distribution:plan", plan_id=plan.pk)
