"""Purpose limitation (UNHCR data protection policy 2.3 and 2.4): each role is shown exactly the
field groups of `registry.selectors.FIELD_GROUPS` its permissions allow, on the API and on the
household page, in its own agency and in a partner agency alike.
"""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.conftest import SENSITIVE_NEED
from waypost.core.roles import ROLE_PERMISSIONS, Role
from waypost.registry.selectors import FIELD_GROUPS

# What each field group looks like in the shared household (see tests/conftest.py), as text
# that appears nowhere else on a page or in a response.
SIGNS = {
    # a phone, a passport number, a date of birth, where the family sleeps
    "registry.view_personal": ["+9647501234567", "A1234567", "1985-03-01", "B-14"],
    # a specific need, an expected delivery date
    "registry.view_protection": ["SM-DP", "2099-02-01"],
    "registry.view_sensitive": [SENSITIVE_NEED],
}
HOUSEHOLD_PAGE = "registry:household"


def fields_for(persona):
    return {
        name for perm, names in FIELD_GROUPS.items() if perm in persona.granted for name in names
    }


def readers(personas):
    return [p for p in personas if "registry.view" in p.granted]


def test_each_field_group_is_granted_to_some_roles_and_withheld_from_others():
    # Otherwise the tests below would only ever see one side of a group.
    for permission in FIELD_GROUPS:
        holders = {role for role in Role if permission in ROLE_PERMISSIONS[role]}
        assert holders, permission
        assert holders != set(Role), permission


def test_the_household_api_gives_each_role_exactly_its_field_groups(
    role_personas, shared_household, client
):
    for persona in readers(role_personas):
        client.force_login(persona.user)
        response = client.get(f"/api/registry/households/{shared_household.pk}")
        assert response.status_code == 200, persona
        for member in response.json()["members"]:
            assert set(member) == {"id"} | fields_for(persona), persona
        assert_signs(response.content.decode(), persona)


def test_the_individual_api_gives_each_role_exactly_its_field_groups(
    role_personas, shared_household, client
):
    spouse = shared_household.members.get(relationship="spouse")
    for persona in readers(role_personas):
        client.force_login(persona.user)
        response = client.get(f"/api/registry/individuals/{spouse.pk}")
        assert response.status_code == 200, persona
        extra = {"id", "household_id", "household_number"}
        assert set(response.json()) == extra | fields_for(persona), persona


def test_search_results_show_who_someone_is_and_nothing_more(
    role_personas, shared_household, client
):
    identity = set(FIELD_GROUPS["registry.view"])
    for persona in readers(role_personas):
        client.force_login(persona.user)
        response = client.get("/api/registry/households", {"q": shared_household.number})
        [household] = response.json()
        for match in household["matches"]:
            assert set(match["member"]) == {"id"} | identity, persona


def test_distribution_staff_never_get_needs_pregnancy_documents_or_phones(
    role_personas, shared_household, client
):
    staff = [p for p in role_personas if p.roles == (Role.DISTRIBUTION_STAFF,)]
    for persona in staff:
        client.force_login(persona.user)
        body = client.get(f"/api/registry/households/{shared_household.pk}").json()
        for member in body["members"]:
            assert not {"specific_needs", "is_pregnant", "documents", "phones"} & set(member)
        text = str(body)
        assert "SM-DP" not in text
        assert "A1234567" not in text
        assert "+9647501234567" not in text


def test_sensitive_codes_reach_protection_officers_only(role_personas, shared_household, client):
    for persona in readers(role_personas):
        client.force_login(persona.user)
        body = client.get(f"/api/registry/households/{shared_household.pk}").content.decode()
        assert (SENSITIVE_NEED in body) == (persona.roles == (Role.PROTECTION_OFFICER,)), persona


def test_the_household_page_shows_each_role_exactly_its_field_groups(
    role_personas, shared_household, client
):
    try:
        url = reverse(HOUSEHOLD_PAGE, kwargs={"household_id": shared_household.pk})
    except NoReverseMatch:
        pytest.fail(f"the household page ({HOUSEHOLD_PAGE}) is not in the URL configuration")
    for persona in readers(role_personas):
        client.force_login(persona.user)
        response = client.get(url)
        assert response.status_code == 200, persona
        page = response.content.decode()
        assert "Layla" in page, persona
        assert_signs(page, persona)


def assert_signs(text, persona):
    for permission, signs in SIGNS.items():
        for sign in signs:
            shown = sign in text
            assert shown == (permission in persona.granted), (
                f"{persona}: {sign} ({permission}) {'shown' if shown else 'missing'}"
            )
