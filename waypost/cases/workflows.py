"""Pathway workflows as data: states, allowed transitions, who may make each, what each needs.

Each file in `data/pathways/` is one pathway (asylum in Belarus, family reunification, voluntary
return...), with its source named per step. A pathway starts in its `initial` state; a transition
lists the states it may be taken from, the data it requires and, when narrower than the pathway's
`roles`, the roles that may make it. `withdrawal` may be taken from every other state: it changes
that pathway only. `time_limits` raise follow-ups when a state is entered; an entry without a
period (standards.md marks it not verified) raises nothing. A limit's open follow-ups are settled
when the pathway reaches one of its `until` states (or, without them, leaves the state that
raised it), and all of them when the pathway is withdrawn.
"""

import json
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from waypost.core.roles import Role

DATA = Path(__file__).parent / "data" / "pathways"


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: str  # "date", "text" or "choice"
    choices: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Step:
    """A transition into `to` from any of `sources`."""

    sources: frozenset[str]
    to: str
    requires: tuple[str, ...]
    roles: frozenset[str]
    source: str = ""


@dataclass(frozen=True)
class TimeLimit:
    state: str
    starts_from: str  # a field name
    days: int | None
    months: int | None
    remind_before_days: int
    follow_up: str
    source: str
    when: dict[str, str] = field(default_factory=dict)
    # The states that settle what the limit waits for (a decision, the extension). Without them
    # the follow-up is settled as soon as the pathway leaves the state that raised it.
    until: frozenset[str] = frozenset()

    @property
    def is_set(self) -> bool:
        return self.days is not None or self.months is not None

    def settled_by(self, from_state: str, to_state: str) -> bool:
        """Whether a move from `from_state` to `to_state` settles this limit's follow-ups."""
        if self.until:
            return to_state in self.until
        return from_state == self.state


@dataclass(frozen=True)
class Workflow:
    code: str
    name: str
    source: str
    initial: str
    initial_requires: tuple[str, ...]
    roles: frozenset[str]
    fields: dict[str, Field]
    states: dict[str, dict[str, str]]  # code -> {"label", "source"}
    steps: tuple[Step, ...]
    withdrawal: Step
    time_limits: tuple[TimeLimit, ...]

    def label(self, state: str) -> str:
        return self.states[state]["label"]

    def steps_into(self, to: str) -> list[Step]:
        if to == self.withdrawal.to:
            return [self.withdrawal]
        return [step for step in self.steps if step.to == to]

    def next_steps(self, state: str) -> list[Step]:
        """What may follow `state`, withdrawal last."""
        found = [step for step in self.steps if state in step.sources]
        return found + ([self.withdrawal] if state in self.withdrawal.sources else [])


def _step(raw: dict[str, Any], roles: frozenset[str], sources: frozenset[str]) -> Step:
    return Step(
        sources=sources,
        to=raw["to"],
        requires=tuple(raw["requires"]),
        roles=frozenset(raw.get("roles", roles)),
        source=raw.get("source", ""),
    )


def _time_limit(raw: dict[str, Any]) -> TimeLimit:
    return TimeLimit(
        state=raw["state"],
        starts_from=raw["from"],
        days=raw.get("days"),
        months=raw.get("months"),
        remind_before_days=raw.get("remind_before_days", 0),
        follow_up=raw["follow_up"],
        source=raw["source"],
        when=raw.get("when", {}),
        until=frozenset(raw.get("until", ())),
    )


def parse(raw: dict[str, Any]) -> Workflow:
    roles = frozenset(raw["roles"])
    states = {state["code"]: state for state in raw["states"]}
    withdrawn = raw["withdrawal"]["to"]
    fields = {
        name: Field(
            name, f["label"], f["type"], tuple(f.get("choices", ())), f.get("optional", False)
        )
        for name, f in raw["fields"].items()
    }
    workflow = Workflow(
        code=raw["code"],
        name=raw["name"],
        source=raw["source"],
        initial=raw["initial"],
        initial_requires=tuple(raw["initial_requires"]),
        roles=roles,
        fields=fields,
        states=states,
        steps=tuple(_step(s, roles, frozenset(s["from"])) for s in raw["transitions"]),
        withdrawal=_step(raw["withdrawal"], roles, frozenset(states) - {withdrawn}),
        time_limits=tuple(_time_limit(t) for t in raw["time_limits"]),
    )
    check(workflow)
    return workflow


def check(workflow: Workflow) -> None:
    """A data file that names an unknown state, field or role is refused when it is loaded."""
    known_roles = set(Role.values)
    for step in (*workflow.steps, workflow.withdrawal):
        unknown = (step.sources | {step.to}) - set(workflow.states)
        unknown |= set(step.requires) - set(workflow.fields)
        unknown |= step.roles - known_roles
        if unknown:
            raise ValueError(f"{workflow.code}: unknown {sorted(unknown)} in step to {step.to}")
    for limit in workflow.time_limits:
        named = {limit.state, *limit.until}
        if named - set(workflow.states) or limit.starts_from not in workflow.fields:
            raise ValueError(f"{workflow.code}: time limit on {limit.state} names the unknown")


@cache
def workflows() -> dict[str, Workflow]:
    found = [parse(json.loads(path.read_text("utf-8"))) for path in sorted(DATA.glob("*.json"))]
    return {workflow.code: workflow for workflow in found}


def workflow_of(code: str) -> Workflow:
    try:
        return workflows()[code]
    except KeyError:
        raise ValidationError(
            {"pathway": _("Unknown pathway: %(code)s.") % {"code": code}}
        ) from None


def pathway_choices() -> list[tuple[str, str]]:
    return [(code, workflow.name) for code, workflow in workflows().items()]


def clean_data(workflow: Workflow, names: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
    """The values of `names` from `data`, parsed; missing or malformed ones refused together."""
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name in names:
        spec = workflow.fields[name]
        value = str(data.get(name) or "").strip()
        if not value:
            if not spec.optional:
                errors[name] = _("%(field)s is required for this step.") % {"field": spec.label}
            continue
        if spec.type == "date":
            try:
                value = date.fromisoformat(value).isoformat()
            except ValueError:
                errors[name] = _("%(field)s: give a date as YYYY-MM-DD.") % {"field": spec.label}
        elif spec.type == "choice" and value not in spec.choices:
            errors[name] = _("%(field)s: choose one of %(choices)s.") % {
                "field": spec.label,
                "choices": ", ".join(spec.choices),
            }
        cleaned[name] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def refusal(workflow: Workflow, state: str, to: str, roles: list[str]) -> str | None:
    """Why a move from `state` to `to` is not allowed for someone with `roles`; None if it is."""
    if to not in workflow.states:
        return _("%(pathway)s has no step %(to)s.") % {"pathway": workflow.name, "to": to}
    steps = workflow.steps_into(to)
    from_here = [step for step in steps if state in step.sources]
    if not from_here:
        allowed = sorted({workflow.label(s) for step in steps for s in step.sources})
        return _("%(to)s may only follow %(allowed)s; this pathway is at %(state)s.") % {
            "to": workflow.label(to),
            "allowed": ", ".join(allowed) or _("nothing (it is where the pathway starts)"),
            "state": workflow.label(state),
        }
    if not any(set(roles) & step.roles for step in from_here):
        may = sorted({str(Role(r).label) for step in from_here for r in step.roles})
        return _("Only %(roles)s may record %(to)s.") % {
            "roles": ", ".join(may),
            "to": workflow.label(to),
        }
    return None


def _add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def due_dates(workflow: Workflow, state: str, data: dict[str, Any]) -> list[tuple[TimeLimit, date]]:
    """The follow-ups entering `state` raises: each time limit with its reminder date."""
    found = []
    for limit in workflow.time_limits:
        start = data.get(limit.starts_from)
        matches = all(data.get(k) == v for k, v in limit.when.items())
        if limit.state != state or not limit.is_set or not start or not matches:
            continue
        end = date.fromisoformat(start)
        end = _add_months(end, limit.months) if limit.months else end
        end += timedelta(days=limit.days or 0)
        found.append((limit, end - timedelta(days=limit.remind_before_days)))
    return found


def path_to(workflow: Workflow, state: str) -> list[str]:
    """The shortest list of states from the initial one to `state` (withdrawal included)."""
    came_from: dict[str, str | None] = {workflow.initial: None}
    queue = deque([workflow.initial])
    while queue:
        here = queue.popleft()
        for step in workflow.next_steps(here):
            if step.to not in came_from:
                came_from[step.to] = here
                queue.append(step.to)
    path: list[str] = []
    at: str | None = state
    while at is not None and at != workflow.initial:
        path.append(at)
        at = came_from[at]
    return list(reversed(path))
