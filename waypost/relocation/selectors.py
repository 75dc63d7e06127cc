"""Reading relocation: safe locations with their places, a coordinator's plan, moves, answers.

Places are operational facts without personal data. Plans, moves and answers name households:
they are read within the households the user may see, and every household served is audited.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from waypost.core import audit
from waypost.core.models import User
from waypost.registry.models import Household
from waypost.registry.selectors import households_visible_to
from waypost.relocation.models import (
    SAFE_SITE_KINDS,
    Movement,
    ProposedMove,
    RelocationConsent,
    RelocationPlan,
    SafeLocation,
)
from waypost.relocation.occupancy import Occupancy, occupancy_of
from waypost.sites.models import Site, SiteKind

# What a relocation page shows of a household.
HOUSEHOLD_FIELDS = ("number", "size", "site", "cold_risk_tier", "places_needed")
MOVEMENTS_SHOWN = 200


def safe_locations() -> QuerySet[SafeLocation]:
    return SafeLocation.objects.filter(site__is_active=True).select_related("site")


def places_at_safe_locations() -> list[Occupancy]:
    return occupancy_of(safe_locations())


def get_safe_location(site_code: str) -> SafeLocation:
    try:
        return safe_locations().get(site__code=site_code)
    except SafeLocation.DoesNotExist:
        raise Http404("No such safe location.") from None


def sites_by_code(codes: Iterable[str]) -> list[Site]:
    """Sites in use with these codes (operational facts every role may know)."""
    return list(Site.objects.filter(code__in=list(codes), is_active=True))


def sites_that_may_become_safe() -> QuerySet[Site]:
    return Site.objects.filter(is_active=True, kind__in=SAFE_SITE_KINDS).order_by("name")


def sites_people_leave() -> QuerySet[Site]:
    return Site.objects.filter(is_active=True).exclude(kind=SiteKind.WAREHOUSE).order_by("name")


def draft_plan_of(user: User) -> RelocationPlan | None:
    return (
        RelocationPlan.objects.filter(made_by=user, status=RelocationPlan.Status.DRAFT)
        .prefetch_related("origins")
        .first()
    )


def draft_moves_of(user: User) -> list[ProposedMove]:
    """The moves of the user's plan in preparation, of households they may see, audited.

    Each move carries `answer`, the household's latest answer (None: not asked yet).
    """
    moves = list(
        ProposedMove.objects.filter(
            plan__made_by=user,
            plan__status=RelocationPlan.Status.DRAFT,
            household__in=households_visible_to(user),
        ).select_related("household", "origin", "destination__site")
    )
    latest: dict[Any, RelocationConsent] = {}
    for answer in RelocationConsent.objects.filter(
        household__in=[move.household_id for move in moves]
    ).order_by("household", "-informed_at", "-recorded_at"):
        latest.setdefault(answer.household_id, answer)
    for move in moves:
        move.answer = latest.get(move.household_id)  # type: ignore[attr-defined]
    _audit(user, [move.household for move in moves], via="relocation_plan")
    return moves


def movements_visible_to(user: User) -> list[Movement]:
    movements = list(
        Movement.objects.filter(household__in=households_visible_to(user))
        .select_related("household", "origin", "destination", "confirmed_by", "consent")
        .prefetch_related("people")[:MOVEMENTS_SHOWN]
    )
    _audit(user, [movement.household for movement in movements], via="relocation_movements")
    return movements


def get_household_for(user: User, household_id: Any) -> Household:
    """A household the user may see, with its site; 404 otherwise. Audited as viewed."""
    try:
        household = households_visible_to(user).select_related("site").get(pk=household_id)
    except (Household.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such household.") from None
    _audit(user, [household], via="relocation_answer")
    return household


def answers_of(household: Household) -> QuerySet[RelocationConsent]:
    return RelocationConsent.objects.filter(household=household).select_related("informed_by")


def _audit(user: User, households: Iterable[Household], *, via: str) -> None:
    audit.record_views(
        actor=user,
        subjects=households,
        purpose=str(user.purpose_for("relocation.plan") or ""),
        fields=HOUSEHOLD_FIELDS,
        via=via,
    )
