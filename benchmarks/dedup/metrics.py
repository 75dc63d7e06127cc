"""Pairwise accuracy of a deduplication against the known identities.

A deduplication answers with clusters; the truth is one identity per record. Two records form
a *true pair* when they share an identity and a *predicted pair* when they share a cluster.
Pairs are never listed one by one: a cluster of n records holds n·(n−1)/2 pairs, so every count
comes from how many records fall into each (cluster, identity) cell, which stays linear in the
number of records even when a matcher lumps thousands of records into one cluster.

A record's script is read from the letters of its names (Latin, Cyrillic or Arabic script);
a *cross-script pair* is a true pair whose two records are written in different scripts.
"""

import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

LATIN, CYRILLIC, ARABIC, NO_LETTERS = "Latin", "Cyrillic", "Arabic", "none"
SCRIPTS = (LATIN, CYRILLIC, ARABIC)
# Unicode names of letters start with their script ("ARABIC LETTER ALEF", "CYRILLIC SMALL
# LETTER A"); Persian and Kurdish letters are in the Arabic blocks and named ARABIC as well.
_SCRIPT_PREFIXES = ((LATIN, "LATIN"), (CYRILLIC, "CYRILLIC"), (ARABIC, "ARABIC"))


def script_of(*texts: str) -> str:
    """The script most of the letters are written in; `none` when there are no letters."""
    counts: Counter[str] = Counter()
    for text in texts:
        for char in text:
            if char.isalpha():
                counts[_letter_script(char)] += 1
    counts.pop("", None)
    if not counts:
        return NO_LETTERS
    # Ties go to the first script in SCRIPTS order, so the answer never depends on dict order.
    return max(SCRIPTS, key=lambda script: counts.get(script, 0))


@cache
def _letter_script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script, prefix in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return ""


def pairs_among(count: int) -> int:
    return count * (count - 1) // 2


def cross_pairs(by_script: Mapping[str, int]) -> int:
    """Pairs whose two members are in different scripts, from how many are in each script."""
    total = sum(by_script.values())
    return pairs_among(total) - sum(pairs_among(n) for n in by_script.values())


@dataclass(frozen=True)
class PairScores:
    records: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    cross_script_pairs: int
    cross_script_found: int
    clusters: int
    unassigned: int  # records the deduplication left out of its answer (counted as alone)

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def cross_script_recall(self) -> float | None:
        if not self.cross_script_pairs:
            return None
        return self.cross_script_found / self.cross_script_pairs

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "cross_script_recall": self.cross_script_recall,
        }


def cluster_of(clusters: Mapping[str, str], record_id: str) -> str:
    """A record missing from the answer stands alone, in a cluster no other record shares."""
    return clusters.get(record_id, "\0" + record_id)


def score(
    clusters: Mapping[str, str],
    identities: Mapping[str, Hashable],
    scripts: Mapping[str, str] | None = None,
) -> PairScores:
    """Pairwise scores of `clusters` (record → cluster) against `identities` (record → person).

    Only the records in `identities` are scored; `scripts` (record → script) gives the
    cross-script counts, and without it every record counts as one script.
    """
    scripts = scripts or {}
    cells: Counter[tuple[str, Hashable, str]] = Counter(
        (cluster_of(clusters, record), identity, scripts.get(record, ""))
        for record, identity in identities.items()
    )
    cluster_sizes: Counter[str] = Counter()
    identity_scripts: dict[Hashable, Counter[str]] = {}
    cell_scripts: dict[tuple[str, Hashable], Counter[str]] = {}
    for (cluster, identity, script), count in cells.items():
        cluster_sizes[cluster] += count
        identity_scripts.setdefault(identity, Counter())[script] += count
        cell_scripts.setdefault((cluster, identity), Counter())[script] += count
    return PairScores(
        records=len(identities),
        true_pairs=_pairs_in(identity_scripts.values()),
        predicted_pairs=sum(pairs_among(n) for n in cluster_sizes.values()),
        correct_pairs=_pairs_in(cell_scripts.values()),
        cross_script_pairs=sum(cross_pairs(c) for c in identity_scripts.values()),
        cross_script_found=sum(cross_pairs(c) for c in cell_scripts.values()),
        clusters=len(cluster_sizes),
        unassigned=sum(1 for record in identities if record not in clusters),
    )


def _pairs_in(groups: Iterable[Counter[str]]) -> int:
    return sum(pairs_among(sum(group.values())) for group in groups)


def cross_script_recall_by_scripts(
    clusters: Mapping[str, str], identities: Mapping[str, Hashable], scripts: Mapping[str, str]
) -> dict[str, tuple[int, int]]:
    """For each pair of scripts ("Latin–Cyrillic"…): true pairs and how many were found."""
    per_identity: dict[Hashable, Counter[str]] = {}
    per_cell: dict[tuple[str, Hashable], Counter[str]] = {}
    for record, identity in identities.items():
        script = scripts.get(record, NO_LETTERS)
        per_identity.setdefault(identity, Counter())[script] += 1
        per_cell.setdefault((cluster_of(clusters, record), identity), Counter())[script] += 1
    result = {}
    for index, first in enumerate(SCRIPTS):
        for second in SCRIPTS[index + 1 :]:
            true = sum(c[first] * c[second] for c in per_identity.values())
            found = sum(c[first] * c[second] for c in per_cell.values())
            result[f"{first}–{second}"] = (true, found)
    return result
