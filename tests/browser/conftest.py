"""Browser tests: Playwright drives Debian's chromium against the live test server.

Every test here carries the `browser` marker and is skipped, with the reason, when
/usr/bin/chromium is missing; no browser is ever downloaded. The live server listens on
127.0.0.1, which the test run's socket guard allows.
"""

import os
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread
from django.urls import reverse
from playwright.sync_api import sync_playwright

from waypost.testing.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available, skip_reason
from waypost.testing.keyboard import CountingKeyboard

PASSWORD = "pw-for-tests-1"  # the personas' password, see the root conftest.py
FAILED = pytest.StashKey[bool]()
MEASURES = pytest.StashKey[list[str]]()
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


# The test database on SQLite lives in memory, and the live server's threads share the test's
# one connection to it: two requests at once (a live date preview while the form posts) would
# use it concurrently and corrupt each other's results. One request at a time, as Django
# advises; Django then answers with "Connection: close", so the browser never waits on a
# kept-alive socket.
class SingleThreadedServer(WSGIServer):
    def __init__(self, *args, connections_override=None, **kwargs):
        # The live server thread itself already uses the overridden connections.
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        try:
            super().process_request(request, client_address)
        finally:
            # As the threaded server does after each request, so PostgreSQL can drop the test
            # database at the end (Django never closes an in-memory SQLite one).
            connections.close_all()


LiveServerThread.server_class = SingleThreadedServer


def pytest_collection_modifyitems(config, items):
    if chromium_available():
        return
    skip = pytest.mark.skip(reason=skip_reason())
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.stash[FAILED] = True
    return report


def pytest_terminal_summary(terminalreporter, config):
    if lines := config.stash.get(MEASURES, []):
        terminalreporter.section("browser tests measured")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture
def measured(request, results_dir):
    """Keeps a figure a test measured: shown after the run and saved in test-results/."""

    def keep(name: str, line: str) -> None:
        request.config.stash.setdefault(MEASURES, []).append(line)
        (results_dir / f"{name}.txt").write_text(line + "\n")
        request.node.user_properties.append((name, line))

    return keep


@pytest.fixture
def results_dir(request) -> Path:
    """test-results/ at the top of the project (ignored by git): screenshots to look at."""
    folder = Path(request.config.rootpath) / "test-results"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def page(request, live_server, tmp_path, results_dir, monkeypatch):
    """A fresh chromium profile and one page. An uncaught script error in the page is an error
    of the test; a failing test leaves a screenshot in test-results/."""
    # Playwright's sync API keeps an event loop running in this thread; Django refuses database
    # calls under a running loop unless told the caller is synchronous, which these tests are.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    script_errors: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "chromium-profile",
            executable_path=str(CHROMIUM),
            args=list(CHROMIUM_ARGS),
            headless=True,
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(10_000)
            page.on("pageerror", lambda error: script_errors.append(str(error)))
            yield page
            if request.node.stash.get(FAILED, False):
                page.screenshot(path=results_dir / f"FAILED-{request.node.name}.png")
        finally:
            context.close()
            # Inside Playwright's block the test has database connections of its own (another
            # context); close them, or PostgreSQL refuses to drop the test database.
            connections.close_all()
    assert not script_errors, f"script errors in the page: {script_errors}"


@pytest.fixture
def keys(page) -> CountingKeyboard:
    return CountingKeyboard(page)


@pytest.fixture
def address(live_server):
    """The live server's full address of a named route: address("registry:household", pk)."""

    def address_of(name: str, *args) -> str:
        return live_server.url + reverse(name, args=args)

    return address_of


@pytest.fixture
def sign_in(page, keys, address):
    """Sign in by keyboard: the user name field has the focus when the page opens."""

    def sign_in_as(user) -> None:
        page.goto(address("login"))
        keys.wait_for_focus("username")
        keys.type(user.username)
        keys.tab()
        keys.type(PASSWORD)
        keys.enter()
        page.wait_for_url(address("home"))

    return sign_in_as
