from datetime import date

import pytest
from django.core.exceptions import ValidationError

from waypost.core.models import AuditEvent
from waypost.registry.models import Household, Individual, Relationship
from waypost.registry.services import (
    DocumentData,
    add_member,
    remove_member,
    update_household,
    update_member,
    withdraw_consent,
)
from waypost.registry.tests.factories import family_of_five, member, registered_household


def test_registering_a_household_numbers_it_and_its_members(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)

    assert household.number == "BRZ-000001"
    numbers = list(household.members.order_by("number").values_list("number", flat=True))
    assert numbers == [f"BRZ-000001-0{i}" for i in range(1, 6)]
    assert household.registering_agency == unhcr_registrar.agency


def test_registration_writes_one_audit_event_per_record(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)

    created = AuditEvent.objects.filter(action="created", actor=unhcr_registrar)
    assert created.filter(subject_type="registry.household", subject_id=str(household.pk)).exists()
    assert created.filter(subject_type="registry.individual").count() == 5
    event = created.get(subject_id=str(household.members.get(relationship="head").pk))
    assert event.fields["given_name"] == [None, "Mohammed"]
    assert event.purpose == "registration"


def test_second_household_gets_the_next_number(unhcr_registrar, camp):
    registered_household(by=unhcr_registrar, site=camp)
    other = registered_household(by=unhcr_registrar, site=camp, members=[member(given_name="Omar")])
    assert other.number == "BRZ-000002"


def test_a_refused_registration_leaves_nothing_behind(unhcr_registrar, camp):
    members = family_of_five()
    members[3].specific_needs = ["ZZ-ZZ"]

    with pytest.raises(ValidationError) as refused:
        registered_household(by=unhcr_registrar, site=camp, members=members)

    assert "members.3.specific_needs" in refused.value.message_dict
    assert not Household.objects.exists()
    assert not Individual.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_household_needs_exactly_one_head(unhcr_registrar, camp):
    two_heads = [member(), member(given_name="Ali")]
    with pytest.raises(ValidationError) as refused:
        registered_household(by=unhcr_registrar, site=camp, members=two_heads)
    assert "members" in refused.value.message_dict


def test_a_man_cannot_be_recorded_as_pregnant(unhcr_registrar, camp):
    with pytest.raises(ValidationError) as refused:
        registered_household(by=unhcr_registrar, site=camp, members=[member(is_pregnant=True)])
    assert "members.0.is_pregnant" in refused.value.message_dict


def test_a_document_already_registered_is_refused_with_its_holder(unhcr_registrar, camp):
    first = registered_household(by=unhcr_registrar, site=camp)
    again = member(given_name="Muhammad", documents=[DocumentData("passport", "a 123-4567", "IRQ")])

    with pytest.raises(ValidationError) as refused:
        registered_household(by=unhcr_registrar, site=camp, members=[again])

    message = refused.value.message_dict["members.0.documents"][0]
    assert first.number in message


def test_editing_a_member_records_old_and_new_values(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    child = household.members.get(given_name="Sara")
    corrected = member(
        relationship=Relationship.CHILD,
        given_name="Sarah",
        father_name="Mohammed",
        given_name_native="سارة",
        sex="F",
        date_of_birth=date(2019, 9, 9),
    )

    update_member(by=unhcr_registrar, individual=child, member=corrected)

    event = AuditEvent.objects.get(action="updated", subject_id=str(child.pk))
    assert event.fields == {"given_name": ["Sara", "Sarah"]}
    child.refresh_from_db()
    assert child.given_name == "Sarah"


def test_an_edit_that_changes_nothing_writes_no_event(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    head = household.members.get(relationship="head")
    same = family_of_five()[0]

    update_member(by=unhcr_registrar, individual=head, member=same)

    assert not AuditEvent.objects.filter(action="updated").exists()


def test_moving_a_household_moves_its_members(unhcr_registrar, camp, warehouse_site):
    household = registered_household(by=unhcr_registrar, site=camp)
    update_household(
        by=unhcr_registrar, household=household, site=warehouse_site, shelter_location="Hall 2"
    )
    assert set(household.members.values_list("current_site__code", flat=True)) == {"LOG"}


def test_adding_a_member_gives_the_next_number(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    newborn = add_member(
        by=unhcr_registrar,
        household=household,
        member=member(
            relationship=Relationship.CHILD, given_name="Zain", date_of_birth=date(2026, 11, 1)
        ),
    )
    assert newborn.number == "BRZ-000001-06"


def test_the_head_cannot_be_removed_while_others_remain(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    head = household.members.get(relationship="head")
    with pytest.raises(ValidationError):
        remove_member(by=unhcr_registrar, individual=head, reason="Registered twice")


def test_removing_a_member_is_audited_with_the_reason(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    child = household.members.get(given_name="Ahmed")
    child_id = str(child.pk)
    remove_member(by=unhcr_registrar, individual=child, reason="Registered twice")
    event = AuditEvent.objects.get(action="deleted", subject_id=child_id)
    assert event.details["reason"] == "Registered twice"
    assert household.members.count() == 4


def test_withdrawing_a_consent_is_kept_in_the_history(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp, consents=("data_sharing",))
    head = household.members.get(relationship="head")
    consent = head.consents.get(topic="data_sharing")

    withdraw_consent(by=unhcr_registrar, consent=consent)

    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    event = AuditEvent.objects.get(action="updated", subject_id=str(head.pk))
    assert event.fields == {"consent:data_sharing": ["given", "withdrawn"]}
