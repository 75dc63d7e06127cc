"""`waypost dedup` end to end: generated records in, clusters out, bad input refused whole."""

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from waypost.matching.evaluation import pairwise_quality
from waypost.matching.groundtruth import generate, write_records_csv
from waypost.matching.models import DuplicateProposal, Source
from waypost.matching.tests.factories import recorded_twice


@pytest.fixture(scope="module")
def truth():
    return generate(people=2000, seed=5)


@pytest.fixture(scope="module")
def clustered(truth, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dedup")
    source, target = folder / "records.csv", folder / "clusters.csv"
    with source.open("w", encoding="utf-8") as stream:
        write_records_csv(truth.records, stream)
    errors = io.StringIO()
    call_command("dedup", "--input", str(source), "--output", str(target), stderr=errors)
    with target.open(encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    return rows, errors.getvalue()


def test_every_record_has_one_row_in_the_input_order(truth, clustered):
    rows, _progress = clustered
    assert rows[0] == ["record_id", "cluster_id"]
    assert [row[0] for row in rows[1:]] == [record.record_id for record in truth.records]


def test_a_cluster_is_named_by_its_smallest_record(clustered):
    rows, _progress = clustered
    members: dict[str, list[str]] = {}
    for record_id, cluster_id in rows[1:]:
        members.setdefault(cluster_id, []).append(record_id)
    assert all(cluster == min(ids) for cluster, ids in members.items())


def test_records_of_one_person_are_found_and_different_people_kept_apart(truth, clustered):
    rows, _progress = clustered
    clusters = dict(row for row in rows[1:])
    identities = {record.record_id: record.identity_id for record in truth.records}
    names = {record.record_id: record.given_name for record in truth.records}
    quality = pairwise_quality(clusters, identities, names)
    assert quality.precision >= 0.97
    assert quality.recall >= 0.6
    assert quality.cross_script_recall >= 0.6


def test_progress_is_shown_stage_by_stage(clustered):
    _rows, progress = clustered
    for stage in ("records read: 5,", "records prepared", "pairs at or above", "rows written"):
        assert stage in progress


def run(tmp_path, text, *extra):
    source, target = tmp_path / "records.csv", tmp_path / "clusters.csv"
    source.write_bytes(text)
    with pytest.raises(CommandError) as refusal:
        call_command("dedup", "--input", str(source), "--output", str(target), *extra)
    return str(refusal.value), target.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"id,given_name\nR1,Ali\n", "the header has no record_id column"),
        (b"record_id\nR1\nR1\n", "line 3: record_id 'R1' is already on line 2"),
        (b"record_id,sex\nR1,M\n\nR2,F\n,F\n", "line 5: record_id is empty"),
        (b"record_id,given_name\nR1,Jos\xe9\n", "line 2: byte 28 of the file (0xe9) is not UTF-8"),
        (b"record_id,date_of_birth\nR1,1990-02-30\n", "line 2: date_of_birth '1990-02-30'"),
        (b"record_id,sex\nR1,W\n", "line 2: sex 'W' is not M, F or empty"),
    ],
)
def test_bad_input_exits_with_the_line_and_writes_nothing(tmp_path, text, message):
    refusal, written = run(tmp_path, text)
    assert message in refusal
    assert not written


def test_a_threshold_outside_0_and_1_is_refused(tmp_path):
    with pytest.raises(CommandError, match="not a probability"):
        call_command("dedup", "--input", "x", "--output", "y", "--threshold", "1.5")


def test_a_missing_input_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("dedup", "--input", str(tmp_path / "none.csv"), "--output", "y.csv")


def test_the_same_input_gives_the_same_clusters(tmp_path):
    text = io.StringIO()
    write_records_csv(generate(people=120, seed=2).records, text)
    source = tmp_path / "records.csv"
    source.write_text(text.getvalue(), encoding="utf-8")
    outputs = []
    for name in ("one.csv", "two.csv"):
        call_command("dedup", "--input", str(source), "--output", str(tmp_path / name))
        outputs.append((tmp_path / name).read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


@pytest.mark.django_db
def test_the_registry_run_proposes_the_person_registered_twice(unhcr_registrar, camp):
    first, second = recorded_twice(by=unhcr_registrar, site=camp)
    output = io.StringIO()
    call_command("dedup", "--registry", "--threshold", "0.3", stdout=output, stderr=io.StringIO())
    proposal = DuplicateProposal.objects.get()
    assert {proposal.first_id, proposal.second_id} == {first.pk, second.pk}
    assert proposal.source == Source.BATCH
    assert "1 pairs proposed" in output.getvalue()
