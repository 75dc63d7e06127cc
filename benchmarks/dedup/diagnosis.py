"""Why a deduplication misses pairs or merges people: counts by the generator's variation marks,
by the sources that wrote the records, and by how the wrongly merged people are related.

Like `metrics`, everything is counted per (cluster, group) cell, never pair by pair. A pair
*touches* a tag when at least one of its two records carries it: among n records of which t
carry the tag, n·(n−1)/2 − (n−t)·(n−t−1)/2 pairs do.
"""

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

from benchmarks.dedup.metrics import cluster_of, pairs_among


@dataclass(frozen=True, slots=True)
class Known:
    """What the generator knows of one record."""

    identity: str
    family: str  # brothers, sisters and twins share it
    born: str  # the true birth date: twins share it with their family
    namesake: str  # the true given and family name: cousins named alike share it
    script: str
    tags: frozenset[str]  # variation marks, and "source:<who wrote it>"


def touching(total: int, tagged: int) -> int:
    """Pairs among `total` records with at least one of the `tagged` ones in them."""
    return pairs_among(total) - pairs_among(total - tagged)


def recall_by_tag(clusters: Mapping[str, str], known: Mapping[str, Known]) -> dict[str, list[int]]:
    """For each tag: true pairs touching it, and how many of them the clusters found."""
    people, people_tagged = Counter[str](), Counter[tuple[str, str]]()
    cells, cells_tagged = Counter[tuple[str, str]](), Counter[tuple[str, str, str]]()
    for record, facts in known.items():
        cluster = cluster_of(clusters, record)
        people[facts.identity] += 1
        cells[cluster, facts.identity] += 1
        for tag in facts.tags:
            people_tagged[facts.identity, tag] += 1
            cells_tagged[cluster, facts.identity, tag] += 1
    result: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (identity, tag), tagged in people_tagged.items():
        result[tag][0] += touching(people[identity], tagged)
    for (cluster, identity, tag), tagged in cells_tagged.items():
        result[tag][1] += touching(cells[cluster, identity], tagged)
    return dict(sorted(result.items()))


def wrong_pairs_within(
    clusters: Mapping[str, str], known: Mapping[str, Known], key: Callable[[Known], Hashable]
) -> int:
    """Pairs of different people put in one cluster that also share `key`."""
    groups, people = Counter[tuple[str, Hashable]](), Counter[tuple[str, Hashable, str]]()
    for record, facts in known.items():
        cluster = cluster_of(clusters, record)
        groups[cluster, key(facts)] += 1
        people[cluster, key(facts), facts.identity] += 1
    return sum(pairs_among(n) for n in groups.values()) - sum(
        pairs_among(n) for n in people.values()
    )


def false_merges_by_relation(
    clusters: Mapping[str, str], known: Mapping[str, Known]
) -> dict[str, int]:
    """Wrongly merged pairs: twins, other brothers and sisters, namesakes, unrelated people."""
    everyone = wrong_pairs_within(clusters, known, lambda facts: "")
    family = wrong_pairs_within(clusters, known, lambda facts: facts.family)
    twins = wrong_pairs_within(clusters, known, lambda facts: (facts.family, facts.born))
    namesakes = wrong_pairs_within(clusters, known, lambda facts: facts.namesake)
    namesakes_in_family = wrong_pairs_within(
        clusters, known, lambda facts: (facts.namesake, facts.family)
    )
    namesakes_elsewhere = namesakes - namesakes_in_family
    return {
        "twins": twins,
        "siblings (not twins)": family - twins,
        "same given and family name, other family": namesakes_elsewhere,
        "unrelated": everyone - family - namesakes_elsewhere,
        "all": everyone,
    }


def false_merges_by_tag(clusters: Mapping[str, str], known: Mapping[str, Known]) -> dict[str, int]:
    """For each tag: wrongly merged pairs touching it."""
    sizes, sizes_tagged = Counter[str](), Counter[tuple[str, str]]()
    cells, cells_tagged = Counter[tuple[str, str]](), Counter[tuple[str, str, str]]()
    for record, facts in known.items():
        cluster = cluster_of(clusters, record)
        sizes[cluster] += 1
        cells[cluster, facts.identity] += 1
        for tag in facts.tags:
            sizes_tagged[cluster, tag] += 1
            cells_tagged[cluster, facts.identity, tag] += 1
    result: Counter[str] = Counter()
    for (cluster, tag), tagged in sizes_tagged.items():
        result[tag] += touching(sizes[cluster], tagged)
    for (cluster, identity, tag), tagged in cells_tagged.items():
        result[tag] -= touching(cells[cluster, identity], tagged)
    return {tag: count for tag, count in sorted(result.items()) if count}


def missed_examples(
    clusters: Mapping[str, str], known: Mapping[str, Known], limit: int, seed: int = 0
) -> list[tuple[str, str]]:
    """Pairs of one person's records that ended in different clusters, a sample of them."""
    first_in_cluster: dict[str, dict[str, str]] = defaultdict(dict)
    for record, facts in known.items():
        first_in_cluster[facts.identity].setdefault(cluster_of(clusters, record), record)
    split = [list(found.values())[:2] for found in first_in_cluster.values() if len(found) > 1]
    return _sample([(pair[0], pair[1]) for pair in split], limit, seed)


def false_merge_examples(
    clusters: Mapping[str, str], known: Mapping[str, Known], limit: int, seed: int = 0
) -> list[tuple[str, str]]:
    """Pairs of different people's records put in one cluster, a sample of them."""
    first_of_person: dict[str, dict[str, str]] = defaultdict(dict)
    for record, facts in known.items():
        first_of_person[cluster_of(clusters, record)].setdefault(facts.identity, record)
    mixed = [list(found.values())[:2] for found in first_of_person.values() if len(found) > 1]
    return _sample([(pair[0], pair[1]) for pair in mixed], limit, seed)


def _sample(pairs: list[tuple[str, str]], limit: int, seed: int) -> list[tuple[str, str]]:
    return sorted(random.Random(seed).sample(pairs, min(limit, len(pairs))))


def cluster_sizes(clusters: Iterable[str]) -> dict[str, int]:
    """How many clusters have 1, 2, … records; sizes above 10 are counted together."""
    sizes = Counter(Counter(clusters).values())
    summary = Counter({str(size): count for size, count in sizes.items() if size <= 10})
    summary[">10"] = sum(count for size, count in sizes.items() if size > 10)
    largest = max(sizes, default=0)
    return {
        **dict(sorted(summary.items(), key=lambda item: _size_order(item[0]))),
        "largest": largest,
    }


def _size_order(label: str) -> int:
    return int(label) if label.isdigit() else 1_000
