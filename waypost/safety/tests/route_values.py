"""Values the cross-cutting tests ask the safety selectors with."""

from uuid import uuid4

from waypost.safety.models import Tier


def safety_selector_values(household):
    """The household's site, every tier, a purpose, and an alert id nobody has."""
    return {
        "site": household.site,
        "tiers": list(Tier.values),
        "purpose": "site_management",
        "alert_id": str(uuid4()),
    }
