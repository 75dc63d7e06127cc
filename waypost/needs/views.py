"""The needs pages: the gap table with its chart, its CSV, and the explanation of each figure."""

from urllib.parse import urlencode
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails

from waypost.core.models import User
from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.needs import services
from waypost.needs.chart import gap_chart
from waypost.needs.export import gap_csv
from waypost.needs.figures import Figure, Needs
from waypost.needs.forms import DESCENDING, NeedsForm, SizesForm
from waypost.needs.gap import GapRow, sort_rows
from waypost.needs.selectors import (
    compute_needs,
    gap_for,
    recorded_sizes_of,
    shown_to,
)
from waypost.registry.selectors import get_individual_for

UNPROCESSABLE = 422


def columns() -> list[tuple[str, str]]:
    """The sortable columns of the gap table, by sort key."""
    return [
        ("item", _("Item")),
        ("need", _("Need")),
        ("stock", _("In stock")),
        ("short_now", _("Short now")),
        ("pipeline", _("In pipeline")),
        ("gap", _("Gap")),
        ("closes", _("Covered from")),
    ]


class Request(AuthenticatedRequest):
    htmx: HtmxDetails


def computed(form: NeedsForm, user: User) -> tuple[Needs, list[GapRow]]:
    needs = compute_needs(
        sites=form.chosen_sites(),
        period_days=form.cleaned_data["period_days"],
        conditions=form.conditions(),
    )
    return shown_to(needs, user), gap_for(needs)


def sorted_by_form(rows: list[GapRow], form: NeedsForm) -> list[GapRow]:
    key = form.cleaned_data["sort"] or "item"
    return sort_rows(rows, key, descending=form.cleaned_data["order"] == DESCENDING)


@requires("stock.view")
def gap(request: Request) -> HttpResponse:
    form = NeedsForm.from_query(request.GET, user=request.user)
    template = "needs/gap.html#results" if request.htmx else "needs/gap.html"
    if not form.is_valid():
        return render(request, template, {"form": form}, status=UNPROCESSABLE)
    needs, rows = computed(form, request.user)
    rows = sorted_by_form(rows, form)
    context = {
        "form": form,
        "needs": needs,
        "rows": rows,
        "chart": gap_chart(rows, rtl=get_language_bidi()),
        "query": urlencode(form.filters(), doseq=True),
        "sort": form.cleaned_data["sort"] or "item",
        "order": form.cleaned_data["order"],
        "columns": columns(),
    }
    return render(request, template, context)


@requires("stock.view")
def gap_export(request: Request) -> HttpResponse:
    form = NeedsForm.from_query(request.GET, user=request.user)
    if not form.is_valid():
        return HttpResponse(
            form.errors.as_text(), status=UNPROCESSABLE, content_type="text/plain; charset=utf-8"
        )
    _needs, rows = computed(form, request.user)
    response = HttpResponse(gap_csv(sorted_by_form(rows, form)), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="needs-gap.csv"'
    return response


@requires("stock.view")
def explain(request: Request) -> HttpResponse:
    """How each figure was reached; one item (and size) when asked for, else every item."""
    form = NeedsForm.from_query(request.GET, user=request.user)
    template = "needs/explain.html#explanation" if request.htmx else "needs/explain.html"
    if not form.is_valid():
        return render(request, template, {"form": form}, status=UNPROCESSABLE)
    needs, rows = computed(form, request.user)
    item, size = request.GET.get("item", ""), request.GET.get("size", "")
    if item:
        rows = [row for row in rows if (row.item.code, row.size_code) == (item, size)]
    figures: dict[tuple[str, str], list[Figure]] = {(r.item.code, r.size_code): [] for r in rows}
    for figure in needs.figures:
        figures.get((figure.item.code, figure.size_code), []).append(figure)
    explained = [(row, figures[(row.item.code, row.size_code)]) for row in rows]
    context = {"form": form, "needs": needs, "explained": explained}
    return render(request, template, context)


@requires("needs.record_size")
def record_sizes(request: Request, individual_id: UUID) -> HttpResponse:
    """A person's shoe and clothing sizes: the form, and saving it (htmx swaps the form)."""
    person = get_individual_for(request.user, str(individual_id))
    data = request.POST if request.method == "POST" else None
    form = SizesForm(data, recorded=recorded_sizes_of(person))
    template = "needs/sizes.html#sizes" if request.htmx else "needs/sizes.html"
    if form.is_valid():
        try:
            services.record_sizes(
                by=request.user, individual=person, sizes=form.sizes(), purpose=request.purpose
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not request.htmx:
                return redirect_see_other(reverse("needs:record_sizes", args=[person.pk]))
            form = SizesForm(recorded=recorded_sizes_of(person))
            return render(request, template, {"form": form, "person": person, "saved": True})
    status = UNPROCESSABLE if form.is_bound else 200
    return render(request, template, {"form": form, "person": person}, status=status)


def redirect_see_other(url: str) -> HttpResponse:
    """After a post without htmx: 303, so reloading does not post again."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
