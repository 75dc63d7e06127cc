"""The shapes of relocation data over HTTP, and a service's refusal as a 422 body."""

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Schema

from waypost.core.api import FieldErrorOut as FieldErrorOut
from waypost.core.api import ValidationErrorsOut as ValidationErrorsOut
from waypost.core.api import field_errors as field_errors
from waypost.relocation.models import Movement, ProposedMove, RelocationConsent, RelocationPlan
from waypost.relocation.occupancy import Occupancy


class BedPlaces(Schema):
    unheated: int
    heated: int
    accessible: int
    medical: int


class SafeLocationOut(Schema):
    site: str
    name: str
    kind: str
    people: int
    over: int
    places: BedPlaces
    taken: BedPlaces
    free: BedPlaces


def location_out(row: Occupancy) -> dict[str, Any]:
    site = row.location.site
    return {
        "site": site.code,
        "name": site.name,
        "kind": site.kind,
        "people": row.people,
        "over": row.over,
        "places": row.beds,
        "taken": row.taken,
        "free": row.free,
    }


class SafeLocationPlacesIn(Schema):
    site: str
    places: BedPlaces


class RelocationPlanIn(Schema):
    origins: list[str]


class ProposedMoveIn(Schema):
    destination: str | None = None  # a safe location's site code; none takes it out of the plan
    transport: str = ""


class ProposedMoveOut(Schema):
    household_id: UUID
    household: str
    people: int
    tiers: dict[str, int]
    places: dict[str, int]
    origin: str
    destination: str
    transport: str
    distance_km: float | None
    answer: str  # agreed, declined, or not_asked


class RelocationPlanOut(Schema):
    id: UUID
    made_at: datetime
    origins: list[str]
    moved_by_tier: dict[str, int]
    left_behind: int
    declined: int
    is_proven_optimal: bool
    solve_seconds: float
    moves: list[ProposedMoveOut]


class RelocationPlanStateOut(Schema):
    plan: RelocationPlanOut | None


def move_out(move: ProposedMove) -> dict[str, Any]:
    answer = getattr(move, "answer", None)
    return {
        "household_id": move.household_id,
        "household": move.household.number,
        "people": len(move.people),
        "tiers": move.tiers,
        "places": move.beds,
        "origin": move.origin.code,
        "destination": move.destination.site.code,
        "transport": move.transport,
        "distance_km": move.distance_km,
        "answer": "not_asked" if answer is None else "agreed" if answer.agreed else "declined",
    }


def plan_out(plan: RelocationPlan | None, moves: list[ProposedMove]) -> dict[str, Any]:
    if plan is None:
        return {"plan": None}
    return {
        "plan": {
            "id": plan.pk,
            "made_at": plan.created_at,
            "origins": sorted(site.code for site in plan.origins.all()),
            "moved_by_tier": plan.moved_by_tier,
            "left_behind": plan.left_behind,
            "declined": plan.declined,
            "is_proven_optimal": plan.is_proven_optimal,
            "solve_seconds": plan.solve_seconds,
            "moves": [move_out(move) for move in moves],
        }
    }


class RelocationAnswerIn(Schema):
    informed_at: datetime
    language: str
    agreed: bool
    note: str = ""


class RelocationAnswerOut(Schema):
    household: str
    informed_at: datetime
    informed_by: str
    language: str
    agreed: bool
    note: str


def answer_out(answer: RelocationConsent) -> dict[str, Any]:
    return {
        "household": answer.household.number,
        "informed_at": answer.informed_at,
        "informed_by": answer.informed_by.username,
        "language": answer.language,
        "agreed": answer.agreed,
        "note": answer.note,
    }


class RelocationMovementOut(Schema):
    id: UUID
    household: str
    people: int
    origin: str
    destination: str
    moved_at: datetime
    transport: str
    confirmed_by: str


def movement_out(movement: Movement) -> dict[str, Any]:
    return {
        "id": movement.pk,
        "household": movement.household.number,
        "people": len(movement.people.all()),
        "origin": movement.origin.code,
        "destination": movement.destination.code,
        "moved_at": movement.moved_at,
        "transport": movement.transport,
        "confirmed_by": movement.confirmed_by.username,
    }
