"""Confirming a plan: the households move, each person's current site changes, moves are kept.

All or nothing, in one transaction. The rows of every safe location concerned are locked first
(in primary-key order, so two coordinators confirming at once wait for each other instead of
deadlocking), then every move is checked again against what is true now:

- the places at the destination have not changed since the plan was made (else it is stale);
- the household is still where the plan found it, with the same members (nobody merged into
  another record, added or removed);
- the household's latest answer is yes (nobody is moved without having agreed);
- the destination still has a free place of the right kind for everyone moving there.

Any problem refuses the whole confirmation, naming each household concerned. Once committed, the
cold risk at both ends of every move is assessed again.
"""

from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.registry.models import Household, Individual
from waypost.registry.moves import move_household_to_site
from waypost.relocation.beds import assign_places, describe_places
from waypost.relocation.models import (
    MovedPerson,
    Movement,
    ProposedMove,
    RelocationPlan,
    SafeLocation,
)
from waypost.relocation.occupancy import occupancy_of
from waypost.relocation.services.consent import latest_answer
from waypost.relocation.services.plans import draft_plan_for_update
from waypost.safety.services.assessment import reassess_after_commit


@transaction.atomic(durable=True)
def confirm_plan(*, by: User) -> list[Movement]:
    plan = draft_plan_for_update(by)
    moves = list(plan.moves.select_related("household", "origin", "destination__site"))
    if not moves:
        raise ValidationError(_("There is no move left in this plan to confirm."))
    locations = _lock_locations(moves)
    households = {
        h.pk: h
        for h in Household.objects.select_for_update()
        .filter(pk__in=[move.household_id for move in moves])
        .order_by("pk")
    }
    problems = _stale(plan, locations) + _capacity_problems(moves, locations)
    problems += [p for move in moves for p in _household_problems(move, households)]
    if problems:
        raise ValidationError(problems)
    movements = [_carry_out(by, plan, move, households[move.household_id]) for move in moves]
    SafeLocation.objects.filter(pk__in=list(locations)).update(version=F("version") + 1)
    plan.status = RelocationPlan.Status.CONFIRMED
    plan.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=by,
        action="updated",
        subject=plan,
        purpose=Purpose.SITE_MANAGEMENT,
        fields={"status": [RelocationPlan.Status.DRAFT, RelocationPlan.Status.CONFIRMED]},
        movements=len(movements),
    )
    # The cold risk depends on where people sleep: both ends of every move are assessed again.
    sites = {m.origin_id for m in moves} | {m.destination.site_id for m in moves}
    reassess_after_commit(site_ids=sites, by=by)
    return movements


def _lock_locations(moves: list[ProposedMove]) -> dict[object, SafeLocation]:
    """Destinations, and origins that are safe locations too (their places are freed)."""
    sites = {m.destination.site_id for m in moves} | {m.origin_id for m in moves}
    locked = SafeLocation.objects.select_for_update().filter(site__in=sites).order_by("pk")
    return {location.pk: location for location in locked.select_related("site")}


def _stale(plan: RelocationPlan, locations: dict[object, SafeLocation]) -> list[str]:
    return [
        _(
            "The places at %(site)s have changed since this plan was made (people moved in or "
            "out, or its places were changed): make the plan again."
        )
        % {"site": location.site.name}
        for pk, location in locations.items()
        if str(pk) in plan.versions_seen and plan.versions_seen[str(pk)] != location.version
    ]


def _capacity_problems(
    moves: list[ProposedMove], locations: dict[object, SafeLocation]
) -> list[str]:
    wanted: dict[object, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for move in moves:
        for kind, count in move.beds.items():
            wanted[move.destination_id][kind] += count
    problems = []
    for now in occupancy_of(locations[pk] for pk in wanted):
        free = now.free
        if any(count > free.get(kind, 0) for kind, count in wanted[now.location.pk].items()):
            problems.append(
                _("%(site)s is full for this plan: it needs %(needed)s; free now: %(free)s.")
                % {
                    "site": now.location.site.name,
                    "needed": describe_places(wanted[now.location.pk]),
                    "free": describe_places(free),
                }
            )
    return problems


def _household_problems(move: ProposedMove, households: dict[Any, Household]) -> list[str]:
    household = households[move.household_id]
    number = household.number
    if household.site_id != move.origin_id:
        return [
            _("Household %(number)s has moved since the plan was made (it is at %(site)s now).")
            % {"number": number, "site": household.site.name}
        ]
    members = Individual.objects.current().filter(household=household).values_list("id", flat=True)
    if sorted(str(pk) for pk in members) != sorted(move.people):
        return [
            _(
                "The members of household %(number)s have changed since the plan was made "
                "(someone was merged into another record, added or removed): make the plan again."
            )
            % {"number": number}
        ]
    answer = latest_answer(household.pk)
    if answer is None:
        return [
            _(
                "Household %(number)s has not been recorded as informed and agreeing to move: "
                "record its answer first."
            )
            % {"number": number}
        ]
    if not answer.agreed:
        return [
            _(
                "Household %(number)s declined to move (%(date)s); its refusal is respected: "
                "take it out of the plan."
            )
            % {"number": number, "date": f"{timezone.localtime(answer.informed_at):%Y-%m-%d}"}
        ]
    return []


def _carry_out(
    by: User, plan: RelocationPlan, move: ProposedMove, household: Household
) -> Movement:
    """The movement with each person's place, and the registry's sites changed."""
    consent = latest_answer(household.pk)
    if consent is None or not consent.agreed:  # checked by `_household_problems` already
        raise ValidationError(_("Nobody is moved without having agreed."))
    movement = Movement.objects.create(
        household=household,
        origin_id=move.origin_id,
        destination=move.destination.site,
        moved_at=timezone.now(),
        transport=move.transport,
        confirmed_by=by,
        plan=plan,
        consent=consent,
    )
    MovedPerson.objects.bulk_create(
        MovedPerson(movement=movement, individual_id=pk, bed_kind=kind)
        for pk, kind in assign_places(move.people, move.beds).items()
    )
    move_household_to_site(
        by=by,
        household=household,
        site=move.destination.site,
        purpose=Purpose.SITE_MANAGEMENT,
        movement=str(movement.pk),
        transport=move.transport,
    )
    return movement
