from waypost.core.models import AuditEvent
from waypost.core.roles import Role
from waypost.matching.queue import (
    decided_proposals,
    get_proposal_for,
    hidden_open_count,
    open_proposals,
    proposals_visible_to,
)
from waypost.matching.services import mark_different, merge
from waypost.matching.tests.factories import proposed, recorded_twice
from waypost.registry.history import household_history
from waypost.sites.models import ShelterType, Site, SiteKind


def test_an_outsider_and_a_clerk_see_no_proposal(unhcr_registrar, camp, outsider):
    proposed(*recorded_twice(by=unhcr_registrar, site=camp))
    assert not proposals_visible_to(outsider).exists()
    assert not proposals_visible_to(unhcr_registrar).exists()
    assert hidden_open_count(unhcr_registrar) == 0


def test_a_partner_sees_pairs_whose_households_share_data(unhcr_registrar, camp, make_persona, iom):
    # given one pair the heads agreed to share, and one they did not
    shared = recorded_twice(by=unhcr_registrar, site=camp, consents=("assistance", "data_sharing"))
    kept = recorded_twice(by=unhcr_registrar, site=camp)
    visible, hidden = proposed(*shared), proposed(*kept)
    iom_officer = make_persona(iom, Role.PROTECTION_OFFICER)

    assert list(open_proposals(iom_officer)) == [visible]
    assert hidden_open_count(iom_officer) == 1
    assert hidden not in proposals_visible_to(iom_officer)


def test_the_queue_filters_by_site(unhcr_registrar, unhcr_protection_officer, camp, unhcr):
    shelter = Site.objects.create(
        code="SHL",
        name="Family shelter",
        kind=SiteKind.SHELTER,
        shelter_type=ShelterType.UNHEATED_BUILDING,
        capacity=150,
        managed_by=unhcr,
    )
    at_camp = proposed(*recorded_twice(by=unhcr_registrar, site=camp))
    in_shelter = proposed(*recorded_twice(by=unhcr_registrar, site=shelter))

    assert list(open_proposals(unhcr_protection_officer, site="SHL")) == [in_shelter]
    assert list(open_proposals(unhcr_protection_officer, site="BRZ")) == [at_camp]


def test_pairs_with_a_merged_record_leave_the_queue_until_the_merge_is_undone(
    unhcr_registrar, unhcr_protection_officer, camp
):
    one, other = recorded_twice(by=unhcr_registrar, site=camp)
    third, _fourth = recorded_twice(by=unhcr_registrar, site=camp)
    later = proposed(other, third)
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)

    assert later not in open_proposals(unhcr_protection_officer)
    assert [p.status for p in decided_proposals(unhcr_protection_officer)] == ["merged"]


def test_decided_pairs_list_the_active_merge(unhcr_registrar, unhcr_protection_officer, camp):
    one, other = recorded_twice(by=unhcr_registrar, site=camp)
    record = merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)
    different = proposed(*recorded_twice(by=unhcr_registrar, site=camp))
    mark_different(different, by=unhcr_protection_officer)

    decided = {p.pk: p for p in decided_proposals(unhcr_protection_officer)}

    assert getattr(decided[record.proposal_id], "active_merges") == [record]  # noqa: B009
    assert getattr(decided[different.pk], "active_merges") == []  # noqa: B009


def test_reading_a_pair_records_both_people_and_their_households(
    unhcr_registrar, unhcr_protection_officer, camp
):
    one, other = recorded_twice(by=unhcr_registrar, site=camp)
    proposal = proposed(one, other)

    get_proposal_for(unhcr_protection_officer, str(proposal.pk))

    viewed = AuditEvent.objects.filter(actor=unhcr_protection_officer, action="viewed")
    assert {event.subject_id for event in viewed} == {str(one.pk), str(other.pk)}
    assert {event.purpose for event in viewed} == {"protection"}
    assert all("date_of_birth" in event.fields for event in viewed)


def test_the_merged_record_history_tells_where_it_went(
    unhcr_registrar, unhcr_protection_officer, camp
):
    one, other = recorded_twice(by=unhcr_registrar, site=camp)
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer, note="Same passport")

    _household, entries = household_history(unhcr_registrar, str(other.household_id))

    latest = entries[0]
    assert latest.actor == unhcr_protection_officer
    assert [(c.label, c.old, c.new) for c in latest.changes] == [("Merged into", "—", one.number)]
    assert latest.reason == "Same passport"
