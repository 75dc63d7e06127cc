"""RECORDS.csv is read or refused with the line at fault; CLUSTERS.csv is written whole or not."""

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waypost.matching.csvio import RecordsFileError, parse_records, write_clusters
from waypost.matching.records import RECORD_COLUMNS

HEADER = ",".join(RECORD_COLUMNS)


def refused(text: bytes) -> str:
    with pytest.raises(RecordsFileError) as refusal:
        parse_records(text)
    return str(refusal.value)


def test_a_full_file_is_read_with_every_column():
    text = f"{HEADER}\nR1,unhcr,Ahmed,Ali,Barzani,Ahmed Ali Barzani,1990-03-04,M,IRQ,+964750\n"
    (record,) = parse_records(text.encode())
    assert record.given_name == "Ahmed"
    assert record.date_of_birth == "1990-03-04"
    assert record.phone == "+964750"


def test_only_record_id_is_needed_and_missing_columns_read_as_empty():
    records = parse_records(
        b"record_id,given_name\nR1,\xd0\x90\xd1\x85\xd0\xbc\xd0\xb5\xd0\xb4\nR2,\n"
    )
    assert [record.given_name for record in records] == ["Ахмед", ""]
    assert records[0].family_name == ""


def test_a_byte_order_mark_and_windows_line_ends_are_accepted():
    records = parse_records(b"\xef\xbb\xbfrecord_id,sex\r\nR1,F\r\n\r\n")
    assert [(record.record_id, record.sex) for record in records] == [("R1", "F")]


def test_columns_outside_the_interface_are_ignored():
    (record,) = parse_records(b"record_id,notes,sex\nR1,anything,M\n")
    assert record.sex == "M"


def test_a_file_without_record_id_names_the_columns_it_has():
    assert refused(b"id,given_name\n1,Ali\n") == (
        "the header has no record_id column (it has: id, given_name)"
    )


def test_an_empty_file_is_refused():
    assert "empty" in refused(b"")


def test_an_empty_record_id_names_its_line():
    assert refused(b"record_id,given_name\nR1,Ali\n,Omar\n") == "line 3: record_id is empty"


def test_a_duplicate_record_id_names_both_lines():
    message = refused(b"record_id\nR1\nR2\nR1\n")
    assert message == "line 4: record_id 'R1' is already on line 2"


def test_a_file_that_is_not_utf8_names_the_line_and_byte():
    latin1 = "record_id,given_name\nR1,Ali\nR2,Jos\xe9\n".encode("latin-1")
    message = refused(latin1)
    assert message.startswith("line 3: byte 35 of the file (0xe9) is not UTF-8")


@pytest.mark.parametrize(
    "written", ["1990-13-01", "1990-02-30", "90", "01/02/1990", "1990-1-1", "about 30"]
)
def test_a_birth_date_not_in_the_interface_form_is_refused_with_its_value(written):
    message = refused(f"record_id,date_of_birth\nR1,1990\nR2,{written}\n".encode())
    assert message == f"line 3: date_of_birth {written!r} is not YYYY-MM-DD, YYYY or empty"


@pytest.mark.parametrize("written", ["male", "X", "m"])
def test_a_sex_other_than_m_f_or_empty_is_refused(written):
    assert refused(f"record_id,sex\nR1,{written}\n".encode()) == (
        f"line 2: sex {written!r} is not M, F or empty"
    )


def test_every_problem_is_listed_up_to_a_limit():
    rows = "".join(f"R{n},1990-99-99\n" for n in range(100))
    message = refused(f"record_id,date_of_birth\n{rows}".encode())
    assert len(message.splitlines()) == 20


def test_clusters_are_written_in_the_input_order(tmp_path):
    target = tmp_path / "clusters.csv"
    write_clusters(target, ["b", "a", "c"], {"a": "a", "b": "a", "c": "c"})
    assert target.read_text() == "record_id,cluster_id\nb,a\na,a\nc,c\n"


def test_a_failed_write_leaves_no_file_behind(tmp_path):
    target = tmp_path / "clusters.csv"
    with pytest.raises(KeyError):
        write_clusters(target, ["a", "missing"], {"a": "a"})
    assert list(tmp_path.iterdir()) == []


field_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(field_text, field_text, field_text), max_size=8))
def test_any_field_content_is_read_or_refused_with_a_message(rows):
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["record_id", "given_name", "date_of_birth"])
    writer.writerows(rows)
    try:
        records = parse_records(stream.getvalue().encode("utf-8"))
    except RecordsFileError as refusal:
        assert str(refusal).startswith(("line ", "the "))
    else:
        ids = [record.record_id for record in records]
        assert len(ids) == len(set(ids))
        assert all(record_id for record_id in ids)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_are_read_or_refused_with_a_message(data):
    try:
        parse_records(b"record_id,sex\n" + data)
    except RecordsFileError as refusal:
        assert str(refusal)
