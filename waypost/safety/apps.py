from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "waypost.safety"
    label = "safety"
    verbose_name = "Safety"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from waypost.safety.services.rules import load_default_rules_after_migrate

        post_migrate.connect(load_default_rules_after_migrate, sender=self)
