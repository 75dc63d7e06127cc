"""The shapes of the plan API: a plan asked for, a plan with its lines, an explanation."""

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema


class LineRequestIn(Schema):
    item: str = Field(description="Catalogue code, e.g. children-boots")
    size: str = Field("", description="Size code; empty: every size the warehouse holds")
    quantity: int | None = Field(None, description="Set aside for the plan; empty: all held")


class PlanIn(Schema):
    site: str = Field(description="Site code, e.g. BRZ")
    distribution_date: date
    name: str = Field(min_length=1, max_length=200)
    warehouse: str = Field(description="Warehouse code")
    items: list[LineRequestIn] = []
    kits: list[str] = Field([], description="Kit codes: each of their items is planned")


class LineOut(Schema):
    item: str
    size: str
    available: int
    entitled: int
    allocated: int
    shortfall: int


class PlanOut(Schema):
    id: UUID
    name: str
    site: str
    distribution_date: date
    warehouse: str
    status: str
    rule_set: str
    allocated_at: datetime | None
    approved_at: datetime | None
    solver_status: str
    solver_seconds: float | None
    ranking_version: str
    lines: list[LineOut]


class EntitlementOut(Schema):
    item: str
    size: str
    given_size: str
    entitled: int
    allocated: int
    reason: str = Field(description="full, short_stock, size_unavailable, substituted_size")
    why: str = Field(description="The reason in words, in the reader's language")


class ExplanationOut(Schema):
    household: str
    rank: int = Field(description="1: served first")
    tier: int
    tier_name: str
    risk_reasons: list[str] = Field(description="Empty for readers without safety.view")
    entitlements: list[EntitlementOut]
