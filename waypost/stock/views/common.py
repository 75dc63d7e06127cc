"""What every stock page shares: the request type and the answers after a post."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from waypost.core.permissions import AuthenticatedRequest

UNPROCESSABLE = 422
PAGE_SIZE = 50


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


def page_of(request: Request, rows: QuerySet[Any], size: int = PAGE_SIZE) -> Page[Any]:
    return Paginator(rows, size).get_page(request.GET.get("page"))


def query_without_page(request: Request) -> str:
    """The current filters, for the pager's links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
