from django.apps import AppConfig


class DistributionConfig(AppConfig):
    name = "waypost.distribution"
    label = "distribution"
    verbose_name = "Distribution"
