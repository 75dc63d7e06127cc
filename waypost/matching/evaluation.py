"""Pairwise precision and recall of a deduplication against known identities.

A pair is two records; the deduplication says they are one person when they share a cluster,
the truth when they share an identity. Cross-script recall counts only the true pairs whose
given names are written in different scripts (Latin, Cyrillic, Arabic).
"""

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True)
class PairwiseQuality:
    true_pairs: int
    found_pairs: int
    correct_pairs: int
    cross_script_pairs: int
    cross_script_found: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def cross_script_recall(self) -> float:
        if not self.cross_script_pairs:
            return 1.0
        return self.cross_script_found / self.cross_script_pairs


def script(text: str) -> str:
    if _ARABIC.search(text):
        return "arabic"
    if _CYRILLIC.search(text):
        return "cyrillic"
    return "latin"


def pairwise_quality(
    clusters: Mapping[str, str], identities: Mapping[str, str], given_names: Mapping[str, str]
) -> PairwiseQuality:
    """`clusters` and `identities` map each record id to its cluster and its true identity."""
    both = Counter((clusters[record], identities[record]) for record in clusters)
    found = Counter(clusters.values())
    members: defaultdict[str, list[str]] = defaultdict(list)
    for record, identity in identities.items():
        members[identity].append(record)
    cross = cross_found = 0
    for records in members.values():
        for one, other in itertools.combinations(records, 2):
            if script(given_names[one]) != script(given_names[other]):
                cross += 1
                cross_found += clusters[one] == clusters[other]
    return PairwiseQuality(
        true_pairs=sum(math.comb(len(records), 2) for records in members.values()),
        found_pairs=sum(math.comb(count, 2) for count in found.values()),
        correct_pairs=sum(math.comb(count, 2) for count in both.values()),
        cross_script_pairs=cross,
        cross_script_found=cross_found,
    )
