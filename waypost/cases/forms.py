"""Forms of the case pages. Pathway steps are not forms of their own: their fields come from
the workflow data (`workflows.Field`), read from the post by name and checked by the service."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waypost.cases import workflows
from waypost.cases.models import CaseNote, CaseStatus, FollowUp, Priority, ReferralConsent
from waypost.cases.referral_fields import service_choices
from waypost.cases.selectors import people_for
from waypost.core.models import Agency, User
from waypost.registry.models import Individual

DATE = forms.DateInput(attrs={"type": "date"})


class OpenCaseForm(forms.Form):
    individual = forms.CharField(label=_("Registration number of the person"), max_length=24)
    pathways = forms.MultipleChoiceField(
        label=_("Pathways"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    is_household_case = forms.BooleanField(
        label=_("A case for the whole household"), required=False
    )
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Priority.choices, initial=Priority.NORMAL
    )
    next_step = forms.CharField(label=_("Next step"), max_length=200, required=False)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DATE)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["pathways"].choices = workflows.pathway_choices()  # type: ignore[attr-defined]

    def clean_individual(self) -> Individual:
        number = self.cleaned_data["individual"].strip()
        try:
            return people_for(self.user).get(number=number)
        except Individual.DoesNotExist:
            raise ValidationError(
                _("No person with this registration number is visible to you.")
            ) from None

    def pathway_data(self) -> dict[str, dict[str, Any]]:
        """The first step's data of each chosen pathway, from fields named `<pathway>-<field>`."""
        chosen = self.cleaned_data.get("pathways", [])
        return {
            code: {
                name: self.data.get(f"{code}-{name}", "")
                for name in workflows.workflow_of(code).initial_requires
            }
            for code in chosen
        }


class CaseUpdateForm(forms.Form):
    prefix = "case"
    status = forms.ChoiceField(label=_("Status"), choices=CaseStatus.choices)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    next_step = forms.CharField(label=_("Next step"), max_length=200, required=False)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DATE)


class NoteForm(forms.ModelForm[CaseNote]):
    class Meta:
        model = CaseNote
        fields = ["purpose", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class FollowUpForm(forms.ModelForm[FollowUp]):
    prefix = "follow_up"

    class Meta:
        model = FollowUp
        fields = ["kind", "title", "due_on"]
        widgets = {"due_on": DATE}


class ConsentForm(forms.Form):
    prefix = "consent"
    recipient_agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.all())
    service = forms.ChoiceField(label=_("Service"), choices=())
    purpose = forms.CharField(label=_("For what purpose"), max_length=200)
    given_on = forms.DateField(label=_("Given on"), widget=DATE)
    how_given = forms.ChoiceField(
        label=_("How it was given"), choices=ReferralConsent.HowGiven.choices
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = service_choices()  # type: ignore[attr-defined]


class ReferForm(forms.Form):
    prefix = "refer"
    to_agency = forms.ModelChoiceField(label=_("Refer to"), queryset=Agency.objects.all())
    service = forms.ChoiceField(label=_("Service"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = service_choices()  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Answer"), choices=[("accept", _("Accept")), ("decline", _("Decline"))]
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
