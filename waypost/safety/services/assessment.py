"""Keeping each person's cold-risk snapshot current, and raising alerts when it rises.

`reassess(site=...)` computes everyone at the site now (the rules in force, tonight's weather),
replaces the site's snapshots (`RiskAssessment`, one per person, also taking over those of people
who moved in from another site), and raises an `Alert` for each person whose tier rose into one
that alerts (critical and high by default; someone newly assessed counts as rising from
nothing). The alerts are sent after the transaction commits, through the configured sender.

It is called after weather is recorded or imported (`on_commit`), from the page's button and the
API; services that move people or hand out winter items call `reassess_after_commit`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from waypost.core import audit
from waypost.core.models import User
from waypost.safety.alerts import alert_sender
from waypost.safety.models import TIER_RANK, Alert, RiskAssessment, RiskRuleSet, Tier
from waypost.safety.population import PersonRisk, assess_people
from waypost.safety.risk import Rules, rules_of
from waypost.safety.selectors import rule_set_in_force
from waypost.sites.models import Site


@dataclass(frozen=True)
class Reassessed:
    people: int
    alerts: int


def _rises(rules: Rules, people: list[PersonRisk], before: dict[UUID, str]) -> list[PersonRisk]:
    def rank(tier: str | None) -> int:
        return -1 if tier is None else TIER_RANK[Tier(tier)]

    return [
        person
        for person in people
        if rules.alerts_on(person.tier)
        and rank(person.tier) > rank(before.get(person.individual_id))
    ]


def _replace_snapshots(
    *, site: Site, people: list[PersonRisk], rule_set: RiskRuleSet, now: datetime
) -> dict[UUID, str]:
    """Swap the site's snapshots (and those of people who moved in) for new ones; old tiers."""
    previous = RiskAssessment.objects.filter(
        Q(site=site) | Q(individual__current_site=site, individual__merged_into__isnull=True)
    )
    before = dict(previous.values_list("individual_id", "tier"))
    previous.delete()
    RiskAssessment.objects.bulk_create(
        (
            RiskAssessment(
                individual_id=person.individual_id,
                household_id=person.household_id,
                site=site,
                score=person.score,
                tier=person.tier,
                reasons=[reason.as_data() for reason in person.assessment.reasons],
                rule_set=rule_set,
                assessed_at=now,
            )
            for person in people
        ),
        batch_size=5000,
    )
    return before


@transaction.atomic
def reassess(*, site: Site, by: User | None = None) -> Reassessed:
    rule_set = rule_set_in_force()
    rules = rules_of(rule_set)
    people = assess_people(sites=[site], rules=rules)
    now = timezone.now()
    before = _replace_snapshots(site=site, people=people, rule_set=rule_set, now=now)
    alerts = Alert.objects.bulk_create(
        Alert(
            individual_id=person.individual_id,
            site=site,
            previous_tier=before.get(person.individual_id, ""),
            tier=person.tier,
            score=person.score,
            raised_at=now,
        )
        for person in _rises(rules, people, before)
    )
    audit.record(
        actor=by,
        action="safety.reassessed",
        subject=site,
        version=rule_set.version,
        people=len(people),
        alerts=len(alerts),
    )
    if alerts:
        ids = [alert.pk for alert in alerts]
        transaction.on_commit(lambda: send_alerts(site=site, alert_ids=ids))
    return Reassessed(len(people), len(alerts))


def send_alerts(*, site: Site, alert_ids: list[UUID]) -> None:
    """Send through the configured sender, then mark the alerts sent."""
    alerts = list(Alert.objects.filter(pk__in=alert_ids))
    alert_sender().send(site=site, alerts=alerts)
    Alert.objects.filter(pk__in=alert_ids).update(sent_at=timezone.now())


def reassess_after_commit(*, site_ids: Iterable[UUID], by: User | None = None) -> None:
    """Reassess these sites once the current transaction has committed (people moved, weather
    changed, winter items handed out)."""

    ids = list(site_ids)

    def run() -> None:
        for site in Site.objects.filter(pk__in=ids):
            reassess(site=site, by=by)

    transaction.on_commit(run)


@transaction.atomic(durable=True)
def acknowledge_alert(*, by: User, alert: Alert, purpose: str = "") -> Alert:
    if alert.acknowledged_at is None:
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = by
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])
        audit.record(actor=by, action="safety.alert_acknowledged", subject=alert, purpose=purpose)
    return alert
