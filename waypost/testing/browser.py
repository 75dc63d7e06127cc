"""The browser the browser tests drive: Debian's chromium, never a downloaded one.

Playwright's Python package comes from PyPI with the other test tools, but it launches the
chromium the operating system packages (`apt-get install chromium`), so the tests need no
download at run time and a machine without that package simply skips them.
"""

import os
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "on Debian/Ubuntu: apt-get install chromium"

# Headless, and quiet on the network: no QUIC, no first-run pages, no updates, no sync, no
# background calls home, so a test run talks to the live test server and nothing else.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def skip_reason() -> str:
    return f"no chromium at {CHROMIUM} ({INSTALL_HINT})"


def notice() -> str:
    """One plain line saying whether the browser tests will run, for `make test` to print."""
    if chromium_available():
        return f"Browser tests: using Debian's chromium at {CHROMIUM}"
    return f"Browser tests SKIPPED: {skip_reason()}"
