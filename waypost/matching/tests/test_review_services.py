import pytest
from django.core.exceptions import ValidationError

from waypost.core.models import AuditEvent
from waypost.matching.models import DuplicateProposal, Merge, ProposalStatus
from waypost.matching.services import (
    PROPOSAL_BATCH,
    mark_different,
    merge,
    propose_duplicates,
    unmerge,
)
from waypost.matching.tests.factories import proposed, recorded_twice, score
from waypost.registry.models import Individual
from waypost.registry.selectors import (
    get_household_for,
    individuals_visible_to,
    search_individuals,
)
from waypost.registry.services import remove_member
from waypost.registry.tests.factories import member, registered_household
from waypost.sites.selectors import sites_with_occupancy_for


@pytest.fixture
def twice(unhcr_registrar, camp):
    return recorded_twice(by=unhcr_registrar, site=camp)


def test_a_pair_is_stored_once_lower_id_first_whichever_way_it_is_proposed(twice):
    one, other = twice

    opened = propose_duplicates(
        [(other.pk, one.pk, score(0.9)), (one.pk, other.pk, score(0.8))], source="batch"
    )

    assert opened == 1
    proposal = DuplicateProposal.objects.get()
    assert proposal.first_id == min(one.pk, other.pk)
    assert proposal.probability == 0.9
    assert proposal.agreements[0] == {
        "field": "given_name",
        "level": "same name in another spelling",
        "weight": 4.1,
    }
    assert {proposal.first_number, proposal.second_number} == {one.number, other.number}


def test_proposing_again_only_ever_raises_the_score_of_an_open_pair(twice):
    one, other = twice
    proposed(one, other, probability=0.8)

    assert propose_duplicates([(one.pk, other.pk, score(0.8))], source="batch") == 0
    assert propose_duplicates([(one.pk, other.pk, score(0.6))], source="batch") == 0
    assert propose_duplicates([(other.pk, one.pk, score(0.95))], source="registration") == 1

    proposal = DuplicateProposal.objects.get()
    assert proposal.probability == 0.95
    assert proposal.status == ProposalStatus.OPEN


def test_different_people_is_remembered_and_never_proposed_again(twice, unhcr_protection_officer):
    one, other = twice
    proposal = proposed(one, other)
    mark_different(proposal, by=unhcr_protection_officer, note="Cousins, born a year apart")

    assert propose_duplicates([(one.pk, other.pk, score(0.999))], source="batch") == 0

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DIFFERENT
    assert proposal.probability == 0.97
    assert proposal.decided_by == unhcr_protection_officer
    assert proposal.note == "Cousins, born a year apart"


def test_a_merged_pair_is_not_proposed_again_nor_a_merged_record(
    twice, unhcr_registrar, unhcr_protection_officer, camp
):
    one, other = twice
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)
    third = registered_household(by=unhcr_registrar, site=camp, members=[member()]).members.get()

    written = propose_duplicates(
        [(one.pk, other.pk, score(0.99)), (other.pk, third.pk, score(0.99))], source="batch"
    )

    assert written == 0
    assert DuplicateProposal.objects.count() == 1


def test_unknown_ids_and_a_record_paired_with_itself_are_skipped(twice):
    one, _other = twice
    missing = "00000000-0000-0000-0000-000000000001"
    pairs = [(one.pk, one.pk, score()), (one.pk, missing, score())]

    assert propose_duplicates(pairs, source="batch") == 0
    assert not DuplicateProposal.objects.exists()


def test_an_unknown_source_is_refused(twice):
    one, other = twice
    with pytest.raises(ValueError, match="source"):
        propose_duplicates([(one.pk, other.pk, score())], source="guess")


def test_thousands_of_pairs_are_proposed_in_one_call(unhcr_registrar, camp):
    people = [
        registered_household(
            by=unhcr_registrar, site=camp, members=[member(given_name=f"Omar{i}")]
        ).members.get()
        for i in range(32)
    ]
    pairs = [(a.pk, b.pk, score(0.9)) for i, a in enumerate(people) for b in people[i + 1 :]]
    assert len(pairs) > PROPOSAL_BATCH

    assert propose_duplicates(pairs, source="batch") == len(pairs)
    assert propose_duplicates(pairs, source="batch") == 0
    assert DuplicateProposal.objects.count() == len(pairs)
    assert AuditEvent.objects.filter(subject_type="matching.duplicateproposal").count() == len(
        pairs
    )


def test_merge_and_unmerge_leave_lists_search_and_counts_as_they_were(
    twice, unhcr_registrar, unhcr_protection_officer, camp
):
    # given a man registered twice, in two households
    one, other = twice
    proposal = proposed(one, other)
    before = _what_the_registrar_sees(unhcr_registrar, one, other)
    assert before["visible"] == {one.pk, other.pk}

    # when the officer merges the second record into the first
    record = merge(proposal, survivor=one, by=unhcr_protection_officer, note="Same passport")

    # then one person is seen, the other record kept with its rows
    merged = _what_the_registrar_sees(unhcr_registrar, one, other)
    assert merged["visible"] == {one.pk}
    assert merged["found"] == {one.pk}
    assert merged["household_sizes"] == (1, 0)
    assert merged["occupancy"] == before["occupancy"] - 1
    assert Individual.objects.get(pk=other.pk).merged_into_id == one.pk
    assert Individual.objects.get(pk=other.pk).name_keys.exists()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.MERGED

    # when the merge is undone, everything is back
    unmerge(record, by=unhcr_protection_officer, note="Wrong: brothers")
    assert _what_the_registrar_sees(unhcr_registrar, one, other) == before
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    record.refresh_from_db()
    assert record.undone_by == unhcr_protection_officer
    assert record.undo_note == "Wrong: brothers"


def _what_the_registrar_sees(user, one, other):
    sizes = tuple(
        len(get_household_for(user, str(person.household_id)).members.all())
        for person in (one, other)
    )
    return {
        "visible": set(individuals_visible_to(user).values_list("pk", flat=True)),
        "found": {hit.individual.pk for hit in search_individuals(user, "Mohammed Hassan")},
        "household_sizes": sizes,
        "occupancy": {site.pk: site.occupancy for site in sites_with_occupancy_for(user)}[  # type: ignore[attr-defined]
            one.current_site_id
        ],
    }


def test_every_decision_is_in_the_audit_trail(twice, unhcr_protection_officer):
    one, other = twice
    proposal = proposed(one, other)

    record = merge(proposal, survivor=other, by=unhcr_protection_officer, note="Same phone")
    unmerge(record, by=unhcr_protection_officer, note="Twins")
    mark_different(proposal, by=unhcr_protection_officer, note="Twins indeed")

    decisions = AuditEvent.objects.filter(
        subject_id=str(proposal.pk), actor=unhcr_protection_officer
    ).order_by("id")
    assert [event.fields["status"] for event in decisions] == [
        ["open", "merged"],
        ["merged", "open"],
        ["open", "different"],
    ]
    assert [event.details["reason"] for event in decisions] == [
        "Same phone",
        "Twins",
        "Twins indeed",
    ]
    links = AuditEvent.objects.filter(subject_id=str(one.pk), action="updated").order_by("id")
    assert [event.fields["merged_into"] for event in links] == [
        [None, other.number],
        [other.number, None],
    ]
    assert all(event.purpose == "protection" for event in [*decisions, *links])


def test_a_survivor_outside_the_pair_is_refused(
    twice, unhcr_registrar, camp, unhcr_protection_officer
):
    one, other = twice
    stranger = registered_household(by=unhcr_registrar, site=camp, members=[member()])
    with pytest.raises(ValidationError, match="one of the pair"):
        merge(proposed(one, other), survivor=stranger.members.get(), by=unhcr_protection_officer)
    assert not Merge.objects.exists()


def test_a_decided_pair_cannot_be_decided_again(twice, unhcr_protection_officer):
    one, other = twice
    proposal = proposed(one, other)
    mark_different(proposal, by=unhcr_protection_officer)

    with pytest.raises(ValidationError, match="already decided: Different people"):
        merge(proposal, survivor=one, by=unhcr_protection_officer)
    with pytest.raises(ValidationError, match="already decided"):
        mark_different(proposal, by=unhcr_protection_officer)


def test_nothing_is_merged_into_a_record_that_is_itself_merged(
    twice, unhcr_registrar, unhcr_protection_officer, camp
):
    one, other = twice
    third = registered_household(by=unhcr_registrar, site=camp, members=[member()]).members.get()
    later = proposed(other, third)
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)

    with pytest.raises(ValidationError, match="already merged into another"):
        merge(later, survivor=other, by=unhcr_protection_officer)
    assert Individual.objects.get(pk=third.pk).merged_into_id is None


def test_a_record_with_others_merged_into_it_must_survive(
    twice, unhcr_registrar, unhcr_protection_officer, camp
):
    one, other = twice
    third = registered_household(by=unhcr_registrar, site=camp, members=[member()]).members.get()
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)

    with pytest.raises(ValidationError, match=f"keep {one.number}"):
        merge(proposed(one, third), survivor=third, by=unhcr_protection_officer)


def test_an_undone_merge_cannot_be_undone_twice(twice, unhcr_protection_officer):
    one, other = twice
    record = merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)
    unmerge(record, by=unhcr_protection_officer)
    with pytest.raises(ValidationError, match="already been undone"):
        unmerge(record, by=unhcr_protection_officer)


def test_removing_a_record_withdraws_its_open_proposals(twice, unhcr_registrar):
    one, other = twice
    proposal = proposed(one, other)

    remove_member(by=unhcr_registrar, individual=other, reason="Registered twice by mistake")

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.second_id is None or proposal.first_id is None
    assert other.number in (proposal.first_number, proposal.second_number)


def test_a_record_others_are_merged_into_cannot_be_removed(
    twice, unhcr_registrar, unhcr_protection_officer
):
    one, other = twice
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)

    with pytest.raises(ValidationError, match="undo those merges first"):
        remove_member(by=unhcr_registrar, individual=one, reason="Left the camp")
    assert Individual.objects.filter(pk=one.pk).exists()


def test_the_number_of_a_merged_record_finds_the_person_it_was_merged_into(
    twice, unhcr_registrar, unhcr_protection_officer
):
    one, other = twice
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)

    hits = search_individuals(unhcr_registrar, other.number)

    assert [hit.individual.pk for hit in hits] == [one.pk]
