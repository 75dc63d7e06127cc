"""The safety pages: who is at risk now, alerts, weather, and the rules."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.middleware import HtmxDetails

from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.safety import selectors
from waypost.safety.conditions import conditions_at
from waypost.safety.forms import AcknowledgeForm, AtRiskForm, RulesForm, SiteForm, WeatherForm
from waypost.safety.models import Tier
from waypost.safety.open_meteo import OpenMeteoError
from waypost.safety.services.assessment import acknowledge_alert, reassess
from waypost.safety.services.imports import import_forecast
from waypost.safety.services.rules import change_rules
from waypost.safety.services.weather import record_weather
from waypost.sites.models import Site

UNPROCESSABLE = 422


class Request(AuthenticatedRequest):
    htmx: HtmxDetails


def see_other(name: str, site: Site | None = None) -> HttpResponse:
    """After a post: 303 back to the page, so reloading does not post again."""
    query = f"?{urlencode({'site': site.code})}" if site else ""
    response = HttpResponseRedirect(reverse(name) + query)
    response.status_code = 303
    return response


@requires("safety.view")
def at_risk(request: Request) -> HttpResponse:
    form = AtRiskForm(request.GET)
    template = "safety/at_risk.html#results" if request.htmx else "safety/at_risk.html"
    if not form.is_valid():
        return render(request, template, {"form": form}, status=UNPROCESSABLE)
    site = form.chosen_site(request.user.agency_id)
    context: dict[str, object] = {"form": form, "site": site}
    if site is not None:
        risk = selectors.risk_list_for(
            request.user, site=site, tiers=form.tiers(), purpose=request.purpose
        )
        context |= {
            "risk": risk,
            "tier_counts": [(v, label, risk.counts.get(v, 0)) for v, label in Tier.choices],
            "conditions": conditions_at([site])[site.pk],
            "open_alerts": selectors.open_alerts_shown_to(request.user, site).count(),
        }
    return render(request, template, context)


@requires("safety.view")
@require_POST
def reassess_site(request: Request) -> HttpResponse:
    form = SiteForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=UNPROCESSABLE)
    site = form.cleaned_data["site"]
    result = reassess(site=site, by=request.user)
    messages.success(
        request,
        _("%(people)s people assessed; %(alerts)s new alerts.")
        % {"people": result.people, "alerts": result.alerts},
    )
    return see_other("safety:at_risk", site)


@requires("safety.view")
def alerts(request: Request) -> HttpResponse:
    form = AtRiskForm(request.GET)
    site = form.chosen_site(request.user.agency_id) if form.is_valid() else None
    shown = selectors.alerts_for(request.user, site=site, purpose=request.purpose) if site else []
    return render(request, "safety/alerts.html", {"form": form, "site": site, "alerts": shown})


@requires("safety.view")
@require_POST
def acknowledge(request: Request) -> HttpResponse:
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=UNPROCESSABLE)
    alert = selectors.get_alert_for(request.user, alert_id=str(form.cleaned_data["alert"]))
    acknowledge_alert(by=request.user, alert=alert, purpose=request.purpose)
    return see_other("safety:alerts", alert.site)


@requires("safety.weather")
def weather(request: Request) -> HttpResponse:
    """The site's readings, and a reading entered by hand."""
    chooser = AtRiskForm(request.GET)
    site = chooser.chosen_site(request.user.agency_id) if chooser.is_valid() else None
    initial = {"site": site.code if site else None}
    form = WeatherForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        try:
            record_weather(
                by=request.user,
                site=form.cleaned_data["site"],
                kind=form.cleaned_data["kind"],
                reading=form.reading(),
                purpose=request.purpose,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Reading saved; risk at the site is reassessed."))
            return see_other("safety:weather", form.cleaned_data["site"])
    readings = selectors.readings_at(site)
    context = {"form": form, "chooser": chooser, "site": site, "readings": readings}
    status = UNPROCESSABLE if form.is_bound else 200
    return render(request, "safety/weather.html", context, status=status)


@requires("safety.weather")
@require_POST
def weather_import(request: Request) -> HttpResponse:
    form = SiteForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=UNPROCESSABLE)
    site = form.cleaned_data["site"]
    try:
        imported = import_forecast(by=request.user, site=site)
    except (OpenMeteoError, ValidationError) as error:
        problem = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, problem)
    else:
        messages.success(
            request,
            _("Forecast imported: %(created)s hours added, %(updated)s updated.")
            % {"created": imported.created, "updated": imported.updated},
        )
    return see_other("safety:weather", site)


@requires("safety.rules")
def rules(request: Request) -> HttpResponse:
    """The rules in force with their sources, the versions before, and a change."""
    rule_set = selectors.rule_set_in_force()
    data = request.POST if request.method == "POST" else None
    form = RulesForm(data, rule_set=rule_set)
    if form.is_valid():
        try:
            change_rules(
                by=request.user,
                reason=form.cleaned_data["reason"],
                rules=form.rules(),
                tiers=form.tiers(),
                purpose=request.purpose,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("A new version of the rules is in force."))
            return see_other("safety:rules")
    context = {"form": form, "rule_set": rule_set, "versions": selectors.rule_versions()}
    return render(
        request, "safety/rules.html", context, status=UNPROCESSABLE if form.is_bound else 200
    )
