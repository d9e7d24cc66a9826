"""From a source's output to a number: JSON Pointers, CSV cells, plain text, and what each refuses."""

from __future__ import annotations

import sys

import pytest

from okrcli.model.source_ref import SourceRef
from okrcli.repo.fetchers import FetchError, run_command
from okrcli.repo.source_values import ValueProblem, read_output, resolve_pointer, select_value, to_number
from okrcli.repo.sources import Source

CSV = Source(file="m.csv")
JSON = Source(file="m.json")
COMMAND = Source(command=["x"])
TABLE = b"\xef\xbb\xbfregion, week ,nps\nemea,2026-11-09,33\namer,2026-11-09,40\n\nemea,2026-11-16,35.5\namer,2026-11-16,41\n"


def _value(raw: bytes, source: Source, ref: SourceRef, unit: str | None = None) -> float:
    return to_number(select_value(read_output(raw, source), ref, source.select), unit, "the value")


@pytest.mark.parametrize(
    "ref,expected",
    [
        (SourceRef(name="s", column="nps"), 41),  # the last row
        (SourceRef(name="s", column="nps", row="emea"), 35.5),  # the last row whose first column is emea
        (SourceRef(name="s", column="region", key="nps", row="33"), None),
        (SourceRef(name="s", column="nps", key="week", row="2026-11-09"), 40),
    ],
)
def test_csv_cells_by_column_and_row(ref, expected):
    if expected is None:
        with pytest.raises(ValueProblem, match="the value is 'emea', not a number"):
            _value(TABLE, CSV, ref)
    else:
        assert _value(TABLE, CSV, ref) == expected


@pytest.mark.parametrize(
    "ref,message",
    [
        (SourceRef(name="s"), "a CSV source needs a column"),
        (SourceRef(name="s", column="csat"), "no column 'csat' (columns: region, week, nps)"),
        (SourceRef(name="s", column="nps", row="apac"), "no row of the CSV file has 'apac' in column 'region'"),
        (SourceRef(name="s", select="/0/nps"), "a CSV source is read by column and row"),
    ],
)
def test_csv_mistakes_say_what_is_there(ref, message):
    with pytest.raises(ValueProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        _value(TABLE, CSV, ref)


def test_json_pointers_follow_rfc_6901():
    document = {"a/b": {"m~n": [10, {"x": "1.2k"}]}, "": 7}
    assert resolve_pointer(document, "/a~1b/m~0n/1/x") == "1.2k"
    assert resolve_pointer(document, "/") == 7
    assert resolve_pointer(document, "") is document
    for pointer, message in [
        ("/a~1b/m~0n/2", "is a list of 2 items"),
        ("/a~1b/m~0n/01", "'01' is not an index"),
        ("/a~1b/m~0n/0/x", "/a~1b/m~0n/0 is a value, with nothing inside"),
        ("/nope", "the top level has no key 'nope' (keys: a/b, )"),
    ]:
        with pytest.raises(ValueProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
            resolve_pointer(document, pointer)


@pytest.mark.parametrize(
    "raw,unit,expected",
    [(b"41.5\n", None, 41.5), (b"41.5%\n", "%", 41.5), (b"$2M", "USD", 2_000_000), (b"5.5 days", "days", 5.5), (b'"1,200"', None, 1200)],
)
def test_command_output_is_read_like_a_check_in(raw, unit, expected):
    assert _value(raw, COMMAND, SourceRef(name="s"), unit) == expected


@pytest.mark.parametrize(
    "raw,source,ref,message",
    [
        (b'{"a": 1}', JSON, SourceRef(name="s"), "is an object, not a number; choose the number inside it"),
        (b'{"a": true}', JSON, SourceRef(name="s", select="/a"), "is true, not a number"),
        (b'{"a": null}', JSON, SourceRef(name="s", select="/a"), "is null, not a number"),
        (b'{"a": 1e999}', JSON, SourceRef(name="s", select="/a"), "too large"),
        (b'{"a": NaN}', JSON, SourceRef(name="s", select="/a"), "not JSON"),
        (b"<html>", JSON, SourceRef(name="s"), r"not JSON \(line 1, column 1\)"),
        (b"about 40", COMMAND, SourceRef(name="s"), "'about 40', not a number"),
        (b"40", COMMAND, SourceRef(name="s", select="/a"), "a value, with nothing inside"),
        (b"40 apples", COMMAND, SourceRef(name="s", select="/a"), "plain text, not JSON"),
        (b'{"a": 1}', JSON, SourceRef(name="s", column="a"), "choose a cell of a CSV file"),
        (b"\xff\xfe", JSON, SourceRef(name="s"), "not UTF-8"),
    ],
)
def test_what_is_not_a_number_is_named(raw, source, ref, message):
    with pytest.raises(ValueProblem, match=message):
        _value(raw, source, ref)


def test_a_failing_command_is_described_by_the_end_of_its_standard_error(tmp_path):
    script = "import sys\nsys.stderr.write('noise\\n' * 5000 + 'connection refused\\n')\nsys.exit(2)\n"
    with pytest.raises(FetchError, match="exited with status 2: connection refused$"):
        run_command([sys.executable, "-c", script], tmp_path, 10)
