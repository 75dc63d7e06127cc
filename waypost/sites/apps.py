from django.apps import AppConfig


class SitesConfig(AppConfig):
    name = "waypost.sites"
    label = "sites"
    verbose_name = "Sites"
