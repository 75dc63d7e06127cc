"""A household moved to another site by a use case of another app (a confirmed relocation).

Not a use case itself: the caller's transaction holds it, with the caller's own records, so the
move and the reason for it exist together or not at all. The audit event is the registry's own,
as a correction of the household's site would write it, naming why it moved.
"""

from typing import Any

from django.db import transaction

from waypost.core import audit
from waypost.core.models import User
from waypost.registry.models import Household
from waypost.sites.models import Site


@transaction.atomic
def move_household_to_site(
    *, by: User, household: Household, site: Site, purpose: str, **why: Any
) -> None:
    """Every member's current site and the household's site become `site`."""
    before = household.site
    household.members.update(current_site=site)
    household.site = site
    household.save(update_fields=["site", "updated_at"])
    audit.record(
        actor=by,
        action="updated",
        subject=household,
        purpose=purpose,
        fields={"site": [before.code, site.code]},
        **why,
    )
