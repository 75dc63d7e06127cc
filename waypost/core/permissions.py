"""One decorator per view or API operation declares the permission it needs.

Deny by default: a route without a declaration fails the route-walking test, and a user without
the permission gets 403. The purpose the user acts under is put on the request for the audit trail.
Pages use `requires`; django-ninja operations use `api_requires`, which does the same check as
part of the API's sign-in step, before the request body is read, and answers in JSON.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext
from ninja.constants import NOT_SET
from ninja.errors import AuthorizationError
from ninja.operation import Operation
from ninja.security import SessionAuth
from ninja.utils import contribute_operation_callback

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


class SessionPermissionAuth(SessionAuth):
    """The API's sign-in check for one operation: a session (CSRF checked), then the permission.

    Not signed in: 401. Signed in without the permission: 403 with a JSON body.
    """

    def __init__(self, permission: str) -> None:
        super().__init__(csrf=True)
        self.permission = permission

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = super().authenticate(request, key)
        if user is None:
            return None
        if not user.can(self.permission):
            raise AuthorizationError(message=gettext("You do not have permission to do this."))
        request.purpose = user.purpose_for(self.permission)  # type: ignore[attr-defined]
        return user  # type: ignore[no-any-return]


def api_requires[View: Callable[..., Any]](permission: str) -> Callable[[View], View]:
    """`requires` for a django-ninja operation; goes below `@router.get(...)`/`@router.post(...)`.

    The function itself is returned unchanged, so ninja reads its signature as written.
    """

    def guard(operation: Operation) -> None:
        if operation.auth_param is not NOT_SET:
            raise ImproperlyConfigured(
                f"{operation.view_func.__name__}: the permission decides who may call it; "
                "do not pass auth= as well."
            )
        auth = SessionPermissionAuth(permission)
        operation.auth_param = auth
        operation.auth_callbacks = [auth]

    def decorator(view: View) -> View:
        if hasattr(view, "_ninja_operation"):
            raise ImproperlyConfigured(
                f"{view.__name__}: put @api_requires below the router's decorator."
            )
        view.required_permission = permission  # type: ignore[attr-defined]
        contribute_operation_callback(view, guard)
        return view

    return decorator


def public[View: Callable[..., Any]](view: View) -> View:
    """Marks a view that anyone may open (sign-in, language choice)."""
    view.required_permission = PUBLIC  # type: ignore[attr-defined]
    return view


def required_permission_of(view: Callable[..., Any]) -> str | None:
    return getattr(view, "required_permission", None)


def is_allowed(request: HttpRequest, response: HttpResponseBase) -> bool:
    return response.status_code not in (401, 403, 404)
