import pytest
from django.urls import reverse

from waypost.core.models import AuditEvent
from waypost.core.roles import Role
from waypost.matching.models import DuplicateProposal, Merge, ProposalStatus
from waypost.matching.services import merge
from waypost.matching.tests.factories import proposed, recorded_twice
from waypost.registry.models import Individual


@pytest.fixture
def twice(unhcr_registrar, camp):
    return recorded_twice(by=unhcr_registrar, site=camp)


@pytest.fixture
def officer_client(client, unhcr_protection_officer):
    client.force_login(unhcr_protection_officer)
    return client


def test_the_queue_lists_open_pairs_most_likely_first(officer_client, twice, unhcr_registrar, camp):
    one, other = twice
    third, fourth = recorded_twice(by=unhcr_registrar, site=camp)
    proposed(one, other, probability=0.7)
    proposed(third, fourth, probability=0.99)

    response = officer_client.get(reverse("matching:queue"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "2 pairs to decide" in html
    assert html.index("99 %") < html.index("70 %")
    assert "Possible duplicates" in html  # the navigation link


def test_the_queue_filters_by_source_and_the_filter_answers_htmx_with_the_results(
    officer_client, twice
):
    proposed(*twice)

    by_registration = officer_client.get(reverse("matching:queue"), {"source": "registration"})
    by_batch = officer_client.get(
        reverse("matching:queue"), {"source": "batch"}, headers={"HX-Request": "true"}
    )

    assert "No possible duplicates" in by_registration.content.decode()
    assert "One pair to decide" in by_batch.content.decode()
    assert "<h1>" not in by_batch.content.decode()


def test_listing_the_queue_is_audited(officer_client, twice, unhcr_protection_officer):
    proposed(*twice)
    officer_client.get(reverse("matching:queue"))
    viewed = AuditEvent.objects.filter(actor=unhcr_protection_officer, action="viewed")
    assert {event.subject_id for event in viewed} == {str(person.pk) for person in twice}
    assert all(event.details["via"] == "duplicate_queue" for event in viewed)


def test_the_pair_page_shows_both_records_and_what_agrees(officer_client, twice):
    one, other = twice
    proposal = proposed(one, other)

    response = officer_client.get(reverse("matching:pair", args=[proposal.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert one.number in html and other.number in html
    assert 'class="agrees"' in html  # names and birth year agree
    assert "same name in another spelling" in html
    assert "Record the decision" in html


def test_merging_on_the_pair_page_then_undoing_it(officer_client, twice, unhcr_protection_officer):
    one, other = twice
    proposal = proposed(one, other)

    merged = officer_client.post(
        reverse("matching:decide", args=[proposal.pk]),
        {"decision": "same", "survivor": "first", "note": "Same passport"},
    )

    assert merged.status_code == 303
    survivor = Individual.objects.get(pk=one.pk if proposal.first_id == one.pk else other.pk)
    gone = Individual.objects.get(pk=other.pk if survivor.pk == one.pk else one.pk)
    assert gone.merged_into_id == survivor.pk
    page = officer_client.get(reverse("registry:individual", args=[survivor.pk])).content.decode()
    assert "Also recorded as" in page and gone.number in page
    record = Merge.objects.get()

    undone = officer_client.post(reverse("matching:unmerge", args=[record.pk]), {"note": "Twins"})

    assert undone.status_code == 303
    gone.refresh_from_db()
    assert gone.merged_into_id is None
    assert DuplicateProposal.objects.get().status == ProposalStatus.OPEN


def test_different_people_on_the_pair_page(officer_client, twice):
    proposal = proposed(*twice)
    response = officer_client.post(
        reverse("matching:decide", args=[proposal.pk]), {"decision": "different"}
    )
    assert response.status_code == 303
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DIFFERENT
    decided = officer_client.get(reverse("matching:decisions")).content.decode()
    assert "Different people" in decided


def test_same_person_without_choosing_the_record_that_stays_is_refused(officer_client, twice):
    proposal = proposed(*twice)
    response = officer_client.post(
        reverse("matching:decide", args=[proposal.pk]), {"decision": "same"}
    )
    assert response.status_code == 422
    assert "Choose the record that stays." in response.content.decode()
    assert not Merge.objects.exists()


def test_deciding_a_decided_pair_again_is_refused_with_its_reason(
    officer_client, twice, unhcr_protection_officer
):
    one, other = twice
    proposal = proposed(one, other)
    merge(proposal, survivor=one, by=unhcr_protection_officer)

    response = officer_client.post(
        reverse("matching:decide", args=[proposal.pk]), {"decision": "different"}
    )

    assert response.status_code == 422
    assert "already decided: Same person, merged" in response.content.decode()


def test_undoing_an_undone_merge_is_refused(officer_client, twice, unhcr_protection_officer):
    one, other = twice
    merge(proposed(one, other), survivor=one, by=unhcr_protection_officer)
    url = reverse("matching:unmerge", args=[Merge.objects.get().pk])
    officer_client.post(url, {})

    response = officer_client.post(url, {})

    assert response.status_code == 422
    assert "already been undone" in response.content.decode()


def test_an_officer_of_another_agency_sees_only_a_count_of_pairs_they_cannot_see(
    client, make_persona, iom, twice
):
    # given a pair registered by UNHCR without consent to share
    proposal = proposed(*twice)
    iom_officer = make_persona(iom, Role.PROTECTION_OFFICER)
    client.force_login(iom_officer)

    # when the partner's officer opens the queue and the pair
    page = client.get(reverse("matching:queue")).content.decode()
    pair = client.get(reverse("matching:pair", args=[proposal.pk]))
    decide = client.post(reverse("matching:decide", args=[proposal.pk]), {"decision": "different"})

    # then they are told that a pair exists, and nothing more
    assert "One proposal involves records of another agency" in page
    assert twice[0].number not in page
    assert pair.status_code == 404
    assert decide.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def test_a_clerk_may_neither_see_the_queue_nor_decide(client, unhcr_registrar, twice):
    proposal = proposed(*twice)
    client.force_login(unhcr_registrar)
    assert client.get(reverse("matching:queue")).status_code == 403
    response = client.post(
        reverse("matching:decide", args=[proposal.pk]), {"decision": "different"}
    )
    assert response.status_code == 403
    assert "Possible duplicates" not in client.get(reverse("home")).content.decode()
