"""Sending alerts when people's cold risk rises: a pluggable sender, chosen by a setting.

`WAYPOST_ALERT_SENDER` names the sender class by dotted path (default `ConsoleSender`, which
writes to the log). `EmailSender` mails the site coordinators of the agency managing the site,
through Django's mail settings. An SMS gateway is one more class with a `send` method.

Messages say how many people at which site rose into which tier, never who or why: names and
reasons (pregnancy, illness) stay in Waypost, behind its permissions and audit trail.
"""

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from waypost.core.models import User
from waypost.core.roles import Role
from waypost.safety.models import Alert, Tier
from waypost.sites.models import Site

DEFAULT_SENDER = "waypost.safety.alerts.ConsoleSender"
logger = logging.getLogger("waypost.safety.alerts")


class AlertSender(Protocol):
    def send(self, *, site: Site, alerts: Sequence[Alert]) -> None: ...


def alert_sender() -> AlertSender:
    sender: AlertSender = import_string(
        getattr(settings, "WAYPOST_ALERT_SENDER", "") or DEFAULT_SENDER
    )()
    return sender


def summary(site: Site, alerts: Sequence[Alert]) -> str:
    counts = Counter(alert.tier for alert in alerts)
    parts = [
        _("%(count)s now %(tier)s") % {"count": counts[tier], "tier": Tier(tier).label}
        for tier in Tier.values
        if counts[tier]
    ]
    return _("Cold risk rose at %(site)s: %(parts)s. See the at-risk list in Waypost.") % {
        "site": site.name,
        "parts": ", ".join(parts),
    }


class ConsoleSender:
    """Writes each batch of alerts to the log (the console by default)."""

    def send(self, *, site: Site, alerts: Sequence[Alert]) -> None:
        logger.warning(summary(site, alerts))


class EmailSender:
    """Mails the site coordinators of the agency managing the site who have an address."""

    def send(self, *, site: Site, alerts: Sequence[Alert]) -> None:
        if site.managed_by_id is None:
            logger.warning("Site %s has no managing agency to alert", site.code)
            return
        recipients = sorted(
            User.objects.filter(
                agency_id=site.managed_by_id,
                is_active=True,
                role_assignments__role=Role.SITE_COORDINATOR,
            )
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if not recipients:
            logger.warning("No site coordinator with an e-mail address for %s", site.code)
            return
        subject = _("Waypost: cold risk rose at %(site)s") % {"site": site.name}
        send_mail(subject, summary(site, alerts), None, recipients)
