"""The registration pages: register, find, read, correct, and the history of a household.

Each view parses its input with a form, is guarded by one permission, calls one service or
selector and renders a page (or, for htmx, the part of it that changes).
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.registry import services
from waypost.registry.forms import (
    AddMemberForm,
    HouseholdPlaceForm,
    MemberForm,
    MemberRowForm,
    RegistrationEntry,
    RemoveMemberForm,
    SearchForm,
    add_member_errors,
    correction_form,
    household_defaults,
    preview_birth_date,
    typed_birth_date,
)
from waypost.registry.history import household_history
from waypost.registry.selectors import (
    get_household_for,
    get_individual_for,
    households_visible_to,
    search_individuals,
    visible_fields,
)

UNPROCESSABLE = 422


class Request(AuthenticatedRequest):
    htmx: HtmxDetails


def posted(request: Request) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def see_other(request: Request, url: str) -> HttpResponse:
    """After a successful post: 303 to the record, or an htmx client redirect."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def render_form(
    request: Request, template: str, context: dict[str, Any], *, refused: bool
) -> HttpResponse:
    """A page with a form; 422 when it comes back because of errors."""
    return render(request, template, context, status=UNPROCESSABLE if refused else 200)


def household_url(household_id: UUID) -> str:
    return reverse("registry:household", args=[household_id])


@requires("registry.register")
def register(request: Request) -> HttpResponse:
    entry = RegistrationEntry(user=request.user, data=posted(request))
    if entry.wants_another_member:
        entry = entry.with_another_member()
    elif entry.data is not None and entry.is_valid():
        try:
            household = services.register_household(by=request.user, **entry.registration())
        except ValidationError as error:
            entry.add_service_errors(error)
        else:
            size = len(entry.members.used_forms)
            messages.success(
                request,
                _("Household %(number)s registered with %(size)s people.")
                % {"number": household.number, "size": size},
            )
            return see_other(request, household_url(household.pk))
    refused = entry.data is not None
    return render_form(request, "registry/register.html", {"entry": entry}, refused=refused)


@requires("registry.register")
def member_row(request: Request) -> HttpResponse:
    """One more empty member row for the registration form (htmx), focused."""
    row = MemberRowForm(request.GET)
    if not row.is_valid():
        return HttpResponseBadRequest(_("Which row?"))
    index = row.row_index()
    form = MemberForm(
        user=request.user,
        position=index,
        prefix=f"members-{index}",
        use_required_attribute=False,  # as in the formset: an untouched row is left out
    )
    form.fields["given_name"].widget.attrs["autofocus"] = True
    context = {"form": form, "number": index + 1, "next_index": index + 1}
    return render(request, "registry/register.html#new_member", context)


@requires("core.use")
def birth_date(request: Request) -> HttpResponse:
    """The date of birth a typed date, year or age stands for (live, beside the field)."""
    preview = preview_birth_date(typed_birth_date(request.GET))
    return render(request, "registry/register.html#birth_preview", {"preview": preview})


@requires("registry.view")
def search(request: Request) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    hits = search_individuals(request.user, query)
    template = "registry/search.html#results" if request.htmx else "registry/search.html"
    return render(request, template, {"form": form, "query": query, "hits": hits})


@requires("registry.view")
def household(request: Request, household_id: UUID) -> HttpResponse:
    record = get_household_for(request.user, str(household_id))
    context = {"household": record, "fields": visible_fields(request.user)}
    return render(request, "registry/household.html", context)


@requires("registry.view")
def individual(request: Request, individual_id: UUID) -> HttpResponse:
    person = get_individual_for(request.user, str(individual_id))
    context = {"person": person, "fields": visible_fields(request.user)}
    return render(request, "registry/individual.html", context)


@requires("registry.edit")
def edit_household(request: Request, household_id: UUID) -> HttpResponse:
    record = get_household_for(request.user, str(household_id))
    form = HouseholdPlaceForm.for_household(record, user=request.user, data=posted(request))
    if form.is_valid():
        services.update_household(by=request.user, household=record, **form.cleaned_data)
        messages.success(request, _("Household %(number)s saved.") % {"number": record.number})
        return see_other(request, household_url(record.pk))
    context = {"form": form, "household": record}
    return render_form(request, "registry/edit_household.html", context, refused=form.is_bound)


@requires("registry.edit")
def edit_member(request: Request, individual_id: UUID) -> HttpResponse:
    person = get_individual_for(request.user, str(individual_id))
    form = correction_form(person, user=request.user, data=posted(request))
    if form.is_valid():
        try:
            services.update_member(by=request.user, individual=person, member=form.member_data())
        except ValidationError as error:
            add_member_errors([form], error)
        else:
            messages.success(request, _("%(person)s saved.") % {"person": person.number})
            return see_other(request, reverse("registry:individual", args=[person.pk]))
    context = {"form": form, "person": person}
    return render_form(request, "registry/edit_member.html", context, refused=form.is_bound)


@requires("registry.edit")
def add_member(request: Request, household_id: UUID) -> HttpResponse:
    record = get_household_for(request.user, str(household_id))
    form = AddMemberForm(
        posted(request), user=request.user, position=1, fallback=household_defaults(record)
    )
    if form.is_valid():
        try:
            person = services.add_member(
                by=request.user,
                household=record,
                member=form.member_data(),
                consents=form.cleaned_data["consents"],
            )
        except ValidationError as error:
            add_member_errors([form], error)
        else:
            messages.success(request, _("%(person)s added.") % {"person": person.number})
            return see_other(request, household_url(record.pk))
    context = {"form": form, "household": record}
    return render_form(request, "registry/add_member.html", context, refused=form.is_bound)


@requires("registry.edit")
def remove_member(request: Request, individual_id: UUID) -> HttpResponse:
    person = get_individual_for(request.user, str(individual_id))
    form = RemoveMemberForm(posted(request))
    if form.is_valid():
        try:
            services.remove_member(by=request.user, individual=person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("reason", error.messages)
        else:
            messages.success(request, _("%(person)s removed.") % {"person": person.number})
            remaining = households_visible_to(request.user).filter(pk=person.household_id).exists()
            url = household_url(person.household_id) if remaining else reverse("registry:search")
            return see_other(request, url)
    context = {"form": form, "person": person}
    return render_form(request, "registry/remove_member.html", context, refused=form.is_bound)


@requires("registry.history")
def history(request: Request, household_id: UUID) -> HttpResponse:
    record, entries = household_history(request.user, str(household_id))
    return render(request, "registry/history.html", {"household": record, "entries": entries})
