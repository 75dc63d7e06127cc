from datetime import date

import pytest
from django.http import Http404

from waypost.core.models import AuditEvent
from waypost.registry.history import household_history, mask_codes
from waypost.registry.models import Relationship
from waypost.registry.services import remove_member, update_household, update_member
from waypost.registry.tests.factories import family_of_five, member, registered_household

SHARED = ("assistance", "data_sharing")


@pytest.fixture
def household(unhcr_registrar, camp):
    members = family_of_five()
    members[1].specific_needs = ["SM-DP", "SV-VF"]
    return registered_household(by=unhcr_registrar, site=camp, members=members, consents=SHARED)


@pytest.fixture
def corrected(household, unhcr_protection_officer):
    """Layla's record corrected: a new phone, one need closed and a sensitive one kept."""
    layla = household.members.get(given_name="Layla")
    update_member(
        by=unhcr_protection_officer,
        individual=layla,
        member=member(
            relationship=Relationship.SPOUSE,
            given_name="Leila",
            father_name="Omar",
            given_name_native="ليلى",
            sex="F",
            date_of_birth=date(1990, 1, 1),
            date_of_birth_precision="year",
            is_pregnant=True,
            expected_delivery_date=date(2099, 2, 1),
            phones=["+9647700000001"],
            specific_needs=["SV-VF"],
        ),
    )
    return household


def changes_of(entry):
    return {change.name: change for change in entry.changes}


def latest_change(user, household):
    _, entries = household_history(user, str(household.pk))
    return entries[0]


def test_the_newest_change_comes_first_and_views_are_left_out(corrected, unhcr_registrar):
    _, entries = household_history(unhcr_registrar, str(corrected.pk))

    assert entries[0].action == "updated"
    assert {entry.action for entry in entries[1:]} == {"created"}
    assert len(entries) == 1 + 1 + 5  # the correction, the household, five people
    assert AuditEvent.objects.filter(action="viewed").exists()


def test_the_registering_clerk_reads_old_and_new_values_of_a_correction(corrected, unhcr_registrar):
    changes = changes_of(latest_change(unhcr_registrar, corrected))

    assert (changes["given_name"].old, changes["given_name"].new) == ("Layla", "Leila")
    assert (changes["phones"].old, changes["phones"].new) == ("—", "+9647700000001")


def test_a_sensitive_need_is_shown_as_restricted_to_those_without_sensitive_access(
    corrected, unhcr_registrar
):
    needs = changes_of(latest_change(unhcr_registrar, corrected))["specific_needs"]

    assert (needs.old, needs.new) == ("SM-DP, restricted", "restricted")
    assert not needs.is_withheld


def test_a_protection_officer_reads_the_sensitive_codes(corrected, unhcr_protection_officer):
    needs = changes_of(latest_change(unhcr_protection_officer, corrected))["specific_needs"]

    assert (needs.old, needs.new) == ("SM-DP, SV-VF", "SV-VF")


def test_without_protection_or_personal_access_a_field_is_only_said_to_have_changed(
    corrected, unhcr_admin
):
    changes = changes_of(latest_change(unhcr_admin, corrected))

    assert (changes["given_name"].old, changes["given_name"].new) == ("Layla", "Leila")
    for withheld in ("specific_needs", "phones"):
        assert changes[withheld].is_withheld
        assert (changes[withheld].old, changes[withheld].new) == ("", "")


def test_the_registration_of_a_person_lists_only_what_was_recorded(household, unhcr_admin):
    _, entries = household_history(unhcr_admin, str(household.pk))
    yusuf = next(entry for entry in entries if entry.record.endswith("Yusuf Mohammed Hassan"))

    changes = changes_of(yusuf)
    assert "phones" not in changes  # none recorded: nothing to tell
    assert changes["given_name"].new == "Yusuf"
    assert (changes["relationship"].new, changes["sex"].new) == ("Son or daughter", "Male")
    assert changes["date_of_birth"].is_withheld


def test_a_removed_member_stays_in_the_history_with_the_reason(household, unhcr_registrar):
    ahmed = household.members.get(given_name="Ahmed")
    remove_member(by=unhcr_registrar, individual=ahmed, reason="Registered twice")

    entry = latest_change(unhcr_registrar, household)

    assert entry.action == "deleted"
    assert entry.record == "Ahmed (removed)"
    assert entry.reason == "Registered twice"


def test_the_reason_of_a_removal_is_personal(household, unhcr_registrar, unhcr_admin):
    ahmed = household.members.get(given_name="Ahmed")
    remove_member(by=unhcr_registrar, individual=ahmed, reason="Registered twice")

    assert latest_change(unhcr_admin, household).reason == ""


def test_where_a_household_sleeps_is_withheld_from_those_without_personal_access(
    household, unhcr_registrar, unhcr_admin, warehouse_site
):
    update_household(
        by=unhcr_registrar, household=household, site=warehouse_site, shelter_location="Hall 2"
    )

    for_admin = changes_of(latest_change(unhcr_admin, household))
    for_clerk = changes_of(latest_change(unhcr_registrar, household))

    assert (for_admin["site"].old, for_admin["site"].new) == ("BRZ", "LOG")
    assert for_admin["shelter_location"].is_withheld
    assert for_clerk["shelter_location"].new == "Hall 2"


def test_a_household_the_user_may_not_see_has_no_history(unhcr_registrar, camp, make_persona, iom):
    iom_admin = make_persona(iom, "administrator")
    private = registered_household(by=unhcr_registrar, site=camp)

    with pytest.raises(Http404):
        household_history(iom_admin, str(private.pk))


def test_only_sensitive_codes_are_masked():
    assert mask_codes("SM-CI, SV-VA, DS-PM", {"SV-VA"}) == "SM-CI, restricted, DS-PM"
    assert mask_codes("", {"SV-VA"}) == ""


def test_without_the_history_permission_there_is_no_history(household, iom_caseworker):
    with pytest.raises(Http404):
        household_history(iom_caseworker, str(household.pk))
