"""The relocation forms: places at a safe location, a plan's origins, a move, an answer."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.relocation import selectors
from waypost.relocation.beds import BedKind
from waypost.relocation.models import SafeLocation, Transport


class PlacesForm(forms.Form):
    site = forms.ModelChoiceField(queryset=selectors.sites_that_may_become_safe(), label=_("Site"))
    beds_unheated = forms.IntegerField(min_value=0, initial=0, label=BedKind.UNHEATED.label)
    beds_heated = forms.IntegerField(min_value=0, initial=0, label=BedKind.HEATED.label)
    beds_accessible = forms.IntegerField(min_value=0, initial=0, label=BedKind.ACCESSIBLE.label)
    beds_medical = forms.IntegerField(min_value=0, initial=0, label=BedKind.MEDICAL.label)

    def beds(self) -> dict[str, int]:
        return {kind: self.cleaned_data[f"beds_{kind}"] for kind in BedKind.values}


class MakePlanForm(forms.Form):
    origins = forms.ModelMultipleChoiceField(
        queryset=selectors.sites_people_leave(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Move people from"),
        error_messages={"required": _("Choose the sites people may be moved from.")},
    )


class MoveForm(forms.Form):
    destination = forms.ModelChoiceField(
        queryset=selectors.safe_locations(),
        required=False,
        label=_("Destination"),
        empty_label=_("— take out of the plan —"),
    )
    transport = forms.ChoiceField(choices=Transport.choices, required=False, label=_("Transport"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["destination"].label_from_instance = _location_label  # type: ignore[attr-defined]


def _location_label(location: SafeLocation) -> str:
    return location.site.name


class AnswerForm(forms.Form):
    informed_at = forms.DateTimeField(
        label=_("Informed on"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        initial=lambda: timezone.localtime().replace(second=0, microsecond=0),
    )
    language = forms.ChoiceField(choices=settings.LANGUAGES, label=_("Language used"))
    agreed = forms.TypedChoiceField(
        choices=[("yes", _("Agrees to move")), ("no", _("Declines to move"))],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        label=_("Answer"),
    )
    note = forms.CharField(max_length=300, required=False, label=_("Note"))
