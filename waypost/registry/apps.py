from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "waypost.registry"
    label = "registry"
    verbose_name = "Registry"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from waypost.registry.codes import load_specific_need_codes_after_migrate

        post_migrate.connect(load_specific_need_codes_after_migrate, sender=self)
