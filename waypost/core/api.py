"""Who is asking: the signed-in user, their agency, roles and permissions.

Also the answer shapes every router shares for a refusal.
"""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from ninja import Router, Schema

from waypost.core.permissions import AuthenticatedRequest, api_requires

router = Router(tags=["core"])


class MessageOut(Schema):
    detail: str


# Every operation may answer these before it runs: not signed in, or not allowed.
REFUSALS: dict[int, Any] = {401: MessageOut, 403: MessageOut}


class FieldErrorOut(Schema):
    loc: list[str | int]
    msg: str
    type: str


# A refusal in the shape of ninja's own 422 body, shared by every app's operations.
class ValidationErrorsOut(Schema):
    detail: list[FieldErrorOut]


def field_errors(refused: ValidationError) -> list[dict[str, Any]]:
    """One entry per field and message, as ninja's own 422 body; `lines.2` becomes [lines, 2]."""
    if not hasattr(refused, "error_dict"):
        return [{"loc": ["body", "payload"], "msg": m, "type": "value_error"} for m in refused]
    return [
        {"loc": ["body", "payload", *_location(name)], "msg": message, "type": "value_error"}
        for name, messages in refused.message_dict.items()
        for message in messages
    ]


def _location(name: str) -> list[str | int]:
    if name == NON_FIELD_ERRORS:
        return []
    return [int(part) if part.isdigit() else part for part in name.split(".")]


class AgencyOut(Schema):
    code: str
    name: str
    short_name: str


class MeOut(Schema):
    username: str
    full_name: str
    agency: AgencyOut | None
    roles: list[str]
    permissions: list[str]


@router.get("/me", response={200: MeOut, **REFUSALS})
@api_requires("core.use")
def me(request: AuthenticatedRequest) -> dict[str, Any]:
    user = request.user
    agency = user.agency
    return {
        "username": user.username,
        "full_name": user.get_full_name(),
        "agency": {"code": agency.code, "name": agency.name, "short_name": agency.short_name}
        if agency
        else None,
        "roles": user.role_names,
        "permissions": sorted(user.granted_permissions),
    }
