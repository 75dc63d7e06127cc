"""What every case page shares: the request type, answers after a post, paging."""

from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from waypost.core.permissions import AuthenticatedRequest

UNPROCESSABLE = 422
PAGE_SIZE = 50


class Request(AuthenticatedRequest):
    htmx: HtmxDetails


def see_other(request: Request, url: str) -> HttpResponse:
    """After a successful post: 303 to the record, or an htmx client redirect."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def render_page(
    request: Request, template: str, context: dict[str, Any], *, refused: bool = False
) -> HttpResponse:
    """A page; 422 when it comes back with a refusal."""
    return render(request, template, context, status=UNPROCESSABLE if refused else 200)


def page_of(request: Request, rows: Any, size: int = PAGE_SIZE) -> Page[Any]:
    return Paginator(rows, size).get_page(request.GET.get("page"))


def errors_of(refused: Any) -> dict[str, list[str]]:
    """A service's ValidationError as {field: messages}; messages without a field under ''."""
    if hasattr(refused, "error_dict"):
        return dict(refused.message_dict)
    return {"": list(refused.messages)}


def add_errors(form: forms.BaseForm, refused: Any) -> None:
    """A service's refusal on the form: a known field's message on that field, the rest on top."""
    for name, messages in errors_of(refused).items():
        form.add_error(name if name in form.fields else None, messages)
