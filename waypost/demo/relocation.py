"""The demo operation's safe locations: where people at risk can be moved out of the cold.

The places are ours (demo data), within each site's capacity in `organisation.SITES`: the heated
logistics centre near the border (where close to 1,000 people were moved in December 2021, IOM),
the unheated family shelter, and the medical point. Loaded once, through the relocation service,
as the Red Cross site coordinator would type it: when a safe location exists, nothing is added.
"""

from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.organisation import demo_username
from waypost.relocation.models import SafeLocation
from waypost.relocation.services import set_places
from waypost.sites.models import Site

# Site code: places by kind (beds.BedKind).
SAFE_LOCATIONS: dict[str, dict[str, int]] = {
    # A medical corner (ours) lets a family move there together with its sick member.
    "LOG": {"heated": 950, "accessible": 30, "medical": 20},
    "SHL": {"unheated": 150},
    "MED": {"medical": 20},
}


def load_demo_relocation() -> bool:
    """Set the places of the demo's safe locations; False when some exist already."""
    if SafeLocation.objects.exists():
        return False
    coordinator = User.objects.get(username=demo_username("brc", Role.SITE_COORDINATOR))
    for code, places in SAFE_LOCATIONS.items():
        set_places(by=coordinator, site=Site.objects.get(code=code), beds=places)
    return True
