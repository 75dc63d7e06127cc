"""Values the cross-cutting tests ask the case selectors with."""

from uuid import uuid4

from waypost.cases.tests.factories import open_case_for
from waypost.core.roles import Role
from waypost.core.services import create_user


def cases_selector_values(household):
    """A case of the household's agency, ids nobody has, the team's view."""
    owner = create_user(
        username="selector-caseworker", agency=household.registering_agency, roles=[Role.CASEWORKER]
    )
    case = open_case_for(owner, household.members.get(relationship="head"))
    return {"case": case, "case_id": str(uuid4()), "referral_id": str(uuid4()), "team": True}
