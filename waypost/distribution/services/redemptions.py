"""Handing over at a distribution point: one transaction per household at the table.

`redeem` (a plan and point given as objects, the table page) and `redeem_at` (given by their
keys, the API) read the plan, point, card, entitlements and stock in one statement
(`handover_read`), check the card and what is handed against the plan, then write the
redemptions, the stock issues and the audit events together (`handover_write`). The database
decides who was first: a second redemption of an entitlement breaks the
`one_redemption_per_entitlement` constraint, and the refusal names when, where and by whom the
first was made. A retried submission (same idempotency key) gets the first one's result back.
Stock is issued from the plan's warehouse as the ledger does (`waypost.stock.ledger`): an
`issue` movement per line and the balance brought down only where it holds enough — taken
last, so the busiest rows of the warehouse are locked for the shortest time.
"""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core.models import User
from waypost.distribution.models import (
    DistributionPlan,
    DistributionPoint,
    HouseholdCard,
    Redemption,
)
from waypost.distribution.services.cards import card_lookup, checked_card
from waypost.distribution.services.handover import (
    Handed,
    Handover,
    Line,
    Proxy,
    check_lines,
    record_handover,
)
from waypost.distribution.services.handover_read import read_handover


@dataclass(frozen=True)
class RedemptionResult:
    card: HouseholdCard
    redemptions: list[Redemption]
    replayed: bool = False  # True when a retried submission found its first result


def check_plan_and_card(
    *, by: User, plan: DistributionPlan, card: HouseholdCard, point: DistributionPoint
) -> None:
    """Refuse a card, point or plan that does not belong to today's distribution here."""
    if plan.status != "approved":
        raise ValidationError(
            _("This plan is not open for distribution (it is %(status)s).")
            % {"status": plan.get_status_display()}
        )
    today = timezone.localdate()
    if plan.distribution_date != today:
        raise ValidationError(
            _("This plan is for %(date)s, not today (%(today)s).")
            % {"date": plan.distribution_date.isoformat(), "today": today.isoformat()}
        )
    if by.agency_id is None or by.agency_id != plan.warehouse.agency_id:
        raise ValidationError(
            _("Only staff of the agency holding %(warehouse)s may hand out its stock.")
            % {"warehouse": plan.warehouse.name}
        )
    if point.site_id != plan.site_id:
        raise ValidationError({"point": _("This distribution point is at another site.")})
    if card.household.site_id != plan.site_id:
        raise ValidationError(
            _("This card belongs to a household registered at %(site)s, not at %(here)s.")
            % {"site": card.household.site.name, "here": plan.site.name}
        )


def already_handed(entitlement_ids: list[int]) -> ValidationError:
    first = (
        Redemption.objects.filter(entitlement_id__in=entitlement_ids)
        .select_related("point", "by")
        .order_by("at")
        .first()
    )
    if first is None:  # the conflicting redemption was rolled back in the meantime
        return ValidationError(_("Another point was recording this household: try again."))
    return ValidationError(
        _("Already handed out at %(point)s at %(time)s by %(user)s.")
        % {
            "point": first.point.name,
            "time": timezone.localtime(first.at).strftime("%Y-%m-%d %H:%M:%S"),
            "user": first.by.get_full_name() or first.by.username,
        }
    )


def replay(
    *, plan: DistributionPlan, idempotency_key: str, card: HouseholdCard
) -> list[Redemption]:
    return list(
        Redemption.objects.filter(
            plan=plan, household_id=card.household_id, idempotency_key=idempotency_key
        ).order_by("id")
    )


def _check_submission(idempotency_key: str, proxy: Proxy | None) -> None:
    if not idempotency_key.strip() or len(idempotency_key) > 64:
        raise ValidationError(
            {"idempotency_key": _("Send a submission key of 1 to 64 characters.")}
        )
    if proxy is not None and not proxy.name.strip():
        raise ValidationError({"proxy": _("Name the person collecting for the household.")})


def redeem(
    *,
    by: User,
    token_or_code: str,
    point: DistributionPoint,
    plan: DistributionPlan,
    handed: list[Handed],
    idempotency_key: str,
    proxy: Proxy | None = None,
) -> RedemptionResult:
    """Record what a household receives at a point and issue it from the plan's warehouse."""
    return redeem_at(
        by=by,
        token_or_code=token_or_code,
        plan_id=plan.pk,
        point_id=point.pk,
        handed=handed,
        idempotency_key=idempotency_key,
        proxy=proxy,
    )


def redeem_at(
    *,
    by: User,
    token_or_code: str,
    plan_id: UUID,
    point_id: int,
    handed: list[Handed],
    idempotency_key: str,
    proxy: Proxy | None = None,
) -> RedemptionResult:
    """`redeem` for a plan and point named by their keys (the API): DistributionPlan.DoesNotExist
    when there is no such plan. The plan, point, card, entitlements and stock are read at once.
    """
    _check_submission(idempotency_key, proxy)
    lookup = card_lookup(token_or_code)
    read = read_handover(
        plan_id=plan_id,
        point_id=point_id,
        card_id=lookup.card_id,
        short_key=lookup.short_key,
        entitlement_ids=sorted({line.entitlement_id for line in handed}),
    )
    if read.point is None:
        raise ValidationError({"point": _("This plan's site has no such distribution point.")})
    card, plan = checked_card(read.card, lookup), read.plan
    check_plan_and_card(by=by, plan=plan, card=card, point=read.point)
    lines: list[Line] = check_lines(read=read, handed=handed)
    try:
        handover = Handover(by, plan, card, read.point, proxy, idempotency_key.strip())
        redemptions = record_handover(handover=handover, lines=lines)
    except IntegrityError as error:
        earlier = replay(plan=plan, idempotency_key=idempotency_key, card=card)
        if earlier:
            return RedemptionResult(card, earlier, replayed=True)
        raise already_handed([line.entitlement.pk for line in lines]) from error
    return RedemptionResult(card, redemptions)
