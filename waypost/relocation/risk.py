"""Who is at risk now, read through the safety app's selector, in the planner's own terms."""

from collections.abc import Iterable
from uuid import UUID

from waypost.relocation.plan_inputs import PersonAtRisk
from waypost.safety.selectors import at_risk_people


def people_at_risk(*, site_ids: Iterable[UUID]) -> list[PersonAtRisk]:
    """Everyone at the sites in the moderate tier or above, with the places they need."""
    return [PersonAtRisk(*person) for person in at_risk_people(site_ids=site_ids)]
