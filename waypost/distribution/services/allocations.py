"""Allocating a draft plan and approving it (closing: `closing.py`).

`allocate_plan` applies the plan's rules to the people at the site on the day, solves the
allocation (`waypost.distribution.allocation`) and replaces the draft's entitlements in one
transaction. `approve_plan` freezes them — what the distribution points hand out — and
dispatches the allocated stock to the point (`dispatch.py`).
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.distribution.allocation import compute as allocation
from waypost.distribution.allocation.population import members_at
from waypost.distribution.allocation.store import delete_entitlements, insert_entitlements
from waypost.distribution.models import DistributionPlan, PlanLine, PlanStatus
from waypost.distribution.services.dispatch import dispatch_to_point
from waypost.safety.ranking import RANKING_VERSION
from waypost.stock.models import Item, ItemSize

BATCH = 5000


def locked(plan: DistributionPlan) -> DistributionPlan:
    return DistributionPlan.objects.select_for_update().select_related("site").get(pk=plan.pk)


@transaction.atomic(durable=True)
def allocate_plan(*, by: User, plan: DistributionPlan) -> DistributionPlan:
    """Compute the draft's entitlements again from its rules, lines and the people at the site."""
    plan = locked(plan)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(_("An approved or closed plan cannot be allocated again."))
    with without_cycle_collection():
        return allocate(by=by, plan=plan)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """A million people are millions of small objects and no reference cycles: the cycle
    collector's full passes over them (seconds each, several per plan) find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def allocate(*, by: User, plan: DistributionPlan) -> DistributionPlan:
    members = members_at(plan.site, plan.distribution_date)
    if not members:
        raise ValidationError(
            {"site": _("Nobody is registered at %(site)s.") % {"site": plan.site.name}}
        )
    rules = list(plan.rules.select_related("item"))
    sizes = item_sizes({rule.item_id for rule in rules})
    lines = plan_lines(plan)
    result = allocation.compute(
        rules=rules, members=members, sizes=sizes_by_code(sizes), lines=lines
    )
    save_lines(plan, result.lines, sizes)
    delete_entitlements(plan)
    insert_entitlements(plan, result, sizes)
    plan.allocated_at = timezone.now()
    plan.solver_status = result.solution.status
    plan.solver_objective = result.solution.objective
    plan.solver_seconds = result.solution.seconds
    plan.ranking_version = RANKING_VERSION
    plan.save()
    audit.record(
        actor=by,
        action="allocated",
        subject=plan,
        purpose=Purpose.DISTRIBUTION,
        entitled=sum(line.entitled for line in result.lines.values()),
        allocated=sum(line.allocated for line in result.lines.values()),
    )
    return plan


SizeMap = dict[tuple[str, str], ItemSize | None]  # (item code, size code) → size


def item_sizes(item_ids: set[Any]) -> dict[str, tuple[Item, list[ItemSize]]]:
    items = Item.objects.filter(pk__in=item_ids).prefetch_related("sizes")
    return {item.code: (item, sorted(item.sizes.all(), key=lambda s: s.order)) for item in items}


def sizes_by_code(sizes: dict[str, tuple[Item, list[ItemSize]]]) -> dict[str, list[str]]:
    return {code: [size.code for size in item_sizes] for code, (_item, item_sizes) in sizes.items()}


def plan_lines(plan: DistributionPlan) -> dict[allocation.LineKey, allocation.Line]:
    return {
        (line.item.code, line.size.code if line.size else ""): allocation.Line(
            available=line.quantity_available, sizes_up_allowed=line.sizes_up_allowed
        )
        for line in plan.lines.select_related("item", "size")
    }


def save_lines(
    plan: DistributionPlan,
    lines: dict[allocation.LineKey, allocation.Line],
    sizes: dict[str, tuple[Item, list[ItemSize]]],
) -> None:
    """Add a line with nothing available for each size someone needs that the plan lacks."""
    existing = set(plan_lines(plan))
    PlanLine.objects.bulk_create(
        PlanLine(
            plan=plan,
            item=sizes[item][0],
            size=size_of(sizes, item, size),
            quantity_available=0,
            sizes_up_allowed=line.sizes_up_allowed,
        )
        for (item, size), line in lines.items()
        if (item, size) not in existing
    )


def size_of(
    sizes: dict[str, tuple[Item, list[ItemSize]]], item: str, code: str | None
) -> ItemSize | None:
    if not code:
        return None
    return next(size for size in sizes[item][1] if size.code == code)


@transaction.atomic(durable=True)
def approve_plan(*, by: User, plan: DistributionPlan) -> DistributionPlan:
    """Freeze an allocated draft and open the distribution: its entitlements are what is handed
    out, and the allocated stock moves from the warehouse to the point's store."""
    plan = locked(plan)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(
            _("This plan was already approved on %(when)s.")
            % {"when": timezone.localtime(plan.approved_at).strftime("%Y-%m-%d %H:%M")}
        )
    if plan.allocated_at is None:
        raise ValidationError(_("Allocate the plan before approving it."))
    plan.status = PlanStatus.APPROVED
    plan.approved_by = by
    plan.approved_at = timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    dispatched = dispatch_to_point(by=by, plan=plan)
    audit.record(
        actor=by,
        action="approved",
        subject=plan,
        purpose=Purpose.DISTRIBUTION,
        dispatched=dispatched,
        point_store=plan.point_store.code if plan.point_store else "",
    )
    return plan
