from django.apps import AppConfig


class CounsellingConfig(AppConfig):
    name = "waypost.counselling"
    label = "counselling"
    verbose_name = "Counselling"
