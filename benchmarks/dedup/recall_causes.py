"""Where the true pairs a deduplication misses are lost: never compared, scored too low, or
split by the cluster constraints; and how much recall any rule could reach at all.

    python -m benchmarks.dedup.recall_causes --people 2000,20000 [--seed 11] [--threshold P]
        [--population dense|realistic]

Each true pair (two records of one person, known from the generator) is put in the first of:
- *never compared*: the two records share no blocking key (after the crowded keys are dropped);
- *below the threshold*: compared, but the model's probability (with the prior of a population
  this size, as the batch run uses) is under the threshold; counted by the levels reached, to
  see which hold them down;
- *split by the constraints*: at or above the threshold, yet in different clusters;
- *found*.

Two bounds on recall:
- *indistinguishable*: a true pair one of whose records is, in every field the model compares,
  the same as a record of another person; a matcher that joins the pair joins that other
  person just as readily.
- *best pairwise recall at precision 0.99*: the compared pairs grouped by what the model sees
  of them (the level of every comparison and its weight, the name's frequency included); the
  groups taken from the truest down while the pairs taken stay 99 % true. No rule over the
  model's comparisons, however weighed, finds more pairs one by one (clusters may add a few
  through a third record). Counted on the same data it is judged on, so it is generous.
"""

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import django

TARGET_PRECISION = 0.99  # issue 3's target
EXAMPLES = 10
LOWEST_COUNTED = 0.01  # pairs below this probability are nearly all of different people


@dataclass
class Population:
    records: list[Any]
    prepared: dict[str, Any]
    identity: dict[str, str]
    blocks: dict[str, set[str]] = field(default_factory=dict)
    frequencies: dict[str, float] = field(default_factory=dict)  # as the batch run weighs names


def _population(people: int, seed: int, drawn: str) -> Population:
    from waypost.matching import batch, features, groundtruth, splink_model
    from waypost.matching.training import match_record

    truth = groundtruth.generate(people=people, seed=seed, population=drawn)
    records = [match_record(record) for record in truth.records]
    population = Population(
        records=records,
        prepared={record.record_id: features.prepare(record) for record in records},
        identity={record.record_id: record.identity_id for record in truth.records},
    )
    keys = [list(population.prepared[record.record_id].block_keys) for record in records]
    features.cap_blocks(keys, batch.LARGEST_BLOCK)
    population.blocks = {r.record_id: set(k) for r, k in zip(records, keys, strict=True)}
    population.frequencies = splink_model.frequencies_for(
        prepared.given_skeleton for prepared in population.prepared.values()
    )
    return population


def _signature(prepared: Any) -> tuple[object, ...]:
    return (
        prepared.given_form,
        prepared.father_keys,
        prepared.family_keys,
        prepared.birth_year,
        prepared.birth_month,
        prepared.birth_day,
        prepared.sex,
        prepared.nationality,
        prepared.phone,
    )


def _true_pairs(population: Population) -> list[tuple[str, str]]:
    by_person: dict[str, list[str]] = defaultdict(list)
    for record_id, person in population.identity.items():
        by_person[person].append(record_id)
    return [pair for ids in by_person.values() for pair in combinations(sorted(ids), 2)]


def _indistinguishable(population: Population, pairs: list[tuple[str, str]]) -> int:
    people_of: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for record_id, prepared in population.prepared.items():
        people_of[_signature(prepared)].add(population.identity[record_id])
    shared = {record_id for record_id, prepared in population.prepared.items()
              if len(people_of[_signature(prepared)]) > 1}  # fmt: skip
    return sum(1 for first, second in pairs if first in shared or second in shared)


def _classify(
    population: Population, pairs: list[tuple[str, str]], clusters: dict[str, str], cut: float
) -> dict[str, Any]:
    from waypost.matching import scoring

    causes: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for first, second in pairs:
        a, b = population.prepared[first], population.prepared[second]
        if clusters[first] == clusters[second]:
            cause = "found"
        elif not population.blocks[first] & population.blocks[second]:
            no_year = a.birth_year is None or b.birth_year is None
            cause = "never compared, no birth year" if no_year else "never compared, other"
        elif (
            score := scoring.score_prepared(a, b, frequencies=population.frequencies)
        ).weight < cut:
            cause = "below the threshold"
            levels[_levels(score)] += 1
        else:
            cause = "split by the constraints"
        causes[cause] += 1
        if cause != "found" and len(examples[cause]) < EXAMPLES:
            examples[cause].append(f"{_show(a)}  ~  {_show(b)}")
    return {"causes": dict(causes), "levels": levels.most_common(12), "examples": examples}


def _weight_needed(records: int, threshold: float) -> float:
    """The weight `score_prepared` (trained prior) must reach for the batch run's threshold."""
    import math

    from waypost.matching import scoring, splink_model

    prior = {"probability_two_random_records_match": splink_model.prior_for(records)}
    shift = scoring.prior_weight(prior) - scoring.prior_weight(splink_model.trained())
    return math.log2(threshold / (1 - threshold)) - shift


def _best_pairwise_recall(population: Population, true_pairs: int) -> float:
    from waypost.matching import batch

    found = batch.deduplicate(population.records, threshold=LOWEST_COUNTED).pairs
    seen, true = Counter[tuple[object, ...]](), Counter[tuple[object, ...]]()
    for pair in found:
        pattern = tuple((a.field, a.level, round(a.weight, 2)) for a in pair.score.agreements)
        seen[pattern] += 1
        true[pattern] += population.identity[pair.id_a] == population.identity[pair.id_b]
    taken = correct = 0
    for best in sorted(seen, key=lambda p: -true[p] / seen[p]):
        if (correct + true[best]) < TARGET_PRECISION * (taken + seen[best]):
            break
        taken, correct = taken + seen[best], correct + true[best]
    return correct / true_pairs


def diagnose(people: int, seed: int, threshold: float | None, drawn: str) -> dict[str, Any]:
    from benchmarks.dedup import metrics
    from waypost.matching import batch

    threshold = batch.DEFAULT_THRESHOLD if threshold is None else threshold
    population = _population(people, seed, drawn)
    started = time.perf_counter()
    clusters = batch.deduplicate(population.records, threshold=threshold).clusters
    seconds = time.perf_counter() - started
    quality = metrics.score(clusters, population.identity)
    pairs = _true_pairs(population)
    cut = _weight_needed(len(population.records), threshold)
    return {
        "people": people,
        "population": drawn,
        "records": len(population.records),
        "true_pairs": len(pairs),
        "precision": round(quality.precision, 4),
        "recall": round(quality.recall, 4),
        "seconds": round(seconds, 1),
        "indistinguishable": _indistinguishable(population, pairs),
        "best_pairwise_recall": round(_best_pairwise_recall(population, len(pairs)), 4),
        **_classify(population, pairs, clusters, cut),
    }


def _levels(score: Any) -> str:
    return " | ".join(f"{agreement.field}: {agreement.level}" for agreement in score.agreements)


def _show(p: Any) -> str:
    others = "/".join(",".join(keys) for keys in (p.father_keys, p.family_keys))
    born = f"{p.birth_year}-{p.birth_month}-{p.birth_day}"
    return f"{p.given_name}/{p.given_form} [{others}] {born} {p.sex} {p.phone}"


def _print(result: dict[str, Any]) -> None:
    total = result["true_pairs"]
    print(
        f"\n{result['people']:,} people ({result['population']}), {result['records']:,} records,"
        f" {total:,} true pairs"
    )
    print(f"  precision {result['precision']}  recall {result['recall']}  {result['seconds']} s")
    print(
        f"  best pairwise recall at precision {TARGET_PRECISION}: {result['best_pairwise_recall']}"
    )
    share = result["indistinguishable"] / total
    print(f"  indistinguishable from another person: {result['indistinguishable']:,} ({share:.3f})")
    for cause, count in sorted(result["causes"].items()):
        print(f"  {cause:40} {count:7,}  {count / total:6.3f}")
    print("  below the threshold, by levels reached:")
    for levels, count in result["levels"]:
        print(f"    {count:6,}  {levels}")
    for cause, examples in result["examples"].items():
        for example in examples:
            print(f"    {cause}: {example}")


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedup.recall_causes")
    parser.add_argument("--people", default="2000,20000")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--threshold", type=float)
    parser.add_argument(
        "--population", default="dense", help="how names are drawn: dense or realistic"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    for people in (int(size) for size in args.people.split(",")):
        _print(diagnose(people, args.seed, args.threshold, args.population))


if __name__ == "__main__":
    main(sys.argv[1:])
