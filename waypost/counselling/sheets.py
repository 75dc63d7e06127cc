"""The information sheets as shipped: one plain-language text per sheet and language.

Files are `data/sheets/<language>/<sheet>.md`: a head of `key: value` lines up to `---` (title,
reviewed, reviewed_by, reviewed_on), then paragraphs separated by blank lines, a line starting with
`- ` being a list item. Texts edited in Waypost are `SheetText` rows and take precedence
(`selectors.sheet_for`).
"""

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from waypost.counselling.models import SheetLanguage

SHEETS_DIR = Path(__file__).resolve().parent / "data" / "sheets"
SHEETS = ("asylum_belarus", "family_reunification", "avrr", "rights_and_help")
LANGUAGES = tuple(SheetLanguage.values)
RIGHT_TO_LEFT = frozenset({"ar", "ckb", "fa"})


@dataclass(frozen=True)
class Sheet:
    sheet: str
    language: str
    title: str
    body: str
    reviewed: bool
    reviewed_by: str
    reviewed_on: date | None
    revision: int = 0  # 0: the shipped text; edits count from 1

    @property
    def is_rtl(self) -> bool:
        return self.language in RIGHT_TO_LEFT

    @property
    def direction(self) -> str:
        return "rtl" if self.is_rtl else "ltr"

    def blocks(self) -> list[tuple[str, str]]:
        """The body as ("p", text) paragraphs and ("li", text) list items, in order."""
        found: list[tuple[str, str]] = []
        for chunk in self.body.replace("\r\n", "\n").split("\n\n"):
            lines = [line.strip() for line in chunk.split("\n") if line.strip()]
            paragraph: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    if paragraph:
                        found.append(("p", " ".join(paragraph)))
                        paragraph = []
                    found.append(("li", line[2:].strip()))
                else:
                    paragraph.append(line)
            if paragraph:
                found.append(("p", " ".join(paragraph)))
        return found

    def unreviewed_notice(self) -> str:
        return "" if self.reviewed else unreviewed_notices()[self.language]


def parse_sheet(sheet: str, language: str, text: str) -> Sheet:
    head, separator, body = text.partition("\n---\n")
    if not separator:
        raise ValueError(f"{language}/{sheet}.md: no '---' line after the head")
    fields = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
    fields = {key.strip(): value.strip() for key, value in fields.items()}
    reviewed_on = fields.get("reviewed_on") or None
    return Sheet(
        sheet=sheet,
        language=language,
        title=fields["title"],
        body=body.strip(),
        reviewed=fields.get("reviewed") == "true",
        reviewed_by=fields.get("reviewed_by", ""),
        reviewed_on=date.fromisoformat(reviewed_on) if reviewed_on else None,
    )


@cache
def shipped_sheet(sheet: str, language: str) -> Sheet:
    """The text as shipped in the data files (KeyError for an unknown sheet or language)."""
    if sheet not in SHEETS or language not in LANGUAGES:
        raise KeyError((sheet, language))
    path = SHEETS_DIR / language / f"{sheet}.md"
    return parse_sheet(sheet, language, path.read_text(encoding="utf-8"))


@cache
def unreviewed_notices() -> dict[str, str]:
    raw = json.loads((SHEETS_DIR / "notices.json").read_text(encoding="utf-8"))
    return dict(raw["unreviewed"])
