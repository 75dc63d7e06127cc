"""Forms for the catalogue: an item with its sizes, a kit with its contents, a standard quantity.

Sizes and kit contents are typed one per line (`EU28 = EU 28`, `nappies = 2`), which works on
any device and without JavaScript.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waypost.stock.models import Category, Item, Kit, SizeSystem, StandardQuantity, Unit
from waypost.stock.services import ItemIn
from waypost.stock.services.catalogue import VERIFICATION_MARKS

VERIFICATION = [(mark, mark) for mark in VERIFICATION_MARKS]


def pairs(text: str, field: str) -> list[tuple[str, str]]:
    """`a = b` per line; a line without `=` names its code only."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        code, _sep, value = raw.partition("=")
        if not code.strip():
            raise ValidationError(
                _("Line %(n)s of %(field)s names nothing.") % {"n": number, "field": field}
            )
        found.append((code.strip(), value.strip()))
    return found


class ItemForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40, help_text=_("e.g. adult-boots"))
    name = forms.CharField(label=_("Name"), max_length=200)
    unit = forms.ChoiceField(label=_("Counted in"), choices=Unit.choices)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    size_system = forms.ChoiceField(label=_("Sizes"), choices=SizeSystem.choices, required=False)
    tracks_expiry = forms.BooleanField(label=_("Kept in lots with an expiry date"), required=False)
    sizes = forms.CharField(
        label=_("Sizes, smallest first"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line: code = label, e.g. EU28 = EU 28"),
    )

    @classmethod
    def for_item(cls, item: Item, data: Any = None) -> "ItemForm":
        sizes = "\n".join(f"{size.code} = {size.label}" for size in item.sizes.all())
        fields = ("code", "name", "unit", "category", "size_system", "tracks_expiry")
        form = cls(data, initial={name: getattr(item, name) for name in fields} | {"sizes": sizes})
        form.fields["code"].disabled = True
        return form

    def clean_sizes(self) -> list[tuple[str, str]]:
        return pairs(self.cleaned_data["sizes"], "sizes")

    def item(self) -> ItemIn:
        return ItemIn(**self.cleaned_data)


class KitForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=200)
    source = forms.CharField(label=_("Source of the contents"), max_length=300)
    verification = forms.ChoiceField(label=_("Verification"), choices=VERIFICATION)
    components = forms.CharField(
        label=_("Contents"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One item per line: item code = quantity, e.g. nappies = 2"),
    )

    @classmethod
    def for_kit(cls, kit: Kit, data: Any = None) -> "KitForm":
        contents = "\n".join(f"{c.item.code} = {c.quantity}" for c in kit.components.all())
        initial = {"code": kit.code, "name": kit.name, "source": kit.source}
        form = cls(
            data, initial=initial | {"verification": kit.verification, "components": contents}
        )
        form.fields["code"].disabled = True
        return form

    def clean_components(self) -> list[tuple[str, int]]:
        parsed = []
        for code, quantity in pairs(self.cleaned_data["components"], "contents"):
            if not quantity.isdigit():
                raise ValidationError(
                    _("%(item)s: give a whole number above zero.") % {"item": code}
                )
            parsed.append((code, int(quantity)))
        return parsed


class StandardQuantityForm(forms.Form):
    value = forms.DecimalField(label=_("Value"), max_digits=10, decimal_places=2)
    value_max = forms.DecimalField(
        label=_("Up to"), max_digits=10, decimal_places=2, required=False
    )
    source = forms.CharField(label=_("Source"), max_length=300)
    verification = forms.ChoiceField(label=_("Verification"), choices=VERIFICATION)
    reason = forms.CharField(label=_("Why it changes"), max_length=300)

    @classmethod
    def for_standard(cls, standard: StandardQuantity, data: Any = None) -> "StandardQuantityForm":
        fields = ("value", "value_max", "source", "verification")
        return cls(data, initial={name: getattr(standard, name) for name in fields})
