"""First come, first served: what a table hands out in registration order while stock lasts.

The baseline a distribution without a plan gives: each person in household and registration
order receives all their entitlement of each item, in their exact size, until the line is empty.
"""

from collections.abc import Sequence
from typing import Any

from waypost.distribution.allocation.compute import Line, LineKey
from waypost.distribution.allocation.rules import Member, is_eligible, size_of
from waypost.distribution.models import EntitlementRule, RulePer

Share = tuple[EntitlementRule, str, Any, int]  # rule, size, person (or household) id, units


def first_come_first_served(
    rules: Sequence[EntitlementRule],
    members: Sequence[Member],
    sizes: dict[str, list[str]],
    lines: dict[LineKey, Line],
) -> list[Share]:
    left = {key: line.available for key, line in lines.items()}
    shares: list[Share] = []
    served: set[tuple[str, Any]] = set()
    for member in members:  # household number, then registration number
        for rule in rules:
            if rule.per == RulePer.HOUSEHOLD:
                if (rule.key, member.household_id) in served:
                    continue
                served.add((rule.key, member.household_id))
                size: str | None = ""
            elif not is_eligible(rule, member):
                continue
            else:
                size = size_of(rule.size_system, member, frozenset(sizes.get(rule.item.code, ())))
                if size is None:
                    continue
            key = (rule.item.code, size)
            units = min(rule.quantity, left.get(key, 0))
            left[key] = left.get(key, 0) - units
            who = member.household_id if rule.per == RulePer.HOUSEHOLD else member.id
            shares.append((rule, size, who, units))
    return shares


def share_fully_served(
    shares: Sequence[tuple[EntitlementRule, str, Any, int]], people: set[Any]
) -> float:
    """Of `people`, the share who received every unit of every priority item they were due."""
    due: dict[Any, bool] = {}
    for rule, _size, who, units in shares:
        if rule.is_priority and who in people:
            due[who] = due.get(who, True) and units >= rule.quantity
    return sum(due.values()) / len(due) if due else 1.0
