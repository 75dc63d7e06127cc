"""A household registered in one go: the household's fields and one row per member.

Rows are a formset with the prefix "members". The services check the rules across members and
answer with `ValidationError` keys such as "members.2.is_pregnant"; `add_member_errors` puts each
message back on the field of the row it is about.
"""

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from waypost.core.models import User
from waypost.registry.forms.household import ConsentsField, HouseholdForm
from waypost.registry.forms.member import HEAD_DEFAULTS, MemberForm
from waypost.registry.models import Relationship
from waypost.registry.services import MemberData

MEMBERS_PREFIX = "members"
# The services report a person's documents under one key; the form has one document number.
SERVICE_FIELD_ALIASES = {"documents": "document_number"}


class BaseMemberFormSet(forms.BaseFormSet[MemberForm]):
    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        user: User,
        rows: Sequence[dict[str, Any]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(data, prefix=MEMBERS_PREFIX, **kwargs)
        self.user = user
        self.rows = list(rows)
        if not self.is_bound:
            self.extra = max(len(self.rows) - self.min_num, 0)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        kwargs.update(user=self.user, position=index or 0)
        if index is not None and index < len(self.rows):
            kwargs["initial"] = self.rows[index]
        return kwargs

    @property
    def used_forms(self) -> list[MemberForm]:
        """The rows that hold a person: the first one always, others once typed in."""
        return [form for form in self.forms if form.has_changed() or not form.empty_permitted]

    def clean(self) -> None:
        used = self.used_forms
        if not used:
            return
        # The head's values, or the first row's when no one is head yet (the services then
        # say so at the relationship field, rather than every row asking for a nationality).
        head = next(
            (f for f in used if f.cleaned_data.get("relationship") == Relationship.HEAD), used[0]
        )
        defaults = {name: head.cleaned_data.get(name) for name in HEAD_DEFAULTS}
        for form in used:
            form.apply_defaults({} if form is head else defaults)

    def member_data(self) -> list[MemberData]:
        return [form.member_data() for form in self.used_forms]


MemberFormSet = cast(
    type[BaseMemberFormSet],
    forms.formset_factory(
        MemberForm, formset=BaseMemberFormSet, extra=0, min_num=1, validate_min=True
    ),
)


class AddMemberForm(MemberForm):
    """A person joining a registered household, with what they consented to."""

    consents = ConsentsField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_name"].widget.attrs["autofocus"] = True


def service_errors(error: ValidationError) -> list[tuple[str, list[str]]]:
    if hasattr(error, "error_dict"):
        return list(error.message_dict.items())
    return [(NON_FIELD_ERRORS, error.messages)]


def add_member_errors(member_forms: Sequence[MemberForm], error: ValidationError) -> list[str]:
    """Put the services' "members.<i>.<field>" messages on their fields; return the others."""
    others: list[str] = []
    for key, messages in service_errors(error):
        match key.split("."):
            case ["members", index, name] if index.isdigit() and int(index) < len(member_forms):
                form = member_forms[int(index)]
                field = SERVICE_FIELD_ALIASES.get(name, name)
                form.add_error(field if field in form.fields else None, messages)
            case ["members"] if member_forms:
                # The head rule: shown at the relationship of every head, or of the first row.
                heads = [
                    form
                    for form in member_forms
                    if form.cleaned_data.get("relationship") == Relationship.HEAD
                ]
                for form in heads if len(heads) > 1 else member_forms[:1]:
                    form.add_error("relationship", messages)
            case _:
                others.extend(messages)
    return others


def row_values(data: QueryDict, index: int) -> dict[str, Any]:
    prefix = f"{MEMBERS_PREFIX}-{index}-"
    return {name: data[prefix + name] for name in MemberForm.base_fields if prefix + name in data}


class RegistrationEntry:
    """The registration page: a household form and its member rows, checked and saved as one."""

    def __init__(
        self,
        *,
        user: User,
        data: QueryDict | None = None,
        rows: Sequence[dict[str, Any]] = (),
        household_initial: dict[str, Any] | None = None,
        focus: int = 0,
    ) -> None:
        self.user = user
        self.data = data
        self.household = HouseholdForm(data, user=user, initial=household_initial)
        self.members = MemberFormSet(data, user=user, rows=rows)
        if data is None:
            self.members.forms[focus].fields["given_name"].widget.attrs["autofocus"] = True

    @property
    def wants_another_member(self) -> bool:
        return self.data is not None and "add_member" in self.data

    @property
    def next_index(self) -> int:
        return self.members.total_form_count()

    def is_valid(self) -> bool:
        household_valid = self.household.is_valid()
        return self.members.is_valid() and household_valid

    def registration(self) -> dict[str, Any]:
        """The arguments of `register_household`, besides who registers."""
        return {**self.household.cleaned_data, "members": self.members.member_data()}

    def add_service_errors(self, error: ValidationError) -> None:
        for message in add_member_errors(self.members.used_forms, error):
            self.household.add_error(None, message)

    def with_another_member(self) -> "RegistrationEntry":
        """The same entry, unchecked, with one more empty row (the form without JavaScript)."""
        data = self.data if self.data is not None else QueryDict()
        count = self.next_index
        return RegistrationEntry(
            user=self.user,
            rows=[row_values(data, index) for index in range(count)] + [{}],
            household_initial={
                "site": data.get("site"),
                "shelter_location": data.get("shelter_location", ""),
                "consents": data.getlist("consents"),
            },
            focus=count,
        )

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id, where, message) for every error, in page order, to list at the top."""
        summary = [("", "", str(message)) for message in self.members.non_form_errors()]
        for number, form in enumerate(self.members.forms, start=1):
            summary += form_errors(form, _("Member %(number)s") % {"number": number})
        return summary + form_errors(self.household, "")


def form_errors(form: forms.Form, where: str) -> list[tuple[str, str, str]]:
    found = []
    for name, messages in form.errors.items():
        field = form[name] if name in form.fields else None
        label = " · ".join(part for part in (where, str(field.label) if field else "") if part)
        found += [(field.id_for_label if field else "", label, str(msg)) for msg in messages]
    return found
