from datetime import timedelta

from django.contrib.auth import get_user
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.utils import timezone

from waypost.core.auth import RolesBackend
from waypost.core.models import RoleAssignment, User
from waypost.core.roles import Role
from waypost.core.sessions import SessionStore


def test_the_user_comes_with_the_roles_in_one_query(
    redcross_distributor, django_assert_num_queries
):
    with django_assert_num_queries(1):
        user = RolesBackend().get_user(redcross_distributor.pk)
        assert user is not None and user.can("distribution.redeem")
    assert user == redcross_distributor
    assert user.role_names == [Role.DISTRIBUTION_STAFF]
    assert user.agency_id == redcross_distributor.agency_id


def test_a_user_without_roles_is_read_with_none(outsider):
    user = RolesBackend().get_user(outsider.pk)
    assert user is not None and user == outsider and user.role_names == []


def test_an_inactive_unknown_or_malformed_user_is_nobody(redcross_distributor):
    assert RolesBackend().get_user(redcross_distributor.pk + 1000) is None
    assert RolesBackend().get_user("not a key") is None
    redcross_distributor.is_active = False
    redcross_distributor.save(update_fields=["is_active"])
    assert RolesBackend().get_user(redcross_distributor.pk) is None


def test_a_role_taken_away_stops_the_next_request(client, redcross_distributor):
    client.force_login(redcross_distributor)
    request = RequestFactory().get("/")
    request.session = SessionStore(client.session.session_key)
    before = get_user(request)
    assert isinstance(before, User) and before.can("distribution.redeem")
    RoleAssignment.objects.filter(user=redcross_distributor).delete()
    request.session = SessionStore(client.session.session_key)
    after = get_user(request)
    assert isinstance(after, User) and not after.can("distribution.redeem")


def test_a_session_is_read_back_until_it_expires(redcross_distributor):
    session = SessionStore()
    session["who"] = redcross_distributor.pk
    session.create()
    assert SessionStore(session.session_key)["who"] == redcross_distributor.pk
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    again = SessionStore(session.session_key)
    assert "who" not in again
    assert again.session_key is None
