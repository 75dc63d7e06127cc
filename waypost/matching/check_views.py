"""The duplicate check as a page: who a person being registered may already be.

The registration and add-member pages ask for the `results` part with htmx as the clerk types
(see `registry/register.html`); without JavaScript the page itself has a small form.
"""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core.permissions import requires
from waypost.matching.selectors import DuplicateCheck, likely_duplicates
from waypost.matching.typed import LONGEST_VALUE, typed_fields, typed_records
from waypost.registry.views import Request


class CheckForm(forms.Form):
    """The fields the check reads, for the page without JavaScript."""

    given_name = forms.CharField(label=_("Given name"), max_length=LONGEST_VALUE, required=False)
    father_name = forms.CharField(
        label=_("Father's name"), max_length=LONGEST_VALUE, required=False
    )
    family_name = forms.CharField(label=_("Family name"), max_length=LONGEST_VALUE, required=False)
    given_name_native = forms.CharField(
        label=_("Given name, own script"),
        max_length=LONGEST_VALUE,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    date_of_birth = forms.CharField(
        label=_("Date of birth or age"), max_length=LONGEST_VALUE, required=False
    )
    phones = forms.CharField(label=_("Phone"), max_length=LONGEST_VALUE, required=False)


@requires("matching.check")
def check(request: Request) -> HttpResponse:
    records = typed_records(typed_fields(request.GET), today=timezone.localdate())
    found = DuplicateCheck()
    if records:
        found = likely_duplicates(request.user, records[0], other_scripts=records[1:])
    context = {"check": found, "checked": bool(records), "form": CheckForm(request.GET)}
    template = "matching/check.html#results" if request.htmx else "matching/check.html"
    return render(request, template, context)
