"""Safe locations and their places: a site becomes one, its places by kind are changed.

Places can never be fewer than the people already there: the residents are counted from the
registry under a lock on the location's row, as a confirmed move counts them.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.relocation.beds import BedKind
from waypost.relocation.models import SAFE_SITE_KINDS, SafeLocation
from waypost.relocation.occupancy import counted_residents, place_residents
from waypost.sites.models import Site


@transaction.atomic(durable=True)
def set_places(*, by: User, site: Site, beds: Mapping[str, int]) -> SafeLocation:
    """Make `site` a safe location with `beds` places by kind, or change its places."""
    if site.kind not in SAFE_SITE_KINDS or not site.is_active:
        raise ValidationError(
            {
                "site": _(
                    "People are moved only to shelters, logistics and reception centres "
                    "and medical facilities in use."
                )
            }
        )
    new = {kind: int(beds.get(kind, 0)) for kind in BedKind.values}
    if any(count < 0 for count in new.values()):
        raise ValidationError({"beds": _("A number of places cannot be negative.")})
    location, created = SafeLocation.objects.select_for_update().get_or_create(site=site)
    check_places_hold_residents(location, new)
    before = location.beds()
    changed = {
        f"beds_{kind}": [before[kind], new[kind]] for kind in new if before[kind] != new[kind]
    }
    if changed or created:
        SafeLocation.objects.filter(pk=location.pk).update(
            version=F("version") + 1, **{f"beds_{kind}": new[kind] for kind in new}
        )
        location.refresh_from_db()
        audit.record(
            actor=by,
            action="created" if created else "updated",
            subject=location,
            purpose=Purpose.SITE_MANAGEMENT,
            fields=changed,
            site=site.code,
        )
    return location


def check_places_hold_residents(location: SafeLocation, beds: dict[str, int]) -> None:
    counted = counted_residents([location.site_id]).get(location.site_id, {})
    errors: dict[str, list[str]] = {}
    for kind in BedKind.values:
        if counted.get(kind, 0) > beds[kind]:
            errors[f"beds_{kind}"] = [
                _(
                    "%(people)s people were moved into this kind of place here; it cannot have "
                    "fewer places than that (%(asked)s asked)."
                )
                % {"people": counted[kind], "asked": beds[kind]}
            ]
    if errors:
        raise ValidationError(errors)
    placed = place_residents(location, beds, counted)
    if placed.over:
        raise ValidationError(
            {
                "beds": _(
                    "%(site)s has %(people)s people now: it cannot have fewer places than "
                    "that (%(asked)s asked)."
                )
                % {"site": location.site.name, "people": placed.people, "asked": sum(beds.values())}
            }
        )
