from django.contrib import admin
from django.urls import include, path

from waypost.api import api

urlpatterns = [
    path("", include("waypost.core.urls")),
    path("registry/", include("waypost.registry.urls")),
    path("sites/", include("waypost.sites.urls")),
    path("stock/", include("waypost.stock.urls")),
    path("needs/", include("waypost.needs.urls")),
    path("matching/", include("waypost.matching.urls")),
    path("distribution/", include("waypost.distribution.urls")),
    path("safety/", include("waypost.safety.urls")),
    path("relocation/", include("waypost.relocation.urls")),
    path("cases/", include("waypost.cases.urls")),
    path("counselling/", include("waypost.counselling.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
