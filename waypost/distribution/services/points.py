"""Distribution points: the tables at a site where cards are scanned."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.distribution.models import DistributionPoint
from waypost.sites.models import Site


@transaction.atomic(durable=True)
def open_point(*, by: User, site: Site, name: str) -> DistributionPoint:
    """The point of that name at the site, opened now if it was not there yet."""
    name = " ".join(name.split())
    if not name or len(name) > 80:
        raise ValidationError({"name": _("Name the point in 1 to 80 characters, e.g. Table 2.")})
    point, created = DistributionPoint.objects.get_or_create(site=site, name=name)
    if created:
        audit.record(actor=by, action="created", subject=point, purpose=Purpose.DISTRIBUTION)
    return point
