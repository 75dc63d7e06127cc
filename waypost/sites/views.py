from django.http import HttpResponse
from django.shortcuts import render

from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.sites.selectors import sites_with_occupancy_for


@requires("sites.view")
def site_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request, "sites/site_list.html", {"sites": sites_with_occupancy_for(request.user)}
    )
