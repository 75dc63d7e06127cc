"""Clusters join the strongest pairs first and never join records that contradict each other."""

from waypost.matching.clusters import Identifying, constrained_clusters, contradict


def person(given="Hassan", form=None, birth=None, sex="M"):
    return Identifying(given_name=given, given_form=form or given.lower(), birth=birth, sex=sex)


def test_unmatched_records_are_their_own_cluster():
    records = {"b": person(), "a": person("Omar")}
    assert constrained_clusters(records, []) == {"a": "a", "b": "b"}


def test_a_cluster_is_named_by_its_smallest_record_whatever_the_pair_order():
    records = {"c": person(), "a": person("Хасан", "hasan"), "b": person("حسن", "hsn")}
    pairs = [(0.99, "c", "b"), (0.98, "b", "a")]
    assert constrained_clusters(records, pairs) == {"a": "a", "b": "a", "c": "a"}
    assert constrained_clusters(records, list(reversed(pairs))) == {"a": "a", "b": "a", "c": "a"}


def test_twins_linked_through_a_record_without_a_date_stay_apart():
    records = {
        "hassan": person("Hassan", birth=(2001, 5, 6)),
        "no_date": person("Hassan"),
        "omar": person("Omar", birth=(2001, 5, 6)),
    }
    pairs = [(0.999, "hassan", "no_date"), (0.97, "no_date", "omar"), (0.96, "hassan", "omar")]
    clusters = constrained_clusters(records, pairs)
    assert clusters["hassan"] == clusters["no_date"]
    assert clusters["omar"] == "omar"


def test_the_stronger_pair_wins_when_a_record_could_join_either_of_two():
    records = {
        "a": person(birth=(1990, 3, 4)),
        "b": person(),
        "c": person(birth=(1991, 7, 8)),
    }
    clusters = constrained_clusters(records, [(0.96, "a", "b"), (0.99, "b", "c")])
    assert clusters == {"a": "a", "b": "b", "c": "b"}


def test_one_mistyped_record_does_not_keep_two_halves_of_a_person_apart():
    records = {
        "latin": person("Mahmud"),
        "typo": person("Mahmogd"),
        "cyrillic": person("Махмуд", "makhmud"),
        "arabic": person("محمود", "mhmwd"),
    }
    # Mahmogd is near Mahmud but not Махмуд or محمود: outvoted, not a veto.
    pairs = [(0.999, "latin", "typo"), (0.99, "cyrillic", "arabic"), (0.98, "latin", "cyrillic")]
    assert set(constrained_clusters(records, pairs).values()) == {"arabic"}


def test_a_pair_of_different_names_never_joins_however_alike_the_rest():
    records = {
        "hassan": person("Hassan", birth=(2001, 5, 6)),
        "hasan": person("Hasan"),
        "hussein": person("Hussein"),
        "hussein_too": person("Hussein", birth=(2001, 5, 6)),
    }
    pairs = [(0.999, "hassan", "hasan"), (0.998, "hussein", "hussein_too")]
    pairs += [(0.99, "hasan", "hussein")]  # twins: the pair joining them differs
    clusters = constrained_clusters(records, pairs)
    assert clusters["hassan"] != clusters["hussein"]


def test_most_pairs_across_two_clusters_with_different_names_keep_them_apart():
    records = {
        "typo": person("Mahmogd"),
        "typo_too": person("Mahmogd"),
        "latin": person("Mahmud"),
        "cyrillic": person("Махмуд", "makhmud"),
        "arabic": person("محمود", "mhmwd"),
    }
    pairs = [(0.999, "typo", "typo_too"), (0.998, "latin", "cyrillic")]
    pairs += [(0.997, "cyrillic", "arabic"), (0.99, "typo", "latin")]
    # The joining pair agrees, but four of the six pairs across do not.
    clusters = constrained_clusters(records, pairs)
    assert clusters["typo"] == clusters["typo_too"] != clusters["latin"] == clusters["arabic"]


def test_what_contradicts_and_what_does_not():
    assert contradict(person("Hassan"), person("Omar"))
    assert contradict(person("Hassan"), person("Hussein"))  # one skeleton, two names
    assert not contradict(person("Mohammed"), person("Мухаммед", "mukhammed"))
    assert not contradict(person("Mohammed"), person("Mohammad"))
    assert not contradict(person(birth=(1990, 3, 4)), person(birth=(1990, 4, 3)))
    assert contradict(person(birth=(1990, 3, 4)), person(birth=(1990, 3, 5)))
    assert not contradict(person(birth=(1990, 3, 4)), person(birth=None))
    assert contradict(person(sex="M"), person(sex="F"))
    assert not contradict(person(sex=None), person(sex="F"))
