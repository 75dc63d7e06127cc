import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from waypost.safety.windchill import (
    felt_temperature,
    frostbite_band,
    published_wind_chill,
    wind_chill,
)

# Domain standards 3.1: the Environment Canada chart, air temperature (°C) by wind (km/h).
WINDS = (5, 10, 20, 30, 40, 50, 60, 80)
CHART = {
    5: (4, 3, 1, 0, -1, -1, -2, -3),
    0: (-2, -3, -5, -6, -7, -8, -9, -10),
    -10: (-13, -15, -18, -20, -21, -22, -23, -24),
    -20: (-24, -27, -30, -33, -34, -35, -36, -38),
    -30: (-36, -39, -43, -46, -48, -49, -50, -52),
}
CELLS = [
    (temperature, wind, value)
    for temperature, row in CHART.items()
    for wind, value in zip(WINDS, row, strict=True)
]


@pytest.mark.parametrize(("temperature", "wind", "published"), CELLS)
def test_wind_chill_reproduces_the_published_chart(temperature, wind, published):
    assert published_wind_chill(temperature, wind) == published


def test_wind_chill_is_not_defined_above_10_degrees_or_at_4_8_kmh_and_below():
    assert wind_chill(10.1, 30) is None
    assert wind_chill(-10, 4.8) is None
    assert wind_chill(10, 4.9) is not None


def test_outside_its_range_the_felt_temperature_is_the_air_temperature():
    assert felt_temperature(15, 40) == 15
    assert felt_temperature(-10, 3) == -10
    assert felt_temperature(-10, 30) == -20


@pytest.mark.parametrize(
    ("temperature", "wind", "field"),
    [(-90.1, 10, "temperature_c"), (60.5, 10, "temperature_c"), (-5, -1, "wind_speed_kmh")],
)
def test_impossible_weather_is_refused_naming_the_field(temperature, wind, field):
    with pytest.raises(ValidationError) as refused:
        wind_chill(temperature, wind)
    assert field in refused.value.message_dict


@pytest.mark.parametrize(
    ("chill", "key", "minutes"),
    [
        (-5, "low", (None, None)),
        (-27, "hypothermia", (None, None)),
        (-28, "moderate", (10, 30)),
        (-39, "moderate", (10, 30)),
        (-40, "high", (5, 10)),
        (-47, "high", (5, 10)),
        (-48, "very_high", (2, 5)),
        (-54, "very_high", (2, 5)),
        (-55, "extreme", (0, 2)),
        (-70, "extreme", (0, 2)),
    ],
)
def test_frostbite_bands_follow_the_environment_canada_chart(chill, key, minutes):
    band = frostbite_band(chill)
    assert band is not None
    assert band.key == key
    assert (band.frostbite_minutes_min, band.frostbite_minutes_max) == minutes
    assert band.source


def test_no_band_above_freezing_or_without_a_wind_chill():
    assert frostbite_band(3) is None
    assert frostbite_band(None) is None


@given(
    temperature=st.floats(min_value=-50, max_value=10),
    wind=st.floats(min_value=5, max_value=120),
)
def test_wind_chill_is_never_warmer_than_the_air_and_colder_with_more_wind(temperature, wind):
    chill = wind_chill(temperature, wind)
    stronger = wind_chill(temperature, wind + 5)
    assert chill is not None
    assert stronger is not None
    assert chill <= temperature + 1e-9
    assert stronger <= chill + 1e-9
