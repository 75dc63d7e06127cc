"""Writing a generated camp to the database, two ways that give the same rows.

`load_with_services` registers each household through `register_household`, as a clerk at a
desk would: every rule checked, every audit event written. `load_in_bulk` writes the same rows
(households, members, name and match keys, phones, documents, specific needs, consents, registration
numbers and the "created" audit events) with `bulk_create`, for registries of 100,000 people
and more; it trusts the generator's data and checks nothing, so it is for generated data only.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import batched
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from waypost.core.models import AuditEvent, User
from waypost.core.roles import Purpose
from waypost.demo.generator import DemoHousehold
from waypost.matching.key_store import match_key_rows
from waypost.matching.models import MatchKey
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
from waypost.registry.services import (
    MemberData,
    apply_member_data,
    details_snapshot,
    name_keys_for,
    register_household,
    scalar_snapshot,
)
from waypost.registry.validators import normalize_document_number
from waypost.sites.models import Site

HOUSEHOLDS_PER_BATCH = 500


def load_with_services(
    camp: Sequence[DemoHousehold], *, clerks: Mapping[str, User], sites: Mapping[str, Site]
) -> int:
    """Register every household through the registry service; returns the people registered."""
    for household in camp:
        register_household(
            by=clerks[household.agency_code],
            site=sites[household.site_code],
            members=household.members,
            consents=household.consents,
            shelter_location=household.shelter_location,
        )
    return sum(len(household.members) for household in camp)


def load_in_bulk(
    camp: Sequence[DemoHousehold], *, clerks: Mapping[str, User], sites: Mapping[str, Site]
) -> int:
    """Write the camp with bulk inserts, in batches; returns the people written."""
    numbers = reserve_household_numbers(camp, sites)
    for batch in batched(camp, HOUSEHOLDS_PER_BATCH):
        rows = Rows(now=timezone.now(), sites=sites)
        for household in batch:
            rows.add_household(household, clerks[household.agency_code], numbers)
        rows.save()
    return sum(len(household.members) for household in camp)


@transaction.atomic
def reserve_household_numbers(
    camp: Sequence[DemoHousehold], sites: Mapping[str, Site]
) -> dict[str, Iterator[str]]:
    """Take a block of household numbers per site, as `next_household_number` does one by one."""
    needed: dict[str, int] = {}
    for household in camp:
        needed[household.site_code] = needed.get(household.site_code, 0) + 1
    numbers: dict[str, Iterator[str]] = {}
    for code, count in needed.items():
        site = sites[code]
        NumberSequence.objects.get_or_create(site=site)
        sequence = NumberSequence.objects.select_for_update().get(pk=site.pk)
        first = sequence.last_household_number + 1
        NumberSequence.objects.filter(pk=site.pk).update(
            last_household_number=F("last_household_number") + count
        )
        numbers[code] = iter([f"{code.upper()}-{n:06d}" for n in range(first, first + count)])
    return numbers


@dataclass
class Rows:
    """The rows of one batch, collected in memory, then inserted table by table."""

    now: datetime
    sites: Mapping[str, Site]
    tables: dict[type[models.Model], list[Any]] = field(default_factory=dict)

    def add(self, row: models.Model) -> None:
        self.tables.setdefault(type(row), []).append(row)

    def add_household(
        self, data: DemoHousehold, clerk: User, numbers: Mapping[str, Iterator[str]]
    ) -> None:
        site_code = data.site_code
        household = Household(
            number=next(numbers[site_code]),
            site_id=self.sites[site_code].pk,
            shelter_location=data.shelter_location,
            registering_agency=clerk.acting_agency,
            registered_by=clerk,
            registered_at=self.now,
        )
        self.add(household)
        fields = {"site": [None, site_code], "shelter_location": [None, data.shelter_location]}
        self.add(created_event(clerk, household, fields))
        for position, member in enumerate(data.members, start=1):
            self.add_member(household, member, clerk, data.consents, position)

    def add_member(
        self,
        household: Household,
        member: MemberData,
        clerk: User,
        consents: Sequence[str],
        position: int,
    ) -> None:
        individual = Individual(
            household=household,
            number=f"{household.number}-{position:02d}",
            current_site_id=household.site_id,
            registering_agency=clerk.acting_agency,
            registered_at=self.now,
        )
        apply_member_data(individual, member)
        self.add(individual)
        for row in detail_rows(individual, member, clerk, self.now):
            self.add(row)
        for topic in consents:
            self.add(
                Consent(
                    individual=individual,
                    topic=topic,
                    recorded_by=clerk,
                    recorded_at=self.now,
                    recorded_for=Purpose.REGISTRATION,
                    given_by_head=individual.relationship != Relationship.HEAD,
                )
            )
        fields = {key: [None, value] for key, value in snapshot_of(individual, member).items()}
        self.add(created_event(clerk, individual, fields, household=household.number))

    @transaction.atomic
    def save(self) -> None:
        for model in TABLE_ORDER:
            model._default_manager.bulk_create(self.tables.get(model, []), batch_size=2000)


# Parents before children, so every foreign key points to a row already written.
TABLE_ORDER: tuple[type[models.Model], ...] = (
    Household,
    Individual,
    NameKey,
    MatchKey,
    Phone,
    IdentityDocument,
    IndividualSpecificNeed,
    Consent,
    AuditEvent,
)


def detail_rows(
    individual: Individual, member: MemberData, clerk: User, now: datetime
) -> Iterator[models.Model]:
    """Name and match keys, phones, documents and needs, as `replace_details` writes them."""
    for key in name_keys_for(individual):
        yield NameKey(individual=individual, key=key)
    yield from match_key_rows(individual, phones=member.phones)
    for number in dict.fromkeys(member.phones):
        yield Phone(individual=individual, number=number)
    for document in member.documents:
        yield IdentityDocument(
            individual=individual,
            document_type=document.document_type,
            number=document.number.strip(),
            number_normalized=normalize_document_number(document.number),
            issuing_country=document.issuing_country,
        )
    for code in dict.fromkeys(member.specific_needs):
        yield IndividualSpecificNeed(
            individual=individual, code_id=code, identified_at=now, identified_by=clerk
        )


def snapshot_of(individual: Individual, member: MemberData) -> dict[str, Any]:
    """What `registry.services.snapshot` records for a person just created from `member`."""
    return scalar_snapshot(individual) | details_snapshot(
        phones=member.phones,
        documents=[(d.document_type, d.number, d.issuing_country) for d in member.documents],
        specific_needs=member.specific_needs,
    )


def created_event(
    actor: User, subject: models.Model, fields: dict[str, Any], **details: Any
) -> AuditEvent:
    """The event `audit.record` writes when a service creates a record."""
    return AuditEvent(
        actor=actor,
        agency_id=actor.agency_id,
        action="created",
        purpose=Purpose.REGISTRATION,
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        fields=fields,
        details=details,
    )
