"""Reading the catalogue: items with their sizes, kits with their contents, standard quantities.

The catalogue holds no personal data; pages and the API check `stock.view` before reading it.
"""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from waypost.stock.models import Item, ItemSize, Kit, KitComponent, StandardQuantity


def catalogue_items() -> QuerySet[Item]:
    return Item.objects.prefetch_related(
        Prefetch("sizes", queryset=ItemSize.objects.order_by("order"))
    )


def catalogue_kits() -> QuerySet[Kit]:
    components = KitComponent.objects.select_related("item").order_by("item__name")
    return Kit.objects.prefetch_related(Prefetch("components", queryset=components))


def standard_quantities() -> QuerySet[StandardQuantity]:
    return StandardQuantity.objects.select_related("item")


def get_item(code: str) -> Item:
    item = catalogue_items().filter(code=code).first()
    if item is None:
        raise Http404("No such item.")
    return item


def get_kit(code: str) -> Kit:
    kit = catalogue_kits().filter(code=code).first()
    if kit is None:
        raise Http404("No such kit.")
    return kit


def get_standard_quantity(key: str) -> StandardQuantity:
    standard = standard_quantities().filter(key=key).first()
    if standard is None:
        raise Http404("No such standard quantity.")
    return standard
