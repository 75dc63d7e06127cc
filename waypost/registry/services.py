"""Registering households and keeping their records right.

Every write to the registry goes through these functions: each is one transaction that checks
the rules, writes the rows and its audit events together, so a refused registration leaves
nothing behind.
"""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.matching.key_store import replace_match_keys
from waypost.matching.names import fold, keys_of_names
from waypost.matching.registration_check import check_after_commit
from waypost.matching.services import withdraw_proposals_of
from waypost.registry.models import (
    Consent,
    Household,
    IdentityDocument,
    Individual,
    IndividualSpecificNeed,
    NameKey,
    NumberSequence,
    Phone,
    Relationship,
)

# Re-exported: callers that check members before a service does import them from here.
from waypost.registry.rules import check_documents_unregistered as check_documents_unregistered
from waypost.registry.rules import check_members as check_members
from waypost.registry.validators import normalize_document_number
from waypost.sites.models import Site

NAME_FIELDS = ("given_name", "father_name", "grandfather_name", "family_name")
NATIVE_NAME_FIELDS = tuple(f"{name}_native" for name in NAME_FIELDS)


@dataclass
class DocumentData:
    document_type: str
    number: str
    issuing_country: str


@dataclass
class MemberData:
    """What a clerk records about one person, already parsed by a form or an API schema."""

    relationship: str
    given_name: str
    sex: str
    date_of_birth: date
    date_of_birth_precision: str
    nationality: str
    father_name: str = ""
    grandfather_name: str = ""
    family_name: str = ""
    given_name_native: str = ""
    father_name_native: str = ""
    grandfather_name_native: str = ""
    family_name_native: str = ""
    languages: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    documents: list[DocumentData] = field(default_factory=list)
    specific_needs: list[str] = field(default_factory=list)
    is_pregnant: bool = False
    expected_delivery_date: date | None = None
    is_lactating: bool = False


@transaction.atomic(durable=True)
def register_household(
    *,
    by: User,
    site: Site,
    members: Sequence[MemberData],
    consents: Collection[str],
    shelter_location: str = "",
) -> Household:
    now = timezone.now()
    check_members(members, today=now.date())
    check_documents_unregistered(members)
    household = Household.objects.create(
        number=next_household_number(site),
        site=site,
        shelter_location=shelter_location,
        registering_agency=by.acting_agency,
        registered_by=by,
        registered_at=now,
    )
    audit.record(
        actor=by,
        action="created",
        subject=household,
        purpose=Purpose.REGISTRATION,
        fields={"site": [None, site.code], "shelter_location": [None, shelter_location]},
    )
    registered = []
    for position, member in enumerate(members, start=1):
        individual = create_member(by=by, household=household, member=member, position=position)
        record_consents(by=by, individual=individual, topics=consents, now=now)
        registered.append(individual.pk)
    check_after_commit(by=by, individual_ids=registered)
    return household


@transaction.atomic(durable=True)
def add_member(
    *, by: User, household: Household, member: MemberData, consents: Collection[str] = ()
) -> Individual:
    household = Household.objects.select_for_update().get(pk=household.pk)
    if member.relationship == Relationship.HEAD:
        raise ValidationError({"members.0.relationship": _("This household already has a head.")})
    check_members([member], today=timezone.localdate(), existing_head=True)
    check_documents_unregistered([member])
    last = household.members.aggregate(last=Max("number"))["last"] or household.number + "-00"
    individual = create_member(
        by=by, household=household, member=member, position=int(last.rsplit("-", 1)[1]) + 1
    )
    record_consents(by=by, individual=individual, topics=consents, now=timezone.now())
    check_after_commit(by=by, individual_ids=[individual.pk])
    return individual


@transaction.atomic(durable=True)
def update_household(
    *, by: User, household: Household, site: Site, shelter_location: str
) -> Household:
    changes: dict[str, list[Any]] = {}
    if household.site_id != site.pk:
        changes["site"] = [household.site.code, site.code]
        household.members.update(current_site=site)
    if household.shelter_location != shelter_location:
        changes["shelter_location"] = [household.shelter_location, shelter_location]
    if changes:
        household.site = site
        household.shelter_location = shelter_location
        household.save(update_fields=["site", "shelter_location", "updated_at"])
        audit.record(
            actor=by,
            action="updated",
            subject=household,
            purpose=Purpose.REGISTRATION,
            fields=changes,
        )
    return household


@transaction.atomic(durable=True)
def update_member(*, by: User, individual: Individual, member: MemberData) -> Individual:
    """Correct a person's record; the audit event keeps every changed field, old and new."""
    check_members([member], today=timezone.localdate(), existing_head=_has_other_head(individual))
    check_documents_unregistered([member], except_individual=individual)
    before = snapshot(individual)
    apply_member_data(individual, member)
    individual.save()
    replace_details(by=by, individual=individual, member=member)
    after = snapshot(individual)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes:
        audit.record(
            actor=by,
            action="updated",
            subject=individual,
            purpose=Purpose.REGISTRATION,
            fields=changes,
        )
    return individual


@transaction.atomic(durable=True)
def withdraw_consent(*, by: User, consent: Consent) -> Consent:
    """A person may withdraw consent at any time, without adverse consequences (UNHCR 5.2)."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        audit.record(
            actor=by,
            action="updated",
            subject=consent.individual,
            purpose=Purpose.REGISTRATION,
            fields={f"consent:{consent.topic}": ["given", "withdrawn"]},
        )
    return consent


@transaction.atomic(durable=True)
def remove_member(*, by: User, individual: Individual, reason: str) -> None:
    """Remove a person registered by mistake; the head goes last, with the household."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why this person is removed.")})
    household = individual.household
    if individual.relationship == Relationship.HEAD and household.members.count() > 1:
        raise ValidationError(
            {"reason": _("Make another member head of household before removing the head.")}
        )
    withdraw_proposals_of(individual, by=by)
    audit.record(
        actor=by,
        action="deleted",
        subject=individual,
        purpose=Purpose.REGISTRATION,
        fields={key: [value, None] for key, value in snapshot(individual).items()},
        reason=reason,
        household=household.number,
    )
    individual.delete()
    if not household.members.exists():
        audit.record(
            actor=by,
            action="deleted",
            subject=household,
            reason=reason,
            purpose=Purpose.REGISTRATION,
        )
        household.delete()


def next_household_number(site: Site) -> str:
    sequence, _created = NumberSequence.objects.get_or_create(site=site)
    NumberSequence.objects.filter(pk=site.pk).update(
        last_household_number=F("last_household_number") + 1
    )
    sequence.refresh_from_db()
    return f"{site.code.upper()}-{sequence.last_household_number:06d}"


def create_member(
    *, by: User, household: Household, member: MemberData, position: int
) -> Individual:
    individual = Individual(
        household=household,
        number=f"{household.number}-{position:02d}",
        current_site_id=household.site_id,
        registering_agency=by.acting_agency,
        registered_at=timezone.now(),
    )
    apply_member_data(individual, member)
    individual.save()
    replace_details(by=by, individual=individual, member=member)
    audit.record(
        actor=by,
        action="created",
        subject=individual,
        purpose=Purpose.REGISTRATION,
        fields={key: [None, value] for key, value in snapshot(individual).items()},
        household=household.number,
    )
    return individual


def apply_member_data(individual: Individual, member: MemberData) -> None:
    for name in (*NAME_FIELDS, *NATIVE_NAME_FIELDS):
        setattr(individual, name, getattr(member, name).strip())
    for name in (
        "relationship",
        "sex",
        "date_of_birth",
        "date_of_birth_precision",
        "nationality",
        "languages",
        "is_pregnant",
        "expected_delivery_date",
        "is_lactating",
    ):
        setattr(individual, name, getattr(member, name))
    individual.search_name = fold(f"{individual.full_name} {individual.full_name_native}")[:400]


def replace_details(*, by: User, individual: Individual, member: MemberData) -> None:
    """Phones, documents, needs, name and match keys follow the member data exactly."""
    individual.phones.exclude(number__in=member.phones).delete()
    for number in member.phones:
        Phone.objects.get_or_create(individual=individual, number=number)
    individual.documents.all().delete()
    IdentityDocument.objects.bulk_create(
        IdentityDocument(
            individual=individual,
            document_type=d.document_type,
            number=d.number.strip(),
            number_normalized=normalize_document_number(d.number),
            issuing_country=d.issuing_country,
        )
        for d in member.documents
    )
    set_specific_needs(by=by, individual=individual, codes=member.specific_needs)
    individual.name_keys.all().delete()
    NameKey.objects.bulk_create(
        NameKey(individual=individual, key=key) for key in name_keys_for(individual)
    )
    replace_match_keys(individual, phones=member.phones)


def set_specific_needs(*, by: User, individual: Individual, codes: Sequence[str]) -> None:
    active = individual.specific_needs.filter(is_active=True)
    now = timezone.now()
    active.exclude(code__in=codes).update(is_active=False, closed_at=now)
    present = set(active.values_list("code", flat=True))
    IndividualSpecificNeed.objects.bulk_create(
        IndividualSpecificNeed(
            individual=individual, code_id=code, identified_at=now, identified_by=by
        )
        for code in dict.fromkeys(codes)
        if code not in present
    )


def record_consents(*, by: User, individual: Individual, topics: Collection[str], now: Any) -> None:
    Consent.objects.bulk_create(
        Consent(
            individual=individual,
            topic=topic,
            recorded_by=by,
            recorded_at=now,
            recorded_for=Purpose.REGISTRATION,
            given_by_head=individual.relationship != Relationship.HEAD,
        )
        for topic in topics
    )


def snapshot(individual: Individual) -> dict[str, Any]:
    """The comparable state of a person's record, for change history."""
    documents = individual.documents.all()
    return scalar_snapshot(individual) | details_snapshot(
        phones=individual.phones.values_list("number", flat=True),
        documents=[(d.document_type, d.number, d.issuing_country) for d in documents],
        specific_needs=individual.specific_needs.filter(is_active=True).values_list(
            "code", flat=True
        ),
    )


SNAPSHOT_FIELDS = (
    *NAME_FIELDS,
    *NATIVE_NAME_FIELDS,
    "relationship",
    "sex",
    "date_of_birth_precision",
    "nationality",
    "is_pregnant",
    "is_lactating",
)


def scalar_snapshot(individual: Individual) -> dict[str, Any]:
    """The fields of a person's own row, as history compares them."""
    state: dict[str, Any] = {name: getattr(individual, name) for name in SNAPSHOT_FIELDS}
    state["date_of_birth"] = individual.date_of_birth.isoformat()
    delivery = individual.expected_delivery_date
    state["expected_delivery_date"] = delivery.isoformat() if delivery else None
    state["languages"] = ", ".join(individual.languages)
    return state


def details_snapshot(
    *,
    phones: Iterable[str],
    documents: Iterable[tuple[str, str, str]],
    specific_needs: Iterable[str],
) -> dict[str, str]:
    """Phones, documents (type, number, country) and active needs, as history compares them."""
    return {
        "phones": ", ".join(sorted(set(phones))),
        "documents": ", ".join(
            sorted(f"{kind} {number.strip()} {country}" for kind, number, country in documents)
        ),
        "specific_needs": ", ".join(sorted(set(specific_needs))),
    }


def name_keys_for(individual: Individual) -> list[str]:
    """The spelling-tolerant keys stored for a person's names, Latin and own script."""
    names = [getattr(individual, name) for name in (*NAME_FIELDS, *NATIVE_NAME_FIELDS)]
    return sorted({key[:40] for key in keys_of_names(names)})


def _has_other_head(individual: Individual) -> bool:
    return (
        individual.household.members.filter(relationship=Relationship.HEAD)
        .exclude(pk=individual.pk)
        .exists()
    )
