from django.db.models import Count, QuerySet

from waypost.core.models import User
from waypost.sites.models import Site


def sites_visible_to(user: User) -> QuerySet[Site]:
    """Sites are operational facts every signed-in role may see; occupancy is a head count."""
    if not user.can("sites.view"):
        return Site.objects.none()
    return Site.objects.filter(is_active=True).annotate(occupancy=Count("residents"))
