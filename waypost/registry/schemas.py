"""What the registry API reads and writes, and how a record becomes a response for one user.

Input is parsed with the same validators as the registration form. Output carries only the
fields the asking user may see (`selectors.visible_fields`): `member_out` puts a key in the dict
only when its field group is granted, and the operations leave unset fields out of the JSON, so
a field a user may not see is absent, not empty.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from datetime import date, datetime
from functools import partial
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from ninja import Field, Schema

from waypost.core.api import FieldErrorOut as FieldErrorOut
from waypost.core.api import ValidationErrorsOut as ValidationErrorsOut
from waypost.core.api import field_errors as field_errors
from waypost.core.models import User
from waypost.registry.models import (
    Consent,
    DocumentType,
    Household,
    Individual,
    IndividualSpecificNeed,
    Relationship,
    Sex,
)
from waypost.registry.selectors import SearchHit, visible_fields
from waypost.registry.services import DocumentData, MemberData
from waypost.registry.validators import parse_birth_date, parse_phones, validate_country_code

NAME_LENGTH = Individual._meta.get_field("given_name").max_length


class DocumentIn(Schema):
    document_type: DocumentType
    number: str = Field(min_length=1, max_length=40)
    issuing_country: str = Field(description="ISO 3166 alpha-3, e.g. IRQ")


class MemberIn(Schema):
    relationship: Relationship
    given_name: str = Field(min_length=1, max_length=NAME_LENGTH)
    father_name: str = Field("", max_length=NAME_LENGTH)
    grandfather_name: str = Field("", max_length=NAME_LENGTH)
    family_name: str = Field("", max_length=NAME_LENGTH)
    given_name_native: str = Field("", max_length=NAME_LENGTH)
    father_name_native: str = Field("", max_length=NAME_LENGTH)
    grandfather_name_native: str = Field("", max_length=NAME_LENGTH)
    family_name_native: str = Field("", max_length=NAME_LENGTH)
    sex: Sex
    date_of_birth: str = Field(
        description="A date (1990-05-12 or 12.05.1990), a year (1990) or an age (34, or 8m)"
    )
    nationality: str = Field(description="ISO 3166 alpha-3, or XXA (stateless), XXX (unknown)")
    languages: list[str] = []
    phones: list[str] = Field([], description="With the country code, e.g. +964 750 123 4567")
    documents: list[DocumentIn] = []
    specific_needs: list[str] = Field([], description="Specific-need codes, e.g. SM-DP")
    is_pregnant: bool = False
    expected_delivery_date: date | None = None
    is_lactating: bool = False


class HouseholdIn(Schema):
    site: str = Field(description="The site's code, e.g. BRZ")
    shelter_location: str = Field("", max_length=60)
    consents: list[Consent.Topic] = []
    members: list[MemberIn]


class BirthDateOut(Schema):
    value: date
    precision: str


class DocumentOut(Schema):
    document_type: str
    number: str
    issuing_country: str


class ConsentOut(Schema):
    topic: str
    legal_basis: str
    recipient_agency: str | None
    given_by_head: bool
    recorded_at: datetime


class SpecificNeedOut(Schema):
    code: str
    label: str
    identified_at: datetime
    referral_status: str


class MemberOut(Schema):
    """A person as the caller may see them: fields outside the caller's permissions are absent."""

    id: UUID
    number: str | None = None
    relationship: str | None = None
    given_name: str | None = None
    father_name: str | None = None
    grandfather_name: str | None = None
    family_name: str | None = None
    given_name_native: str | None = None
    father_name_native: str | None = None
    grandfather_name_native: str | None = None
    family_name_native: str | None = None
    sex: str | None = None
    age: int | None = None
    current_site: str | None = None
    date_of_birth: BirthDateOut | None = None
    nationality: str | None = None
    languages: list[str] | None = None
    phones: list[str] | None = None
    documents: list[DocumentOut] | None = None
    consents: list[ConsentOut] | None = None
    specific_needs: list[SpecificNeedOut] | None = None
    is_pregnant: bool | None = None
    expected_delivery_date: date | None = None
    is_lactating: bool | None = None
    sensitive_specific_needs: list[SpecificNeedOut] | None = None


class IndividualOut(MemberOut):
    household_id: UUID
    household_number: str


class HouseholdOut(Schema):
    id: UUID
    number: str
    site: str
    shelter_location: str | None = None  # where the family sleeps: personal, like a phone
    registering_agency: str
    registered_at: datetime
    members: list[MemberOut]


class MatchOut(Schema):
    member: MemberOut
    score: float
    matched_on: str


class HouseholdMatchOut(Schema):
    """A household with the members a search found in it, best match first."""

    id: UUID
    number: str
    matches: list[MatchOut]


class RegisteredMemberOut(Schema):
    id: UUID
    number: str


class RegisteredHouseholdOut(Schema):
    id: UUID
    number: str
    members: list[RegisteredMemberOut]


def _needs(individual: Individual, *, sensitive: bool) -> list[dict[str, Any]]:
    needs: Iterable[IndividualSpecificNeed] = individual.specific_needs.all()
    return [
        {
            "code": need.code_id,
            "label": need.code.label,
            "identified_at": need.identified_at,
            "referral_status": need.referral_status,
        }
        for need in needs
        if need.code.is_sensitive == sensitive
    ]


# How to read the fields that are not plain attributes of the person.
_READERS: Mapping[str, Callable[[Individual, date], Any]] = {
    "age": lambda person, today: person.age_on(today),
    "current_site": lambda person, today: person.current_site.code,
    "date_of_birth": lambda person, today: {
        "value": person.date_of_birth,
        "precision": person.date_of_birth_precision,
    },
    "phones": lambda person, today: sorted(phone.number for phone in person.phones.all()),
    "documents": lambda person, today: [
        {"document_type": d.document_type, "number": d.number, "issuing_country": d.issuing_country}
        for d in person.documents.all()
    ],
    "consents": lambda person, today: [
        {
            "topic": c.topic,
            "legal_basis": c.legal_basis,
            "recipient_agency": c.recipient_agency.code if c.recipient_agency else None,
            "given_by_head": c.given_by_head,
            "recorded_at": c.recorded_at,
        }
        for c in person.consents.all()
    ],
    "specific_needs": lambda person, today: _needs(person, sensitive=False),
    "sensitive_specific_needs": lambda person, today: _needs(person, sensitive=True),
}


def member_out(individual: Individual, fields: Set[str], *, today: date) -> dict[str, Any]:
    """The person as a dict holding exactly `fields` (and the id)."""
    out: dict[str, Any] = {"id": individual.pk}
    for name in sorted(fields):
        reader = _READERS.get(name)
        out[name] = reader(individual, today) if reader else getattr(individual, name)
    return out


def households_of(hits: Iterable[SearchHit], fields: Set[str], *, today: date) -> list[Any]:
    """Search hits grouped by household, in the order of each household's best hit."""
    households: dict[UUID, dict[str, Any]] = {}
    for hit in hits:
        household = hit.individual.household
        found = households.setdefault(
            household.pk, {"id": household.pk, "number": household.number, "matches": []}
        )
        member = member_out(hit.individual, fields, today=today)
        found["matches"].append(
            {"member": member, "score": hit.score, "matched_on": hit.matched_on}
        )
    return list(households.values())


def household_out(household: Household, user: User, *, today: date) -> dict[str, Any]:
    """The household as `user` may see it: members with their visible fields."""
    fields = visible_fields(user)
    out = {
        "id": household.pk,
        "number": household.number,
        "site": household.site.code,
        "registering_agency": household.registering_agency.code,
        "registered_at": household.registered_at,
        "members": [member_out(m, fields, today=today) for m in household.members.all()],
    }
    if user.can("registry.view_personal"):
        out["shelter_location"] = household.shelter_location
    return out


def parse_members(members: Sequence[MemberIn], *, today: date) -> list[MemberData]:
    """The form's validators on every member; one error naming each bad `members.<i>.<field>`."""
    errors: dict[str, list[str]] = {}
    parsed: list[MemberData] = []
    for index, member in enumerate(members):
        try:
            parsed.append(member_data(member, today=today))
        except ValidationError as refused:
            for name, messages in refused.message_dict.items():
                errors[f"members.{index}.{name}"] = messages
    if errors:
        raise ValidationError(errors)
    return parsed


def member_data(member: MemberIn, *, today: date) -> MemberData:
    errors: dict[str, list[str]] = {}

    def parsed[T](name: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except ValidationError as refused:
            errors[name] = refused.messages
            return None

    birth = parsed("date_of_birth", lambda: parse_birth_date(member.date_of_birth, today=today))
    nationality = parsed("nationality", lambda: validate_country_code(member.nationality))
    phones = parsed("phones", lambda: [n for text in member.phones for n in parse_phones(text)])
    documents = [
        DocumentData(
            document_type=document.document_type,
            number=document.number,
            issuing_country=parsed(
                f"documents.{position}.issuing_country",
                partial(validate_country_code, document.issuing_country),
            )
            or "",
        )
        for position, document in enumerate(member.documents)
    ]
    if errors or birth is None or nationality is None:
        raise ValidationError(errors)
    fields = member.model_dump(exclude={"date_of_birth", "nationality", "phones", "documents"})
    return MemberData(
        **fields,
        date_of_birth=birth.value,
        date_of_birth_precision=birth.precision,
        nationality=nationality,
        phones=list(dict.fromkeys(phones or [])),
        documents=documents,
    )
