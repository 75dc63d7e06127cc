from django.contrib import admin

from waypost.sites.models import Site


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin[Site]):
    list_display = ["name", "code", "kind", "shelter_type", "capacity", "managed_by"]
