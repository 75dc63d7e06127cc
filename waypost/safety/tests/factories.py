"""Test data for the safety app, created through the services."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from waypost.registry.models import Relationship
from waypost.registry.tests.factories import member, registered_household
from waypost.safety.models import ReadingKind
from waypost.safety.services.weather import Reading, record_weather


def months_old(months: int) -> date:
    return timezone.localdate() - timedelta(days=round(months * 30.44))


def years_old(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=10)


def household_with(*, by, site, head=None, others=(), consents=("assistance",)):
    """A household whose head is a 35-year-old man unless given; `others` are member overrides."""
    members = [member(**(head or {"date_of_birth": years_old(35)}))]
    for number, overrides in enumerate(others, start=1):
        values = {
            "relationship": Relationship.CHILD,
            "given_name": f"Child{number}",
            "documents": [],
            "phones": [],
        }
        members.append(member(**(values | overrides)))
    return registered_household(by=by, site=site, members=members, consents=consents)


def weather(*, by, site, temperature, wind, at=None, kind=ReadingKind.OBSERVATION):
    reading = Reading(
        valid_at=at or timezone.now().replace(minute=0, second=0, microsecond=0),
        temperature_c=Decimal(str(temperature)),
        wind_speed_kmh=Decimal(str(wind)),
    )
    return record_weather(by=by, site=site, kind=kind, reading=reading)
