from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.counselling.models import CounsellingSession

OPTIONS = "/api/counselling/options"


def sessions_url(person):
    return f"/api/counselling/people/{person.pk}/sessions"


def test_options_for_given_facts(client, counsellor):
    client.force_login(counsellor)
    facts = {
        "age": 15,
        "pregnant": False,
        "unaccompanied": True,
        "family_abroad": [{"country": "DEU", "relation": "sibling", "status": "resident"}],
        "eu_application_registered_on": "2026-06-30",
    }
    response = client.post(
        OPTIONS, {"facts": facts, "on_date": "2026-11-25"}, content_type="application/json"
    )
    assert response.status_code == 200
    data = response.json()
    dublin = next(o for o in data["options"] if o["option"] == "dublin_family_criteria")
    assert dublin["status"] == "may_apply"
    assert [r["rule"] for r in dublin["rules"]] == ["dublin3_art8_1"]
    assert data["guide_reviewed"] is False
    assert not AuditEvent.objects.filter(action="viewed").exists()  # no record was read


def test_an_unknown_relation_is_a_422_naming_the_field(client, counsellor):
    client.force_login(counsellor)
    facts = {"family_abroad": [{"country": "DEU", "relation": "cousin"}]}
    response = client.post(OPTIONS, {"facts": facts}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "facts", "family_abroad", 0, "relation"]


def test_recording_and_reading_sessions(client, counsellor, head):
    client.force_login(counsellor)
    body = {
        "held_on": timezone.localdate().isoformat(),
        "language": "ar",
        "interpreter": "",
        "facts": {"married": True, "wishes": ["family_reunification"]},
        "sheets_given": ["family_reunification"],
        "wishes": ["family_reunification"],
    }
    response = client.post(sessions_url(head), body, content_type="application/json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["sheets_given"][0]["sheet"] == "family_reunification"
    listed = client.get(sessions_url(head)).json()
    assert [s["id"] for s in listed] == [created["id"]]
    assert AuditEvent.objects.filter(action="viewed", subject_id=created["id"]).exists()


def test_a_session_in_an_unknown_language_is_a_422_and_nothing_is_saved(client, counsellor, head):
    client.force_login(counsellor)
    body = {"held_on": timezone.localdate().isoformat(), "language": "de"}
    response = client.post(sessions_url(head), body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "language"]
    assert not CounsellingSession.objects.exists()


def test_a_case_of_someone_else_is_refused(client, counsellor, head):
    client.force_login(counsellor)
    body = {
        "held_on": timezone.localdate().isoformat(),
        "language": "ar",
        "case_id": "00000000-0000-0000-0000-000000000001",
    }
    response = client.post(sessions_url(head), body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "case_id"]
