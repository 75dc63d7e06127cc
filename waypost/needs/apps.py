from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "waypost.needs"
    label = "needs"
    verbose_name = "Needs"
