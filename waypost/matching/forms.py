"""What an officer chooses on the review pages (and sends to the API), read and checked."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waypost.core.models import User
from waypost.matching import services
from waypost.matching.models import DuplicateProposal, Merge, Source
from waypost.sites.selectors import sites_visible_to

NOTE_LENGTH = 2000
SAME, DIFFERENT = "same", "different"


class QueueFilterForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Found by"), choices=[("", _("Any")), *Source.choices], required=False
    )
    site = forms.ChoiceField(label=_("Site"), required=False)
    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sites = sites_visible_to(user).values_list("code", "name")
        site_field: forms.ChoiceField = self.fields["site"]  # type: ignore[assignment]
        site_field.choices = [("", _("Any")), *sites]

    def filters(self) -> dict[str, str]:
        """The filters to apply; none of a value that did not validate."""
        if not self.is_valid():
            return {"source": "", "site": ""}
        return {"source": self.cleaned_data["source"], "site": self.cleaned_data["site"]}


class DecisionForm(forms.Form):
    """Same person (and which record stands for them from now on) or different people."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(SAME, _("Same person")), (DIFFERENT, _("Different people"))],
        widget=forms.RadioSelect,
    )
    survivor = forms.ChoiceField(
        label=_("Record that stays"),
        choices=[("first", _("Left record")), ("second", _("Right record"))],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("The other record is kept, with its history, as an earlier record of them."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What you checked: a document, a phone, an interview."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == SAME and not cleaned.get("survivor"):
            self.add_error("survivor", _("Choose the record that stays."))
        return cleaned

    def apply(self, proposal: DuplicateProposal, *, by: User) -> str:
        """Take the decision through the services; a refusal lands on the form's fields."""
        data = self.cleaned_data
        try:
            if data["decision"] == DIFFERENT:
                services.mark_different(proposal, by=by, note=data["note"])
                return str(_("Recorded as different people; this pair is not proposed again."))
            survivor = proposal.first if data["survivor"] == "first" else proposal.second
            if survivor is None:
                raise ValidationError({"survivor": _("This record was removed.")})
            services.merge(proposal, survivor=survivor, by=by, note=data["note"])
        except ValidationError as refused:
            add_errors(self, refused, fallback="decision")
            raise
        return str(_("Merged into %(number)s.") % {"number": survivor.number})


class UnmergeForm(forms.Form):
    note = forms.CharField(
        label=_("Why undo this merge?"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def apply(self, merge: Merge, *, by: User) -> str:
        try:
            services.unmerge(merge, by=by, note=self.cleaned_data["note"])
        except ValidationError as refused:
            add_errors(self, refused, fallback="note")
            raise
        return str(
            _("%(merged)s stands for itself again; the pair is back in the queue.")
            % {"merged": merge.merged_number}
        )


def add_errors(form: forms.Form, refused: ValidationError, *, fallback: str) -> None:
    """A service's refusal on the field it names, or on `fallback` when the form has no such."""
    for name, messages in refused.message_dict.items():
        form.add_error(name if name in form.fields else fallback, messages)
