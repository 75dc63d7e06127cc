"""What the distribution point's handover form posts: the card, the point, the lines, a proxy.

Each open entitlement shown at the table has a checkbox `take-<id>`, a quantity `quantity-<id>`
and a size `size-<id>`; "hand over all" ignores the edits and takes every open line as
allocated.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waypost.distribution.selectors.table import HouseholdAtTable
from waypost.distribution.services.handover import Handed, Proxy


class ScanForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Scan the card or type its code"), max_length=80)


class PointForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of this table"), max_length=80)


class HandoverForm(forms.Form):
    code = forms.CharField(max_length=80, widget=forms.HiddenInput)
    submission = forms.CharField(max_length=64, widget=forms.HiddenInput)
    proxy_name = forms.CharField(
        label=gettext_lazy("Collected by (if not the household)"), max_length=160, required=False
    )
    proxy_relation = forms.CharField(
        label=gettext_lazy("Relation to the household"), max_length=80, required=False
    )

    def proxy(self) -> Proxy | None:
        name = self.cleaned_data["proxy_name"].strip()
        return Proxy(name, self.cleaned_data["proxy_relation"]) if name else None


def handed_lines(data: dict[str, str], table: HouseholdAtTable, *, all_lines: bool) -> list[Handed]:
    """The lines to record: every open one as allocated, or those ticked with their edits."""
    handed = []
    for line in table.open_lines:
        entitlement = line.entitlement
        if all_lines:
            handed.append(Handed(entitlement.pk, entitlement.quantity_allocated, line.size_code))
            continue
        if not data.get(f"take-{entitlement.pk}"):
            continue
        raw = data.get(f"quantity-{entitlement.pk}", "").strip()
        if not raw.isdigit():
            raise ValidationError(
                _("%(item)s: give the number handed over.") % {"item": entitlement.item.name}
            )
        size = data.get(f"size-{entitlement.pk}", "").strip() or line.size_code
        handed.append(Handed(entitlement.pk, int(raw), size))
    if not handed:
        raise ValidationError(_("Tick at least one line to hand over."))
    return handed
