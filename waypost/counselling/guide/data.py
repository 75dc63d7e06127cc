"""Reading the options guide's data files and compiling them, once.

`index.json` names the guide's version, who reviewed it and the option files in order;
`vocabulary.json` the relations, legal statuses, documents, wishes and the lists of countries and
statuses conditions may name. A mistake in the files (an unknown fact, operator, group or
fragment, a condition without a text, a bad date) stops the load with the file named.
"""

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from waypost.counselling.guide.conditions import Compiled, Compiler, GuideDataError, always

OPTIONS_DIR = Path(__file__).resolve().parent.parent / "data" / "options"
MARKS = {"✅", "◐", "✗"}
OUTCOMES = {"applies", "excluded"}


@dataclass(frozen=True)
class Check:
    text: str
    mark: str
    when: Compiled | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    legal_basis: str
    mark: str
    source: str
    effect: str
    outcome: str
    regime: str
    valid_from: date | None
    valid_to: date | None
    date_basis: str
    when: Compiled
    checks: tuple[Check, ...]
    time_limits: tuple[tuple[str, str], ...]
    deadline: dict[str, Any] | None

    def in_force(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Option:
    id: str
    order: int
    title: str
    summary: str
    sheet: str
    mark: str
    sources: tuple[str, ...]
    rules: tuple[Rule, ...]
    documents: tuple[dict[str, str], ...]
    next_steps: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Guide:
    version: str
    reviewed: bool
    reviewed_by: str
    reviewed_on: str | None
    options: tuple[Option, ...]
    vocabulary: dict[str, Any]


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise GuideDataError(f"{where}: not a date: {value!r}") from None


def _mark(value: Any, where: str) -> str:
    if value not in MARKS:
        raise GuideDataError(f"{where}: mark must be one of {sorted(MARKS)}, not {value!r}")
    return str(value)


def _texts(items: list[dict[str, Any]], where: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(item["text"]), _mark(item.get("mark"), where)) for item in items)


def _check(raw: dict[str, Any], compiler: Compiler) -> Check:
    if "ref" in raw:
        if raw["ref"] not in compiler.fragments:
            raise compiler.fail(f"unknown fragment {raw['ref']!r}")
        raw = compiler.fragments[raw["ref"]]
    when = compiler.compile(raw["when"]) if "when" in raw else None
    return Check(compiler.text(raw), _mark(raw.get("mark"), compiler.where), when)


def _rule(raw: dict[str, Any], compiler: Compiler) -> Rule:
    where = compiler.where = f"{compiler.where.split(' ')[0]} rule {raw.get('id')!r}"
    if raw.get("outcome", "applies") not in OUTCOMES:
        raise GuideDataError(f"{where}: outcome must be one of {sorted(OUTCOMES)}")
    if raw.get("date_basis", "on_date") not in ("on_date", "eu_application_registered_on"):
        raise GuideDataError(f"{where}: unknown date_basis {raw.get('date_basis')!r}")
    basis = raw["legal_basis"]
    return Rule(
        id=raw["id"],
        legal_basis=f"{basis['instrument']}, {basis['article']}",
        mark=_mark(raw.get("mark"), where),
        source=raw["source"],
        effect=raw.get("effect", ""),
        outcome=raw.get("outcome", "applies"),
        regime=raw.get("regime", ""),
        valid_from=_date(raw.get("valid_from"), where),
        valid_to=_date(raw.get("valid_to"), where),
        date_basis=raw.get("date_basis", "on_date"),
        when=compiler.compile(raw["when"]) if "when" in raw else always,
        checks=tuple(_check(check, compiler) for check in raw.get("checks", [])),
        time_limits=_texts(raw.get("time_limits", []), where),
        deadline=raw.get("deadline"),
    )


def _option(path: Path, groups: dict[str, frozenset[str]]) -> Option:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GuideDataError(f"{path.name}: {error}") from None
    compiler = Compiler(where=path.name, fragments=raw.get("fragments", {}), groups=groups)
    try:
        return Option(
            id=raw["id"],
            order=int(raw["order"]),
            title=raw["title"],
            summary=raw["summary"],
            sheet=raw.get("sheet", ""),
            mark=_mark(raw.get("mark"), path.name),
            sources=tuple(raw["sources"]),
            rules=tuple(_rule(rule, compiler) for rule in raw["rules"]),
            documents=tuple(raw.get("documents", [])),
            next_steps=_texts(raw.get("next_steps", []), path.name),
        )
    except KeyError as error:
        raise GuideDataError(f"{compiler.where}: {error.args[0]!r} is missing") from None


def load_guide(directory: Path = OPTIONS_DIR) -> Guide:
    """Read and compile every option file (the slow path; `guide()` keeps the result)."""
    index = json.loads((directory / "index.json").read_text(encoding="utf-8"))
    vocabulary = json.loads((directory / "vocabulary.json").read_text(encoding="utf-8"))
    groups = {
        **{
            name: frozenset(group["countries"])
            for name, group in vocabulary["country_groups"].items()
        },
        **{name: frozenset(members) for name, members in vocabulary["status_groups"].items()},
    }
    options = sorted(
        (_option(directory / name, groups) for name in index["options"]), key=lambda o: o.order
    )
    return Guide(
        version=index["version"],
        reviewed=bool(index.get("reviewed")),
        reviewed_by=index.get("reviewed_by", ""),
        reviewed_on=index.get("reviewed_on"),
        options=tuple(options),
        vocabulary=vocabulary,
    )


@cache
def guide() -> Guide:
    """The guide as shipped, read once per process."""
    return load_guide()
