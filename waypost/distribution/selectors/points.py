"""The distribution points of a plan's site."""

from uuid import UUID

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from waypost.distribution.models import DistributionPlan, DistributionPoint


def points_of(plan: DistributionPlan) -> QuerySet[DistributionPoint]:
    return DistributionPoint.objects.filter(site_id=plan.site_id).order_by("name")


def point_of(plan: DistributionPlan, point_id: str | None) -> DistributionPoint | None:
    """The point chosen at this plan's site, or None when none (or another site's) is named."""
    if not point_id or not point_id.isdigit():
        return None
    return points_of(plan).filter(pk=int(point_id)).first()


def plan_and_point(
    plan_id: UUID, point_id: int
) -> tuple[DistributionPlan, DistributionPoint | None]:
    """`get_plan` and `point_of` in one query, for the redemption API's every request.

    The point's name is read beside the plan (with its site and warehouse) by a subquery that
    only finds a point at the plan's own site; 404 when there is no such plan.
    """
    at_site = DistributionPoint.objects.filter(site_id=OuterRef("site_id"), pk=point_id)
    try:
        plan = (
            DistributionPlan.objects.select_related("site", "warehouse")
            .annotate(point_name=Subquery(at_site.values("name")[:1]))
            .get(pk=plan_id)
        )
    except DistributionPlan.DoesNotExist:
        raise Http404("No such plan.") from None
    name = plan.point_name
    if name is None:
        return plan, None
    point = DistributionPoint.from_db(
        None, ["id", "site_id", "name"], [point_id, plan.site_id, name]
    )
    return plan, point
