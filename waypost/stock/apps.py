from django.apps import AppConfig


class StockConfig(AppConfig):
    name = "waypost.stock"
    label = "stock"
    verbose_name = "Stock"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from waypost.stock.catalogue import load_catalogue_after_migrate

        post_migrate.connect(load_catalogue_after_migrate, sender=self)
