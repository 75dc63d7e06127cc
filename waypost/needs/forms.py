"""The needs form: which sites, how long, how cold. Pages and the API both read it.

Every field has a default, so the page opens on a useful answer: all sites, a week from today,
and the temperatures of `waypost.needs.standards` (typed in until recorded weather exists).
"""

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core.models import User
from waypost.needs import standards
from waypost.needs.figures import Conditions
from waypost.needs.gap import SORTS
from waypost.needs.selectors import size_choices
from waypost.sites.models import Site
from waypost.sites.selectors import sites_visible_to
from waypost.stock.models import SizeSystem

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ASCENDING, DESCENDING = "asc", "desc"
DEFAULTS = {
    "period_days": str(standards.DEFAULT_PERIOD_DAYS),
    "night_temperature": str(standards.DEFAULT_NIGHT_C),
    "mean_temperature": str(standards.DEFAULT_MEAN_C),
    "sort": "item",
    "order": ASCENDING,
}


def temperature_field(label: "StrOrPromise", help_text: "StrOrPromise") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=standards.LOWEST_C,
        max_value=standards.HIGHEST_C,
        max_digits=4,
        decimal_places=1,
    )


class NeedsForm(forms.Form):
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites"),
        queryset=Site.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every site."),
    )
    start = forms.DateField(
        label=_("From"), required=False, help_text=_("First day of the period; empty: today.")
    )
    period_days = forms.IntegerField(
        label=_("Days"), min_value=1, max_value=standards.MAX_PERIOD_DAYS
    )
    night_temperature = temperature_field(
        _("Night low (°C)"),
        _("The coldest night expected, outside. Sets bedding and winter items."),
    )
    mean_temperature = temperature_field(
        _("Daily mean (°C)"), _("The mean temperature of a day, outside. Sets food energy.")
    )
    sort = forms.ChoiceField(choices=[(key, key) for key in SORTS], required=False)
    order = forms.ChoiceField(
        choices=[(ASCENDING, ASCENDING), (DESCENDING, DESCENDING)], required=False
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visible_sites = sites_visible_to(user).order_by("name")
        self.site_field.queryset = self.visible_sites

    @property
    def site_field(self) -> "forms.ModelMultipleChoiceField[Site]":
        return cast("forms.ModelMultipleChoiceField[Site]", self.fields["sites"])

    @classmethod
    def from_query(cls, query: QueryDict, *, user: User) -> "NeedsForm":
        """Bound to the query, each missing field taking its default."""
        data = query.copy()
        for name, value in DEFAULTS.items():
            if not data.get(name):
                data[name] = value
        return cls(data, user=user)

    def chosen_sites(self) -> list[Site]:
        """The sites ticked, or every site the user may see."""
        return list(self.cleaned_data["sites"]) or list(self.visible_sites)

    def conditions(self) -> Conditions:
        return Conditions(
            on=self.cleaned_data["start"] or timezone.localdate(),
            night_c=self.cleaned_data["night_temperature"],
            mean_c=self.cleaned_data["mean_temperature"],
        )

    def filters(self) -> dict[str, Any]:
        """The cleaned filters as query parameters (without the sort)."""
        conditions = self.conditions()
        return {
            "sites": [site.code for site in self.cleaned_data["sites"]],
            "start": conditions.on.isoformat(),
            "period_days": self.cleaned_data["period_days"],
            "night_temperature": conditions.night_c,
            "mean_temperature": conditions.mean_c,
        }


class SizesForm(forms.Form):
    """A person's shoe and clothing sizes, as measured or asked; at least one."""

    shoe_size = forms.ChoiceField(label=_("Shoe size (EU)"), required=False)
    clothing_size = forms.ChoiceField(label=_("Clothing size"), required=False)
    SYSTEMS = {"shoe_size": SizeSystem.EU_SHOE, "clothing_size": SizeSystem.AGE_BAND}

    def __init__(self, *args: Any, recorded: dict[str, str], **kwargs: Any) -> None:
        kwargs["initial"] = {
            name: recorded.get(system, "") for name, system in self.SYSTEMS.items()
        }
        super().__init__(*args, **kwargs)
        for name, system in self.SYSTEMS.items():
            field = cast(forms.ChoiceField, self.fields[name])
            field.choices = [("", _("Not recorded")), *size_choices(system)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(name) for name in self.SYSTEMS):
            raise forms.ValidationError(_("Choose a shoe size or a clothing size."))
        return cleaned

    def sizes(self) -> dict[str, str]:
        """The sizes chosen, by size system (those left empty are kept as they were)."""
        data = self.cleaned_data
        return {system: data[name] for name, system in self.SYSTEMS.items() if data.get(name)}
