"""The demo's cold snap: a night at the Bruzgi camp as in mid-November 2021, and the risk it brings.

Observations for the last six hours and a forecast for the next 24, entered by the Belarus Red
Cross site coordinator for every site where people sleep: the night falls to −14 °C with wind at
25 km/h (wind chill −24 °C, the hypothermia band). The values are ours, of the order reported
for the border in those nights; they are demo data, not a record. The sites get approximate
coordinates of the crossing (ours, for the Open-Meteo import button), the default cold-risk
rules are in force, and every site is assessed once, raising the alerts the cold calls for.
"""

import math
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.organisation import demo_username
from waypost.safety.models import ReadingKind, WeatherReading
from waypost.safety.selectors import housing_sites
from waypost.safety.services.rules import load_default_rules
from waypost.safety.services.weather import Reading, record_weather_series
from waypost.sites.models import Site

# Ours, approximate: the Bruzgi – Kuźnica crossing.
CROSSING = (Decimal("53.55"), Decimal("23.78"))
NIGHT_LOW_C, DAY_HIGH_C = -14.0, -6.0
WIND_KMH = 25.0
OBSERVED_HOURS, FORECAST_HOURS = 6, 24
COLDEST_HOUR = 4  # local time of the night's low


def temperature_at(moment: datetime) -> Decimal:
    """A day's curve between the night low (at 04:00) and the afternoon high."""
    hours = (timezone.localtime(moment).hour - COLDEST_HOUR) % 24
    middle, swing = (NIGHT_LOW_C + DAY_HIGH_C) / 2, (DAY_HIGH_C - NIGHT_LOW_C) / 2
    return Decimal(str(round(middle - swing * math.cos(hours / 24 * 2 * math.pi), 1)))


def hours_around(now: datetime, kind: str) -> list[Reading]:
    start = now.replace(minute=0, second=0, microsecond=0)
    offsets = (
        range(-OBSERVED_HOURS, 0) if kind == ReadingKind.OBSERVATION else range(FORECAST_HOURS)
    )
    return [
        Reading(
            start + timedelta(hours=h),
            temperature_at(start + timedelta(hours=h)),
            Decimal(str(WIND_KMH)),
        )
        for h in offsets
    ]


def load_demo_safety(*, now: datetime | None = None) -> int:
    """Readings, rules and a first assessment, once; the readings stored (0: loaded before)."""
    if WeatherReading.objects.exists():
        return 0
    now = now or timezone.now()
    load_default_rules()
    coordinator = User.objects.get(username=demo_username("brc", Role.SITE_COORDINATOR))
    Site.objects.filter(latitude__isnull=True).exclude(kind="warehouse").update(
        latitude=CROSSING[0], longitude=CROSSING[1]
    )
    stored = 0
    for site in housing_sites():
        for kind in (ReadingKind.OBSERVATION, ReadingKind.FORECAST):
            # Each series is stored in its own transaction and reassesses the site after it.
            readings = hours_around(now, kind)
            record_weather_series(by=coordinator, site=site, kind=kind, readings=readings)
            stored += len(readings)
    return stored
