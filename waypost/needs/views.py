"""The needs pages: the gap table with its chart, its CSV, and the explanation of each figure."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails

from waypost.core.models import User
from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.needs.chart import gap_chart
from waypost.needs.export import gap_csv
from waypost.needs.figures import Figure, Needs
from waypost.needs.forms import DESCENDING, NeedsForm
from waypost.needs.gap import GapRow, sort_rows
from waypost.needs.selectors import compute_needs, gap_for, needs_for_reader

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
    return needs_for_reader(user, needs), gap_for(needs)


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
