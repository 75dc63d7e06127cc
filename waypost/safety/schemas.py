"""Weather, cold risk and the rules as the API gives and takes them."""

from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from waypost.safety.conditions import SiteConditions
from waypost.safety.models import RiskRuleSet, WeatherReading
from waypost.safety.selectors import RiskList
from waypost.safety.texts import reason_text


class SiteQuery(Schema):
    site: str = Field(
        "", description="The site's code, e.g. BRZ; empty: the first site the user's agency manages"
    )


class SiteIn(Schema):
    site: str = Field(description="The site's code, e.g. BRZ")


class AtRiskQuery(Schema):
    site: str = Field(
        "", description="The site's code, e.g. BRZ; empty: the first site the user's agency manages"
    )
    tier: list[str] = Field([], description="Tiers to list; none: critical and high")


class ReadingIn(Schema):
    site: str
    kind: str = Field(description="observation or forecast")
    valid_at: str = Field(description="ISO 8601 time with its offset, e.g. 2021-11-15T22:00+03:00")
    temperature_c: str = Field(description="Air temperature, °C (−90 to 60)")
    wind_speed_kmh: str = Field(description="Wind at 10 m, km/h (0 or more)")
    precipitation_mm: str = Field("", description="mm; empty: 0")


class ReadingOut(Schema):
    id: UUID
    site: str
    kind: str
    source: str
    valid_at: datetime
    temperature_c: Decimal
    wind_speed_kmh: Decimal
    precipitation_mm: Decimal
    wind_chill_c: int | None = Field(description="Published wind chill; null outside its range")


class ImportOut(Schema):
    site: str
    created: int
    updated: int
    people_assessed: int
    alerts: int


class ReasonOut(Schema):
    factor: str
    condition: str
    points: int
    text: str


class PersonRiskOut(Schema):
    individual_id: UUID
    household_id: UUID
    number: str
    name: str
    score: int
    tier: str
    reasons: list[ReasonOut]


class AtRiskOut(Schema):
    site: str
    assessed_at: datetime | None
    wind_chill_c: int | None = Field(description="Coldest felt temperature tonight; null: none")
    counts: dict[str, int]
    truncated: bool
    people: list[PersonRiskOut]


class RuleIO(Schema):
    factor: str
    condition: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    points: int = Field(ge=0, le=100)
    rationale: str
    source: str
    verification: str = ""


class TierIO(Schema):
    tier: str
    min_points: int = Field(ge=0, le=1000)
    alert: bool
    rationale: str
    source: str
    verification: str = ""


class RulesIn(Schema):
    reason: str
    rules: list[RuleIO]
    tiers: list[TierIO]


class RulesOut(Schema):
    version: int
    effective_from: datetime
    changed_by: str | None
    reason: str
    rules: list[RuleIO]
    tiers: list[TierIO]


def reading_out(reading: WeatherReading, wind_chill_c: int | None) -> dict[str, Any]:
    fields = ("id", "kind", "source", "valid_at", "temperature_c", "wind_speed_kmh")
    return {name: getattr(reading, name) for name in fields} | {
        "site": reading.site.code,
        "precipitation_mm": reading.precipitation_mm,
        "wind_chill_c": wind_chill_c,
    }


def at_risk_out(risk: RiskList, conditions: SiteConditions) -> dict[str, Any]:
    return {
        "site": risk.site.code,
        "assessed_at": risk.assessed_at,
        "wind_chill_c": conditions.wind_chill_c,
        "counts": risk.counts,
        "truncated": risk.truncated,
        "people": [
            {
                "individual_id": row.individual_id,
                "household_id": row.household_id,
                "number": row.individual.number,
                "name": row.individual.full_name,
                "score": row.score,
                "tier": row.tier,
                "reasons": [
                    {
                        "factor": reason["factor"],
                        "condition": reason["condition"],
                        "points": reason["points"],
                        "text": reason_text(reason),
                    }
                    for reason in row.reasons
                ],
            }
            for row in risk.people
        ],
    }


def rules_out(rule_set: RiskRuleSet) -> dict[str, Any]:
    return {
        "version": rule_set.version,
        "effective_from": rule_set.effective_from,
        "changed_by": rule_set.changed_by.username if rule_set.changed_by else None,
        "reason": rule_set.reason,
        "rules": list(rule_set.rules.values(*RuleIO.model_fields)),
        "tiers": list(rule_set.tiers.values(*TierIO.model_fields)),
    }
