import pytest

from waypost.core.roles import Role
from waypost.matching.models import Merge, ProposalStatus
from waypost.matching.services import merge
from waypost.matching.tests.factories import proposed, recorded_twice
from waypost.registry.models import Individual


@pytest.fixture
def twice(unhcr_registrar, camp):
    return recorded_twice(by=unhcr_registrar, site=camp)


@pytest.fixture
def officer_api(client, unhcr_protection_officer):
    client.force_login(unhcr_protection_officer)
    return client


def test_the_queue_lists_pairs_with_who_each_record_is(officer_api, twice):
    proposal = proposed(*twice)

    body = officer_api.get("/api/matching/proposals").json()

    assert body["count"] == 1
    assert body["hidden"] == 0
    item = body["items"][0]
    assert item["id"] == str(proposal.pk)
    assert item["first"]["given_name"] in {"Mohammed", "Muhammad"}
    assert "date_of_birth" not in item["first"]  # a list shows who, not more
    assert item["agreements"][0]["field"] == "given_name"


def test_a_pair_shows_both_records_as_the_caller_may_see_them(officer_api, twice):
    proposal = proposed(*twice)
    body = officer_api.get(f"/api/matching/proposals/{proposal.pk}").json()
    born = {body[side]["date_of_birth"]["value"] for side in ("first", "second")}
    assert born == {"1985-03-01", "1985-01-01"}


def test_same_person_then_unmerge_through_the_api(officer_api, twice):
    one, other = twice
    proposal = proposed(one, other)

    decided = officer_api.post(
        f"/api/matching/proposals/{proposal.pk}/decision",
        {"decision": "same", "survivor": "second", "note": "Same passport"},
        content_type="application/json",
    )

    assert decided.status_code == 200
    body = decided.json()
    assert body["status"] == ProposalStatus.MERGED
    survivor_id = body["second"]["id"]
    merged_id = body["first"]["id"]
    assert str(Individual.objects.get(pk=merged_id).merged_into_id) == survivor_id

    undone = officer_api.post(
        f"/api/matching/merges/{body['merge_id']}/unmerge",
        {"note": "Brothers"},
        content_type="application/json",
    )

    assert undone.status_code == 200
    assert undone.json()["undone_at"] is not None
    assert Individual.objects.get(pk=merged_id).merged_into_id is None


def test_a_refused_decision_answers_422_naming_the_field(officer_api, twice):
    proposal = proposed(*twice)
    response = officer_api.post(
        f"/api/matching/proposals/{proposal.pk}/decision",
        {"decision": "same"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "survivor"
    assert not Merge.objects.exists()


def test_a_decided_pair_answers_422(officer_api, twice, unhcr_protection_officer):
    one, other = twice
    proposal = proposed(one, other)
    merge(proposal, survivor=one, by=unhcr_protection_officer)
    response = officer_api.post(
        f"/api/matching/proposals/{proposal.pk}/decision",
        {"decision": "different"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "already decided" in response.json()["detail"][0]["msg"]


def test_another_agency_gets_404_and_a_count(client, make_persona, iom, twice):
    proposal = proposed(*twice)
    client.force_login(make_persona(iom, Role.ADMINISTRATOR))

    assert client.get(f"/api/matching/proposals/{proposal.pk}").status_code == 404
    body = client.get("/api/matching/proposals").json()
    assert body["count"] == 0
    assert body["hidden"] == 1


def test_a_caseworker_may_not_read_the_queue(client, iom_caseworker):
    client.force_login(iom_caseworker)
    assert client.get("/api/matching/proposals").status_code == 403
