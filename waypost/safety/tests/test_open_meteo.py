"""The Open-Meteo import against a response in the API's own shape (recordings/), served by
httpx.MockTransport: the network is never touched."""

import copy
import json
from io import StringIO
from pathlib import Path

import httpx
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from waypost.core.models import AuditEvent
from waypost.safety.models import ReadingKind, ReadingSource, RiskAssessment, WeatherReading
from waypost.safety.open_meteo import OpenMeteoError
from waypost.safety.services.imports import import_forecast

RECORDING = Path(__file__).parent / "recordings" / "open_meteo_forecast.json"


def recorded():
    return json.loads(RECORDING.read_text(encoding="utf-8"))


def serving(*answers, requests=None):
    """A client answering each request with the next answer: a payload, a status, or an error."""
    queue = list(answers)

    def handle(request):
        if requests is not None:
            requests.append(request)
        answer = queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, int):
            return httpx.Response(answer, json={"error": True, "reason": "Server busy"})
        return httpx.Response(200, json=answer)

    return httpx.Client(transport=httpx.MockTransport(handle))


def test_an_import_stores_every_hour_and_asks_for_the_right_variables(coordinator, tent_camp):
    requests: list[httpx.Request] = []
    imported = import_forecast(
        by=coordinator, site=tent_camp, client=serving(recorded(), requests=requests)
    )

    assert (imported.created, imported.updated) == (48, 0)
    params = requests[0].url.params
    assert requests[0].url.host == "api.open-meteo.com"
    assert requests[0].url.path == "/v1/forecast"
    assert params["hourly"] == "temperature_2m,wind_speed_10m,precipitation"
    assert (params["latitude"], params["longitude"]) == ("53.55800", "23.78400")
    assert (params["wind_speed_unit"], params["timezone"]) == ("kmh", "GMT")
    first = WeatherReading.objects.order_by("valid_at")[0]
    assert first.kind == ReadingKind.FORECAST and first.source == ReadingSource.OPEN_METEO
    assert first.valid_at.isoformat() == "2021-11-15T00:00:00+00:00"
    assert str(first.temperature_c) == str(recorded()["hourly"]["temperature_2m"][0])
    assert AuditEvent.objects.filter(action="safety.forecast_imported").count() == 1


def test_importing_the_same_hours_again_updates_them_without_duplicates(coordinator, tent_camp):
    import_forecast(by=coordinator, site=tent_camp, client=serving(recorded()))
    colder = recorded()
    colder["hourly"]["temperature_2m"][0] = -20.5

    again = import_forecast(by=coordinator, site=tent_camp, client=serving(colder))

    assert (again.created, again.updated) == (0, 48)
    assert WeatherReading.objects.count() == 48
    assert str(WeatherReading.objects.order_by("valid_at")[0].temperature_c) == "-20.5"


def test_a_timeout_and_a_500_are_tried_again_with_a_growing_wait(coordinator, tent_camp):
    waits: list[float] = []
    client = serving(httpx.ConnectTimeout("slow"), 500, recorded())

    imported = import_forecast(by=coordinator, site=tent_camp, client=client, sleep=waits.append)

    assert imported.created == 48
    assert waits == [0.5, 1.0]


def test_after_three_failures_the_import_gives_up_and_stores_nothing(coordinator, tent_camp):
    waits: list[float] = []
    client = serving(httpx.ReadTimeout("slow"), 503, httpx.ReadTimeout("slow"))

    with pytest.raises(OpenMeteoError, match="did not answer in time"):
        import_forecast(by=coordinator, site=tent_camp, client=client, sleep=waits.append)

    assert WeatherReading.objects.count() == 0
    assert len(waits) == 2


def test_a_refusal_is_not_tried_again_and_gives_open_meteos_reason(coordinator, tent_camp):
    requests: list[httpx.Request] = []

    def handle(request):
        requests.append(request)
        return httpx.Response(400, json={"error": True, "reason": "Latitude must be in range"})

    client = httpx.Client(transport=httpx.MockTransport(handle))
    with pytest.raises(OpenMeteoError, match="Latitude must be in range"):
        import_forecast(by=coordinator, site=tent_camp, client=client)
    assert len(requests) == 1


def _broken(change):
    payload = copy.deepcopy(recorded())
    change(payload)
    return payload


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p["hourly"].pop("wind_speed_10m"), "lacks wind_speed_10m"),
        (lambda p: p["hourly_units"].update(wind_speed_10m="m/s"), "not km/h"),
        (lambda p: p["hourly"]["precipitation"].pop(), "do not line up"),
        (lambda p: p["hourly"]["temperature_2m"].__setitem__(5, -95.0), "impossible value"),
        (lambda p: p["hourly"]["wind_speed_10m"].__setitem__(7, -3), "impossible value"),
        (lambda p: p["hourly"]["time"].__setitem__(3, "yesterday"), "cannot be read"),
        (lambda p: p.update(utc_offset_seconds=10800), "not in UTC"),
        (lambda p: p.pop("hourly"), "no hourly forecast"),
    ],
)
def test_a_malformed_answer_is_refused_clearly_and_nothing_is_stored(
    coordinator, tent_camp, change, message
):
    with pytest.raises(OpenMeteoError, match=message):
        import_forecast(by=coordinator, site=tent_camp, client=serving(_broken(change)))
    assert WeatherReading.objects.count() == 0
    assert RiskAssessment.objects.count() == 0


def test_an_answer_that_is_not_json_is_refused(coordinator, tent_camp):
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, text="<")))
    with pytest.raises(OpenMeteoError, match="not JSON"):
        import_forecast(by=coordinator, site=tent_camp, client=client)


def test_hours_open_meteo_has_no_value_for_are_left_out(coordinator, tent_camp):
    payload = _broken(lambda p: p["hourly"]["temperature_2m"].__setitem__(47, None))
    imported = import_forecast(by=coordinator, site=tent_camp, client=serving(payload))
    assert imported.created == 47


def test_a_site_without_coordinates_cannot_import(coordinator, camp):
    with pytest.raises(ValidationError) as refused:
        import_forecast(by=coordinator, site=camp, client=serving(recorded()))
    assert "site" in refused.value.message_dict


def test_the_import_weather_command_imports_every_site_with_coordinates(
    monkeypatch, tent_camp, camp
):
    # the command makes its own client: it is given one serving the recording
    real_client = httpx.Client
    monkeypatch.setattr(
        "waypost.safety.open_meteo.httpx.Client",
        lambda **options: real_client(
            transport=httpx.MockTransport(lambda request: httpx.Response(200, json=recorded()))
        ),
    )
    out = StringIO()
    call_command("import_weather", stdout=out)
    assert "TNT: 48 hours added, 0 updated" in out.getvalue()
    assert not WeatherReading.objects.filter(site=camp).exists()  # no coordinates: left out


def test_the_import_weather_command_refuses_an_unknown_site(db):
    with pytest.raises(CommandError, match="No active site"):
        call_command("import_weather", "--site", "NOPE")
