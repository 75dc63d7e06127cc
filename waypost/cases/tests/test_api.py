"""The cases API: refusals are 422 naming the field, nothing written."""

import json

from waypost.cases.models import Case, Referral
from waypost.cases.tests.factories import open_case_for


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_opening_a_case_over_the_api(client, iom_caseworker, person):
    client.force_login(iom_caseworker)

    response = post(
        client,
        "/api/cases/cases",
        {
            "individual": str(person.pk),
            "pathways": {"relocation": {"proposed_on": "2026-11-02", "destination": "Heated hall"}},
        },
    )

    assert response.status_code == 201, response.content
    assert response.json()["pathways"][0]["state"] == "proposed"


def test_a_step_without_its_data_is_422_naming_the_field(client, iom_caseworker, person):
    case = open_case_for(iom_caseworker, person)
    client.force_login(iom_caseworker)

    response = post(client, f"/api/cases/cases/{case.pk}/pathways/avrr/steps", {"to": "interested"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "wish_stated_on"]


def test_a_referral_without_consent_is_422_naming_consent(client, unhcr_caseworker, person, iom):
    case = open_case_for(unhcr_caseworker, person)
    client.force_login(unhcr_caseworker)

    response = post(
        client, f"/api/cases/cases/{case.pk}/referrals", {"to_agency": "iom", "service": "avrr"}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "consent"]
    assert not Referral.objects.exists()


def test_a_referral_with_consent_goes_and_comes_back(
    client, unhcr_caseworker, iom_caseworker, person, iom
):
    case = open_case_for(unhcr_caseworker, person)
    client.force_login(unhcr_caseworker)
    consent = {
        "recipient_agency": "iom",
        "service": "avrr",
        "purpose": "Return",
        "given_on": "2026-11-02",
        "how_given": "written",
    }
    assert post(client, f"/api/cases/cases/{case.pk}/consents", consent).status_code == 201
    sent = post(
        client, f"/api/cases/cases/{case.pk}/referrals", {"to_agency": "iom", "service": "avrr"}
    ).json()
    client.force_login(iom_caseworker)

    refused = post(client, f"/api/cases/referrals/{sent['id']}/answer", {"accept": False})
    answered = post(client, f"/api/cases/referrals/{sent['id']}/answer", {"accept": True})

    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == [
        "body",
        "payload",
        "reason",
    ]
    assert answered.status_code == 200 and answered.json()["status"] == "accepted"
    client.force_login(unhcr_caseworker)
    mine = client.get("/api/cases/referrals?received=false").json()
    assert [r["status"] for r in mine] == ["accepted"]


def test_notes_over_the_api_for_someone_outside_the_team_are_not_shown(
    client, unhcr_caseworker, iom_caseworker, person, iom
):
    case = open_case_for(unhcr_caseworker, person)
    client.force_login(unhcr_caseworker)
    assert (
        post(
            client,
            f"/api/cases/cases/{case.pk}/notes",
            {"purpose": "assessment", "text": "Sleeps outside"},
        ).status_code
        == 201
    )
    assert (
        client.get(f"/api/cases/cases/{case.pk}/notes").json()["notes"][0]["text"]
        == "Sleeps outside"
    )
    assert Case.objects.count() == 1
