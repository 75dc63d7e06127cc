"""The catalogue: items with their sizes, kits, and the standard quantities with their sources."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from waypost.core.permissions import requires
from waypost.stock import selectors, services
from waypost.stock.forms.catalogue import ItemForm, KitForm, StandardQuantityForm
from waypost.stock.forms.errors import add_service_errors
from waypost.stock.views.common import Request, posted, render_form, see_other


def catalogue_url() -> str:
    return reverse("stock:catalogue")


@requires("stock.view")
def catalogue(request: Request) -> HttpResponse:
    context = {
        "items": selectors.catalogue_items(),
        "kits": selectors.catalogue_kits(),
        "standards": selectors.standard_quantities(),
    }
    return render(request, "stock/catalogue.html", context)


@requires("stock.catalogue")
def new_item(request: Request) -> HttpResponse:
    form = ItemForm(posted(request))
    if form.is_valid():
        try:
            item = services.create_item(by=request.user, item=form.item())
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, _("%(item)s added.") % {"item": item.name})
            return see_other(request, catalogue_url())
    context = {"form": form, "title": _("New item")}
    return render_form(request, "stock/catalogue_form.html", context, refused=form.is_bound)


@requires("stock.catalogue")
def edit_item(request: Request, item_code: str) -> HttpResponse:
    item = selectors.get_item(item_code)
    form = ItemForm.for_item(item, posted(request))
    if form.is_valid():
        try:
            services.update_item(by=request.user, item=item, new=form.item())
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, _("%(item)s saved.") % {"item": item.name})
            return see_other(request, catalogue_url())
    context = {"form": form, "title": item.name}
    return render_form(request, "stock/catalogue_form.html", context, refused=form.is_bound)


@requires("stock.catalogue")
def new_kit(request: Request) -> HttpResponse:
    return kit_form(request, KitForm(posted(request)), _("New kit"))


@requires("stock.catalogue")
def edit_kit(request: Request, kit_code: str) -> HttpResponse:
    kit = selectors.get_kit(kit_code)
    return kit_form(request, KitForm.for_kit(kit, posted(request)), kit.name)


def kit_form(request: Request, form: KitForm, title: str) -> HttpResponse:
    if form.is_valid():
        try:
            kit = services.save_kit(by=request.user, **form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, _("%(kit)s saved.") % {"kit": kit.name})
            return see_other(request, catalogue_url())
    context = {"form": form, "title": title}
    return render_form(request, "stock/catalogue_form.html", context, refused=form.is_bound)


@requires("stock.catalogue")
def edit_standard(request: Request, key: str) -> HttpResponse:
    """Change a planning figure: with the source it now comes from and the reason."""
    standard = selectors.get_standard_quantity(key)
    form = StandardQuantityForm.for_standard(standard, posted(request))
    if form.is_valid():
        try:
            services.change_standard_quantity(
                by=request.user, standard=standard, **form.cleaned_data
            )
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, _("%(key)s changed.") % {"key": standard.key})
            return see_other(request, catalogue_url())
    context = {"form": form, "title": standard.key, "standard": standard}
    return render_form(request, "stock/catalogue_form.html", context, refused=form.is_bound)
