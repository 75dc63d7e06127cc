from django.apps import AppConfig


class RelocationConfig(AppConfig):
    name = "waypost.relocation"
    label = "relocation"
    verbose_name = "Relocation"
