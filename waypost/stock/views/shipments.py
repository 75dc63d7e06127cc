"""The partner pipeline: shipments, a new pledge, a shipment's page with its status and receipt."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.core.permissions import requires
from waypost.stock import selectors, services
from waypost.stock.forms.errors import add_service_errors
from waypost.stock.forms.shipments import (
    LineFormSet,
    PledgeForm,
    ReceiptNoteForm,
    StatusForm,
    receive_formset,
    used_lines,
)
from waypost.stock.models import Shipment, ShipmentStatus
from waypost.stock.services.shipments import NEXT_STATUSES, is_receiver
from waypost.stock.views.common import Request, page_of, posted, render_form, see_other


def shipment_url(shipment: Shipment) -> str:
    return reverse("stock:shipment", args=[shipment.pk])


@requires("stock.view")
def shipments(request: Request) -> HttpResponse:
    status = request.GET.get("status", "")
    found = selectors.shipments_visible_to(request.user).prefetch_related("lines")
    if status in ShipmentStatus.values:
        found = found.filter(status=status)
    context = {"page": page_of(request, found), "status": status, "statuses": ShipmentStatus}
    template = "stock/shipments.html#list" if request.htmx else "stock/shipments.html"
    return render(request, template, context)


def with_more_lines(data: Any) -> Any:
    """The posted form again with one more empty line (the "Add a line" button)."""
    more = data.copy()
    more["lines-TOTAL_FORMS"] = str(int(data.get("lines-TOTAL_FORMS", 0)) + 1)
    return more


@requires("stock.move")
def pledge(request: Request) -> HttpResponse:
    data = posted(request)
    adding = data is not None and "add_line" in data
    if adding:
        data = with_more_lines(data)
    form = PledgeForm(data, user=request.user, initial={"warehouse": request.GET.get("warehouse")})
    lines = LineFormSet(data, prefix="lines")
    if not adding and form.is_valid() and lines.is_valid():
        try:
            created = services.pledge_shipment(
                by=request.user, lines=used_lines(lines), **form.cleaned_data
            )
        except ValidationError as refused:
            add_service_errors(form, refused, [f for f in lines.forms if f.has_changed()])
        else:
            messages.success(request, _("Shipment %(ref)s pledged.") % {"ref": created.reference})
            return see_other(request, shipment_url(created))
    context = {"form": form, "lines": lines}
    return render_form(request, "stock/pledge.html", context, refused=form.is_bound and not adding)


def shipment_context(request: Request, shipment: Shipment, **forms: Any) -> dict[str, Any]:
    lines = list(shipment.lines.all())
    may_move = request.user.can("stock.move")
    receiving = may_move and shipment.is_open and is_receiver(request.user, shipment)
    return {
        "shipment": shipment,
        "lines": lines,
        "next_statuses": [ShipmentStatus(s) for s in NEXT_STATUSES[shipment.status]]
        if may_move
        else [],
        "status_form": forms.get("status_form") or StatusForm(),
        "receipt": forms.get("receipt") or (receive_formset(lines) if receiving else None),
        "note_form": forms.get("note_form") or ReceiptNoteForm(),
    }


@requires("stock.view")
def shipment(request: Request, shipment_id: UUID) -> HttpResponse:
    found = selectors.get_shipment_for(request.user, shipment_id)
    return render(request, "stock/shipment.html", shipment_context(request, found))


@requires("stock.move")
@require_POST
def change_status(request: Request, shipment_id: UUID) -> HttpResponse:
    found = selectors.get_shipment_for(request.user, shipment_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_shipment_status(by=request.user, shipment=found, **form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            return see_other(request, shipment_url(found))
    context = shipment_context(request, found, status_form=form)
    return render_form(request, "stock/shipment.html", context, refused=True)


@requires("stock.move")
@require_POST
def receive(request: Request, shipment_id: UUID) -> HttpResponse:
    """Count what arrived, line by line; the receipt goes into the ledger in one step."""
    found = selectors.get_shipment_for(request.user, shipment_id)
    counts = receive_formset(list(found.lines.all()), request.POST)
    note = ReceiptNoteForm(request.POST)
    if counts.is_valid() and note.is_valid():
        try:
            services.receive_shipment(
                by=request.user,
                shipment=found,
                received_lines=[form.counted() for form in counts.forms],
                note=note.cleaned_data["note"],
            )
        except ValidationError as refused:
            add_service_errors(note, refused, counts.forms)
        else:
            messages.success(request, _("Shipment %(ref)s received.") % {"ref": found.reference})
            return see_other(request, shipment_url(found))
    context = shipment_context(request, found, receipt=counts, note_form=note)
    return render_form(request, "stock/shipment.html", context, refused=True)
