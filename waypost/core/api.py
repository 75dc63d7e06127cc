"""Who is asking: the signed-in user, their agency, roles and permissions.

Also the answer shapes every router shares for a refusal.
"""

from typing import Any

from ninja import Router, Schema

from waypost.core.permissions import AuthenticatedRequest, api_requires

router = Router(tags=["core"])


class MessageOut(Schema):
    detail: str


# Every operation may answer these before it runs: not signed in, or not allowed.
REFUSALS: dict[int, Any] = {401: MessageOut, 403: MessageOut}


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
