"""The people as arrays, and who each rule makes eligible, vectorised for a million people.

Eligibility and size are asked once per distinct profile (age in months, sex, pregnancy,
specific needs, recorded shoe size), a few thousand at most, then spread to everyone with the
profile by array look-ups (numpy), so the cost per person is a few array operations.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from waypost.distribution.allocation.rules import Member, is_eligible, size_of
from waypost.distribution.models import EntitlementRule, RulePer

Ints = npt.NDArray[np.int64]


def profile(member: Member) -> tuple[Any, ...]:
    return (member.age_months, member.sex, member.is_pregnant, member.codes, member.shoe_size)


class Population:
    """Members in household and registration-number order, with their households indexed."""

    def __init__(self, members: Sequence[Member]) -> None:
        self.members = members
        count = len(members)
        households: dict[Any, int] = {}
        profiles: dict[tuple[Any, ...], int] = {}
        self.profile_members: list[Member] = []
        household, kind = [], []
        for member in members:
            household.append(households.setdefault(member.household_id, len(households)))
            key = profile(member)
            if key not in profiles:
                profiles[key] = len(profiles)
                self.profile_members.append(member)
            kind.append(profiles[key])
        self.household: Ints = np.array(household, dtype=np.int64)
        self.profile: Ints = np.array(kind, dtype=np.int64)
        self.score: Ints = np.fromiter((m.score for m in members), np.int64, count)
        self.tier: Ints = np.fromiter((m.tier for m in members), np.int64, count)
        self.household_ids = list(households)
        self.household_score: Ints = np.zeros(len(households), dtype=np.int64)
        self.household_tier: Ints = np.zeros(len(households), dtype=np.int64)
        np.maximum.at(self.household_score, self.household, self.score)
        np.maximum.at(self.household_tier, self.household, self.tier)
        first: list[int] = np.unique(self.household, return_index=True)[1].tolist()
        self.household_numbers = [members[index].household_number for index in first]


@dataclass(frozen=True)
class Group:
    """Alike claims of one rule: one tier, one size; `who` in the order shares are given."""

    rule: EntitlementRule
    tier: int
    size: str
    who: Ints  # member indices, or household indices for a per-household rule

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.rule.key, self.tier, self.size, self.rule.quantity)


def sizes_by_profile(rule: EntitlementRule, population: Population, sizes: list[str]) -> Ints:
    """Per profile: the index of its size in `sizes` ("" for one size), or -1 if not eligible."""
    codes = frozenset(sizes)
    found = []
    for member in population.profile_members:
        size = size_of(rule.size_system, member, codes) if is_eligible(rule, member) else None
        found.append(-1 if size is None else sizes.index(size))
    return np.array(found, dtype=np.int64)


def person_groups(
    rule: EntitlementRule, population: Population, sizes: list[str]
) -> Iterator[Group]:
    """Order: one per household first (the household's n-th eligible member in round n), then
    the higher risk score, then household and registration number (the members' order)."""
    size_of_member = sizes_by_profile(rule, population, sizes)[population.profile]
    who = np.nonzero(size_of_member >= 0)[0]
    if not len(who):
        return
    households = population.household[who]
    starts = np.flatnonzero(np.r_[True, households[1:] != households[:-1]])
    runs = np.repeat(starts, np.diff(np.r_[starts, len(who)]))
    position = np.arange(len(who)) - runs
    order = np.lexsort((who, -population.score[who], position))
    who, size_of_who = who[order], size_of_member[who[order]]
    tiers = population.tier[who]
    for tier in sorted(set(tiers.tolist()), reverse=True):
        for size in sorted(set(size_of_who[tiers == tier].tolist())):
            chosen = who[(tiers == tier) & (size_of_who == size)]
            yield Group(rule, tier, sizes[size], chosen)


def household_groups(rule: EntitlementRule, population: Population) -> Iterator[Group]:
    """Per-household rules: the most at-risk households first, then by household number."""
    indices = np.arange(len(population.household_ids))
    order = np.lexsort((indices, -population.household_score))
    tiers = population.household_tier[order]
    for tier in sorted(set(tiers.tolist()), reverse=True):
        yield Group(rule, tier, "", order[tiers == tier])


def groups_of(
    rules: Sequence[EntitlementRule], population: Population, sizes: dict[str, list[str]]
) -> Iterator[Group]:
    for rule in rules:
        if rule.per == RulePer.HOUSEHOLD:
            yield from household_groups(rule, population)
        else:
            codes = sizes.get(rule.item.code, []) if rule.size_system else [""]
            yield from person_groups(rule, population, codes)


def shares(total: int, people: int, quantity: int) -> Ints:
    """Everyone the same, the first ones one more when it does not divide; never above quantity."""
    base, extra = divmod(total, people)
    given: Ints = np.minimum(quantity, base + (np.arange(people) < extra))
    return given
