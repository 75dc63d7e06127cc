"""The distribution point: scan or type a card, see the household, hand over, next.

Built for a table with a queue: the code input is focused on load (a handheld scanner types the
token and Enter), the household comes in by htmx, Enter on "Hand over all" records it, and the
input is focused again for the next card. Without JavaScript the same forms load whole pages.
"""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.core.permissions import requires
from waypost.distribution.forms.point import HandoverForm, PointForm, ScanForm, handed_lines
from waypost.distribution.models import DistributionPlan
from waypost.distribution.selectors.points import point_of, points_of
from waypost.distribution.selectors.table import get_plan, household_at_table
from waypost.distribution.services.cards import find_card
from waypost.distribution.services.points import open_point
from waypost.distribution.services.redemptions import redeem
from waypost.stock.views.common import Request

PAGE = "distribution/point.html"


def _context(request: Request, plan: DistributionPlan) -> dict[str, Any]:
    chosen = request.GET.get("point") or request.POST.get("point")
    return {
        "plan": plan,
        "point": point_of(plan, chosen),
        "points": points_of(plan),
        "scan": ScanForm(),
        "point_form": PointForm(),
    }


def _render(request: Request, context: dict[str, Any]) -> HttpResponse:
    return render(request, f"{PAGE}#household" if request.htmx else PAGE, context)


def _table(request: Request, plan: DistributionPlan, code: str) -> dict[str, Any]:
    """The household behind a code, or the refusal to show instead."""
    try:
        card = find_card(code)
    except ValidationError as refused:
        return {"refusal": " ".join(refused.messages)}
    table = household_at_table(user=request.user, card=card, plan=plan)
    return {"table": table, "code": code, "submission": uuid.uuid4().hex}


@requires("distribution.redeem")
def point_page(request: Request, plan_id: str) -> HttpResponse:
    return render(request, PAGE, _context(request, get_plan(plan_id)))


@requires("distribution.redeem")
@require_POST
def add_point(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan(plan_id)
    form = PointForm(request.POST)
    if not form.is_valid():
        return render(request, PAGE, _context(request, plan) | {"point_form": form})
    point = open_point(by=request.user, site=plan.site, name=form.cleaned_data["name"])
    return redirect(f"{reverse('distribution:point', args=[plan.pk])}?point={point.pk}")


@requires("distribution.redeem")
def scan_card(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan(plan_id)
    context = _context(request, plan)
    code = request.GET.get("code", "").strip()
    if code and context["point"] is not None:
        context |= _table(request, plan, code)
    return _render(request, context)


@requires("distribution.redeem")
@require_POST
def hand_over(request: Request, plan_id: str) -> HttpResponse:
    plan = get_plan(plan_id)
    context = _context(request, plan)
    form = HandoverForm(request.POST)
    if context["point"] is None or not form.is_valid():
        context["refusal"] = _("Choose this table's point and scan a card first.")
        return _render(request, context)
    code, submission = form.cleaned_data["code"], form.cleaned_data["submission"]
    context |= _table(request, plan, code)
    if "table" not in context:
        return _render(request, context)
    try:
        lines = handed_lines(request.POST, context["table"], all_lines="all" in request.POST)
        result = redeem(
            by=request.user,
            token_or_code=code,
            point=context["point"],
            plan=plan,
            handed=lines,
            proxy=form.proxy(),
            idempotency_key=submission,
        )
    except ValidationError as refused:
        context |= {"refusal": " ".join(refused.messages), "submission": submission}
        return _render(request, context)
    return _render(
        request, _context(request, plan) | {"recorded": result, "done": context["table"]}
    )
