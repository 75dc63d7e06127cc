"""Entitlement rules: the defaults from `distribution/data/`, and who a rule makes eligible.

A plan copies the default rules of its rule set (e.g. `winter_rules.csv`) for the items it hands
out; each rule names the needs rule it applies (`waypost/needs/data/rules.csv`) and its source.
Sizes are those the needs app uses: a recorded EU shoe size, else one estimated from age
(`waypost.needs.rules.boot_size_by_age`); age-band sizes from the size codes ("2-5", "adult").
"""

import csv
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from waypost.distribution.models import EntitlementRule
from waypost.needs.rules import boot_size_by_age
from waypost.stock.models import SizeSystem

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
RULE_SETS = {"winter": "winter_rules.csv"}
YEAR = 12


@cache
def default_rules(rule_set: str) -> tuple[dict[str, Any], ...]:
    """The rule set's rules as EntitlementRule fields (item as its catalogue code)."""
    with (DATA_DIR / RULE_SETS[rule_set]).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return tuple(rule_fields(row) for row in rows)


def _months(text: str) -> int | None:
    return int(text) if text else None


def rule_fields(row: dict[str, str]) -> dict[str, Any]:
    return {
        "key": row["key"],
        "item": row["item"],
        "per": row["per"],
        "quantity": int(row["quantity"]),
        "min_age_months": _months(row["min_age_months"]),
        "max_age_months": _months(row["max_age_months"]),
        "sex": row["sex"],
        "pregnant_only": row["pregnant_only"] == "yes",
        "need_codes": [code for code in row["need_codes"].split("|") if code],
        "size_system": row["size_system"],
        "is_priority": row["priority"] == "yes",
        "needs_rule": row["needs_rule"],
        "source": row["source"],
        "verification": row["verification"],
    }


class Member(NamedTuple):
    """What the allocation reads of one person at the site (ids as the database gives them)."""

    id: Any
    number: str
    household_id: Any
    household_number: str
    age_months: int
    sex: str
    is_pregnant: bool
    codes: frozenset[str]
    shoe_size: str
    score: int
    tier: int


def is_eligible(rule: EntitlementRule, member: Member) -> bool:
    if rule.min_age_months is not None and member.age_months < rule.min_age_months:
        return False
    if rule.max_age_months is not None and member.age_months >= rule.max_age_months:
        return False
    if rule.sex and member.sex != rule.sex:
        return False
    if rule.pregnant_only and not member.is_pregnant:
        return False
    return not rule.need_codes or any(
        code == need or code.startswith(need + "-")
        for code in member.codes
        for need in rule.need_codes
    )


def size_of(size_system: str, member: Member, codes: frozenset[str]) -> str | None:
    """The size code the person needs among the item's sizes, or None when none fits."""
    if size_system == SizeSystem.EU_SHOE:
        code = member.shoe_size or boot_size_by_age().get(member.age_months // YEAR, "")
        return code if code in codes else None
    if size_system == SizeSystem.AGE_BAND:
        return age_band_size(member.age_months // YEAR, codes)
    return ""


def age_band_size(years: int, codes: frozenset[str]) -> str | None:
    """ "2-5" holds ages 2 to 4; "adult" those older than every band."""
    bands = []
    for code in codes:
        low, _, high = code.partition("-")
        if low.isdigit() and high.isdigit():
            bands.append((int(low), int(high), code))
            if int(low) <= years < int(high):
                return code
    oldest = max((high for _low, high, _code in bands), default=0)
    return "adult" if "adult" in codes and years >= oldest else None
