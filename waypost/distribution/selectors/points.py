"""The distribution points of a plan's site."""

from django.db.models import QuerySet

from waypost.distribution.models import DistributionPlan, DistributionPoint


def points_of(plan: DistributionPlan) -> QuerySet[DistributionPoint]:
    return DistributionPoint.objects.filter(site_id=plan.site_id).order_by("name")


def point_of(plan: DistributionPlan, point_id: str | None) -> DistributionPoint | None:
    """The point chosen at this plan's site, or None when none (or another site's) is named."""
    if not point_id or not point_id.isdigit():
        return None
    return points_of(plan).filter(pk=int(point_id)).first()
