"""Deny by default (STYLE 5.5): every route declares a permission, and every role gets exactly
the routes the role table grants it: 200 when granted, 403 when not, the sign-in page (pages) or
401 (API) when anonymous. Routes are found by walking the URL configuration, so one added later
is in the matrix without anyone editing this file.
"""

import pytest
from django.urls import reverse

from tests.routes import routes, walk
from waypost.api import api
from waypost.cases.tests.factories import cases_route_values
from waypost.core.permissions import PUBLIC, required_permission_of
from waypost.core.roles import PERMISSIONS
from waypost.distribution.tests.route_values import distribution_route_values
from waypost.matching.tests.factories import review_values
from waypost.stock.tests.factories import stock_route_values

ROUTES = routes()
KNOWN_PERMISSIONS = {*PERMISSIONS, PUBLIC}
# The refusals a signed-in user must never meet on a route they are granted.
REFUSED = {401, 403, 404, 405}


def test_every_route_declares_the_permission_it_needs():
    undeclared = [str(route) for route in ROUTES if route.permission is None]
    assert not undeclared, "Declare with @requires, @api_requires or @public:\n" + "\n".join(
        undeclared
    )


def test_every_declared_permission_is_in_the_role_table():
    # An unknown permission (a typo) would refuse everyone without anyone noticing.
    declared = [route for route in ROUTES if route.permission is not None]
    unknown = [f"{route}: {route.permission}" for route in declared]
    assert [
        line
        for line, route in zip(unknown, declared, strict=True)
        if route.permission not in KNOWN_PERMISSIONS
    ] == []


def test_every_api_operation_declares_its_permission():
    operations = [
        operation
        for bound_router in api._get_bound_routers()
        for path_view in bound_router.path_operations.values()
        for operation in path_view.operations
    ]
    assert operations
    assert [
        operation.view_func.__name__
        for operation in operations
        if required_permission_of(operation.view_func) not in KNOWN_PERMISSIONS
    ] == []


def test_the_route_walk_reaches_every_api_operation():
    walked = {route.view for route in walk() if route.is_api}
    mounted = {
        operation.view_func
        for bound_router in api._get_bound_routers()
        for path_view in bound_router.path_operations.values()
        for operation in path_view.operations
    }
    assert walked == mounted


@pytest.fixture
def stock_values(unhcr, camp):
    return stock_route_values(unhcr, camp)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_each_persona_gets_exactly_what_the_role_table_grants(
    route, cast, shared_household, stock_values, client
):
    # given every persona and a URL filled from a household all of them may be shown
    url = route.url(url_values(route, shared_household, stock_values))
    first = "GET" if not route.is_api or "GET" in route.methods else route.methods[0]

    # when each of them asks for it
    answers = {persona: ask(client, persona, first, url, route) for persona in cast}
    # A page that answers GET with 405 takes POST only: then everyone is checked with POST too.
    post_only = not route.is_api and any(a.status_code == 405 for a in answers.values())
    if post_only:
        answers |= {(p, "POST"): ask(client, p, "POST", url, route) for p in cast}

    # then each gets what the table says
    problems = []
    for key, response in answers.items():
        persona, method = key if isinstance(key, tuple) else (key, first)
        if problem := wrong(route, persona, method, response, post_only=post_only):
            problems.append(f"{persona} {method} {url}: {problem}")
    assert not problems, "\n".join(problems)


def url_values(route, household, stock_values):
    head = household.members.get(relationship="head")
    values = {"household_id": str(household.pk), "individual_id": str(head.pk), **stock_values}
    values |= {"sheet_id": "avrr", "language": "ar"}  # an information sheet (counselling)
    if {"proposal_id", "merge_id"} & set(route.kwargs):
        values |= review_values(household)
    if {"case_id", "referral_id"} & set(route.kwargs):
        values |= cases_route_values(household)
    if "plan_id" in route.kwargs:
        values |= distribution_route_values(household)
    unknown = [name for name in route.kwargs if name not in values]
    if unknown:
        pytest.fail(f"{route}: teach url_values in {__name__} how to fill {unknown}")
    return values


def ask(client, persona, method, url, route):
    client.logout()
    if persona.user is not None:
        client.force_login(persona.user)
    if method == "GET":
        return client.get(url)
    if route.is_api:  # with the operation's own method (POST, PUT, ...) and an empty body
        return client.generic(method, url, "{}", content_type="application/json")
    return client.post(url, {})


def wrong(route, persona, method, response, *, post_only):
    """What is wrong with the answer, or "" when it is the expected one."""
    status = response.status_code
    waiting_for_post = post_only and method == "GET" and status == 405
    if route.permission == PUBLIC:
        return "" if status < 400 or waiting_for_post else f"public route answered {status}"
    if persona.user is None:
        return _wrong_for_anonymous(route, response)
    if route.permission in persona.granted:
        if waiting_for_post:
            return ""
        if method == "GET":
            return "" if status == 200 else f"granted {route.permission}, got {status}"
        accepted = status not in REFUSED and status < 500
        return "" if accepted else f"granted {route.permission}, got {status}"
    if status != 403:
        return f"not granted {route.permission}, got {status} (the permission comes first)"
    if route.is_api and response["Content-Type"] != "application/json; charset=utf-8":
        return f"an API refusal must be JSON, got {response['Content-Type']}"
    return ""


def _wrong_for_anonymous(route, response):
    status = response.status_code
    if route.is_api:
        return "" if status == 401 else f"anonymous API call got {status}, not 401"
    login = reverse("login")
    if status == 302 and response["Location"].startswith(login):
        return ""
    return f"anonymous got {status}, not a redirect to {login}"
