"""The counselling forms: the facts the guide needs, the session, a sheet's text and its review.

Pages and the API both validate through these forms.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.counselling.guide import Facts, FamilyMember
from waypost.counselling.guide.data import guide
from waypost.counselling.models import SheetLanguage
from waypost.counselling.sheets import SHEETS

FAMILY_SLOTS = 3
UNKNOWN = ""
TRI_STATE = [(UNKNOWN, _("Not known")), ("yes", _("Yes")), ("no", _("No"))]


def vocabulary(name: str) -> list[tuple[str, str]]:
    return list(guide().vocabulary[name].items())


def tri_state(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=TRI_STATE, required=False)


def as_bool(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class FactsForm(forms.Form):
    """What the person tells the counsellor; nationality and age come from the registry."""

    unaccompanied = tri_state(_("Unaccompanied child"))
    separated = tri_state(_("Separated child"))
    married = tri_state(_("Married"))
    documents = forms.MultipleChoiceField(
        label=_("Documents held"), required=False, widget=forms.CheckboxSelectMultiple
    )
    wishes = forms.MultipleChoiceField(
        label=_("Stated wishes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    eu_application_registered_on = forms.DateField(
        label=_("Asylum application registered in an EU State on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = vocabulary("documents")  # type: ignore[attr-defined]
        self.fields["wishes"].choices = vocabulary("wishes")  # type: ignore[attr-defined]
        for slot in range(FAMILY_SLOTS):
            self.add_family_slot(slot)

    def add_family_slot(self, slot: int) -> None:
        prefix = f"family_{slot}_"
        self.fields[prefix + "country"] = forms.CharField(
            label=_("Country (ISO code, e.g. DEU)"), max_length=3, required=False
        )
        self.fields[prefix + "relation"] = forms.ChoiceField(
            label=_("Relation"), choices=[("", "—"), *vocabulary("relations")], required=False
        )
        statuses = [(k, v) for k, v in vocabulary("statuses") if k != "unknown"]
        self.fields[prefix + "status"] = forms.ChoiceField(
            label=_("Legal status there"), choices=[("", _("Not known")), *statuses], required=False
        )
        self.fields[prefix + "granted_on"] = forms.DateField(
            label=_("Status granted on"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}),
        )
        self.fields[prefix + "can_take_care"] = tri_state(_("Can take care of the child"))

    def family_slots(self) -> list[list[forms.BoundField]]:
        names = ("country", "relation", "status", "granted_on", "can_take_care")
        return [[self[f"family_{slot}_{name}"] for name in names] for slot in range(FAMILY_SLOTS)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for slot in range(FAMILY_SLOTS):
            prefix = f"family_{slot}_"
            country = (cleaned.get(prefix + "country") or "").strip().upper()
            cleaned[prefix + "country"] = country
            if country and not cleaned.get(prefix + "relation"):
                self.add_error(prefix + "relation", _("Say how this relative is related."))
            if cleaned.get(prefix + "relation") and (len(country) != 3 or not country.isalpha()):
                self.add_error(prefix + "country", _("Give the country as a 3-letter ISO code."))
        return cleaned

    def facts(self, base: Facts) -> Facts:
        """The registry's facts with what the person told added."""
        data = self.cleaned_data
        members = tuple(
            FamilyMember(
                country=data[f"family_{slot}_country"],
                relation=data[f"family_{slot}_relation"],
                status=data[f"family_{slot}_status"] or None,
                status_granted_on=data[f"family_{slot}_granted_on"],
                can_take_care=as_bool(data[f"family_{slot}_can_take_care"]),
            )
            for slot in range(FAMILY_SLOTS)
            if data.get(f"family_{slot}_relation")
        )
        return Facts(
            nationality=base.nationality,
            age=base.age,
            pregnant=base.pregnant,
            specific_needs=base.specific_needs,
            unaccompanied=as_bool(data["unaccompanied"])
            if data["unaccompanied"]
            else base.unaccompanied,
            separated=as_bool(data["separated"]) if data["separated"] else base.separated,
            married=as_bool(data["married"]),
            family_abroad=members,
            documents=tuple(data["documents"]),
            wishes=tuple(data["wishes"]),
            eu_application_registered_on=data["eu_application_registered_on"],
        )


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Language"), choices=SheetLanguage.choices)
    interpreter = forms.CharField(
        label=_("Interpreter (name or service; empty if none)"), max_length=120, required=False
    )
    sheets_given = forms.MultipleChoiceField(
        label=_("Information sheets given"),
        required=False,
        choices=[(sheet, sheet) for sheet in SHEETS],
        widget=forms.CheckboxSelectMultiple,
    )
    decision = forms.MultipleChoiceField(
        label=_("What the person said they want"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    decision_notes = forms.CharField(
        label=_("In the person's words"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    case = forms.ChoiceField(label=_("Case"), required=False)

    def __init__(self, *args: Any, cases: Sequence[Any] = (), **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"held_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.cases = {str(case.pk): case for case in cases}
        self.fields["case"].choices = [  # type: ignore[attr-defined]
            ("", _("No case")),
            *(
                (key, f"{case.agency} · {case.get_status_display()} · {case.opened_at:%Y-%m-%d}")
                for key, case in self.cases.items()
            ),
        ]
        self.fields["decision"].choices = vocabulary("wishes")  # type: ignore[attr-defined]

    def chosen_case(self) -> Any:
        return self.cases.get(self.cleaned_data.get("case") or "")

    def clean_held_on(self) -> date:
        held_on: date = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("A session cannot be recorded for a future date."))
        return held_on


class SheetTextForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Paragraphs separated by an empty line; a line starting with “- ” is a list item."
        ),
    )


class ReviewForm(forms.Form):
    reviewer = forms.CharField(label=_("Reviewed by"), max_length=120)
    reviewed_on = forms.DateField(
        label=_("Reviewed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
