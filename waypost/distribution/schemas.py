"""The shapes of the distribution API: a redemption submitted from a point, coverage read back."""

from datetime import datetime
from uuid import UUID

from ninja import Field, Schema


class LineIn(Schema):
    entitlement: int
    quantity: int = Field(gt=0)
    size: str = Field("", description="Size code handed; empty: the size allocated")


class ProxyIn(Schema):
    name: str
    relation: str = ""


class RedemptionIn(Schema):
    token: str = Field(description="The card's QR token, or its short code as typed")
    plan: UUID
    point: int
    lines: list[LineIn]
    proxy: ProxyIn | None = None
    idempotency_key: str = Field(
        min_length=1, max_length=64, description="One per submission: a retry gets the same result"
    )


class RedemptionOut(Schema):
    id: int
    entitlement: int
    item: str
    quantity: int
    size: str
    collected_by: str
    at: datetime


class HandoverOut(Schema):
    household: str
    replayed: bool
    redemptions: list[RedemptionOut]


class ItemCoverageOut(Schema):
    item: str
    size: str
    entitled: int
    allocated: int
    handed: int
    households_planned: int
    households_served: int


class GroupCoverageOut(Schema):
    group: str
    planned: int | str = Field(description='A count, or "fewer than 5" when withheld')
    served: int | str


class CoverageOut(Schema):
    plan: UUID
    status: str
    items: list[ItemCoverageOut]
    groups: list[GroupCoverageOut]


class AbsentOut(Schema):
    household: str
    head_name: str
    size: int
    items: list[str]
