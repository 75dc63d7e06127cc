"""Forms for the pipeline: a pledge with its lines, a change of status, and a receipt count."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, User
from waypost.stock.forms.ledger import DATE, item_choices
from waypost.stock.models import ShipmentLine, ShipmentStatus, Unit, Warehouse
from waypost.stock.selectors import warehouses_visible_to
from waypost.stock.services import LineIn, ReceivedLine

EMPTY_LINES = 3  # rows offered on a new pledge; "Add a line" offers more without JavaScript


class PledgeForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference"), max_length=100, help_text=_("Pledge or waybill")
    )
    warehouse = forms.ModelChoiceField(label=_("To warehouse"), queryset=Warehouse.objects.none())
    partner = forms.ModelChoiceField(
        label=_("Partner agency"), queryset=Agency.objects.order_by("name"), required=False
    )
    donor = forms.CharField(
        label=_("Or donor"), max_length=200, required=False, help_text=_("A donor not working here")
    )
    expected_on = forms.DateField(label=_("Expected on"), widget=DATE)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: forms.ModelChoiceField[Warehouse] = self.fields["warehouse"]  # type: ignore[assignment]
        field.queryset = warehouses_visible_to(user)
        field.to_field_name = "code"


class LineForm(forms.Form):
    item = forms.ChoiceField(label=_("Item"))
    size = forms.CharField(label=_("Size"), required=False, max_length=20)
    quantity = forms.DecimalField(label=_("Quantity"))
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    lot_number = forms.CharField(label=_("Lot"), required=False, max_length=60)
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = item_choices()  # type: ignore[attr-defined]

    def line(self) -> LineIn:
        return LineIn(**self.cleaned_data)


LineFormSet = forms.formset_factory(LineForm, extra=EMPTY_LINES, min_num=1, validate_min=True)


def used_lines(formset: Any) -> list[LineIn]:
    return [form.line() for form in formset.forms if form.has_changed() and form.cleaned_data]


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (s.value, s.label)
            for s in (ShipmentStatus.IN_TRANSIT, ShipmentStatus.ARRIVED, ShipmentStatus.CANCELLED)
        ]
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=200)


class ReceiveLineForm(forms.Form):
    """The count of one line; it starts at what the line brings."""

    shipment_line: ShipmentLine | None = None  # the line counted, for the page to show it
    line = forms.IntegerField(widget=forms.HiddenInput)
    received = forms.DecimalField(label=_("Received"))
    damaged = forms.DecimalField(label=_("Damaged"), initial=0)
    reason = forms.CharField(label=_("Why not as pledged"), required=False, max_length=200)
    lot_number = forms.CharField(label=_("Lot"), required=False, max_length=60)
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=DATE)

    def counted(self) -> ReceivedLine:
        data = self.cleaned_data
        fields = ("received", "damaged", "reason", "lot_number", "expires_on")
        return ReceivedLine(line_id=data["line"], **{name: data[name] for name in fields})


ReceiveFormSet = forms.formset_factory(ReceiveLineForm, extra=0)


def receive_formset(lines: list[ShipmentLine], data: Any = None) -> Any:
    initial = [
        {
            "line": line.pk,
            "received": line.quantity,
            "damaged": 0,
            "lot_number": line.lot_number,
            "expires_on": line.expires_on,
        }
        for line in lines
    ]
    formset = ReceiveFormSet(data, initial=initial, prefix="lines")
    for form, line in zip(formset.forms, lines, strict=False):
        form.shipment_line = line
    return formset


class ReceiptNoteForm(forms.Form):
    note = forms.CharField(label=_("Note on the receipt"), required=False, max_length=200)
