"""The condition language of the options guide, compiled once into functions.

A condition is JSON, one of:

- `{"fact": NAME, "op": OP, "value": V, "text": "..."}`: a fact of the person
  (`facts.PERSON_FACTS`);
- `{"member": NAME, "op": OP, "value": V, "text": "..."}`: a fact of one relative abroad, only
  inside `family_member`;
- `{"family_member": CONDITION, "text": "..."}`: true when some relative meets CONDITION;
- `{"all": [...]}`, `{"any": [...]}`, `{"not": CONDITION, "text": "..."}`;
- `{"ref": NAME}`: a named condition from the option file's `fragments`.

OP is one of `OPERATORS`. `in_group` names a list in `vocabulary.json` (statuses or countries);
`within_months` is true when the evaluation date is at most V months after a date.

Logic has three values: a fact that is not known makes a leaf unknown (`None`), `all` is false if
any part is false and unknown if any part is unknown, `any` the reverse. Every result carries the
texts of the conditions met and not met and the names of the facts missing, so the guide can say
why.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from waypost.counselling.guide.facts import (
    DATE_FACTS,
    MEMBER_FACTS,
    PERSON_FACTS,
    Facts,
    FamilyMember,
    add_months,
)


class GuideDataError(ValueError):
    """The guide's data is not well formed; the message says where."""


@dataclass(frozen=True)
class Context:
    facts: Facts
    on_date: date
    member: FamilyMember | None = None


@dataclass
class Verdict:
    value: bool | None
    met: list[str] = field(default_factory=list)
    not_met: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    member: FamilyMember | None = None


Compiled = Callable[[Context], Verdict]
Test = Callable[[Any, Any, Context], bool]


def _within_months(fact: Any, months: Any, context: Context) -> bool:
    # The period ends at the end of the day with the same date, months later (Regulation 1182/71
    # Art. 3(2)(c), the EU's rule for periods; ✗ to be confirmed for each instrument).
    return bool(fact <= context.on_date <= add_months(fact, int(months)))


OPERATORS: dict[str, Test] = {
    "eq": lambda fact, value, _c: bool(fact == value),
    "ne": lambda fact, value, _c: bool(fact != value),
    "lt": lambda fact, value, _c: bool(fact < value),
    "le": lambda fact, value, _c: bool(fact <= value),
    "gt": lambda fact, value, _c: bool(fact > value),
    "ge": lambda fact, value, _c: bool(fact >= value),
    "is": lambda fact, value, _c: fact is value,
    "in": lambda fact, value, _c: fact in value,
    "in_group": lambda fact, value, _c: fact in value,
    "contains": lambda fact, value, _c: value in fact,
    "contains_any": lambda fact, value, _c: bool(set(fact) & set(value)),
    "contains_prefix": lambda fact, value, _c: any(code.split("-")[0] in value for code in fact),
    "within_months": _within_months,
}


class Compiler:
    """Turns one option file's conditions into functions, checking names as it goes."""

    def __init__(
        self, *, where: str, fragments: Mapping[str, Any], groups: Mapping[str, frozenset[str]]
    ) -> None:
        self.where, self.fragments, self.groups = where, fragments, groups

    def fail(self, message: str) -> GuideDataError:
        return GuideDataError(f"{self.where}: {message}")

    def compile(self, node: Any, *, in_member: bool = False) -> Compiled:
        if not isinstance(node, dict):
            raise self.fail(f"a condition must be an object, not {node!r}")
        if "ref" in node:
            if node["ref"] not in self.fragments:
                raise self.fail(f"unknown fragment {node['ref']!r}")
            return self.compile(self.fragments[node["ref"]], in_member=in_member)
        if "all" in node or "any" in node:
            return self.combine(node, in_member=in_member)
        if "not" in node:
            return negate(self.compile(node["not"], in_member=in_member), self.text(node))
        if "family_member" in node:
            if in_member:
                raise self.fail("family_member inside family_member")
            return exists(self.compile(node["family_member"], in_member=True), self.text(node))
        return self.leaf(node, in_member=in_member)

    def text(self, node: Mapping[str, Any]) -> str:
        if not node.get("text"):
            raise self.fail(f"condition without a text: {dict(node)!r}")
        return str(node["text"])

    def combine(self, node: Mapping[str, Any], *, in_member: bool) -> Compiled:
        kind = "all" if "all" in node else "any"
        parts = [self.compile(part, in_member=in_member) for part in node[kind]]
        if not parts:
            raise self.fail(f"empty {kind}")
        if kind == "all":
            return every(parts)
        return some(parts, node.get("text", ""))

    def leaf(self, node: Mapping[str, Any], *, in_member: bool) -> Compiled:
        is_member = "member" in node
        name = node.get("member") if is_member else node.get("fact")
        known = MEMBER_FACTS if is_member else PERSON_FACTS
        if name not in known or (is_member and not in_member):
            raise self.fail(f"unknown fact {name!r}")
        if node.get("op") not in OPERATORS:
            raise self.fail(f"unknown operator {node.get('op')!r}")
        value = node.get("value")
        if node["op"] == "in_group":
            if value not in self.groups:
                raise self.fail(f"unknown group {value!r}")
            value = self.groups[str(value)]
        if node["op"] == "within_months" and name not in DATE_FACTS:
            raise self.fail(f"within_months needs a date, not {name!r}")
        return make_leaf(str(name), is_member, OPERATORS[node["op"]], value, self.text(node))


def make_leaf(name: str, is_member: bool, test: Test, value: Any, text: str) -> Compiled:
    missing_name = f"family_member.{name}" if is_member else name

    def evaluate(context: Context) -> Verdict:
        source: Any = context.member if is_member else context.facts
        fact = getattr(source, name)  # lists are never unknown: an empty list means none
        if fact is None or (is_member and name == "status" and fact == "unknown"):
            return Verdict(None, missing=[missing_name])
        if test(fact, value, context):
            return Verdict(True, met=[text])
        return Verdict(False, not_met=[text])

    return evaluate


def every(parts: list[Compiled]) -> Compiled:
    def evaluate(context: Context) -> Verdict:
        verdict = Verdict(True)
        for part in parts:
            found = part(context)
            verdict.met += found.met
            verdict.not_met += found.not_met
            verdict.missing += found.missing
            verdict.member = verdict.member or found.member
            if found.value is False:
                verdict.value = False
            elif found.value is None and verdict.value is True:
                verdict.value = None
        return verdict

    return evaluate


def some(parts: list[Compiled], text: str) -> Compiled:
    def evaluate(context: Context) -> Verdict:
        found = [part(context) for part in parts]
        for verdict in found:
            if verdict.value is True:
                return Verdict(True, met=verdict.met, member=verdict.member)
        missing = [name for verdict in found if verdict.value is None for name in verdict.missing]
        if missing:
            return Verdict(None, missing=missing)
        not_met = [text] if text else [t for verdict in found for t in verdict.not_met]
        return Verdict(False, not_met=not_met)

    return evaluate


def negate(part: Compiled, text: str) -> Compiled:
    def evaluate(context: Context) -> Verdict:
        found = part(context)
        if found.value is None:
            return Verdict(None, missing=found.missing)
        if found.value:
            return Verdict(False, not_met=[text])
        return Verdict(True, met=[text])

    return evaluate


def exists(part: Compiled, text: str) -> Compiled:
    """True when some relative abroad meets the condition (the first such relative is kept)."""

    def evaluate(context: Context) -> Verdict:
        missing: list[str] = []
        for member in context.facts.family_abroad:
            found = part(Context(context.facts, context.on_date, member))
            if found.value is True:
                return Verdict(True, met=[text, *found.met], member=member)
            if found.value is None:
                missing += [name for name in found.missing if name not in missing]
        if missing:
            return Verdict(None, missing=missing)
        return Verdict(False, not_met=[text])

    return evaluate


def always(context: Context) -> Verdict:
    return Verdict(True)
