"""A plan's entitlement rows in the order they are written, made from the allocation's arrays.

A million people make about a million rows, most of them one per household and item without
a size (`Allocation.per_household`: arrays over the households). Their values are taken from
the arrays a column at a time (`tolist`) and each row is made once, as COPY text (PostgreSQL)
or as a tuple for the prepared INSERT (SQLite), with no object per row before it.

Order: households in the order of their ids' text (a UUID's text orders as its bytes), and in
each household its people's sized rows first, then one row per item in the plan's item order.
Every index of the table begins with (plan, household), so in this order each insert lands next
to the one before instead of on a random page. Only the households are sorted (by numpy);
the rows follow from a stable ordering of their households' positions, which keeps each
household's rows in the order they were made.
"""

import json
from collections.abc import Iterator
from typing import Any

import numpy as np

from waypost.distribution.allocation.claims import Ints
from waypost.distribution.allocation.compute import Allocation, Row, reason_of

NULL = "\\N"  # an empty value in COPY's text format


class Ids:
    """The ids the rows name, as text (what both databases take: SQLite keeps UUIDs as hex
    text, PostgreSQL's COPY reads them as text)."""

    def __init__(
        self,
        result: Allocation,
        plan: str,
        items: dict[str, str],
        sizes: dict[tuple[str, str], Any],
    ) -> None:
        self.plan, self.items, self.sizes = plan, items, sizes  # sizes: (item, size code) -> id
        self.households = [str(household) for household in result.household_ids]
        order = np.argsort(np.array(self.households), kind="stable")
        self.position: Ints = np.empty(len(order), dtype=np.int64)
        self.position[order] = np.arange(len(order))

    def size(self, item: str, size: str | None) -> Any:
        return self.sizes.get((item, size or ""))


class Reasons:
    """A row's reason and its parameters (JSON text), worked out once per kind of row (item,
    size, size given, entitled, allocated: a few hundred kinds for a million rows)."""

    def __init__(self, result: Allocation) -> None:
        self.lines = result.lines
        self.known: dict[tuple[Any, ...], tuple[str, str]] = {}

    def of(self, item: str, size: str, given: str | None, entitled: int, allocated: int) -> Any:
        kind = (item, size, given, entitled, allocated)
        if (found := self.known.get(kind)) is None:
            row = Row(entitled, allocated, given)
            reason, params = reason_of((None, None, item, size), row, self.lines)
            found = self.known[kind] = (str(reason), json.dumps(params))
        return found


def copy_tail(reason: tuple[str, str]) -> str:
    """The reason and its parameters ending a COPY line: every value is a number, an id, a code
    or JSON, so none holds a tab or a line break, and doubling the JSON's backslashes (its
    escapes) is all the format asks."""
    code, params = reason
    return code + "\t" + params.replace("\\", "\\\\") + "\n"


def text(value: Any) -> str:
    return NULL if value is None else str(value)


class Table:
    """The rows of one plan, made as COPY lines (`as_text`) or as tuples (`as_tuples`)."""

    def __init__(self, result: Allocation, ids: Ids) -> None:
        self.result, self.ids, self.reasons = result, ids, Reasons(result)
        self.rank: list[int] = result.household_rank.tolist()
        self.index = {household: n for n, household in enumerate(result.household_ids)}

    def people(self) -> set[str]:
        """The people the rows name, as text."""
        return {str(individual) for _h, individual, _i, _s in self.result.per_person}

    def households(self) -> set[str]:
        """The households the rows name, as text."""
        named = np.zeros(len(self.ids.households), dtype=bool)
        for entitled, _allocated, _score, _tier in self.result.per_household.values():
            named |= entitled != 0
        texts = self.ids.households
        found = {texts[h] for h in np.flatnonzero(named).tolist()}
        return found | {texts[self.index[key[0]]] for key in self.result.per_person}

    def in_order(self, made: list[Any], positions: list[Ints]) -> Iterator[Any]:
        """The rows made (people's first, then item by item), in household order."""
        order = np.argsort(np.concatenate(positions), kind="stable")
        for n in order.tolist():
            yield made[n]

    def as_text(self) -> Iterator[str]:
        made, positions = self.person_rows(copy=True)
        for item, arrays in self.result.per_household.items():
            found, households = self.household_rows(item, arrays, copy=True)
            made += found
            positions.append(self.ids.position[households])
        return self.in_order(made, positions)

    def as_tuples(self) -> Iterator[tuple[Any, ...]]:
        made, positions = self.person_rows(copy=False)
        for item, arrays in self.result.per_household.items():
            found, households = self.household_rows(item, arrays, copy=False)
            made += found
            positions.append(self.ids.position[households])
        return self.in_order(made, positions)

    def person_rows(self, *, copy: bool) -> tuple[list[Any], list[Ints]]:
        """One row per person and size of a sized item (boots), from the split's dict."""
        ids, texts, rank = self.ids, self.ids.households, self.rank
        made: list[Any] = []
        at: list[int] = []
        tails: dict[tuple[str, str], str] = {}
        for (household, individual, item, size), row in self.result.per_person.items():
            h = self.index[household]
            reason = self.reasons.of(item, size, row.given_size, row.entitled, row.allocated)
            size_id, given = ids.size(item, size), ids.size(item, row.given_size)
            if copy:
                made.append(
                    f"{ids.plan}\t{texts[h]}\t{individual}\t{ids.items[item]}\t{text(size_id)}"
                    f"\t{text(given)}\t{row.entitled}\t{row.allocated}\t{row.score}"
                    f"\t{row.tier}\t{rank[h]}\t" + tail_of(tails, reason)
                )
            else:
                made.append(
                    (ids.plan, texts[h], str(individual), ids.items[item], size_id, given)
                    + (row.entitled, row.allocated, row.score, row.tier, rank[h], *reason)
                )
            at.append(h)
        return made, [ids.position[np.array(at, dtype=np.int64)]]

    def household_rows(self, item: str, arrays: Any, *, copy: bool) -> tuple[list[Any], Ints]:
        """One row per household the item's rows name, from the item's arrays."""
        entitled, allocated, score, tier = arrays
        households = np.flatnonzero(entitled)
        ids, texts, rank = self.ids, self.ids.households, self.rank
        size, given = ids.size(item, ""), ids.size(item, None)
        columns = zip(
            households.tolist(),
            entitled[households].tolist(),
            allocated[households].tolist(),
            score[households].tolist(),
            tier[households].tolist(),
            strict=True,
        )
        reason = self.reasons.of
        if copy:
            middle = f"\t{NULL}\t{ids.items[item]}\t{text(size)}\t{text(given)}\t"
            tails: dict[tuple[str, str], str] = {}
            return [
                f"{ids.plan}\t{texts[h]}{middle}{e}\t{a}\t{s}\t{t}\t{rank[h]}\t"
                + tail_of(tails, reason(item, "", None, e, a))
                for h, e, a, s, t in columns
            ], households
        plan, item_id = ids.plan, ids.items[item]
        return [
            (plan, texts[h], None, item_id, size, given, e, a, s, t, rank[h])
            + reason(item, "", None, e, a)
            for h, e, a, s, t in columns
        ], households


def tail_of(known: dict[tuple[str, str], str], reason: tuple[str, str]) -> str:
    if (found := known.get(reason)) is None:
        found = known[reason] = copy_tail(reason)
    return found
