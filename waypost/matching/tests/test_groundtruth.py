import csv
import io
import re
from collections import defaultdict

from waypost.matching import variation
from waypost.matching.groundtruth import (
    BORDER,
    SELF,
    UNHCR,
    generate,
    write_records_csv,
    write_truth_csv,
)
from waypost.matching.names import same_name

ISSUE_HEADER = (
    "record_id,source,given_name,father_name,family_name,full_name,date_of_birth,sex,"
    "nationality,phone"
)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def rows(truth):
    return [(record.row(), record.identity_id) for record in truth.records]


def test_the_same_seed_gives_the_same_records_and_another_seed_others():
    assert rows(generate(people=300, seed=7)) == rows(generate(people=300, seed=7))
    assert rows(generate(people=300, seed=7)) != rows(generate(people=300, seed=8))


def test_it_makes_exactly_the_people_asked_for_each_written_down_by_several_sources():
    truth = generate(people=500, seed=1)
    assert len({identity.identity_id for identity in truth.identities}) == 500
    sources = defaultdict(set)
    for record in truth.records:
        sources[record.identity_id].add(record.source)
    assert len(sources) == 500
    assert all(UNHCR in found and len(found) >= 2 for found in sources.values())
    assert len({record.record_id for record in truth.records}) == len(truth.records)


def test_every_variation_process_occurs():
    truth = generate(people=600, seed=1)
    seen = {mark for record in truth.records for mark in record.variations}
    assert seen == set(variation.VARIATIONS)


def test_sources_write_in_their_own_script():
    truth = generate(people=300, seed=1)
    border = [record for record in truth.records if record.source == BORDER]
    written = [record for record in truth.records if record.source == SELF]
    assert all(CYRILLIC.search(record.given_name) for record in border)
    assert sum(bool(ARABIC_SCRIPT.search(record.given_name)) for record in written) > 100
    unhcr = [record for record in truth.records if record.source == UNHCR]
    assert not any(CYRILLIC.search(record.full_name) for record in unhcr)


def test_fields_are_written_as_the_issue_specifies():
    for record in generate(people=300, seed=3).records:
        assert re.fullmatch(r"(\d{4}-\d{2}-\d{2}|\d{4})?", record.date_of_birth)
        assert record.sex in {"M", "F", ""}
        assert re.fullmatch(r"([A-Z]{3})?", record.nationality)


def test_household_phones_are_shared_by_different_people():
    holders = defaultdict(set)
    for record in generate(people=300, seed=1).records:
        if record.phone:
            holders[record.phone].add(record.identity_id)
    assert any(len(people) > 1 for people in holders.values())


def test_twins_are_different_people_with_one_father_family_name_and_birth_date():
    truth = generate(people=600, seed=1)
    births = defaultdict(list)
    for identity in truth.identities:
        births[(identity.family_id, identity.born)].append(identity)
    twins = [pair for pair in births.values() if len(pair) > 1]
    assert twins
    for first, second, *_ in twins:
        assert first.identity_id != second.identity_id
        assert (first.father, first.family) == (second.father, second.family)
        assert first.given != second.given


def test_cousins_share_given_and_family_names_but_not_their_identity():
    truth = generate(people=600, seed=1)
    namesakes = defaultdict(set)
    for identity in truth.identities:
        if identity.family is not None:
            namesakes[(identity.given, identity.family)].add(identity.family_id)
    assert any(len(families) > 1 for families in namesakes.values())


def test_the_csv_header_is_exactly_the_issues_and_identities_go_to_their_own_file():
    truth = generate(people=50, seed=1)
    records, identities = io.StringIO(), io.StringIO()
    write_records_csv(truth.records, records)
    write_truth_csv(truth.records, identities)
    assert records.getvalue().splitlines()[0] == ISSUE_HEADER
    read = list(csv.DictReader(io.StringIO(records.getvalue())))
    assert [row["record_id"] for row in read] == [r.record_id for r in truth.records]
    assert read[0] == truth.records[0].row()
    pairs = list(csv.reader(io.StringIO(identities.getvalue())))
    assert pairs[0] == ["record_id", "identity_id"]
    assert pairs[1] == [truth.records[0].record_id, truth.records[0].identity_id]


def test_the_given_names_of_one_person_are_nearly_always_the_same_name_without_typos():
    truth = generate(people=1000, seed=1)
    records = defaultdict(list)
    for record in truth.records:
        if variation.TYPO not in record.variations:
            records[record.identity_id].append(record.given_name)
    pairs = [
        (a, b) for names in records.values() for i, a in enumerate(names) for b in names[i + 1 :]
    ]
    agreeing = sum(same_name(a, b) for a, b in pairs)
    assert agreeing / len(pairs) >= 0.95


def test_brothers_and_sisters_almost_never_have_the_same_given_name():
    truth = generate(people=1000, seed=1)
    names = defaultdict(list)
    for record in truth.records:
        names[record.identity_id].append(record.given_name)
    families = defaultdict(list)
    for identity in truth.identities:
        families[identity.family_id].append(identity.identity_id)
    pairs = [
        (a, b)
        for members in families.values()
        for i, first in enumerate(members)
        for second in members[i + 1 :]
        for a in names[first]
        for b in names[second]
    ]
    assert sum(same_name(a, b) for a, b in pairs) / len(pairs) <= 0.005
