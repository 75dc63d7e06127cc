"""Making a relocation plan and adjusting it before it is confirmed.

A plan is made from the people at risk at the chosen sites (as the safety app ranks them) and
the free places at every safe location now; it proposes one move per household. Each
coordinator has at most one draft: making a new plan replaces it. Households whose latest answer
was no are left out (their refusal is respected), and so are households the coordinator's agency
may not see.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.registry.models import Household, Individual
from waypost.registry.selectors import households_visible_to
from waypost.relocation.beds import describe_places, fits, take_beds
from waypost.relocation.models import (
    ProposedMove,
    RelocationConsent,
    RelocationPlan,
    SafeLocation,
    Transport,
)
from waypost.relocation.occupancy import occupancy_of
from waypost.relocation.plan_inputs import (
    Destination,
    HouseholdToMove,
    PersonAtRisk,
    distance_km,
)
from waypost.relocation.planner import Plan, plan_relocation
from waypost.sites.models import Site


@transaction.atomic(durable=True)
def make_plan(
    *, by: User, origins: Sequence[Site], at_risk: Iterable[PersonAtRisk]
) -> RelocationPlan:
    if not origins:
        raise ValidationError({"origins": _("Choose the sites people may be moved from.")})
    RelocationPlan.objects.filter(made_by=by, status=RelocationPlan.Status.DRAFT).update(
        status=RelocationPlan.Status.REPLACED
    )
    locations = list(SafeLocation.objects.filter(site__is_active=True).select_related("site"))
    households, declined = households_to_move(by=by, origins=origins, at_risk=at_risk)
    solved = plan_relocation(
        households=households,
        destinations=[_destination(o.location.site, o.free) for o in occupancy_of(locations)],
        origins={site.pk: _destination(site, {}) for site in origins},
    )
    plan = RelocationPlan.objects.create(
        made_by=by,
        agency=by.acting_agency,
        versions_seen={str(location.pk): location.version for location in locations},
        moved_by_tier=solved.moved_by_tier,
        left_behind=len(solved.left_behind),
        declined=declined,
        is_proven_optimal=solved.is_proven_optimal,
        solve_seconds=solved.seconds,
    )
    plan.origins.set(origins)
    _save_moves(plan, solved, {location.site_id: location for location in locations})
    audit.record(
        actor=by,
        action="created",
        subject=plan,
        purpose=Purpose.SITE_MANAGEMENT,
        moves=len(solved.moves),
        moved_by_tier=solved.moved_by_tier,
    )
    return plan


def households_to_move(
    *, by: User, origins: Sequence[Site], at_risk: Iterable[PersonAtRisk]
) -> tuple[list[HouseholdToMove], int]:
    """The visible households at `origins` with someone at risk, and how many declined."""
    by_household: dict[str, list[PersonAtRisk]] = defaultdict(list)
    for person in at_risk:
        by_household[str(person.household_id)].append(person)
    visible = households_visible_to(by).filter(site__in=origins)
    answers = _latest_answers(origins)
    members = _members_of(visible)
    households, declined = [], 0
    for pk, site_id in visible.values_list("pk", "site_id"):
        people = by_household.get(str(pk))
        if not people or not members[pk]:
            continue
        if answers.get(pk) is False:
            declined += 1
            continue
        here = tuple(p for p in people if str(p.individual_id) in members[pk])
        households.append(
            HouseholdToMove(pk, site_id, len(members[pk]), here, tuple(sorted(members[pk])))
        )
    return households, declined


def _latest_answers(origins: Sequence[Site]) -> dict[Any, bool]:
    """Each household's latest answer (the last one in time order wins)."""
    answers = RelocationConsent.objects.filter(household__site__in=origins).order_by(
        "household", "informed_at", "recorded_at"
    )
    return dict(answers.values_list("household_id", "agreed"))


def _members_of(households: QuerySet[Household]) -> dict[Any, set[str]]:
    members: dict[Any, set[str]] = defaultdict(set)
    rows = Individual.objects.current().filter(household__in=households)
    for household_id, individual_id in rows.values_list("household_id", "id"):
        members[household_id].add(str(individual_id))
    return members


def _destination(site: Site, free: dict[str, int]) -> Destination:
    def coordinate(value: object) -> float | None:
        return None if value is None else float(value)  # type: ignore[arg-type]

    return Destination(site.pk, free, coordinate(site.latitude), coordinate(site.longitude))


def _save_moves(plan: RelocationPlan, solved: Plan, by_site: dict[object, SafeLocation]) -> None:
    ProposedMove.objects.bulk_create(
        ProposedMove(
            plan=plan,
            household_id=move.household.household_id,
            origin_id=move.household.origin_id,  # type: ignore[misc]
            destination=by_site[move.destination_id],
            people=move.household.people_needs(),
            beds=move.beds,
            needs=move.household.needs(),
            tiers={tier: n for tier, n in move.household.tiers().items() if n},
            score=move.household.score,
            transport=default_transport(move.household.needs()),
            distance_km=move.distance_km,
        )
        for move in solved.moves
    )


def default_transport(needs: dict[str, int]) -> str:
    return Transport.AMBULANCE if needs.get("medical") else Transport.BUS


def draft_plan_for_update(by: User) -> RelocationPlan:
    plan = (
        RelocationPlan.objects.select_for_update()
        .filter(made_by=by, status=RelocationPlan.Status.DRAFT)
        .first()
    )
    if plan is None:
        raise ValidationError(_("You have no plan in preparation: make a plan first."))
    return plan


@transaction.atomic(durable=True)
def change_move(
    *,
    by: User,
    household: Household,
    destination: SafeLocation | None,
    transport: str = "",
) -> ProposedMove | None:
    """Send a household of the plan elsewhere (if it fits there now), or take it out (None)."""
    if transport and transport not in Transport.values:
        raise ValidationError({"transport": _("Choose a means of transport from the list.")})
    plan = draft_plan_for_update(by)
    move = plan.moves.select_related("origin").filter(household=household).first()
    if move is None:
        raise ValidationError(_("This household is not in your plan."))
    if destination is None:
        move.delete()
        audit.record(
            actor=by,
            action="updated",
            subject=plan,
            purpose=Purpose.SITE_MANAGEMENT,
            fields={f"move:{household.number}": [move.destination.site.code, None]},
        )
        return None
    _send_elsewhere(by, plan, move, destination)
    if transport:
        move.transport = transport
    move.save()
    return move


def _send_elsewhere(
    by: User, plan: RelocationPlan, move: ProposedMove, destination: SafeLocation
) -> None:
    site = destination.site
    if site.pk == move.origin_id:
        raise ValidationError(
            {"destination": _("The household is at %(site)s already.") % {"site": site.name}}
        )
    free = occupancy_of([destination])[0].free
    for other in plan.moves.filter(destination=destination).exclude(pk=move.pk):
        for kind, count in other.beds.items():
            free[kind] -= count
    if not fits(move.needs, free):
        raise ValidationError(
            {
                "destination": _(
                    "%(site)s has no room for this household: it needs %(needed)s; "
                    "free after the rest of your plan: %(free)s."
                )
                % {
                    "site": site.name,
                    "needed": describe_places(move.needs),
                    "free": describe_places(free),
                }
            }
        )
    before = move.destination.site.code
    move.beds = take_beds(move.needs, free)
    move.destination = destination
    move.distance_km = distance_km(_destination(move.origin, {}), _destination(site, {}))
    plan.versions_seen.setdefault(str(destination.pk), destination.version)
    plan.save(update_fields=["versions_seen", "updated_at"])
    audit.record(
        actor=by,
        action="updated",
        subject=plan,
        purpose=Purpose.SITE_MANAGEMENT,
        fields={f"move:{move.household.number}": [before, site.code]},
    )
