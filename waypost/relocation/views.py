"""The relocation pages: safe locations and their places, the plan, answers, confirmed moves.

Each view parses its input with a form, is guarded by `relocation.plan`, calls one service or
selector and renders a page. Refusals come back as the same page with the messages, status 422.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.relocation import selectors, services
from waypost.relocation.beds import describe_places
from waypost.relocation.forms import AnswerForm, MakePlanForm, MoveForm, PlacesForm
from waypost.relocation.risk import people_at_risk
from waypost.safety.models import Tier

UNPROCESSABLE = 422


def see_other(url: str) -> HttpResponse:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def add_refusal(form: Any, refused: ValidationError) -> None:
    if not hasattr(refused, "error_dict"):
        form.add_error(None, refused)
        return
    for name, problems in refused.message_dict.items():
        form.add_error(name if name in form.fields else None, problems)


@requires("relocation.plan")
def locations(request: AuthenticatedRequest) -> HttpResponse:
    """Safe locations with their places by kind: in all, taken, free; and the places form."""
    form = PlacesForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            location = services.set_places(
                by=request.user, site=form.cleaned_data["site"], beds=form.beds()
            )
        except ValidationError as refused:
            add_refusal(form, refused)
        else:
            messages.success(request, _("Places at %(site)s saved.") % {"site": location.site})
            return see_other(reverse("relocation:locations"))
    context = {"places": selectors.places_at_safe_locations(), "form": form}
    status = UNPROCESSABLE if form.is_bound else 200
    return render(request, "relocation/locations.html", context, status=status)


@requires("relocation.plan")
def plan(request: AuthenticatedRequest) -> HttpResponse:
    """The coordinator's plan in preparation, and the form that makes a new one."""
    form = MakePlanForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        origins = list(form.cleaned_data["origins"])
        try:
            services.make_plan(
                by=request.user,
                origins=origins,
                at_risk=people_at_risk(site_ids=[site.pk for site in origins]),
            )
        except ValidationError as refused:
            add_refusal(form, refused)
        else:
            return see_other(reverse("relocation:plan"))
    return plan_page(request, form=form, status=UNPROCESSABLE if form.is_bound else 200)


def plan_page(
    request: AuthenticatedRequest, *, form: Any = None, problems: Any = None, status: int = 200
) -> HttpResponse:
    draft = selectors.draft_plan_of(request.user)
    moves = selectors.draft_moves_of(request.user) if draft else []
    context = {
        "draft": draft,
        "moves": [
            (_described(move), MoveForm(initial=_move_initial(move), prefix=str(move.household_id)))
            for move in moves
        ],
        "form": form or MakePlanForm(),
        "problems": problems or [],
        "people_moving": sum(len(move.people) for move in moves),
    }
    return render(request, "relocation/plan.html", context, status=status)


def _described(move: Any) -> Any:
    """The move with its reasons and places in words (tiers and kinds in the reader's language)."""
    move.why = ", ".join(f"{count} × {Tier(tier).label}" for tier, count in move.tiers.items())
    move.places = describe_places(move.beds)
    return move


def _move_initial(move: Any) -> dict[str, Any]:
    return {"destination": move.destination_id, "transport": move.transport}


@requires("relocation.plan")
@require_POST
def change_move(request: AuthenticatedRequest, household_id: str) -> HttpResponse:
    household = selectors.get_household_for(request.user, household_id)
    form = MoveForm(request.POST, prefix=str(household.pk))
    problems: list[str] = []
    if form.is_valid():
        try:
            services.change_move(
                by=request.user,
                household=household,
                destination=form.cleaned_data["destination"],
                transport=form.cleaned_data["transport"],
            )
        except ValidationError as refused:
            problems = refused.messages
        else:
            return see_other(reverse("relocation:plan"))
    else:
        problems = [str(e) for errors in form.errors.values() for e in errors]
    return plan_page(request, problems=problems, status=UNPROCESSABLE)


@requires("relocation.plan")
@require_POST
def confirm(request: AuthenticatedRequest) -> HttpResponse:
    try:
        movements = services.confirm_plan(by=request.user)
    except ValidationError as refused:
        return plan_page(request, problems=refused.messages, status=UNPROCESSABLE)
    messages.success(request, _("%(count)s households moved.") % {"count": len(movements)})
    return see_other(reverse("relocation:movements"))


@requires("relocation.plan")
def answer(request: AuthenticatedRequest, household_id: str) -> HttpResponse:
    """Record that a household was informed of a move, and whether it agrees."""
    household = selectors.get_household_for(request.user, household_id)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.record_relocation_answer(
                by=request.user, household=household, **form.cleaned_data
            )
        except ValidationError as refused:
            add_refusal(form, refused)
        else:
            messages.success(
                request,
                _("Answer of household %(number)s recorded.") % {"number": household.number},
            )
            back_to_plan = request.GET.get("next") == "plan"
            return see_other(
                reverse("relocation:plan") if back_to_plan else request.get_full_path()
            )
    context = {"household": household, "form": form, "answers": selectors.answers_of(household)}
    status = UNPROCESSABLE if form.is_bound else 200
    return render(request, "relocation/answer.html", context, status=status)


@requires("relocation.plan")
def movements(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "relocation/movements.html",
        {"movements": selectors.movements_visible_to(request.user)},
    )
