"""Forms of the safety pages and API: the site and tiers to list, weather, rules."""

from decimal import Decimal
from typing import Any
from uuid import UUID

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waypost.safety.models import ReadingKind, RiskRule, RiskRuleSet, RiskTier, Tier
from waypost.safety.selectors import housing_sites
from waypost.safety.services.weather import Reading, check_reading
from waypost.sites.models import Site

# Those to act on tonight; moderate and low are a tick away.
DEFAULT_TIERS = [Tier.CRITICAL, Tier.HIGH]


class SiteField(forms.ModelChoiceField[Site]):
    def label_from_instance(self, obj: Site) -> str:
        return str(obj)


def site_field(*, required: bool = True) -> SiteField:
    return SiteField(
        queryset=housing_sites(), to_field_name="code", label=_("Site"), required=required
    )


class AtRiskForm(forms.Form):
    site = site_field(required=False)
    tier = forms.MultipleChoiceField(
        choices=Tier.choices, required=False, label=_("Tiers"), widget=forms.CheckboxSelectMultiple
    )

    def chosen_site(self, user_agency_id: UUID | None) -> Site | None:
        """The site asked for, else the first the user's agency manages, else the first."""
        site: Site | None = self.cleaned_data.get("site")
        if site is not None:
            return site
        sites = housing_sites()
        return sites.filter(managed_by_id=user_agency_id).first() or sites.first()

    def tiers(self) -> list[str]:
        return self.cleaned_data.get("tier") or list(DEFAULT_TIERS)


class SiteForm(forms.Form):
    """The site an action (import, reassess) is for."""

    site = site_field()


class AcknowledgeForm(forms.Form):
    alert = forms.UUIDField(label=_("Alert"))


class WeatherForm(forms.Form):
    site = site_field()
    kind = forms.ChoiceField(choices=ReadingKind.choices, label=_("Kind"))
    valid_at = forms.DateTimeField(
        label=_("Time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    temperature_c = forms.DecimalField(label=_("Air temperature (°C)"), decimal_places=1)
    wind_speed_kmh = forms.DecimalField(
        label=_("Wind speed (km/h, at 10 m)"), decimal_places=1, max_digits=5
    )
    precipitation_mm = forms.DecimalField(
        label=_("Precipitation (mm)"), decimal_places=1, max_digits=5, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            check_reading(self.reading())
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data

    def reading(self) -> Reading:
        data = self.cleaned_data
        return Reading(
            valid_at=data["valid_at"],
            temperature_c=data["temperature_c"],
            wind_speed_kmh=data["wind_speed_kmh"],
            precipitation_mm=data.get("precipitation_mm") or Decimal(0),
        )


class RulesForm(forms.Form):
    """The points of every rule and the threshold of every tier of the version in force, and
    why they change. Saving makes a new version; rules are added or re-bounded through the API."""

    reason = forms.CharField(label=_("Why the rules change"), widget=forms.Textarea)

    def __init__(self, *args: Any, rule_set: RiskRuleSet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rule_set = rule_set
        self.rule_rows = list(rule_set.rules.all())
        self.tier_rows = list(rule_set.tiers.all())
        for rule in self.rule_rows:
            self.fields[f"rule_{rule.pk}"] = forms.IntegerField(
                min_value=0, max_value=100, initial=rule.points, label=rule.rationale
            )
        for tier in self.tier_rows:
            self.fields[f"tier_{tier.tier}"] = forms.IntegerField(
                min_value=0, max_value=1000, initial=tier.min_points, label=tier.get_tier_display()
            )

    def rule_pairs(self) -> list[tuple[RiskRule, forms.BoundField]]:
        return [(rule, self[f"rule_{rule.pk}"]) for rule in self.rule_rows]

    def tier_pairs(self) -> list[tuple[RiskTier, forms.BoundField]]:
        return [(tier, self[f"tier_{tier.tier}"]) for tier in self.tier_rows]

    def rules(self) -> list[dict[str, Any]]:
        keep = ("factor", "condition", "low", "high", "rationale", "source", "verification")
        return [
            {name: getattr(rule, name) for name in keep}
            | {"points": self.cleaned_data[f"rule_{rule.pk}"]}
            for rule in self.rule_rows
        ]

    def tiers(self) -> list[dict[str, Any]]:
        keep = ("tier", "alert", "rationale", "source", "verification")
        return [
            {name: getattr(tier, name) for name in keep}
            | {"min_points": self.cleaned_data[f"tier_{tier.tier}"]}
            for tier in self.tier_rows
        ]
