"""Closing a distribution: the plan stops handing out, and what was not collected goes back.

Approving the plan dispatched the allocated stock to the point's store (`dispatch.py`), and
each handover issued from there. Closing transfers whatever the point store still holds back to
the plan's warehouse through the ledger (a `transfer_out`/`transfer_in` pair per stock line,
the plan as reference), writes the figures — allocated, handed, uncollected per item and size,
units returned — to the audit trail, and marks the plan closed, all in one transaction. A plan
approved without a dispatch issued from its warehouse directly: nothing is at a point to return.
Closing twice is refused. Once committed, the cold risk at the site is assessed again, since
it counts the winter items people have not received.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.distribution.models import DistributionPlan, PlanStatus
from waypost.distribution.selectors.coverage import coverage_by_item
from waypost.distribution.services.dispatch import return_from_point
from waypost.safety.services.assessment import reassess_after_commit


@dataclass(frozen=True)
class Uncollected:
    item: str
    size: str
    allocated: int
    handed: int

    @property
    def quantity(self) -> int:
        return self.allocated - self.handed


@transaction.atomic(durable=True)
def close_distribution(*, by: User, plan: DistributionPlan) -> list[Uncollected]:
    """Close an approved plan; what the point store still holds goes back to the warehouse."""
    locked = (
        DistributionPlan.objects.select_for_update(of=("self",))
        .select_related("warehouse", "point_store")
        .get(pk=plan.pk)
    )
    if locked.status != PlanStatus.APPROVED:
        raise ValidationError(
            _("Only an approved plan can be closed; this one is %(status)s.")
            % {"status": locked.get_status_display()}
        )
    rest = [
        Uncollected(line.item, line.size, line.allocated, line.handed)
        for line in coverage_by_item(locked)
    ]
    returned = return_from_point(by=by, plan=locked)
    locked.status, locked.closed_at = PlanStatus.CLOSED, timezone.now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    plan.status, plan.closed_at = locked.status, locked.closed_at
    audit.record(
        actor=by,
        action="distribution.closed",
        subject=locked,
        purpose=str(by.purpose_for("distribution.plan") or Purpose.LOGISTICS),
        warehouse=locked.warehouse.code,
        returned=returned,
        uncollected=[
            {"item": r.item, "size": r.size, "allocated": r.allocated, "handed": r.handed}
            for r in rest
        ],
    )
    # Who still lacks winter items is now known for the round: the cold risk is assessed again.
    reassess_after_commit(site_ids=[locked.site_id], by=by)
    return rest
