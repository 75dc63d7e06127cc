from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.safety.defaults import default_rules, default_tiers
from waypost.safety.models import (
    Alert,
    ReadingKind,
    RiskAssessment,
    RiskRuleSet,
    Tier,
    WeatherReading,
)
from waypost.safety.selectors import rules_in_force
from waypost.safety.services.assessment import acknowledge_alert, reassess
from waypost.safety.services.rules import change_rules
from waypost.safety.services.weather import Reading, record_weather
from waypost.safety.tests.factories import household_with, months_old, weather


@pytest.fixture
def baby_household(unhcr_registrar, tent_camp):
    return household_with(
        by=unhcr_registrar,
        site=tent_camp,
        others=[{"date_of_birth": months_old(6), "given_name": "Baby"}],
    )


def test_recording_weather_reassesses_the_site_after_commit(
    coordinator, tent_camp, baby_household, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        weather(by=coordinator, site=tent_camp, temperature=-15, wind=30)

    tiers = dict(RiskAssessment.objects.values_list("individual__given_name", "tier"))
    assert tiers == {"Baby": Tier.HIGH, "Mohammed": Tier.MODERATE}
    event = AuditEvent.objects.get(action="safety.weather_recorded")
    assert event.actor == coordinator and event.details["temperature_c"] == "-15"


def test_a_tier_rising_raises_one_alert_and_sends_it(
    coordinator, tent_camp, baby_household, django_capture_on_commit_callbacks, caplog
):
    # given a mild night: the baby is moderate (tent ≤ 5: 1 + infant 3 = 4), no alert
    weather(by=coordinator, site=tent_camp, temperature=2, wind=10)
    reassess(site=tent_camp)
    assert Alert.objects.count() == 0

    # when the cold comes: −15 °C and 30 km/h, wind chill −26 → the baby is high (6)
    later = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=3)
    weather(by=coordinator, site=tent_camp, temperature=-15, wind=30, at=later)
    with django_capture_on_commit_callbacks(execute=True):
        result = reassess(site=tent_camp, by=coordinator)

    # then one alert for the baby, sent through the console sender, and not raised twice
    alert = Alert.objects.get()
    assert (alert.previous_tier, alert.tier, alert.score) == (Tier.MODERATE, Tier.HIGH, 6)
    assert alert.sent_at is not None
    assert result.alerts == 1
    assert "1 now High" in caplog.text
    reassess(site=tent_camp)
    assert Alert.objects.count() == 1


def test_the_email_sender_mails_the_site_coordinators_without_names(
    settings, coordinator, tent_camp, baby_household, django_capture_on_commit_callbacks
):
    settings.WAYPOST_ALERT_SENDER = "waypost.safety.alerts.EmailSender"
    coordinator.email = "coordinator@example.org"
    coordinator.save()
    weather(by=coordinator, site=tent_camp, temperature=-15, wind=30)
    with django_capture_on_commit_callbacks(execute=True):
        reassess(site=tent_camp)

    (message,) = mail.outbox
    assert message.to == ["coordinator@example.org"]
    assert "Tent camp" in message.subject
    assert "1 now High" in message.body
    assert "Baby" not in message.body


def test_acknowledging_an_alert_is_audited(coordinator, tent_camp, baby_household):
    weather(by=coordinator, site=tent_camp, temperature=-15, wind=30)
    reassess(site=tent_camp)
    alert = acknowledge_alert(by=coordinator, alert=Alert.objects.get())
    assert alert.acknowledged_by == coordinator
    assert AuditEvent.objects.filter(action="safety.alert_acknowledged").count() == 1


def test_impossible_weather_is_refused_and_nothing_is_saved(coordinator, tent_camp):
    reading = Reading(timezone.now(), Decimal("-91"), Decimal("-2"), Decimal("-1"))
    with pytest.raises(ValidationError) as refused:
        record_weather(
            by=coordinator, site=tent_camp, kind=ReadingKind.OBSERVATION, reading=reading
        )
    assert set(refused.value.message_dict) == {"temperature_c", "wind_speed_kmh"}
    assert not AuditEvent.objects.filter(action="safety.weather_recorded").exists()


def test_the_same_manual_reading_twice_is_refused(coordinator, tent_camp):
    at = timezone.now().replace(minute=0, second=0, microsecond=0)
    weather(by=coordinator, site=tent_camp, temperature=-5, wind=10, at=at)
    with pytest.raises(ValidationError, match="already recorded"):
        weather(by=coordinator, site=tent_camp, temperature=-6, wind=10, at=at)


def test_a_rule_change_is_a_new_version_kept_beside_the_old_one_and_audited(coordinator):
    rules = default_rules()
    infant = next(rule for rule in rules if rule["condition"] == "infant")
    infant["points"] = 4

    version = change_rules(
        by=coordinator, reason="Infants first", rules=rules, tiers=default_tiers()
    )

    assert version.version == 2
    assert RiskRuleSet.objects.count() == 2
    assert rules_in_force().version == 2
    assert RiskRuleSet.objects.get(version=1).rules.get(condition="infant").points == 3
    event = AuditEvent.objects.get(action="safety.rules_changed")
    assert event.fields == {"age infant [0.0, 1.0)": [3, 4]}
    assert event.details["reason"] == "Infants first"


def test_a_rule_change_without_a_reason_is_refused(coordinator):
    with pytest.raises(ValidationError) as refused:
        change_rules(by=coordinator, reason=" ", rules=default_rules(), tiers=default_tiers())
    assert "reason" in refused.value.message_dict
    assert RiskRuleSet.objects.count() == 1


def test_tiers_must_rise(coordinator):
    tiers = default_tiers()
    tiers[0]["min_points"] = 2  # critical below high
    with pytest.raises(ValidationError, match="must rise"):
        change_rules(by=coordinator, reason="oops", rules=default_rules(), tiers=tiers)
    assert RiskRuleSet.objects.count() == 1


def test_a_rule_given_twice_is_refused(coordinator):
    rules = default_rules()
    with pytest.raises(ValidationError, match="once"):
        change_rules(
            by=coordinator, reason="twice", rules=[*rules, rules[0]], tiers=default_tiers()
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("temperature_c", "-90.5"),
        ("temperature_c", "60.5"),
        ("wind_speed_kmh", "-0.1"),
        ("precipitation_mm", "-1"),
    ],
)
def test_the_database_refuses_impossible_weather_even_past_the_service(
    coordinator, tent_camp, field, value
):
    values = {
        "temperature_c": Decimal(-5),
        "wind_speed_kmh": Decimal(10),
        "precipitation_mm": Decimal(0),
    }
    values[field] = Decimal(value)
    with pytest.raises(IntegrityError), transaction.atomic():
        WeatherReading.objects.create(
            site=tent_camp,
            kind=ReadingKind.OBSERVATION,
            source="manual",
            valid_at=timezone.now(),
            recorded_by=coordinator,
            recorded_at=timezone.now(),
            **values,
        )
