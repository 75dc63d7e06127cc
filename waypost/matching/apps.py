from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "waypost.matching"
    label = "matching"
    verbose_name = "Identity matching"
