"""Every route Waypost serves, found by walking the URL configuration, as the route tests see it.

A page is a URL pattern whose view carries `required_permission` (set by `requires` or `public`).
A django-ninja URL pattern stands for one or more operations; each operation's function carries
its own declaration (set by `api_requires`). Nothing here lists routes by hand, so a route added
later is walked, and checked, without anyone touching the tests.
"""

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from ninja.openapi.views import default_home
from ninja.operation import PathView

# Not ours to guard: Django's admin has its own staff sign-in and permissions.
SKIPPED_PREFIXES = ("admin/", "static/")
_CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Route:
    route: str  # as in the URL configuration: "api/registry/households/<household_id>"
    name: str  # namespaced, "registry:search"; "" when unnamed
    view: Callable[..., Any]
    is_api: bool  # a django-ninja operation (401 and JSON), not a page (sign-in redirect)
    methods: tuple[str, ...] = ()  # for operations, the methods ninja routes to it

    @property
    def permission(self) -> str | None:
        return getattr(self.view, "required_permission", None)

    @property
    def kwargs(self) -> list[str]:
        return [match["name"] for match in _CONVERTER.finditer(self.route)]

    def url(self, values: dict[str, str]) -> str:
        return "/" + _CONVERTER.sub(lambda match: values[match["name"]], self.route)

    def __str__(self) -> str:
        methods = f" {'/'.join(self.methods)}" if self.methods else ""
        return f"/{self.route}{methods} ({self.name or 'unnamed'})"


def walk(
    patterns: list[Any] | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[Route]:
    """Every route under `patterns` (the whole site by default), admin and static files aside."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern) and not is_ninja_placeholder(entry.callback):
            name = f"{namespace}{entry.name}" if entry.name else ""
            yield from _routes_of(entry.callback, route, name)


def _routes_of(callback: Callable[..., Any], route: str, name: str) -> Iterator[Route]:
    operations = ninja_operations(callback)
    if operations is None:
        yield Route(route=route, name=name, view=callback, is_api=False)
        return
    namespace = name.rpartition(":")[0]
    for operation in operations:
        yield Route(
            route=route,
            name=f"{namespace}:{operation.view_func.__name__}",
            view=operation.view_func,
            is_api=True,
            methods=tuple(sorted(operation.methods)),
        )


def ninja_operations(callback: Callable[..., Any]) -> list[Any] | None:
    """The operations behind a django-ninja URL pattern; None for any other view.

    Ninja routes a URL to a `PathView`, which picks the operation by method.
    """
    if not inspect.isfunction(callback):
        return None
    path_view = inspect.getclosurevars(callback).nonlocals.get("self")
    return path_view.operations if isinstance(path_view, PathView) else None


def is_ninja_placeholder(callback: Callable[..., Any]) -> bool:
    """The API's root URL: ninja needs it to compute its paths, and it answers 404 to anyone."""
    return isinstance(callback, partial) and callback.func is default_home


def routes() -> list[Route]:
    """Each route once (ninja gives a path one URL pattern per operation)."""
    return list({(route.route, route.methods): route for route in walk()}.values())
