"""The card pages' forms: a site to print for, a reason to reissue or revoke."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PrintForm(forms.Form):
    site = forms.UUIDField(widget=forms.HiddenInput)


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the card reissued?"),
        max_length=200,
        help_text=_("E.g. lost, damaged, taken by someone else. The old card stops working."),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the card revoked?"),
        max_length=200,
        help_text=_("E.g. sold, used by someone outside the household. It stops working now."),
    )
