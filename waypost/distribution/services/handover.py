"""The lines of one handover: checked against the plan before, written together after.

`check_lines` checks the lines against what `handover_read` read in one statement (the
household's entitlements named, the store's balances; a substituted size costs one more query)
and refuses a line beyond what was allocated, a size of another item, or stock that is not
there. `record_handover` writes in one transaction, in an order chosen for many points at
once: the movements, the redemptions (where a second redemption of an entitlement fails on the
unique constraint) and the audit events first, the balance rows last — they are shared by every
table, so they are locked only for the last statement and the commit.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core.models import AuditEvent, User
from waypost.core.roles import Purpose
from waypost.distribution.models import (
    CollectedBy,
    DistributionPlan,
    DistributionPoint,
    Entitlement,
    HouseholdCard,
    Redemption,
)
from waypost.distribution.services.handover_read import HandoverRead
from waypost.distribution.services.handover_write import write_handover
from waypost.stock.models import ItemSize, MovementKind, StockMovement


@dataclass(frozen=True)
class Handed:
    """One line confirmed at the table: an entitlement, how many, and the size given."""

    entitlement_id: int
    quantity: int
    size: str = ""  # a size code; empty: the size the plan allocated


@dataclass(frozen=True)
class Proxy:
    """Someone collecting for the household, named, with their relation to it."""

    name: str
    relation: str = ""


@dataclass(frozen=True)
class Line:
    entitlement: Entitlement
    quantity: int
    size: ItemSize | None
    balance_id: int
    lot_id: int | None


def plan_reference(plan: DistributionPlan) -> str:
    """What the ledger's movements name as their reference: the distribution."""
    return f"distribution {plan.pk}"


def issuing_warehouse_id(plan: DistributionPlan) -> Any:
    """Where handovers issue from: the point store approval filled (`services/dispatch.py`),
    or the plan's warehouse for a plan approved without a dispatch."""
    return plan.point_store_id or plan.warehouse_id


def _entitlements(read: HandoverRead, handed: list[Handed]) -> dict[int, Entitlement]:
    ids = [line.entitlement_id for line in handed]
    if not handed or len(set(ids)) != len(ids):
        raise ValidationError({"lines": _("Name each entitlement handed over once.")})
    missing = [str(i) for i in ids if i not in read.entitlements]
    if missing:
        raise ValidationError(
            {
                "lines": _("Not this household's entitlements in this plan: %(ids)s.")
                % {"ids": ", ".join(missing)}
            }
        )
    return read.entitlements


def _check_quantity(entitlement: Entitlement, quantity: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise ValidationError({"lines": _("Hand over a whole number greater than zero.")})
    if quantity > entitlement.quantity_allocated:
        raise ValidationError(
            {
                "lines": _("%(item)s: %(quantity)s is more than the %(allocated)s allocated.")
                % {
                    "item": entitlement.item.name,
                    "quantity": quantity,
                    "allocated": entitlement.quantity_allocated,
                }
            }
        )


def _sizes(by_id: dict[int, Entitlement], handed: list[Handed]) -> dict[int, ItemSize | None]:
    """The size handed per entitlement: the one allocated, or the substitute named."""
    chosen: dict[int, ItemSize | None] = {}
    wanted: dict[tuple[Any, str], list[int]] = defaultdict(list)
    for line in handed:
        entitlement = by_id[line.entitlement_id]
        allocated = entitlement.allocated_size or entitlement.size
        if not line.size or (allocated is not None and allocated.code == line.size):
            chosen[line.entitlement_id] = allocated
        elif not entitlement.item.is_sized:
            raise ValidationError(
                {"lines": _("%(item)s has no sizes.") % {"item": entitlement.item.name}}
            )
        else:
            wanted[(entitlement.item_id, line.size)].append(line.entitlement_id)
    if wanted:
        found = ItemSize.objects.filter(item_id__in={item for item, _code in wanted})
        sizes = {(size.item_id, size.code): size for size in found}
        for (item_id, code), ids in wanted.items():
            if (item_id, code) not in sizes:
                name = by_id[ids[0]].item.name
                raise ValidationError(
                    {"lines": _("%(item)s has no size %(size)s.") % {"item": name, "size": code}}
                )
            chosen.update(dict.fromkeys(ids, sizes[(item_id, code)]))
    return chosen


def _ran_out(entitlement: Entitlement, size: ItemSize | None) -> ValidationError:
    label = f"{entitlement.item.name} {size.code}" if size else entitlement.item.name
    return ValidationError(
        _("%(item)s has run out at the point: nothing was recorded. Hand over without it.")
        % {"item": label}
    )


def _balances(
    read: HandoverRead, lines: list[tuple[Entitlement, int, ItemSize | None]]
) -> list[Line]:
    """Where each line is issued from: the stock line (lot expiring first) that holds enough."""
    today = timezone.localdate()
    held: dict[tuple[Any, int | None], list[tuple[date, int, int | None, int]]] = defaultdict(list)
    for row in read.held.values():
        if row.expires_on is None or row.expires_on >= today:
            held[(row.item_id, row.size_id)].append(
                (row.expires_on or date.max, row.balance_id, row.lot_id, row.quantity)
            )
    result = []
    for entitlement, quantity, size in lines:
        options = sorted(held[(entitlement.item_id, size.pk if size else None)])
        chosen = next((o for o in options if o[3] >= quantity), None)
        if chosen is None:
            raise _ran_out(entitlement, size)
        result.append(Line(entitlement, quantity, size, chosen[1], chosen[2]))
    return result


def check_lines(*, read: HandoverRead, handed: list[Handed]) -> list[Line]:
    """The submission's lines against the household's entitlements and the store's stock."""
    by_id = _entitlements(read, handed)
    for line in handed:
        _check_quantity(by_id[line.entitlement_id], line.quantity)
    sizes = _sizes(by_id, handed)
    wanted = [(by_id[h.entitlement_id], h.quantity, sizes[h.entitlement_id]) for h in handed]
    return _balances(read, wanted)


def _redemption_event(by: User, plan: DistributionPlan, redemption: Redemption) -> AuditEvent:
    return AuditEvent(
        actor=by,
        agency_id=by.agency_id,
        action="distribution.redeemed",
        purpose=Purpose.DISTRIBUTION,
        subject_type="distribution.redemption",
        subject_id=str(redemption.pk),
        details={
            "plan": str(plan.pk),
            "household": str(redemption.household_id),
            "entitlement": redemption.entitlement_id,
            "quantity": redemption.quantity,
            "size": redemption.size_handed.code if redemption.size_handed else "",
            "point": redemption.point.name,
            "collected_by": redemption.collected_by,
        },
    )


def _issue_event(by: User, movement: StockMovement) -> AuditEvent:
    """The event the ledger writes for an issue (`waypost.stock.ledger.write_movement`)."""
    return AuditEvent(
        actor=by,
        agency_id=by.agency_id,
        action=f"stock.{MovementKind.ISSUE}",
        purpose=Purpose.LOGISTICS,
        subject_type="stock.stockmovement",
        subject_id=str(movement.pk),
        details={
            "warehouse": str(movement.warehouse_id),
            "item": str(movement.item_id),
            "size": movement.size.code if movement.size else "",
            "lot": movement.lot_id or "",
            "quantity": movement.quantity,
            "reference": movement.reference,
        },
    )


def _movements(
    by: User, plan: DistributionPlan, lines: list[Line], at: datetime
) -> list[StockMovement]:
    return [
        StockMovement(
            warehouse_id=issuing_warehouse_id(plan),
            item_id=line.entitlement.item_id,
            size=line.size,
            lot_id=line.lot_id,
            kind=MovementKind.ISSUE,
            quantity=-line.quantity,
            reference=plan_reference(plan),
            by=by,
            at=at,
        )
        for line in lines
    ]


@dataclass(frozen=True)
class Handover:
    """Who hands over what to whom, where: what every redemption row of one submission shares."""

    by: User
    plan: DistributionPlan
    card: HouseholdCard
    point: DistributionPoint
    proxy: Proxy | None
    idempotency_key: str

    def redemption(self, line: Line, movement: StockMovement) -> Redemption:
        proxy = self.proxy
        return Redemption(
            entitlement=line.entitlement,
            plan=self.plan,
            household_id=self.card.household_id,
            quantity=line.quantity,
            size_handed=line.size,
            collected_by=CollectedBy.PROXY if proxy else CollectedBy.HOUSEHOLD,
            proxy_name=proxy.name.strip() if proxy else "",
            proxy_relation=proxy.relation.strip() if proxy else "",
            point=self.point,
            by=self.by,
            at=movement.at,
            movement=movement,
            idempotency_key=self.idempotency_key,
        )


@transaction.atomic(durable=True)
def record_handover(*, handover: Handover, lines: list[Line]) -> list[Redemption]:
    """Write one submission; IntegrityError when an entitlement was already redeemed.

    The movements, redemptions and audit events, then the balance rows, written without the
    ORM's work per query (`services/handover_write.py`: one statement on PostgreSQL).
    """
    by, plan = handover.by, handover.plan
    movements = _movements(by, plan, lines, timezone.now())
    redemptions = [handover.redemption(*pair) for pair in zip(lines, movements, strict=True)]

    def events() -> list[AuditEvent]:
        written = [
            *(_redemption_event(by, plan, redemption) for redemption in redemptions),
            *(_issue_event(by, movement) for movement in movements),
        ]
        for event in written:
            event.at = movements[0].at  # what `auto_now_add` would set
        return written

    needed: dict[int, int] = defaultdict(int)
    for line in lines:
        needed[line.balance_id] += line.quantity
    short = write_handover(
        movements=movements, redemptions=redemptions, events=events, needed=needed
    )
    if short is not None:  # taken meanwhile by another point: the transaction rolls back
        line = next(line for line in lines if line.balance_id == short)
        raise _ran_out(line.entitlement, line.size)
    return redemptions
