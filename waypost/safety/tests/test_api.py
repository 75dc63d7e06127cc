import pytest

from waypost.core.models import AuditEvent
from waypost.safety.models import RiskRuleSet, WeatherReading
from waypost.safety.services.assessment import reassess
from waypost.safety.tests.factories import household_with, months_old, weather

API = "/api/safety"


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def test_a_reading_posted_is_stored_with_its_wind_chill(signed_in, tent_camp):
    body = {
        "site": "TNT",
        "kind": "observation",
        "valid_at": "2021-11-15T22:00:00+03:00",
        "temperature_c": "-15",
        "wind_speed_kmh": "30",
    }
    response = signed_in.post(f"{API}/readings", body, content_type="application/json")

    assert response.status_code == 201
    assert response.json()["wind_chill_c"] == -26
    listed = signed_in.get(f"{API}/readings", {"site": "TNT"}).json()
    assert [reading["temperature_c"] for reading in listed] == ["-15.0"]


def test_an_impossible_reading_is_a_422_naming_the_fields(signed_in, tent_camp):
    body = {
        "site": "TNT",
        "kind": "observation",
        "valid_at": "2021-11-15T22:00:00+03:00",
        "temperature_c": "61",
        "wind_speed_kmh": "-1",
    }
    response = signed_in.post(f"{API}/readings", body, content_type="application/json")

    assert response.status_code == 422
    fields = {tuple(error["loc"]) for error in response.json()["detail"]}
    assert fields == {("body", "temperature_c"), ("body", "wind_speed_kmh")}
    assert WeatherReading.objects.count() == 0


def test_the_at_risk_list_gives_scores_and_reasons_in_words(
    signed_in, coordinator, unhcr_registrar, tent_camp
):
    household_with(
        by=unhcr_registrar,
        site=tent_camp,
        others=[{"date_of_birth": months_old(6), "given_name": "Baby"}],
    )
    weather(by=coordinator, site=tent_camp, temperature=-15, wind=30)
    reassess(site=tent_camp)

    tiers = ["critical", "high", "moderate"]
    answer = signed_in.get(f"{API}/at-risk", {"site": "TNT", "tier": tiers}).json()

    assert answer["wind_chill_c"] == -26
    assert answer["counts"] == {"high": 1, "moderate": 1}
    baby = answer["people"][0]
    assert (baby["score"], baby["tier"]) == (6, "high")
    assert [reason["text"] for reason in baby["reasons"]] == [
        "Tent at -26 °C wind chill",
        "infant under 1",
    ]
    assert AuditEvent.objects.filter(action="viewed", details__via="safety.at_risk").count() == 2


def test_the_import_without_a_site_is_a_422(signed_in):
    response = signed_in.post(f"{API}/import", {}, content_type="application/json")
    assert response.status_code == 422


def test_rules_are_read_and_a_new_version_put(signed_in):
    rules = signed_in.get(f"{API}/rules").json()
    assert rules["version"] == 1
    infant = next(rule for rule in rules["rules"] if rule["condition"] == "infant")
    infant["points"] = 5
    body = {"reason": "Infants first", "rules": rules["rules"], "tiers": rules["tiers"]}

    response = signed_in.put(f"{API}/rules", body, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert RiskRuleSet.objects.count() == 2
    assert AuditEvent.objects.filter(action="safety.rules_changed").exists()


def test_a_rule_with_an_unknown_factor_is_a_422(signed_in):
    rules = signed_in.get(f"{API}/rules").json()
    rules["rules"][0]["factor"] = "horoscope"
    body = {"reason": "why not", "rules": rules["rules"], "tiers": rules["tiers"]}
    response = signed_in.put(f"{API}/rules", body, content_type="application/json")
    assert response.status_code == 422
    assert "horoscope" in response.json()["detail"][0]["msg"]
    assert RiskRuleSet.objects.count() == 1
