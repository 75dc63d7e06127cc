"""The Open-Meteo forecast API: hourly air temperature, wind and precipitation for a site.

`fetch_forecast` asks https://api.open-meteo.com/v1/forecast for `temperature_2m` (°C at 2 m),
`wind_speed_10m` (km/h at 10 m, the height the wind chill index is defined for) and
`precipitation` (mm over the preceding hour), with `timezone=GMT` so every hour is an
unambiguous UTC time. A request that times out, cannot connect, or gets a 429 or 5xx answer is
tried again, at most `ATTEMPTS` times in all, waiting `BACKOFF_SECONDS` × 2^n in between; any
other refusal is reported at once with Open-Meteo's reason. `parse_forecast` checks the answer
(the variables, their units, one value per hour, possible values) and returns the hours, or
raises `OpenMeteoError` naming what is wrong: a malformed answer stores nothing.

The answer looks like this (shortened):

    {"latitude": 53.56, "longitude": 23.78, "utc_offset_seconds": 0, "timezone": "GMT",
     "hourly_units": {"time": "iso8601", "temperature_2m": "°C", "wind_speed_10m": "km/h",
                      "precipitation": "mm"},
     "hourly": {"time": ["2021-11-15T00:00", ...], "temperature_2m": [-6.1, ...],
                "wind_speed_10m": [14.4, ...], "precipitation": [0.0, ...]}}
"""

import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from waypost.safety.services.weather import Reading, check_reading

FORECAST_URL = "https://api.open-meteo.com/v1/forecast"
HOURLY = ("temperature_2m", "wind_speed_10m", "precipitation")
UNITS = {"temperature_2m": "°C", "wind_speed_10m": "km/h", "precipitation": "mm"}
FORECAST_DAYS = 2
# How long to wait for Open-Meteo: a field connection can be slow, but a page waits for this.
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
ATTEMPTS = 3
BACKOFF_SECONDS = 0.5
RETRY_STATUSES = {429, 500, 502, 503, 504}
# What the readings keep: tenths of a degree, km/h and mm, as Open-Meteo gives them.
TENTH = Decimal("0.1")


class OpenMeteoError(Exception):
    """The forecast could not be fetched or understood; the message says why, translated."""


def forecast_params(latitude: Decimal, longitude: Decimal) -> dict[str, str]:
    return {
        "latitude": str(latitude),
        "longitude": str(longitude),
        "hourly": ",".join(HOURLY),
        "wind_speed_unit": "kmh",
        "timezone": "GMT",
        "forecast_days": str(FORECAST_DAYS),
    }


def fetch_forecast(
    *,
    latitude: Decimal,
    longitude: Decimal,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """The decoded JSON answer for the coordinates, after at most ATTEMPTS tries."""
    own = client is None
    http = client or httpx.Client(timeout=TIMEOUT)
    try:
        for attempt in range(ATTEMPTS):
            if attempt:
                sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
            answer = _ask(http, forecast_params(latitude, longitude), last=attempt == ATTEMPTS - 1)
            if answer is not None:
                return answer
    finally:
        if own:
            http.close()
    raise AssertionError("unreachable: the last attempt answers or raises")  # pragma: no cover


def _ask(http: httpx.Client, params: dict[str, str], *, last: bool) -> dict[str, Any] | None:
    """One request: the answer, None to try again, or OpenMeteoError."""
    try:
        response = http.get(FORECAST_URL, params=params, timeout=TIMEOUT)
    except httpx.TimeoutException:
        if last:
            raise OpenMeteoError(_("Open-Meteo did not answer in time.")) from None
        return None
    except httpx.TransportError as error:
        if last:
            raise OpenMeteoError(_("Open-Meteo could not be reached: %s") % error) from None
        return None
    if response.status_code in RETRY_STATUSES and not last:
        return None
    if response.status_code != 200:
        raise OpenMeteoError(
            _("Open-Meteo refused the request (%(status)s): %(reason)s")
            % {"status": response.status_code, "reason": _reason(response)}
        )
    try:
        decoded = response.json()
    except ValueError:
        raise OpenMeteoError(_("Open-Meteo's answer is not JSON.")) from None
    if not isinstance(decoded, dict):
        raise OpenMeteoError(_("Open-Meteo's answer is not a JSON object."))
    return decoded


def _reason(response: httpx.Response) -> str:
    try:
        return str(response.json().get("reason", response.text[:200]))
    except (ValueError, AttributeError):
        return response.text[:200]


def _hourly_columns(payload: dict[str, Any]) -> dict[str, list[Any]]:
    hourly, units = payload.get("hourly"), payload.get("hourly_units")
    if not isinstance(hourly, dict) or not isinstance(units, dict):
        raise OpenMeteoError(_("Open-Meteo's answer has no hourly forecast."))
    for name in ("time", *HOURLY):
        if not isinstance(hourly.get(name), list):
            raise OpenMeteoError(_("Open-Meteo's answer lacks %(name)s.") % {"name": name})
    for name, unit in UNITS.items():
        if units.get(name) != unit:
            raise OpenMeteoError(
                _("Open-Meteo gave %(name)s in %(got)s, not %(unit)s.")
                % {"name": name, "got": units.get(name), "unit": unit}
            )
    if len({len(hourly[name]) for name in ("time", *HOURLY)}) != 1:
        raise OpenMeteoError(_("Open-Meteo's hourly values do not line up with its hours."))
    if payload.get("utc_offset_seconds") != 0:
        raise OpenMeteoError(_("Open-Meteo's hours are not in UTC."))
    return hourly


def _hour(time_text: Any, values: tuple[Any, ...]) -> Reading | None:
    """One hour; None when Open-Meteo has no value for it (null)."""
    if any(value is None for value in values):
        return None
    try:
        valid_at = datetime.fromisoformat(str(time_text)).replace(tzinfo=UTC)
        temperature, wind, precipitation = (Decimal(str(value)).quantize(TENTH) for value in values)
    except (ValueError, InvalidOperation):
        raise OpenMeteoError(
            _("Open-Meteo's hour %(time)s cannot be read.") % {"time": time_text}
        ) from None
    reading = Reading(valid_at, temperature, wind, precipitation)
    try:
        check_reading(reading)
    except ValidationError as error:
        raise OpenMeteoError(
            _("Open-Meteo gave an impossible value for %(time)s: %(error)s")
            % {"time": time_text, "error": " ".join(error.messages)}
        ) from None
    return reading


def parse_forecast(payload: dict[str, Any]) -> list[Reading]:
    """The forecast hours, checked; OpenMeteoError naming the first problem found."""
    hourly = _hourly_columns(payload)
    rows = zip(hourly["time"], *(hourly[name] for name in HOURLY), strict=True)
    hours = [_hour(row[0], tuple(row[1:])) for row in rows]
    return [hour for hour in hours if hour is not None]
