"""The weather a site's people face tonight: the coldest wind chill among its recent readings.

"Tonight" is ours (✗, to review): the readings valid from 6 hours ago to 24 hours ahead, observed
or forecast, so an evening assessment sees the coming night and a morning one the night just
passed. Of those, the one that feels coldest counts.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from uuid import UUID

from django.utils import timezone

from waypost.safety.models import WeatherReading
from waypost.safety.windchill import FrostbiteBand, felt_temperature, frostbite_band
from waypost.sites.models import Site

LOOK_BACK = timedelta(hours=6)
LOOK_AHEAD = timedelta(hours=24)


@dataclass(frozen=True)
class SiteConditions:
    site_id: UUID
    shelter_type: str
    wind_chill_c: int | None  # None: no reading in the window
    temperature_c: Decimal | None = None
    wind_speed_kmh: Decimal | None = None
    valid_at: datetime | None = None
    kind: str = ""

    @property
    def band(self) -> FrostbiteBand | None:
        return frostbite_band(self.wind_chill_c)


def readings_in_window(site_ids: Iterable[UUID], at: datetime) -> list[WeatherReading]:
    return list(
        WeatherReading.objects.filter(
            site_id__in=list(site_ids), valid_at__gte=at - LOOK_BACK, valid_at__lte=at + LOOK_AHEAD
        ).order_by("valid_at")
    )


def conditions_at(
    sites: Iterable[Site], *, at: datetime | None = None
) -> dict[UUID, SiteConditions]:
    """Per site id, tonight's coldest felt temperature and the reading it comes from."""
    sites = list(sites)
    at = at or timezone.now()
    coldest: dict[UUID, tuple[int, WeatherReading]] = {}
    for reading in readings_in_window((site.pk for site in sites), at):
        felt = felt_temperature(float(reading.temperature_c), float(reading.wind_speed_kmh))
        if reading.site_id not in coldest or felt < coldest[reading.site_id][0]:
            coldest[reading.site_id] = (felt, reading)
    return {site.pk: _conditions(site, coldest.get(site.pk)) for site in sites}


def _conditions(site: Site, coldest: tuple[int, WeatherReading] | None) -> SiteConditions:
    if coldest is None:
        return SiteConditions(site.pk, site.shelter_type, None)
    felt, reading = coldest
    return SiteConditions(
        site.pk,
        site.shelter_type,
        felt,
        temperature_c=reading.temperature_c,
        wind_speed_kmh=reading.wind_speed_kmh,
        valid_at=reading.valid_at,
        kind=reading.kind,
    )


def coldest_by_site(
    site_ids: Iterable[UUID], *, at: datetime | None = None
) -> dict[UUID, tuple[str, int]]:
    """Per site with a reading tonight, its shelter type and coldest felt temperature (one
    query)."""
    at = at or timezone.now()
    coldest: dict[UUID, tuple[str, int]] = {}
    rows = WeatherReading.objects.filter(
        site_id__in=list(site_ids), valid_at__gte=at - LOOK_BACK, valid_at__lte=at + LOOK_AHEAD
    ).values_list("site_id", "site__shelter_type", "temperature_c", "wind_speed_kmh")
    for site_id, shelter_type, temperature, wind in rows:
        felt = felt_temperature(float(temperature), float(wind))
        if site_id not in coldest or felt < coldest[site_id][1]:
            coldest[site_id] = (shelter_type, felt)
    return coldest
