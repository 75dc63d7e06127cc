"""A keyboard that counts: for browser tests that walk a flow by keyboard alone.

A registration desk works fastest when the clerk never reaches for the mouse; the tests drive
those flows key by key and keep the count, so a change that adds key presses shows up.
"""

import json
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page


class CountingKeyboard:
    """Types into whatever has the focus and counts each key press; a chord such as
    Shift+Tab is one press, and every character typed is one."""

    def __init__(self, page: "Page") -> None:
        self.page = page
        self.by_key: Counter[str] = Counter()

    @property
    def presses(self) -> int:
        return self.by_key.total()

    def reset(self) -> None:
        self.by_key.clear()

    def summary(self) -> str:
        """e.g. "265 key presses: 140 characters, 118 Tab, 5 Enter, 2 Space"."""
        parts = [f"{count} {key}" for key, count in self.by_key.most_common()]
        return f"{self.presses} key presses: {', '.join(parts)}"

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.by_key["characters"] += len(text)

    def press(self, key: str, *, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
        self.by_key[key] += times

    def tab(self, times: int = 1) -> None:
        self.press("Tab", times=times)

    def enter(self) -> None:
        self.press("Enter")

    def tab_to(self, target: str, *, limit: int = 30) -> None:
        """Press Tab until `target` (see `focused`) has the focus; nothing if it has already."""
        for _ in range(limit):
            if self.focused() == target:
                return
            self.tab()
        if self.focused() != target:
            raise AssertionError(f"{limit} presses of Tab never reached {target!r}")

    def wait_for_focus(self, target: str) -> None:
        """Wait until `target` has the focus, e.g. until a page's autofocus has landed, which
        browsers do a moment after the page has loaded."""
        self.page.wait_for_function(f"({FOCUSED_ELEMENT})() === {json.dumps(target)}")

    def focused(self) -> str:
        """What has the focus: a field's name (`name=value` for a checkbox or radio button),
        else its id, else its text, so a test can check where the next key lands."""
        return str(self.page.evaluate(FOCUSED_ELEMENT))


FOCUSED_ELEMENT = """() => {
    const element = document.activeElement;
    if (!element) return "";
    if (element.name && ["checkbox", "radio"].includes(element.type)) {
        return `${element.name}=${element.value}`;
    }
    return element.name || element.id || element.textContent.trim();
}"""
