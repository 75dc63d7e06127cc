from django.db.models import Count, Q, QuerySet

from waypost.core.models import User
from waypost.sites.models import Site


def sites_visible_to(user: User) -> QuerySet[Site]:
    """Sites are operational facts every signed-in role may see."""
    if not user.can("sites.view"):
        return Site.objects.none()
    return Site.objects.filter(is_active=True)


def sites_with_occupancy_for(user: User) -> QuerySet[Site]:
    """Sites with `occupancy`, the number of people whose current site it is.

    A count over every resident (a record merged into another is not a second person): for lists
    of sites, not for choosing one in a form.
    """
    current = Q(residents__merged_into__isnull=True)
    return sites_visible_to(user).annotate(occupancy=Count("residents", filter=current))
