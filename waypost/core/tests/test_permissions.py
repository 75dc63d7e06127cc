import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from ninja import Router
from ninja.errors import AuthorizationError
from ninja.security import django_auth

from waypost.core.permissions import (
    PUBLIC,
    SessionPermissionAuth,
    api_requires,
    public,
    required_permission_of,
    requires,
)


@requires("registry.register")
def register_page(request):
    return HttpResponse(request.purpose)


def request_by(user):
    request = RequestFactory().get("/registry/register/")
    request.user = user
    return request


def test_a_page_declares_its_permission_and_keeps_its_name():
    assert required_permission_of(register_page) == "registry.register"
    assert register_page.__name__ == "register_page"


def test_a_page_sends_an_anonymous_visitor_to_sign_in():
    response = register_page(request_by(AnonymousUser()))
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/registry/register/"


def test_a_page_refuses_a_user_without_the_permission(iom_caseworker):
    with pytest.raises(PermissionDenied):
        register_page(request_by(iom_caseworker))


def test_a_page_tells_the_view_the_purpose_the_user_acts_for(unhcr_registrar):
    assert register_page(request_by(unhcr_registrar)).content == b"registration"


def test_a_public_view_says_so():
    @public
    def sign_in(request):
        return HttpResponse()

    assert required_permission_of(sign_in) == PUBLIC


def test_an_undeclared_view_has_no_permission():
    def forgotten(request):
        return HttpResponse()

    assert required_permission_of(forgotten) is None


def test_an_operation_is_declared_without_being_wrapped():
    def list_things(request: object, q: str = "") -> list[str]:
        return []

    declared = api_requires("registry.view")(list_things)

    assert declared is list_things
    assert required_permission_of(list_things) == "registry.view"


def test_an_operation_checks_its_permission_when_the_caller_signs_in():
    router = Router()

    @router.get("/things")
    @api_requires("registry.view")
    def list_things(request):
        return []

    [operation] = router.path_operations["/things"].operations
    [auth] = operation.auth_callbacks
    assert isinstance(auth, SessionPermissionAuth)
    assert auth.permission == "registry.view"


def test_the_declaration_must_sit_below_the_routers_decorator():
    router = Router()
    with pytest.raises(ImproperlyConfigured):

        @api_requires("registry.view")
        @router.get("/things")
        def list_things(request):
            return []


def test_an_operation_cannot_be_given_another_sign_in_as_well():
    router = Router()
    with pytest.raises(ImproperlyConfigured):

        @router.get("/things", auth=django_auth)
        @api_requires("registry.view")
        def list_things(request):
            return []


def test_the_api_sign_in_refuses_a_user_without_the_permission(redcross_distributor):
    auth = SessionPermissionAuth("registry.view_protection")
    with pytest.raises(AuthorizationError):
        auth(request_by(redcross_distributor))


def test_the_api_sign_in_accepts_a_granted_user_with_their_purpose(redcross_distributor):
    request = request_by(redcross_distributor)
    assert SessionPermissionAuth("registry.view")(request) == redcross_distributor
    assert request.purpose == "distribution"


def test_the_api_sign_in_leaves_an_anonymous_caller_unauthenticated():
    assert SessionPermissionAuth("core.use")(request_by(AnonymousUser())) is None
