"""Warehouses, what they hold, their ledger, and the form that records a movement."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from waypost.core.permissions import requires
from waypost.stock import selectors
from waypost.stock.forms.errors import add_service_errors
from waypost.stock.forms.ledger import LedgerFilterForm, MovementForm
from waypost.stock.services import MovementRequest, record_movement
from waypost.stock.views.common import (
    Request,
    page_of,
    posted,
    query_without_page,
    render_form,
    see_other,
)


@requires("stock.view")
def warehouses(request: Request) -> HttpResponse:
    context = {"warehouses": selectors.warehouses_with_totals(request.user)}
    return render(request, "stock/warehouses.html", context)


@requires("stock.view")
def warehouse(request: Request, warehouse_code: str) -> HttpResponse:
    """What one warehouse holds, per item, size and lot; lots expiring first come first."""
    found = selectors.get_warehouse_for(request.user, warehouse_code)
    context = {
        "warehouse": found,
        "balances": selectors.warehouse_balances(found),
        "may_move": request.user.can("stock.move") and found.agency_id == request.user.agency_id,
        "kinds": MovementRequest.choices,
    }
    return render(request, "stock/warehouse.html", context)


@requires("stock.view")
def ledger(request: Request, warehouse_code: str) -> HttpResponse:
    found = selectors.get_warehouse_for(request.user, warehouse_code)
    form = LedgerFilterForm(request.GET)
    movements = selectors.warehouse_ledger(found, form.ledger_filter())
    context = {
        "warehouse": found,
        "form": form,
        "page": page_of(request, movements),
        "query": query_without_page(request),
    }
    template = "stock/ledger.html#movements" if request.htmx else "stock/ledger.html"
    return render(request, template, context)


@requires("stock.move")
def move(request: Request) -> HttpResponse:
    """Receive, transfer, issue, return, write off or count: one form, the kind chosen in it."""
    initial = {name: request.GET.get(name, "") for name in ("kind", "warehouse", "item")}
    form = MovementForm(posted(request), user=request.user, initial=initial)
    if form.is_valid():
        where = form.cleaned_data["warehouse"]
        try:
            written = record_movement(
                by=request.user,
                warehouse=where,
                destination=form.cleaned_data["destination"],
                movement=form.movement(),
            )
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, recorded_message(len(written)))
            return see_other(request, reverse("stock:warehouse", args=[where.code]))
    return render_form(request, "stock/move.html", {"form": form}, refused=form.is_bound)


def recorded_message(count: int) -> str:
    if count == 0:
        return _("The count matches the balance: nothing to book.")
    return _("Movement recorded.")
