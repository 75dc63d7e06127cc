"""Who may see, move and read the notes of a case.

- See a case (its pathway, status, owner, next step): the owner agency's case staff, protection
  officers of any agency, and the staff of an agency the case was referred to or from.
- Move it, set follow-ups, refer it: the case team, i.e. the owner agency's staff holding the
  permission (`cases.manage`, `cases.refer`).
- Read and write its notes (`cases.notes`): the case team and protection officers only.
"""

from django.db.models import Q, QuerySet

from waypost.cases.models import Case
from waypost.core.models import User
from waypost.core.roles import Role


def is_protection_officer(user: User) -> bool:
    return user.agency_id is not None and Role.PROTECTION_OFFICER in user.role_names


def is_case_team(user: User, case: Case) -> bool:
    return user.agency_id is not None and user.agency_id == case.agency_id


def may_read_notes(user: User, case: Case) -> bool:
    if not user.can("cases.notes"):
        return False
    return is_case_team(user, case) or is_protection_officer(user)


def cases_visible_to(user: User) -> QuerySet[Case]:
    if not user.can("cases.view"):
        return Case.objects.none()
    if is_protection_officer(user):
        return Case.objects.all()
    agency = user.agency_id
    referred = Q(referrals__to_agency_id=agency) | Q(referrals__from_agency_id=agency)
    return Case.objects.filter(
        Q(agency_id=agency) | Q(pk__in=Case.objects.filter(referred).values("pk"))
    )
