"""The operation around the demo camp: three agencies, five sites and one login per role.

Running it twice changes nothing: what already exists (by agency code, site code, username) is
kept as it is.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from waypost.core.models import Agency, User
from waypost.core.roles import Role
from waypost.core.services import create_agency, create_user
from waypost.sites.models import ShelterType, Site, SiteKind

# One password for every demo login, printed on screen: this is demo data, never real.
DEMO_PASSWORD = "bruzgi-2021"  # noqa: S105
SUPERUSER = "admin"

AGENCIES: tuple[tuple[str, str, str], ...] = (
    ("unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR"),
    ("iom", "International Organization for Migration", "IOM"),
    ("brc", "Belarus Red Cross", "Belarus Red Cross"),
)

# The second half of each demo username: "unhcr.registration", "iom.caseworker", …
ROLE_LOGINS: dict[str, str] = {
    Role.REGISTRATION_CLERK: "registration",
    Role.PROTECTION_OFFICER: "protection",
    Role.CASEWORKER: "caseworker",
    Role.DISTRIBUTION_STAFF: "distribution",
    Role.LOGISTICIAN: "logistics",
    Role.SITE_COORDINATOR: "sites",
    Role.REPORT_VIEWER: "reports",
    Role.ADMINISTRATOR: "admin",
}


@dataclass(frozen=True)
class SitePlan:
    code: str
    name: str
    kind: str
    shelter_type: str
    capacity: int | None
    managed_by: str


# Capacities are ours (demo data). The places are the operation's: the makeshift camp at the
# Bruzgi crossing, then a logistics centre (a warehouse) near the border (IOM, December 2021).
SITES: tuple[SitePlan, ...] = (
    SitePlan(
        "BRZ",
        "Bruzgi crossing makeshift camp",
        SiteKind.MAKESHIFT_CAMP,
        ShelterType.OPEN_AIR,
        2500,
        "brc",
    ),
    SitePlan(
        "LOG",
        "Bruzgi logistics centre (warehouse)",
        SiteKind.LOGISTICS_CENTRE,
        ShelterType.HEATED_BUILDING,
        1000,
        "brc",
    ),
    SitePlan(
        "SHL", "Family shelter", SiteKind.SHELTER, ShelterType.UNHEATED_BUILDING, 150, "unhcr"
    ),
    SitePlan("MED", "Medical point", SiteKind.MEDICAL_FACILITY, ShelterType.TENT, 20, "brc"),
    SitePlan(
        "WHS", "Relief warehouse", SiteKind.WAREHOUSE, ShelterType.UNHEATED_BUILDING, None, "iom"
    ),
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    agency: str
    role: str


def demo_username(agency_code: str, role: str) -> str:
    return f"{agency_code}.{ROLE_LOGINS[role]}"


@transaction.atomic
def set_up_operation() -> None:
    """Agencies, sites and demo users, creating only those that are missing."""
    agencies = {code: agency_for(code, name, short) for code, name, short in AGENCIES}
    for plan in SITES:
        Site.objects.get_or_create(
            code=plan.code,
            defaults={
                "name": plan.name,
                "kind": plan.kind,
                "shelter_type": plan.shelter_type,
                "capacity": plan.capacity,
                "managed_by": agencies[plan.managed_by],
            },
        )
    new_users = []
    for code, agency in agencies.items():
        for role in ROLE_LOGINS:
            username = demo_username(code, role)
            if not User.objects.filter(username=username).exists():
                new_users.append(create_user(username=username, agency=agency, roles=[role]))
    if not User.objects.filter(username=SUPERUSER).exists():
        new_users.append(superuser(agencies["unhcr"]))
    # One hash for all: hashing is deliberately slow, and the password is shared anyway.
    User.objects.filter(pk__in=[user.pk for user in new_users]).update(
        password=make_password(DEMO_PASSWORD)
    )


def agency_for(code: str, name: str, short_name: str) -> Agency:
    existing = Agency.objects.filter(code=code).first()
    return existing or create_agency(code=code, name=name, short_name=short_name)


def superuser(agency: Agency) -> User:
    user = create_user(username=SUPERUSER, agency=agency, roles=[Role.ADMINISTRATOR])
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    return user


def demo_logins() -> list[DemoLogin]:
    logins = [
        DemoLogin(demo_username(code, role), short, str(Role(role).label))
        for code, _name, short in AGENCIES
        for role in ROLE_LOGINS
    ]
    logins.append(DemoLogin(SUPERUSER, "UNHCR", str(_("Superuser, also for /admin/"))))
    return logins


def registration_clerks() -> dict[str, User]:
    """The demo registration clerk of each agency, by agency code."""
    return {
        code: User.objects.select_related("agency").get(
            username=demo_username(code, Role.REGISTRATION_CLERK)
        )
        for code, _name, _short in AGENCIES
    }


def sites_by_code() -> dict[str, Site]:
    return {site.code: site for site in Site.objects.all()}
