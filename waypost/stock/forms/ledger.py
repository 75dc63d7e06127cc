"""Forms for the ledger: filtering it, and recording a movement of any kind."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypost.core.models import User
from waypost.stock.models import MovementKind, Unit, Warehouse
from waypost.stock.selectors import LedgerFilter, catalogue_items, warehouses_visible_to
from waypost.stock.services import MovementIn, MovementRequest

DATE = forms.DateInput(attrs={"type": "date"})


def item_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [
        (item.code, f"{item.name} ({item.get_unit_display()})") for item in catalogue_items()
    ]


class LedgerFilterForm(forms.Form):
    item = forms.ChoiceField(label=_("Item"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", "—"), *MovementKind.choices]
    )
    reference = forms.CharField(label=_("Reference"), required=False, max_length=100)
    since = forms.DateField(label=_("From"), required=False, widget=DATE)
    until = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = item_choices()  # type: ignore[attr-defined]

    def ledger_filter(self) -> LedgerFilter:
        return LedgerFilter(**self.cleaned_data) if self.is_valid() else LedgerFilter()


class MovementForm(forms.Form):
    """One movement; quantity is a decimal so that 2.5 is refused in the ledger's own words."""

    kind = forms.ChoiceField(label=_("Movement"), choices=MovementRequest.choices)
    warehouse = forms.ModelChoiceField(label=_("Warehouse"), queryset=Warehouse.objects.none())
    destination = forms.ModelChoiceField(
        label=_("To warehouse"),
        queryset=Warehouse.objects.none(),
        required=False,
        help_text=_("Transfers only"),
    )
    item = forms.ChoiceField(label=_("Item"))
    size = forms.CharField(
        label=_("Size"), required=False, max_length=20, help_text=_("e.g. EU28 or 2-5")
    )
    quantity = forms.DecimalField(
        label=_("Quantity"), help_text=_("For a count: the number counted")
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    lot = forms.CharField(label=_("Lot"), required=False, max_length=60)
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=DATE, help_text=_("New lots only")
    )
    reference = forms.CharField(
        label=_("Reference"), max_length=100, help_text=_("Waybill, shipment or distribution")
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=200,
        help_text=_("Write-off: loss, damage or expiry. Count: why it differs."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        visible = warehouses_visible_to(user)
        own: forms.ModelChoiceField[Warehouse] = self.fields["warehouse"]  # type: ignore[assignment]
        own.queryset = visible.filter(agency=user.agency) if user.agency else visible.none()
        own.to_field_name = "code"
        other: forms.ModelChoiceField[Warehouse] = self.fields["destination"]  # type: ignore[assignment]
        other.queryset = visible
        other.to_field_name = "code"
        self.fields["item"].choices = item_choices()  # type: ignore[attr-defined]

    def movement(self) -> MovementIn:
        data = self.cleaned_data
        fields = ("kind", "item", "quantity", "unit", "reference", "size", "lot", "expires_on")
        return MovementIn(**{name: data[name] for name in fields}, reason=data["reason"])
