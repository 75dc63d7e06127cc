"""Recording the weather at a site: by hand, or a forecast imported from Open-Meteo.

Impossible values are refused with a message naming the field (and by the database's check
constraints, should anything get past). An import is idempotent: the same site, kind, source and
hour is updated in place, never doubled. Each write is audited; risk is reassessed afterwards by
the caller (`services.assessment.reassess`), since a change of weather changes who is at risk.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core import audit
from waypost.core.models import User
from waypost.safety.models import ReadingKind, ReadingSource, WeatherReading
from waypost.safety.services.assessment import reassess_after_commit
from waypost.safety.windchill import check_weather
from waypost.sites.models import Site


@dataclass(frozen=True)
class Reading:
    """Weather values for one time, before they are stored."""

    valid_at: datetime
    temperature_c: Decimal
    wind_speed_kmh: Decimal
    precipitation_mm: Decimal = Decimal(0)


def check_reading(reading: Reading) -> None:
    check_weather(temperature_c=reading.temperature_c, wind_kmh=reading.wind_speed_kmh)
    if reading.precipitation_mm < 0:
        raise ValidationError(
            {"precipitation_mm": _("Precipitation cannot be negative.")}, code="impossible"
        )
    if timezone.is_naive(reading.valid_at):
        raise ValidationError({"valid_at": _("Give the time with its time zone.")}, code="naive")


@transaction.atomic(durable=True)
def record_weather(
    *, by: User, site: Site, kind: str, reading: Reading, purpose: str = ""
) -> WeatherReading:
    """A reading entered by hand: an observation at the site, or a forecast heard for it."""
    check_reading(reading)
    if WeatherReading.objects.filter(
        site=site, kind=kind, source=ReadingSource.MANUAL, valid_at=reading.valid_at
    ).exists():
        raise ValidationError(
            {"valid_at": _("A reading of this kind is already recorded for this time.")},
            code="duplicate",
        )
    stored = WeatherReading.objects.create(
        site=site,
        kind=kind,
        source=ReadingSource.MANUAL,
        valid_at=reading.valid_at,
        temperature_c=reading.temperature_c,
        wind_speed_kmh=reading.wind_speed_kmh,
        precipitation_mm=reading.precipitation_mm,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    audit.record(
        actor=by,
        action="safety.weather_recorded",
        subject=stored,
        purpose=purpose,
        site=site.code,
        kind=kind,
        valid_at=reading.valid_at.isoformat(),
        temperature_c=str(reading.temperature_c),
        wind_speed_kmh=str(reading.wind_speed_kmh),
    )
    reassess_after_commit(site_ids=[site.pk], by=by)
    return stored


@transaction.atomic(durable=True)
def record_weather_series(
    *, by: User, site: Site, kind: str, readings: Sequence[Reading], purpose: str = ""
) -> list[WeatherReading]:
    """Several hours entered by hand at once (a forecast read off a bulletin, a night's
    observations): all stored or none, one audit event, one reassessment after."""
    for reading in readings:
        check_reading(reading)
    now = timezone.now()
    stored = WeatherReading.objects.bulk_create(
        WeatherReading(
            site=site,
            kind=kind,
            source=ReadingSource.MANUAL,
            valid_at=reading.valid_at,
            temperature_c=reading.temperature_c,
            wind_speed_kmh=reading.wind_speed_kmh,
            precipitation_mm=reading.precipitation_mm,
            recorded_by=by,
            recorded_at=now,
        )
        for reading in readings
    )
    audit.record(
        actor=by,
        action="safety.weather_recorded",
        subject=site,
        purpose=purpose,
        kind=kind,
        hours=len(stored),
    )
    reassess_after_commit(site_ids=[site.pk], by=by)
    return stored


def _store_hour(*, by: User | None, site: Site, reading: Reading, fetched_at: datetime) -> None:
    WeatherReading.objects.update_or_create(
        site=site,
        kind=ReadingKind.FORECAST,
        source=ReadingSource.OPEN_METEO,
        valid_at=reading.valid_at,
        defaults={
            "temperature_c": reading.temperature_c,
            "wind_speed_kmh": reading.wind_speed_kmh,
            "precipitation_mm": reading.precipitation_mm,
            "recorded_by": by,
            "recorded_at": timezone.now(),
            "fetched_at": fetched_at,
        },
    )


@transaction.atomic(durable=True)
def store_forecast(
    *, by: User | None, site: Site, readings: Sequence[Reading], fetched_at: datetime
) -> tuple[int, int]:
    """Store imported forecast hours, updating hours already stored; (created, updated).

    Every hour is checked first: one impossible value and nothing is stored.
    """
    for reading in readings:
        check_reading(reading)
    existing = set(
        WeatherReading.objects.filter(
            site=site,
            kind=ReadingKind.FORECAST,
            source=ReadingSource.OPEN_METEO,
            valid_at__in=[reading.valid_at for reading in readings],
        ).values_list("valid_at", flat=True)
    )
    for reading in readings:
        _store_hour(by=by, site=site, reading=reading, fetched_at=fetched_at)
    updated = sum(1 for reading in readings if reading.valid_at in existing)
    audit.record(
        actor=by,
        action="safety.forecast_imported",
        subject=site,
        hours=len(readings),
        created=len(readings) - updated,
        updated=updated,
        fetched_at=fetched_at.isoformat(),
    )
    return len(readings) - updated, updated
