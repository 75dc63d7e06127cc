"""Importing a site's forecast from Open-Meteo: fetch (with retries), check, store, reassess.

The request runs outside any transaction (it may take seconds); the hours are then stored in one
transaction, all or none, and the site's risk is reassessed with them.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypost.core.models import User
from waypost.safety.open_meteo import fetch_forecast, parse_forecast
from waypost.safety.services.assessment import Reassessed, reassess
from waypost.safety.services.weather import store_forecast
from waypost.sites.models import Site


@dataclass(frozen=True)
class Imported:
    site: Site
    created: int
    updated: int
    reassessed: Reassessed


def import_forecast(
    *,
    by: User | None,
    site: Site,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Imported:
    """Raises ValidationError when the site has no coordinates, OpenMeteoError when the
    forecast cannot be fetched or is malformed (then nothing is stored)."""
    if site.latitude is None or site.longitude is None:
        raise ValidationError(
            {"site": _("Record the site's latitude and longitude to import its forecast.")},
            code="no_coordinates",
        )
    fetched_at = timezone.now()
    payload = fetch_forecast(
        latitude=site.latitude, longitude=site.longitude, client=client, sleep=sleep
    )
    readings = parse_forecast(payload)
    created, updated = store_forecast(by=by, site=site, readings=readings, fetched_at=fetched_at)
    return Imported(site, created, updated, reassess(site=site, by=by))
