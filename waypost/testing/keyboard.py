"""A keyboard that counts: for browser tests that walk a flow by keyboard alone.

A registration desk works fastest when the clerk never reaches for the mouse; the tests drive
those flows key by key and keep the count, so a change that adds key presses shows up.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page


class CountingKeyboard:
    """Types into whatever has the focus and counts each key press; a chord such as
    Shift+Tab is one press, and every character typed is one."""

    def __init__(self, page: "Page") -> None:
        self.page = page
        self.presses = 0

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.presses += len(text)

    def press(self, key: str, *, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
        self.presses += times

    def tab(self, times: int = 1) -> None:
        self.press("Tab", times=times)

    def enter(self) -> None:
        self.press("Enter")

    def fill_next(self, text: str) -> None:
        """Tab to the next field and type into it."""
        self.tab()
        self.type(text)

    def focused(self) -> str:
        """The name (or id) of the element that has the focus, to check where a key lands."""
        return str(
            self.page.evaluate(
                "() => document.activeElement?.name || document.activeElement?.id || ''"
            )
        )
