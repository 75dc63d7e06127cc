"""Weather, cold risk and the rules over HTTP, through the same forms and services as the pages."""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import Form
from django.http import QueryDict
from ninja import Query, Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.registry.schemas import ValidationErrorsOut
from waypost.safety import schemas, selectors
from waypost.safety.conditions import conditions_at
from waypost.safety.forms import AtRiskForm, SiteForm, WeatherForm
from waypost.safety.open_meteo import OpenMeteoError
from waypost.safety.services.assessment import reassess
from waypost.safety.services.imports import import_forecast
from waypost.safety.services.rules import change_rules
from waypost.safety.services.weather import record_weather
from waypost.safety.windchill import published_wind_chill
from waypost.sites.models import Site

router = Router(tags=["safety"])
REFUSED = {422: ValidationErrorsOut, **REFUSALS}
BAD_GATEWAY = 502


def refusal(errors: dict[str, list[str]], where: str) -> RequestInvalid:
    """A 422 naming each field at fault."""
    return RequestInvalid(
        [
            {
                "loc": [where] if field == NON_FIELD_ERRORS else [where, field],
                "msg": message,
                "type": "value_error",
            }
            for field, messages in errors.items()
            for message in messages
        ]
    )


def valid[F: Form](form: F, where: str) -> F:
    if not form.is_valid():
        raise refusal(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}, where
        )
    return form


def chosen_site(code: str, tiers: list[str] | None = None) -> AtRiskForm:
    data = QueryDict(mutable=True)
    data["site"] = code
    data.setlist("tier", tiers or [])
    return valid(AtRiskForm(data), "query")


def _wind_chill(reading: Any) -> int | None:
    return published_wind_chill(float(reading.temperature_c), float(reading.wind_speed_kmh))


@router.get("/readings", response={200: list[schemas.ReadingOut], **REFUSED})
@api_requires("safety.view")
def list_readings(request: AuthenticatedRequest, query: Query[schemas.SiteQuery]) -> Any:
    """The latest readings at the site (default: the first site the user's agency manages)."""
    site = chosen_site(query.site).chosen_site(request.user.agency_id)
    return [
        schemas.reading_out(reading, _wind_chill(reading))
        for reading in selectors.readings_at(site).select_related("site")
    ]


@router.post("/readings", response={201: schemas.ReadingOut, **REFUSED})
@api_requires("safety.weather")
def post_reading(request: AuthenticatedRequest, reading: schemas.ReadingIn) -> Any:
    """Record an observation or forecast by hand; the site's risk is reassessed after."""
    form = valid(WeatherForm(reading.dict()), "body")
    try:
        stored = record_weather(
            by=request.user,
            site=form.cleaned_data["site"],
            kind=form.cleaned_data["kind"],
            reading=form.reading(),
            purpose=request.purpose,
        )
    except ValidationError as error:
        raise refusal(error.message_dict, "body") from None
    return Status(201, schemas.reading_out(stored, _wind_chill(stored)))


@router.post("/import", response={200: schemas.ImportOut, **REFUSED, 502: MessageOut})
@api_requires("safety.weather")
def import_weather(request: AuthenticatedRequest, body: schemas.SiteIn) -> Any:
    """Import the site's Open-Meteo forecast and reassess; 502 when Open-Meteo fails."""
    site: Site = valid(SiteForm({"site": body.site}), "body").cleaned_data["site"]
    try:
        imported = import_forecast(by=request.user, site=site)
    except ValidationError as error:
        raise refusal(error.message_dict, "body") from None
    except OpenMeteoError as error:
        return Status(BAD_GATEWAY, {"detail": str(error)})
    return {
        "site": site.code,
        "created": imported.created,
        "updated": imported.updated,
        "people_assessed": imported.reassessed.people,
        "alerts": imported.reassessed.alerts,
    }


@router.get("/at-risk", response={200: schemas.AtRiskOut, **REFUSED, 404: MessageOut})
@api_requires("safety.view")
def at_risk(request: AuthenticatedRequest, query: Query[schemas.AtRiskQuery]) -> Any:
    """People at the site by cold-risk score with their reasons, as last assessed (audited)."""
    form = chosen_site(query.site, query.tier)
    site = form.chosen_site(request.user.agency_id)
    if site is None:
        return Status(404, {"detail": "No site where people sleep is recorded."})
    risk = selectors.risk_list_for(
        request.user, site=site, tiers=form.tiers(), purpose=request.purpose
    )
    return schemas.at_risk_out(risk, conditions_at([site])[site.pk])


@router.post("/reassess", response={200: schemas.ImportOut, **REFUSED})
@api_requires("safety.view")
def reassess_site(request: AuthenticatedRequest, body: schemas.SiteIn) -> Any:
    """Compute everyone's risk at the site now, keep it, and raise alerts for rises."""
    site: Site = valid(SiteForm({"site": body.site}), "body").cleaned_data["site"]
    result = reassess(site=site, by=request.user)
    return {
        "site": site.code,
        "created": 0,
        "updated": 0,
        "people_assessed": result.people,
        "alerts": result.alerts,
    }


@router.get("/rules", response={200: schemas.RulesOut, **REFUSALS})
@api_requires("safety.view")
def get_rules(request: AuthenticatedRequest) -> Any:
    """The rules and tiers in force, each with its rationale and source."""
    return schemas.rules_out(selectors.rule_set_in_force())


@router.put("/rules", response={200: schemas.RulesOut, **REFUSED})
@api_requires("safety.rules")
def put_rules(request: AuthenticatedRequest, body: schemas.RulesIn) -> Any:
    """Put a whole new version of the rules and tiers in force, with the reason (audited)."""
    try:
        rule_set = change_rules(
            by=request.user,
            reason=body.reason,
            rules=[rule.dict() for rule in body.rules],
            tiers=[tier.dict() for tier in body.tiers],
            purpose=request.purpose,
        )
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        raise refusal({k or NON_FIELD_ERRORS: v for k, v in errors.items()}, "body") from None
    return schemas.rules_out(rule_set)
