"""One person as a clerk types them: names, sex, a date of birth or an age, documents, needs.

The form checks single fields (dates or ages, phones, codes, countries) and hands the services a
`MemberData`; rules across members and records stay in the services.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core.models import User
from waypost.registry.models import (
    DatePrecision,
    DocumentType,
    Relationship,
    Sex,
    SpecificNeedCode,
)
from waypost.registry.selectors import visible_fields
from waypost.registry.services import DocumentData, MemberData
from waypost.registry.validators import (
    BirthDate,
    parse_birth_date,
    parse_phones,
    validate_country_code,
)

_LIST_SEPARATORS = re.compile(r"[,;\s]+")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
# Names in Arabic, Kurdish or Persian script run right to left whatever the page language.
OWN_SCRIPT = forms.TextInput(attrs={"dir": "auto"})
# A later member who leaves these empty gets the head of household's values.
HEAD_DEFAULTS = ("family_name", "nationality", "languages")
# Which permission group (see selectors.FIELD_GROUPS) a form field belongs to, when not its own.
FIELD_GROUP_OF = {
    "document_type": "documents",
    "document_number": "documents",
    "document_country": "documents",
}


def split_codes(text: str) -> list[str]:
    return list(dict.fromkeys(part for part in _LIST_SEPARATORS.split(text.strip()) if part))


def offered_need_codes(user: User) -> list[SpecificNeedCode]:
    """The specific-need codes a clerk may pick: current ones the user is allowed to see."""
    codes = SpecificNeedCode.objects.exclude(status=SpecificNeedCode.Status.LEGACY)
    if not user.can("registry.view_sensitive"):
        codes = codes.filter(is_sensitive=False)
    return list(codes)


@dataclass(frozen=True)
class BirthPreview:
    """The date of birth a typed date, year or age stands for, shown back to the clerk."""

    value: date | None = None
    precision: str = ""
    error: str = ""

    @property
    def precision_label(self) -> str:
        return str(DatePrecision(self.precision).label) if self.precision else ""


def preview_birth_date(text: str) -> BirthPreview:
    if not text.strip():
        return BirthPreview()
    try:
        birth = parse_birth_date(text, today=timezone.localdate())
    except ValidationError as error:
        return BirthPreview(error=" ".join(error.messages))
    return BirthPreview(birth.value, birth.precision)


def typed_birth_date(data: QueryDict) -> str:
    """The date-of-birth text of a live preview request, whatever the row prefix is."""
    key = next((key for key in data if key.endswith("date_of_birth")), "")
    return str(data.get(key) or "")


def birth_text(member: MemberData) -> str:
    """A recorded date of birth as offered for correction: the year alone if only it is known."""
    if member.date_of_birth_precision == DatePrecision.YEAR:
        return str(member.date_of_birth.year)
    return member.date_of_birth.isoformat()


class MemberForm(forms.Form):
    """One person: the same form on registration (one row each), on adding and on correcting."""

    relationship = forms.ChoiceField(
        label=_("Relationship to the head"), choices=Relationship.choices, required=False
    )
    given_name = forms.CharField(label=_("Given name"), max_length=80)
    father_name = forms.CharField(label=_("Father's name"), max_length=80, required=False)
    grandfather_name = forms.CharField(label=_("Grandfather's name"), max_length=80, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=80, required=False)
    given_name_native = forms.CharField(
        label=_("Given name, own script"), max_length=80, required=False, widget=OWN_SCRIPT
    )
    father_name_native = forms.CharField(
        label=_("Father's name, own script"), max_length=80, required=False, widget=OWN_SCRIPT
    )
    grandfather_name_native = forms.CharField(
        label=_("Grandfather's name, own script"), max_length=80, required=False, widget=OWN_SCRIPT
    )
    family_name_native = forms.CharField(
        label=_("Family name, own script"), max_length=80, required=False, widget=OWN_SCRIPT
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices])
    date_of_birth = forms.CharField(
        label=_("Date of birth or age"),
        max_length=20,
        help_text=_("1990-05-12, 12.05.1990, a year (1990) or an age (34, or 8m for months)"),
        widget=forms.TextInput(
            attrs={
                "hx-get": reverse_lazy("registry:birth_date"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "next output",
                "hx-swap": "outerHTML",
            }
        ),
    )
    nationality = forms.CharField(
        label=_("Nationality"),
        max_length=3,
        required=False,
        help_text=_("Three letters, e.g. IRQ, SYR, AFG"),
        widget=forms.TextInput(attrs={"list": "nationalities", "autocapitalize": "characters"}),
    )
    languages = forms.CharField(
        label=_("Languages"), max_length=60, required=False, help_text=_("Codes, e.g. ckb, ar")
    )
    phones = forms.CharField(
        label=_("Phones"),
        max_length=120,
        required=False,
        help_text=_("With the country code, e.g. +964 750 123 4567; several: commas"),
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    document_type = forms.ChoiceField(
        label=_("Document"), choices=[("", "—"), *DocumentType.choices], required=False
    )
    document_number = forms.CharField(label=_("Document number"), max_length=40, required=False)
    document_country = forms.CharField(
        label=_("Issued by"),
        max_length=3,
        required=False,
        help_text=_("Country code; empty: the nationality"),
        widget=forms.TextInput(attrs={"list": "nationalities", "autocapitalize": "characters"}),
    )
    specific_needs = forms.CharField(
        label=_("Specific needs"),
        max_length=200,
        required=False,
        help_text=_("Codes, e.g. SM-CI, DS-PM"),
        widget=forms.TextInput(attrs={"list": "specific-need-codes"}),
    )
    is_pregnant = forms.BooleanField(label=_("Pregnant"), required=False)
    expected_delivery_date = forms.DateField(
        label=_("Expected delivery"),
        required=False,
        # Typed like the date of birth: a date picker costs four Tab stops per member.
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"placeholder": "2027-02-15"}, format="%Y-%m-%d"),
    )
    is_lactating = forms.BooleanField(label=_("Breastfeeding"), required=False)

    def __init__(
        self,
        *args: Any,
        user: User,
        position: int = 0,
        fallback: Mapping[str, Any] | None = None,
        current: MemberData | None = None,
        hidden_needs: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.default_relationship = Relationship.HEAD if position == 0 else Relationship.CHILD
        self.fields["relationship"].initial = self.default_relationship
        self.fallback = fallback
        self.current = current
        self.hidden_needs = list(hidden_needs)
        if current is not None:
            self._drop_fields_hidden_from(user)
        if position > 0 or fallback:
            for name in HEAD_DEFAULTS:
                self.fields[name].help_text = _("Empty: as for the head of household.")

    def _drop_fields_hidden_from(self, user: User) -> None:
        """A correction leaves the fields the user may not see as they are."""
        shown = visible_fields(user)
        for name in list(self.fields):
            if FIELD_GROUP_OF.get(name, name) not in shown:
                del self.fields[name]

    @property
    def birth_preview(self) -> BirthPreview:
        if "date_of_birth" not in self.fields:
            return BirthPreview()
        return preview_birth_date(str(self["date_of_birth"].value() or ""))

    def clean_relationship(self) -> str:
        return str(self.cleaned_data["relationship"] or self.default_relationship)

    def clean_date_of_birth(self) -> BirthDate:
        text = self.cleaned_data["date_of_birth"]
        if self.current is not None and text == birth_text(self.current):
            # Unchanged: keep the recorded precision (an estimate stays an estimate).
            return BirthDate(self.current.date_of_birth, self.current.date_of_birth_precision)
        return parse_birth_date(text, today=timezone.localdate())

    def clean_nationality(self) -> str:
        text = self.cleaned_data["nationality"]
        return validate_country_code(text) if text.strip() else ""

    def clean_document_country(self) -> str:
        text = self.cleaned_data["document_country"]
        return validate_country_code(text) if text.strip() else ""

    def clean_languages(self) -> list[str]:
        codes = [code.lower() for code in split_codes(self.cleaned_data["languages"])]
        for code in codes:
            if not _LANGUAGE_CODE.match(code):
                raise ValidationError(
                    _("“%(code)s” is not a language code (e.g. ckb, kmr, ar, fa)."),
                    code="unknown_language",
                    params={"code": code},
                )
        return codes

    def clean_phones(self) -> list[str]:
        return parse_phones(self.cleaned_data["phones"])

    def clean_specific_needs(self) -> list[str]:
        codes = [code.upper() for code in split_codes(self.cleaned_data["specific_needs"])]
        offered = set(
            SpecificNeedCode.objects.filter(code__in=codes)
            .exclude(status=SpecificNeedCode.Status.LEGACY)
            .values_list("code", flat=True)
        )
        if unknown := [code for code in codes if code not in offered]:
            raise ValidationError(
                _("Unknown specific-need code: %(codes)s. Pick one from the list."),
                code="unknown_need",
                params={"codes": ", ".join(unknown)},
            )
        return codes

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("document_number") and not data.get("document_type"):
            self.add_error("document_type", _("Choose the kind of document."))
        if data.get("document_type") and not data.get("document_number"):
            self.add_error("document_number", _("Type the document number."))
        if self.fallback is not None:
            self.apply_defaults(self.fallback)
        return data

    def apply_defaults(self, defaults: Mapping[str, Any]) -> None:
        """Fill what was left empty from the head of household; a nationality is needed."""
        for name in HEAD_DEFAULTS:
            if name in self.cleaned_data and not self.cleaned_data[name] and defaults.get(name):
                self.cleaned_data[name] = defaults[name]
        if "nationality" in self.cleaned_data and not self.cleaned_data["nationality"]:
            self.add_error("nationality", _("Type the nationality, e.g. IRQ."))

    def member_data(self) -> MemberData:
        data = self.cleaned_data
        values: dict[str, Any] = {
            name: data[name] for name in MEMBER_DATA_FIELDS if name in self.fields
        }
        if "date_of_birth" in self.fields:
            birth: BirthDate = data["date_of_birth"]
            values.update(date_of_birth=birth.value, date_of_birth_precision=birth.precision)
        if "document_number" in self.fields:
            values["documents"] = self._documents()
        if "specific_needs" in self.fields:
            values["specific_needs"] = [*data["specific_needs"], *self.hidden_needs]
        if self.current is not None:
            return replace(self.current, **values)
        return MemberData(**values)

    def _documents(self) -> list[DocumentData]:
        data = self.cleaned_data
        others = self.current.documents[1:] if self.current is not None else []
        if not data["document_number"]:
            return list(others)
        country = data["document_country"] or data["nationality"]
        typed = DocumentData(data["document_type"], data["document_number"], country)
        return [typed, *others]

    def field_groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields in the order a clerk fills them, in labelled groups."""
        return [
            (str(legend), [self[name] for name in names if name in self.fields])
            for legend, names in zip(_GROUP_LEGENDS, _GROUPED_FIELDS, strict=True)
        ]


_GROUP_LEGENDS = (
    _("Name"),
    _("Name in own script"),
    _("Person"),
    _("Contact and documents"),
    _("Specific needs"),
)
_GROUPED_FIELDS: tuple[tuple[str, ...], ...] = (
    ("given_name", "father_name", "grandfather_name", "family_name"),
    ("given_name_native", "father_name_native", "grandfather_name_native", "family_name_native"),
    ("relationship", "sex", "date_of_birth", "nationality", "languages"),
    ("phones", "document_type", "document_number", "document_country"),
    ("specific_needs", "is_pregnant", "expected_delivery_date", "is_lactating"),
)
MEMBER_DATA_FIELDS = (
    *_GROUPED_FIELDS[0],
    *_GROUPED_FIELDS[1],
    "relationship",
    "sex",
    "nationality",
    "languages",
    "phones",
    "is_pregnant",
    "expected_delivery_date",
    "is_lactating",
)
