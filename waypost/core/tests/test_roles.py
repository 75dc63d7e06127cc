from waypost.core.roles import (
    PERMISSIONS,
    ROLE_PERMISSIONS,
    ROLE_PURPOSE,
    Purpose,
    Role,
    permissions_of,
    purpose_for,
)
from waypost.core.services import create_user


def test_every_role_has_permissions_and_a_purpose():
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert set(ROLE_PURPOSE) == set(Role)


def test_roles_grant_only_permissions_that_are_described():
    granted = set().union(*ROLE_PERMISSIONS.values())
    assert granted <= set(PERMISSIONS)


def test_every_described_permission_is_granted_to_some_role():
    granted = set().union(*ROLE_PERMISSIONS.values())
    assert set(PERMISSIONS) - granted == set()


def test_every_role_may_sign_in():
    assert all("core.use" in permissions for permissions in ROLE_PERMISSIONS.values())


def test_highly_sensitive_needs_are_for_protection_officers_only():
    # UNHCR codes SV, TR, LP-AP/CR/ST and SM-MI need restricted visibility (standards 1.4).
    holders = {
        role for role, granted in ROLE_PERMISSIONS.items() if "registry.view_sensitive" in granted
    }
    assert holders == {Role.PROTECTION_OFFICER}


def test_distribution_staff_see_who_stands_at_the_table_and_nothing_more():
    granted = ROLE_PERMISSIONS[Role.DISTRIBUTION_STAFF]
    assert "registry.view" in granted
    assert not {"registry.view_personal", "registry.view_protection"} & granted


def test_several_roles_grant_the_union_of_their_permissions():
    union = permissions_of([Role.LOGISTICIAN, Role.ADMINISTRATOR])
    assert union == ROLE_PERMISSIONS[Role.LOGISTICIAN] | ROLE_PERMISSIONS[Role.ADMINISTRATOR]
    assert permissions_of([]) == frozenset()


def test_the_purpose_is_that_of_a_role_granting_the_permission():
    roles: list[str] = [Role.LOGISTICIAN, Role.PROTECTION_OFFICER]
    assert purpose_for(roles, "registry.view") == Purpose.PROTECTION
    assert purpose_for(roles, "sites.view") == Purpose.LOGISTICS
    assert purpose_for(roles, "audit.view") is None


def test_a_user_without_an_agency_holds_no_permission_whatever_their_roles(db):
    drifter = create_user(username="drifter", agency=None, roles=[Role.REGISTRATION_CLERK])
    assert drifter.granted_permissions == frozenset()
    assert not drifter.can("core.use")


def test_a_deactivated_user_holds_no_permission(unhcr_registrar):
    unhcr_registrar.is_active = False
    assert not unhcr_registrar.can("core.use")


def test_a_user_holds_what_their_roles_grant(make_persona, unhcr):
    user = make_persona(unhcr, Role.CASEWORKER, Role.LOGISTICIAN)
    assert user.granted_permissions == permissions_of([Role.CASEWORKER, Role.LOGISTICIAN])
    assert user.role_names == sorted([Role.CASEWORKER, Role.LOGISTICIAN])
