"""The household's own fields, the search box, a removal's reason and a new row's number."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.formsets import DEFAULT_MAX_NUM
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from waypost.core.models import User
from waypost.registry.models import Consent, Household
from waypost.sites.models import Site, SiteKind
from waypost.sites.selectors import sites_visible_to


def sites_housing_people(user: User) -> QuerySet[Site]:
    return sites_visible_to(user).exclude(kind=SiteKind.WAREHOUSE)


class HouseholdPlaceForm(forms.Form):
    """Where a household lives: the site and the tent, room or plot in it."""

    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.none())
    shelter_location = forms.CharField(
        label=_("Shelter"),
        max_length=60,
        required=False,
        help_text=_("Tent, room or plot, e.g. B-14"),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sites = sites_housing_people(user)
        site_field: forms.ModelChoiceField[Site] = self.fields["site"]  # type: ignore[assignment]
        site_field.queryset = sites
        if "site" not in self.initial and len(sites) == 1:
            self.initial["site"] = sites[0].pk

    @classmethod
    def for_household(
        cls, household: Household, *, user: User, data: Any = None
    ) -> "HouseholdPlaceForm":
        initial = {"site": household.site_id, "shelter_location": household.shelter_location}
        return cls(data, user=user, initial=initial)


class ConsentsField(forms.MultipleChoiceField):
    """What the person agreed to, read out to them in their language; assistance by default."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label=_("Consents given"),
            choices=Consent.Topic.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            initial=[Consent.Topic.ASSISTANCE],
            **kwargs,
        )


class HouseholdForm(HouseholdPlaceForm):
    consents = ConsentsField()


class RemoveMemberForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this person removed?"),
        max_length=500,
        help_text=_("E.g. registered twice, or not part of this household."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, phone, document or registration number"),
        max_length=100,
        required=False,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autofocus": True,
                "autocomplete": "off",
                "hx-get": reverse_lazy("registry:search"),
                "hx-trigger": "input changed delay:300ms, search",
                "hx-target": "#results",
                "hx-swap": "outerHTML",
            }
        ),
    )


class MemberRowForm(forms.Form):
    """Which row of the registration form to add (rows count from 0; the head is row 0)."""

    index = forms.IntegerField(min_value=1, max_value=DEFAULT_MAX_NUM - 1, required=False)

    def row_index(self) -> int:
        return self.cleaned_data["index"] or 1
