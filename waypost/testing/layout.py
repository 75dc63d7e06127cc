"""Layout checks the browser tests share: direction, overflow, which side a block sits on."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page


@dataclass(frozen=True)
class Layout:
    direction: str
    language: str
    scroll_width: int
    viewport_width: int

    @property
    def overflows(self) -> bool:
        return self.scroll_width > self.viewport_width


def layout_of(page: "Page") -> Layout:
    values = page.evaluate(
        """() => ({
            direction: document.documentElement.dir,
            language: document.documentElement.lang,
            scrollWidth: document.documentElement.scrollWidth,
            viewportWidth: window.innerWidth,
        })"""
    )
    return Layout(
        direction=values["direction"],
        language=values["language"],
        scroll_width=values["scrollWidth"],
        viewport_width=values["viewportWidth"],
    )


def horizontal_centre(page: "Page", selector: str) -> float:
    """Where the middle of the first element matching `selector` sits, as a share of the
    viewport's width: near 0 on the left, near 1 on the right."""
    box = page.locator(selector).first.bounding_box()
    if box is None:
        raise AssertionError(f"{selector} is not displayed")
    width = page.evaluate("() => window.innerWidth")
    return float((box["x"] + box["width"] / 2) / width)
