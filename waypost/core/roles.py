"""Who may see and do what: the one place that says it.

A user belongs to one agency and holds one or more roles. Each role serves one purpose (the
reason personal data is processed, UNHCR data protection policy 2.3 and IOM principle 2) and
grants a set of permissions. Views and API operations declare the permission they need with
`waypost.core.permissions.requires`; a test walks every route with every role against this table.
Anything not granted here is refused.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    PROTECTION = "protection", _("Protection")
    CASE_MANAGEMENT = "case_management", _("Case management")
    DISTRIBUTION = "distribution", _("Distribution of assistance")
    LOGISTICS = "logistics", _("Logistics")
    SITE_MANAGEMENT = "site_management", _("Site management")
    REPORTING = "reporting", _("Reporting")
    ADMINISTRATION = "administration", _("Administration")


class Role(models.TextChoices):
    REGISTRATION_CLERK = "registration_clerk", _("Registration clerk")
    PROTECTION_OFFICER = "protection_officer", _("Protection officer")
    CASEWORKER = "caseworker", _("Caseworker")
    DISTRIBUTION_STAFF = "distribution_staff", _("Distribution staff")
    LOGISTICIAN = "logistician", _("Logistician")
    SITE_COORDINATOR = "site_coordinator", _("Site coordinator")
    REPORT_VIEWER = "report_viewer", _("Report viewer")
    ADMINISTRATOR = "administrator", _("Administrator")


PERMISSIONS: dict[str, str] = {
    "core.use": "sign in and see the start page",
    "registry.view": "households and members: names, sex, age in years, household size, site",
    "registry.view_personal": "exact date of birth, nationality, languages, phones, documents, "
    "consents",
    "registry.view_protection": "specific needs (not the highly sensitive ones), pregnancy, "
    "lactation",
    "registry.view_sensitive": "highly sensitive specific needs (SGBV, torture, legal and "
    "security profiles, mental illness)",
    "registry.history": "the change history of a household and its members",
    "registry.register": "register a new household",
    "registry.edit": "correct a household or a member, add or remove members",
    "sites.view": "sites with their capacity and occupancy",
    "matching.check": "while registering or adding a person, the registered people they may "
    "already be",
    "matching.review": "the queue of proposed duplicates and the decisions taken on them",
    "matching.decide": "decide a proposed duplicate: merge, undo a merge, different people",
    "audit.view": "the audit trail",
    "stock.view": "warehouses, stock balances and the stock ledger",
    "stock.move": "receive, transfer, issue, return, write off and count stock",
    "stock.catalogue": "edit the item catalogue and the kits",
    "needs.record_size": "record a person's shoe and clothing sizes",
    "distribution.view": "distribution plans, entitlements, coverage and who did not come",
    "distribution.plan": "make, approve and close a distribution plan",
    "distribution.redeem": "hand out assistance at a distribution point",
    "distribution.cards": "print and reissue household cards",
    "safety.view": "who is at risk from the cold, with the reasons (age, pregnancy, illness)",
    "safety.weather": "record and import weather observations and forecasts",
    "safety.rules": "edit the cold-risk rules and tiers",
    "relocation.plan": "safe locations with their free places, relocation plans, confirmed moves",
    "cases.view": "cases: pathway, status, owner, next step and due date",
    "cases.manage": "open cases, move them along their pathway, set follow-ups",
    "counselling.guide": "the options guide; record the information given and the decision",
    "cases.notes": "confidential case notes of the cases one works on",
    "cases.refer": "send, accept and decline referrals between agencies",
    "cases.caseload": "the caseload and the overdue follow-ups of a team",
    "counselling.texts": "edit the information sheets and mark a translation reviewed",
}

_REGISTRY_READ = {"registry.view", "registry.view_personal", "registry.view_protection"}
_CASEWORK = {
    "cases.view",
    "cases.manage",
    "counselling.guide",
    "cases.notes",
    "cases.refer",
    "cases.caseload",
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.REGISTRATION_CLERK: frozenset(
        {
            "core.use",
            "sites.view",
            *_REGISTRY_READ,
            "registry.history",
            "registry.register",
            "registry.edit",
            "matching.check",
            "needs.record_size",
            "distribution.cards",
        }
    ),
    Role.PROTECTION_OFFICER: frozenset(
        {
            "core.use",
            "sites.view",
            *_REGISTRY_READ,
            "registry.view_sensitive",
            "registry.history",
            "registry.edit",
            "matching.check",
            # Issue 3: only protection officers and administrators decide duplicates.
            "matching.review",
            "matching.decide",
            "safety.view",
            *_CASEWORK,
            "counselling.texts",
        }
    ),
    Role.CASEWORKER: frozenset({"core.use", "sites.view", *_REGISTRY_READ, *_CASEWORK}),
    # Distribution staff see who stands at the table, never protection details. Sizes are
    # measured or asked at the distribution table as well as at registration: they record them.
    Role.DISTRIBUTION_STAFF: frozenset(
        {
            "core.use",
            "sites.view",
            "registry.view",
            "stock.view",
            "needs.record_size",
            "distribution.view",
            "distribution.redeem",
            "distribution.cards",
        }
    ),
    Role.LOGISTICIAN: frozenset(
        {
            "core.use",
            "sites.view",
            "stock.view",
            "stock.move",
            "stock.catalogue",
            "distribution.view",
            "distribution.plan",
        }
    ),
    # Site coordinators answer for life safety at their sites: the cold-risk list (which names
    # pregnancy and illness as reasons, for that purpose only), the weather, the risk rules and
    # relocations, and the plans for who gets what.
    Role.SITE_COORDINATOR: frozenset(
        {
            "core.use",
            "sites.view",
            "registry.view",
            "stock.view",
            "distribution.view",
            "distribution.plan",
            "safety.view",
            "safety.weather",
            "safety.rules",
            "relocation.plan",
        }
    ),
    Role.REPORT_VIEWER: frozenset({"core.use", "sites.view"}),
    Role.ADMINISTRATOR: frozenset(
        {
            "core.use",
            "sites.view",
            "registry.view",
            "registry.history",
            "audit.view",
            "matching.review",
            "matching.decide",
        }
    ),
}

ROLE_PURPOSE: dict[str, Purpose] = {
    Role.REGISTRATION_CLERK: Purpose.REGISTRATION,
    Role.PROTECTION_OFFICER: Purpose.PROTECTION,
    Role.CASEWORKER: Purpose.CASE_MANAGEMENT,
    Role.DISTRIBUTION_STAFF: Purpose.DISTRIBUTION,
    Role.LOGISTICIAN: Purpose.LOGISTICS,
    Role.SITE_COORDINATOR: Purpose.SITE_MANAGEMENT,
    Role.REPORT_VIEWER: Purpose.REPORTING,
    Role.ADMINISTRATOR: Purpose.ADMINISTRATION,
}


def permissions_of(roles: list[str]) -> frozenset[str]:
    granted: set[str] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def purpose_for(roles: list[str], permission: str) -> Purpose | None:
    """The purpose under which a user exercises a permission: that of the first role granting it."""
    for role in sorted(roles):
        if permission in ROLE_PERMISSIONS[role]:
            return ROLE_PURPOSE[role]
    return None
