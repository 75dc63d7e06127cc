"""Wind chill and frostbite time: how cold the wind makes the air feel on exposed skin.

The wind chill index is the one Environment Canada and the US National Weather Service adopted in
2001 (domain standards 3.1, ✅): in metric units, with the air temperature Ta in °C and the wind
speed V in km/h measured at 10 m (as forecast APIs give `wind_speed_10m`),

    W = 13.12 + 0.6215·Ta − 11.37·V^0.16 + 0.3965·Ta·V^0.16

It is defined only for Ta at or below 10 °C and V above 4.8 km/h (standards 3.1, ◐: "the same
limits in the two unit systems" as the NWS chart's 50 °F and 3 mph). Outside that range the index
does not exist: `wind_chill` returns None, and what the person feels is taken to be the air
temperature (`felt_temperature`). Canada's low-wind form for V < 5 km/h is not used.

Published charts round the index half up to whole degrees; so does `published_wind_chill`, and
the frostbite bands (`data/wind_chill_bands.csv`, standards 3.2) are read on those whole degrees.
"""

import csv
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent / "data"

# Domain standards 3.1: the validity range of the 2001 index.
HIGHEST_TEMPERATURE_C = 10.0
LOWEST_WIND_KMH = 4.8
# Domain standards 3.2 (bad input): colder or hotter than this was never measured on Earth.
COLDEST_POSSIBLE_C = Decimal(-90)
HOTTEST_POSSIBLE_C = Decimal(60)


def check_weather(*, temperature_c: Decimal | float, wind_kmh: Decimal | float) -> None:
    """Refuse impossible values: an air temperature below −90 °C or above 60 °C, negative wind."""
    errors: dict[str, ValidationError] = {}
    if not COLDEST_POSSIBLE_C <= Decimal(str(temperature_c)) <= HOTTEST_POSSIBLE_C:
        errors["temperature_c"] = ValidationError(
            _("An air temperature must be between −90 °C and 60 °C."), code="impossible"
        )
    if wind_kmh < 0:
        errors["wind_speed_kmh"] = ValidationError(
            _("A wind speed cannot be negative."), code="impossible"
        )
    if errors:
        raise ValidationError(errors)


def wind_chill(temperature_c: float, wind_kmh: float) -> float | None:
    """The wind chill index in °C, unrounded; None outside the range it is defined for."""
    check_weather(temperature_c=temperature_c, wind_kmh=wind_kmh)
    if temperature_c > HIGHEST_TEMPERATURE_C or wind_kmh <= LOWEST_WIND_KMH:
        return None
    power: float = wind_kmh**0.16
    return 13.12 + 0.6215 * temperature_c - 11.37 * power + 0.3965 * temperature_c * power


def round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def published_wind_chill(temperature_c: float, wind_kmh: float) -> int | None:
    """The wind chill as the published charts print it: whole degrees, halves rounded up."""
    index = wind_chill(temperature_c, wind_kmh)
    return None if index is None else round_half_up(index)


def felt_temperature(temperature_c: float, wind_kmh: float) -> int:
    """The wind chill where it is defined, else the air temperature; whole degrees."""
    index = wind_chill(temperature_c, wind_kmh)
    return round_half_up(temperature_c if index is None else index)


@dataclass(frozen=True)
class FrostbiteBand:
    """A band of the wind chill chart with its risk and frostbite time for exposed skin."""

    key: str
    warmest_c: int | None
    coldest_c: int | None
    risk: str
    frostbite_minutes_min: int | None
    frostbite_minutes_max: int | None
    source: str
    verification: str

    def holds(self, wind_chill_c: int) -> bool:
        below_top = self.warmest_c is None or wind_chill_c <= self.warmest_c
        above_bottom = self.coldest_c is None or wind_chill_c >= self.coldest_c
        return below_top and above_bottom


def _number(text: str) -> int | None:
    return int(text) if text.strip() else None


@cache
def frostbite_bands() -> tuple[FrostbiteBand, ...]:
    with (DATA_DIR / "wind_chill_bands.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return tuple(
            FrostbiteBand(
                key=row["key"],
                warmest_c=_number(row["warmest_c"]),
                coldest_c=_number(row["coldest_c"]),
                risk=row["risk"],
                frostbite_minutes_min=_number(row["frostbite_minutes_min"]),
                frostbite_minutes_max=_number(row["frostbite_minutes_max"]),
                source=row["source"],
                verification=row["verification"],
            )
            for row in rows
        )


def frostbite_band(wind_chill_c: int | None) -> FrostbiteBand | None:
    """The chart's band for a wind chill in whole degrees; None above 0 °C or when undefined."""
    if wind_chill_c is None:
        return None
    return next((band for band in frostbite_bands() if band.holds(wind_chill_c)), None)
