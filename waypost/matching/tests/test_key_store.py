from importlib import import_module
from io import StringIO

from django.apps import apps as django_apps
from django.core.management import call_command

from waypost.matching.models import MatchKey
from waypost.registry.services import add_member, remove_member, update_member
from waypost.registry.tests.factories import member, registered_household


def keys_of(person):
    return set(MatchKey.objects.filter(individual=person).values_list("key", flat=True))


def test_registering_writes_the_keys_of_every_member(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)

    head = household.members.get(relationship="head")
    assert {"n1985:mhmd:l", "n1985:mhmd:hsn", "p:501234567"} <= keys_of(head)
    assert all(keys_of(person) for person in household.members.all())


def test_a_correction_replaces_the_keys(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    head = household.members.get(relationship="head")

    update_member(
        by=unhcr_registrar,
        individual=head,
        member=member(given_name="Omar", given_name_native="عمر", phones=["+9647501234567"]),
    )

    keys = keys_of(head)
    assert "n1985:mr:hsn" in keys
    assert not any(":mhmd:" in key for key in keys)


def test_an_added_member_gets_keys(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)

    person = add_member(
        by=unhcr_registrar, household=household, member=member(relationship="child")
    )

    assert "n1985:mhmd:hsn" in keys_of(person)


def test_the_rebuild_command_writes_the_keys_of_people_who_have_none(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    expected = {person.pk: keys_of(person) for person in household.members.all()}
    MatchKey.objects.all().delete()
    output = StringIO()

    call_command("rebuild_match_keys", stdout=output)

    assert {person.pk: keys_of(person) for person in household.members.all()} == expected
    assert "5 people" in output.getvalue()


def test_removing_a_person_removes_their_keys(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    child = household.members.filter(relationship="child").first()
    child_id = child.pk
    assert keys_of(child)

    remove_member(by=unhcr_registrar, individual=child, reason="Registered twice by mistake")

    assert not MatchKey.objects.filter(individual_id=child_id).exists()


def test_the_data_migration_fills_the_keys_of_people_registered_before_them(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    expected = {person.pk: keys_of(person) for person in household.members.all()}
    MatchKey.objects.all().delete()
    migration = import_module("waypost.matching.migrations.0003_fill_match_keys")

    migration.fill_match_keys(django_apps, schema_editor=None)

    assert {person.pk: keys_of(person) for person in household.members.all()} == expected
