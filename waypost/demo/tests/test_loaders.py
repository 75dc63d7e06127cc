import uuid

import pytest
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.demo.generator import generate_camp
from waypost.demo.loaders import load_in_bulk, load_with_services
from waypost.demo.organisation import registration_clerks, set_up_operation, sites_by_code
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
)

pytestmark = pytest.mark.django_db

REGISTRY_TABLES = (
    Household,
    Individual,
    NameKey,
    Phone,
    IdentityDocument,
    IndividualSpecificNeed,
    Consent,
    MatchKey,
)


@pytest.fixture
def operation():
    set_up_operation()
    return {"clerks": registration_clerks(), "sites": sites_by_code()}


@pytest.fixture
def small_camp():
    return generate_camp(seed=7, people=120, today=timezone.localdate())


def written_rows(since_event_id):
    """Everything a loader wrote, keyed by registration number so two loads can be compared."""
    numbers = dict(Individual.objects.values_list("pk", "number"))
    numbers.update(Household.objects.values_list("pk", "number"))
    events = AuditEvent.objects.filter(id__gt=since_event_id).values_list(
        "action", "subject_type", "subject_id", "actor__username", "fields"
    )
    return {
        "counts": {model.__name__: model.objects.count() for model in REGISTRY_TABLES},
        "events": sorted(
            (action, subject_type, numbers[uuid.UUID(subject_id)], actor, fields)
            for action, subject_type, subject_id, actor, fields in events
        ),
        "people": {
            i.number: (
                i.search_name,
                sorted(i.name_keys.values_list("key", flat=True)),
                sorted(i.match_keys.values_list("key", flat=True)),
                sorted(i.phones.values_list("number", flat=True)),
                sorted(i.specific_needs.values_list("code_id", flat=True)),
                sorted(i.consents.values_list("topic", "given_by_head")),
                i.registering_agency.code,
                i.current_site.code,
            )
            for i in Individual.objects.select_related("registering_agency", "current_site")
        },
        "sequences": sorted(
            NumberSequence.objects.values_list("site__code", "last_household_number")
        ),
    }


def last_event_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def empty_the_registry():
    Individual.objects.all().delete()
    Household.objects.all().delete()
    NumberSequence.objects.all().delete()


def test_loading_through_the_services_registers_every_person(operation, small_camp):
    people = load_with_services(small_camp, **operation)

    assert people == 120
    assert Individual.objects.count() == 120
    assert Household.objects.count() == len(small_camp)
    assert AuditEvent.objects.filter(action="created").count() == 120 + len(small_camp)


def test_the_bulk_loader_writes_the_same_rows_as_the_services(operation, small_camp):
    # given the camp registered through the services
    before = last_event_id()
    load_with_services(small_camp, **operation)
    through_services = written_rows(before)
    empty_the_registry()

    # when the same camp is written in bulk
    before = last_event_id()
    load_in_bulk(small_camp, **operation)
    in_bulk = written_rows(before)

    # then every table, every key and every audit event is the same
    assert in_bulk["counts"] == through_services["counts"]
    assert in_bulk["people"] == through_services["people"]
    assert in_bulk["sequences"] == through_services["sequences"]
    assert in_bulk["events"] == through_services["events"]
    assert in_bulk["counts"]["NameKey"] > 2 * in_bulk["counts"]["Individual"]
    assert in_bulk["counts"]["MatchKey"] >= in_bulk["counts"]["Individual"]


def test_bulk_loading_continues_the_household_numbers_of_each_site(operation, small_camp):
    load_with_services(small_camp[:3], **operation)

    load_in_bulk(small_camp[3:], **operation)

    numbers = sorted(Household.objects.filter(site__code="BRZ").values_list("number", flat=True))
    assert numbers == [f"BRZ-{n:06d}" for n in range(1, len(numbers) + 1)]
