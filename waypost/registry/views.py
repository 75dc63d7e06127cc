from django.http import HttpResponse
from django.shortcuts import render

from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.registry.selectors import search_individuals


@requires("registry.view")
def search(request: AuthenticatedRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    hits = search_individuals(request.user, query) if query else []
    return render(request, "registry/search.html", {"query": query, "hits": hits})


@requires("registry.register")
def register(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "registry/register.html")
