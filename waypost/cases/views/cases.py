"""Case pages: the list, opening a case, a case with its pathways, moving a pathway, follow-ups."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.cases import selectors, services, workflows
from waypost.cases.forms import CaseUpdateForm, FollowUpForm, OpenCaseForm
from waypost.cases.models import Case
from waypost.cases.views.common import (
    Request,
    add_errors,
    errors_of,
    page_of,
    render_page,
    see_other,
)
from waypost.cases.views.detail import case_context
from waypost.core.permissions import requires


def case_url(case: Case) -> str:
    return reverse("cases:case", args=[case.pk])


@requires("cases.view")
def case_list(request: Request) -> HttpResponse:
    mine = request.GET.get("mine") == "1"
    pathway = request.GET.get("pathway", "")
    found = selectors.cases_list_for(request.user, mine=mine)
    if pathway in workflows.workflows():
        found = found.filter(pathways__pathway=pathway)
    page = page_of(request, found)
    selectors.audit_listed(actor=request.user, cases=list(page))
    context = {
        "page": page,
        "mine": mine,
        "pathway": pathway,
        "pathway_choices": workflows.pathway_choices(),
    }
    template = "cases/list.html#list" if request.htmx else "cases/list.html"
    return render_page(request, template, context)


@requires("cases.manage")
def open_case(request: Request) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = OpenCaseForm(data, user=request.user, initial={"individual": request.GET.get("number")})
    if form.is_valid():
        fields = {
            k: form.cleaned_data[k]
            for k in ("is_household_case", "priority", "next_step", "due_on")
        }
        try:
            case = services.open_case(
                by=request.user,
                individual=form.cleaned_data["individual"],
                pathways=form.pathway_data(),
                **fields,
            )
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            messages.success(request, _("Case opened."))
            return see_other(request, case_url(case))
    context = {"form": form, "workflows": workflows.workflows().values(), "posted": data or {}}
    return render_page(request, "cases/open.html", context, refused=form.is_bound)


@requires("cases.view")
def case_detail(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    return render_page(request, "cases/case.html", case_context(request, case))


@requires("cases.manage")
@require_POST
def move(request: Request, case_id: UUID, pathway: str) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    followed = selectors.pathway_of(case, pathway)
    to = request.POST.get("to", "")
    values = {k: v for k, v in request.POST.items() if k not in ("to", "csrfmiddlewaretoken")}
    try:
        services.move_pathway(by=request.user, followed=followed, to=to, data=values)
    except ValidationError as refused:
        errors = errors_of(refused)
        refused_step = {"key": (pathway, to), "errors": errors, "values": values}
        context = case_context(request, case, refused_step=refused_step, move_errors=errors)
        return render_page(request, "cases/case.html", context, refused=True)
    messages.success(request, _("Step recorded."))
    return see_other(request, case_url(case))


@requires("cases.manage")
@require_POST
def add_pathway(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    code = request.POST.get("pathway", "")
    values = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    try:
        services.add_pathway(by=request.user, case=case, pathway=code, data=values)
    except ValidationError as refused:
        context = case_context(request, case, add_errors=errors_of(refused))
        return render_page(request, "cases/case.html", context, refused=True)
    return see_other(request, case_url(case))


@requires("cases.manage")
@require_POST
def update(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    form = CaseUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.update_case(by=request.user, case=case, **form.cleaned_data)
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            return see_other(request, case_url(case))
    context = case_context(request, case, update_form=form)
    return render_page(request, "cases/case.html", context, refused=True)


@requires("cases.manage")
@require_POST
def follow_up(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.schedule_follow_up(by=request.user, case=case, **form.cleaned_data)
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            return see_other(request, case_url(case))
    context = case_context(request, case, follow_up_form=form)
    return render_page(request, "cases/case.html", context, refused=True)


@requires("cases.manage")
@require_POST
def follow_up_done(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    chosen = request.POST.get("follow_up", "")
    item = case.follow_ups.filter(pk=chosen).first() if _is_uuid(chosen) else None
    try:
        if item is None:
            raise ValidationError(_("Choose a follow-up."))
        services.complete_follow_up(by=request.user, follow_up=item)
    except ValidationError as refused:
        context = case_context(request, case, follow_up_errors=errors_of(refused))
        return render_page(request, "cases/case.html", context, refused=True)
    return see_other(request, case_url(case))


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return True
