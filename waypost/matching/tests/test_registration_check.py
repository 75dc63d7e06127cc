"""Every registration is checked once saved, and its likely duplicates go to the review queue."""

from datetime import date

from waypost.matching import registration_check
from waypost.matching.models import DuplicateProposal
from waypost.matching.selectors import PROPOSED_FROM
from waypost.registry.models import Household, Individual
from waypost.registry.services import add_member
from waypost.registry.tests.factories import member, registered_household

THE_SAME_MAN_AT_THE_BORDER = {
    "given_name": "Мухаммед",
    "father_name": "Али",
    "family_name": "Хасан",
    "given_name_native": "",
    "family_name_native": "",
    "date_of_birth": date(1985, 1, 1),
    "date_of_birth_precision": "year",
}


def register(clerk, camp, **overrides):
    return registered_household(by=clerk, site=camp, members=[member(**overrides)])


def test_registering_a_person_again_proposes_the_pair_for_review(
    unhcr_registrar, camp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = register(unhcr_registrar, camp).members.get()
    assert not DuplicateProposal.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        second = register(unhcr_registrar, camp, **THE_SAME_MAN_AT_THE_BORDER).members.get()

    proposal = DuplicateProposal.objects.get()
    assert {proposal.first_id, proposal.second_id} == {first.pk, second.pk}
    assert proposal.source == "registration"
    assert proposal.proposed_by == unhcr_registrar
    assert proposal.probability >= PROPOSED_FROM


def test_an_added_member_is_checked_too(unhcr_registrar, camp, django_capture_on_commit_callbacks):
    register(unhcr_registrar, camp)
    other = register(unhcr_registrar, camp, given_name="Omar", given_name_native="عمر")

    with django_capture_on_commit_callbacks(execute=True):
        add_member(
            by=unhcr_registrar,
            household=other,
            member=member(relationship="other_relative", **THE_SAME_MAN_AT_THE_BORDER),
        )

    assert DuplicateProposal.objects.filter(source="registration").count() == 1


def test_a_family_of_different_people_proposes_nothing(
    unhcr_registrar, camp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registered_household(by=unhcr_registrar, site=camp)

    assert not DuplicateProposal.objects.exists()


def test_a_failing_check_never_undoes_the_registration(
    unhcr_registrar, camp, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(individual_ids):
        raise RuntimeError("the model file is missing")

    monkeypatch.setattr(registration_check, "likely_pairs", broken)

    with django_capture_on_commit_callbacks(execute=True):
        household = register(unhcr_registrar, camp)

    assert Household.objects.filter(pk=household.pk).exists()
    assert Individual.objects.filter(household=household).count() == 1
    assert "Duplicate check after registration failed" in caplog.text


def test_the_check_waits_for_the_commit(unhcr_registrar, camp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as scheduled:
        register(unhcr_registrar, camp)

    assert len(scheduled) == 1
    assert not DuplicateProposal.objects.exists()
