"""Sites over HTTP: the places people stay, with capacity and occupancy."""

from typing import Any
from uuid import UUID

from ninja import Router, Schema

from waypost.core.api import REFUSALS
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.sites.selectors import sites_with_occupancy_for

router = Router(tags=["sites"])


class SiteOut(Schema):
    id: UUID
    code: str
    name: str
    kind: str
    shelter_type: str
    capacity: int | None
    occupancy: int
    managed_by: str | None
    latitude: float | None
    longitude: float | None


@router.get("", response={200: list[SiteOut], **REFUSALS})
@api_requires("sites.view")
def list_sites(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    sites = sites_with_occupancy_for(request.user).select_related("managed_by")
    return [
        {
            "id": site.pk,
            "code": site.code,
            "name": site.name,
            "kind": site.kind,
            "shelter_type": site.shelter_type,
            "capacity": site.capacity,
            "occupancy": site.occupancy,  # type: ignore[attr-defined]
            "managed_by": site.managed_by.code if site.managed_by else None,
            "latitude": site.latitude,
            "longitude": site.longitude,
        }
        for site in sites
    ]
