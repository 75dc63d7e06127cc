"""The plan form: a site, a day, the warehouse and the items or kits to hand out."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.distribution.allocation.rules import default_rules
from waypost.distribution.services.plans import LineRequest
from waypost.sites.models import Site, SiteKind
from waypost.stock.models import Item, Kit, Warehouse


def item_choices() -> list[tuple[str, str]]:
    """Items some default rule hands out (a plan needs a rule for each of its items)."""
    codes = {rule["item"] for rule in default_rules("winter")}
    return [(item.code, item.name) for item in Item.objects.filter(code__in=codes)]


class PlanForm(forms.Form):
    site = forms.ModelChoiceField(
        label=_("Site"),
        queryset=Site.objects.filter(is_active=True).exclude(kind=SiteKind.WAREHOUSE),
    )
    distribution_date = forms.DateField(
        label=_("Distribution date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    warehouse = forms.ModelChoiceField(
        label=_("Issue from warehouse"), queryset=Warehouse.objects.select_related("site")
    )
    items = forms.MultipleChoiceField(
        label=_("Items"), required=False, widget=forms.CheckboxSelectMultiple
    )
    kits = forms.MultipleChoiceField(
        label=_("Kits"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = item_choices()  # type: ignore[attr-defined]
        self.fields["kits"].choices = [(kit.code, kit.name) for kit in Kit.objects.all()]  # type: ignore[attr-defined]
        self.fields["distribution_date"].initial = timezone.localdate()

    def requests(self) -> list[LineRequest]:
        return [LineRequest(item=code) for code in self.cleaned_data["items"]]
