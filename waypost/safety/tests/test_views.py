import pytest
from django.urls import reverse

from waypost.core.models import AuditEvent
from waypost.core.roles import Role
from waypost.safety.models import Alert, RiskRuleSet, WeatherReading
from waypost.safety.services.assessment import reassess
from waypost.safety.tests.factories import household_with, months_old, weather


@pytest.fixture
def cold_tent_camp(coordinator, unhcr_registrar, tent_camp):
    household = household_with(
        by=unhcr_registrar,
        site=tent_camp,
        others=[
            {"date_of_birth": months_old(6), "given_name": "Baby"},
            {
                "given_name": "Mariam",
                "sex": "F",
                "date_of_birth": months_old(400),
                "is_pregnant": True,
                "relationship": "spouse",
            },
        ],
    )
    weather(by=coordinator, site=tent_camp, temperature=-15, wind=30)
    reassess(site=tent_camp)
    return household


def test_the_at_risk_page_lists_people_by_score_with_reasons_and_audits_the_view(
    client, coordinator, tent_camp, cold_tent_camp
):
    client.force_login(coordinator)
    tiers = ["critical", "high", "moderate"]
    response = client.get(reverse("safety:at_risk"), {"site": "TNT", "tier": tiers})

    assert response.status_code == 200
    page = response.content.decode()
    assert "infant under 1" in page
    assert "Tent at -26 °C wind chill" in page
    assert "pregnant" in page
    assert page.index("Baby") < page.index("Mariam") < page.index("Mohammed")
    assert "-26 °C" in page
    viewed = AuditEvent.objects.filter(action="viewed", details__via="safety.at_risk")
    assert viewed.count() == 3
    assert "cold_risk_reasons" in viewed[0].fields


def test_the_htmx_refresh_is_a_fragment_of_the_page(client, coordinator, cold_tent_camp):
    client.force_login(coordinator)
    full = client.get(reverse("safety:at_risk"), {"site": "TNT"}).content.decode()
    part = client.get(reverse("safety:at_risk"), {"site": "TNT"}, HTTP_HX_REQUEST="true")
    fragment = part.content.decode()
    assert fragment.strip().startswith('<section id="results"')
    assert "<html" not in fragment
    assert 'id="results"' in full


def test_the_list_shows_critical_and_high_unless_asked(client, coordinator, cold_tent_camp):
    client.force_login(coordinator)
    page = client.get(reverse("safety:at_risk"), {"site": "TNT"}).content.decode()
    assert "Baby" in page and "Mohammed" not in page
    page = client.get(reverse("safety:at_risk"), {"site": "TNT", "tier": "moderate"})
    assert "Mohammed" in page.content.decode() and "Baby" not in page.content.decode()


def test_a_partner_agency_sees_only_the_households_shared_with_it(
    client, make_persona, iom, cold_tent_camp
):
    partner = make_persona(iom, Role.SITE_COORDINATOR)
    client.force_login(partner)
    page = client.get(reverse("safety:at_risk"), {"site": "TNT"}).content.decode()
    assert "Baby" not in page
    assert "No one in these tiers" in page


def test_the_alert_count_badge_and_acknowledging(client, coordinator, cold_tent_camp):
    client.force_login(coordinator)
    page = client.get(reverse("safety:at_risk"), {"site": "TNT"}).content.decode()
    assert '<span class="badge" aria-label="open alerts">2</span>' in page
    alert = Alert.objects.filter(individual__given_name="Baby").get()

    response = client.post(reverse("safety:acknowledge"), {"alert": str(alert.pk)})

    assert response.status_code == 303
    alert.refresh_from_db()
    assert alert.acknowledged_by == coordinator
    listing = client.get(reverse("safety:alerts"), {"site": "TNT"}).content.decode()
    assert "Mariam" in listing and "Baby" not in listing


def test_recording_weather_on_the_page_and_a_bad_value_named(client, coordinator, tent_camp):
    client.force_login(coordinator)
    data = {
        "site": "TNT",
        "kind": "observation",
        "valid_at": "2026-01-05T22:00",
        "temperature_c": "-95",
        "wind_speed_kmh": "-3",
        "precipitation_mm": "",
    }
    refused = client.post(reverse("safety:weather"), data)
    assert refused.status_code == 422
    page = refused.content.decode()
    assert "between −90 °C and 60 °C" in page and "cannot be negative" in page
    assert WeatherReading.objects.count() == 0

    saved = client.post(
        reverse("safety:weather"), data | {"temperature_c": "-12", "wind_speed_kmh": "20"}
    )
    assert saved.status_code == 303
    assert WeatherReading.objects.get().temperature_c == -12


def test_the_import_button_without_coordinates_says_so(client, coordinator, camp):
    client.force_login(coordinator)
    response = client.post(reverse("safety:weather_import"), {"site": "BRZ"}, follow=True)
    assert "latitude and longitude" in response.content.decode()


def test_editing_the_rules_makes_a_new_version(client, coordinator):
    client.force_login(coordinator)
    form = client.get(reverse("safety:rules")).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if name != "reason"}
    infant = next(rule for rule in form.rule_rows if rule.condition == "infant")
    data[f"rule_{infant.pk}"] = 4

    missing_reason = client.post(reverse("safety:rules"), data)
    assert missing_reason.status_code == 422
    assert RiskRuleSet.objects.count() == 1

    response = client.post(reverse("safety:rules"), data | {"reason": "Infants first"})
    assert response.status_code == 303
    latest = RiskRuleSet.objects.get(version=2)
    assert latest.rules.get(condition="infant").points == 4
    assert latest.changed_by == coordinator
