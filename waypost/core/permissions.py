"""One decorator per view or API operation declares the permission it needs.

Deny by default: a route without a declaration fails the route-walking test, and a user without
the permission gets 403. The purpose the user acts under is put on the request for the audit trail.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from waypost.core.models import User

PUBLIC = "public"


class AuthenticatedRequest(HttpRequest):
    """What a view behind `requires` receives: a signed-in user and the purpose they act for."""

    user: User
    purpose: str


def requires[View: Callable[..., Any]](permission: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.can(permission):
                raise PermissionDenied
            request.purpose = user.purpose_for(permission)  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapper.required_permission = permission  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


def public[View: Callable[..., Any]](view: View) -> View:
    """Marks a view that anyone may open (sign-in, language choice)."""
    view.required_permission = PUBLIC  # type: ignore[attr-defined]
    return view


def required_permission_of(view: Callable[..., Any]) -> str | None:
    return getattr(view, "required_permission", None)


def is_allowed(request: HttpRequest, response: HttpResponseBase) -> bool:
    return response.status_code not in (401, 403, 404)
