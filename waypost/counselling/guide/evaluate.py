"""Applying the guide to one person's facts on a date: each option with its status and reasons.

An option *applies* when a rule's conditions are all met and nothing is left to check; it *may
apply* when they are met but something the facts cannot settle remains (a written consent, the
best interests of a child, an application lodged in an EU State, a free choice), or when a fact
needed is not known; otherwise it *does not apply*, with the conditions not met and, where a rule
excludes the option (a sponsor with subsidiary protection, Directive 2003/86/EC Art. 3(2)(c)), that
rule. Rules are chosen by date: a rule with `date_basis` `eu_application_registered_on` is in force
on the date an EU application was registered, else on the evaluation date.
"""

from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from waypost.counselling.guide.conditions import Context, Verdict
from waypost.counselling.guide.data import Guide, Option, Rule, guide
from waypost.counselling.guide.facts import Facts, add_months


class Status(StrEnum):
    APPLIES = "applies"
    MAY_APPLY = "may_apply"
    DOES_NOT_APPLY = "does_not_apply"


RANK = {Status.APPLIES: 2, Status.MAY_APPLY: 1, Status.DOES_NOT_APPLY: 0}


@dataclass(frozen=True)
class RuleResult:
    rule: str
    legal_basis: str
    regime: str
    mark: str
    status: Status
    excludes: bool
    effect: str
    met: tuple[str, ...]
    not_met: tuple[str, ...]
    missing_facts: tuple[str, ...]
    checks: tuple[tuple[str, str], ...]
    time_limits: tuple[tuple[str, str], ...]
    deadline: tuple[str, str, str] | None  # (date, text, mark)
    source: str


@dataclass(frozen=True)
class OptionResult:
    option: str
    title: str
    summary: str
    status: Status
    rules: tuple[RuleResult, ...]  # the rules that decided the status
    documents: tuple[tuple[str, str, str, bool], ...]  # (id, note, mark, held)
    next_steps: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]
    mark: str
    sheet: str
    guide_version: str

    @property
    def missing_facts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for rule in self.rules for name in rule.missing_facts))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["missing_facts"] = list(self.missing_facts)
        return data


def evaluate_options(
    *, facts: Facts, on_date: date, data: Guide | None = None
) -> list[OptionResult]:
    """Every option of the guide, in the guide's order, with its status for these facts."""
    data = data or guide()
    return [_option_result(option, facts, on_date, data.version) for option in data.options]


def _rule_date(rule: Rule, facts: Facts, on_date: date) -> date:
    if rule.date_basis == "eu_application_registered_on":
        return facts.eu_application_registered_on or on_date
    return on_date


def _option_result(option: Option, facts: Facts, on_date: date, version: str) -> OptionResult:
    context = Context(facts, on_date)
    evaluated = [
        _rule_result(rule, context)
        for rule in option.rules
        if rule.in_force(_rule_date(rule, facts, on_date))
    ]
    positive = [result for result in evaluated if not result.excludes]
    status = max((result.status for result in positive), key=RANK.__getitem__, default=None)
    if status is None or status is Status.DOES_NOT_APPLY:
        excluding = [result for result in evaluated if result.excludes and not result.not_met]
        deciding = tuple(excluding or positive)
        status = Status.DOES_NOT_APPLY
    else:
        deciding = tuple(result for result in positive if result.status is status)
    return OptionResult(
        option=option.id,
        title=option.title,
        summary=option.summary,
        status=status,
        rules=deciding,
        documents=tuple(
            (doc["id"], doc.get("note", ""), doc["mark"], doc["id"] in facts.documents)
            for doc in option.documents
        ),
        next_steps=option.next_steps,
        sources=option.sources,
        mark=option.mark,
        sheet=option.sheet,
        guide_version=version,
    )


def _rule_result(rule: Rule, context: Context) -> RuleResult:
    verdict = rule.when(context)
    checks = tuple(
        (check.text, check.mark)
        for check in rule.checks
        if check.when is None or check.when(context).value is not False
    )
    if verdict.value is False:
        status = Status.DOES_NOT_APPLY
    elif verdict.value is None or checks:
        status = Status.MAY_APPLY
    else:
        status = Status.APPLIES
    excludes = rule.outcome == "excluded"
    return RuleResult(
        rule=rule.id,
        legal_basis=rule.legal_basis,
        regime=rule.regime,
        mark=rule.mark,
        status=Status.DOES_NOT_APPLY if excludes else status,
        excludes=excludes,
        effect=rule.effect,
        met=tuple(verdict.met),
        not_met=tuple(verdict.not_met),
        missing_facts=tuple(dict.fromkeys(verdict.missing)),
        checks=checks if verdict.value is not False else (),
        time_limits=rule.time_limits,
        deadline=_deadline(rule, verdict),
        source=rule.source,
    )


def _deadline(rule: Rule, verdict: Verdict) -> tuple[str, str, str] | None:
    """A date the person must act by, counted from a relative's date (refugee status granted)."""
    spec = rule.deadline
    if not spec or verdict.member is None:
        return None
    start = getattr(verdict.member, spec["member"])
    if start is None:
        return None
    return (add_months(start, int(spec["months"])).isoformat(), spec["text"], spec["mark"])
