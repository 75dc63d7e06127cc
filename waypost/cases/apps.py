from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "waypost.cases"
    label = "cases"
    verbose_name = "Cases"
