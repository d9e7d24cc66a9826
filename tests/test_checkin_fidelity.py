"""Round-trip fidelity: a check-in changes nothing but the lines it inserts.

For every file in examples/ and every deliberately odd file in tests/data/odd
(comments on every line, flow lists, quoting, CRLF, 4-space and unindented
lists, trailing comments, no final newline, block scalars, a BOM...), each key
result and guardrail in turn gets a check-in, and each result must be the
original text with exactly one contiguous insertion.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from okrcli.usecases.checkin import metrics_of
from okrcli.usecases.checkin_write import plan_file, write_change
from okrcli.yamlio.line_endings import line_ending
from okrcli.yamlio.splice import NewCheckIn
from okrcli.usecases.pipeline import load_file
from tests.helpers import EXAMPLES

ODD = Path(__file__).resolve().parent / "data" / "odd"
FILES = sorted(EXAMPLES.glob("*/okrs/*/*.yaml")) + sorted(ODD.glob("*.yaml"))


def pure_insertion(before: str, after: str) -> str:
    """The inserted text if ``after`` is ``before`` with one contiguous insertion; fails otherwise."""
    prefix = 0
    while prefix < len(before) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = before[prefix:]
    assert after.endswith(suffix) and len(after) - len(suffix) >= prefix, "the change is not a pure insertion"
    return after[prefix : len(after) - len(suffix)]


def assert_inserted(before: str, after: str, block: str, whole_lines: bool = True) -> None:
    """``after`` is ``before`` with exactly ``block`` inserted (at a line start for block styles)."""
    index = after.find(block)
    assert index != -1, f"{block!r} not found in the new text"
    assert after[:index] + after[index + len(block):] == before
    if whole_lines:
        assert index == 0 or after[index - 1] == "\n"


def _checkin_date(period_end: date) -> date:
    return min(date(2026, 11, 23), period_end)


@pytest.mark.parametrize("source", FILES, ids=[f.relative_to(f.parents[2]).as_posix() for f in FILES])
def test_each_checkin_only_inserts(tmp_path, source):
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    raw = path.read_bytes()
    ending = line_ending(raw.decode("utf-8-sig"))
    team_file = load_file(path).team_file
    assert team_file is not None
    metrics = metrics_of(path, team_file.okr, team_file.period)
    assert metrics
    for number, metric in enumerate(metrics):
        when = _checkin_date(team_file.period.end)
        new = NewCheckIn(when, 1000 + number, 0.65, f"note {number}: fine", "tester")
        change = plan_file(path, tmp_path, [(metric, new)], replace=False)
        inserted = pure_insertion(change.before, change.after)
        assert str(1000 + number) in inserted
        assert inserted.replace(ending, "").replace("\r", "").replace("\n", "") == inserted.replace(ending, ""), "the file's dominant line ending"
        write_change(change)
        reloaded = load_file(path).team_file
        again = {m.ref: m for m in metrics_of(path, reloaded.okr, reloaded.period)}[metric.ref]
        assert again.checkins[-1].value == 1000 + number
        assert again.checkins[-1].note == f"note {number}: fine"
        assert again.checkins[-1].confidence == 0.65
    final = path.read_bytes()
    assert final.startswith(b"\xef\xbb\xbf") == raw.startswith(b"\xef\xbb\xbf")
    assert final.endswith(b"\n") == raw.endswith(b"\n")


def test_block_insertions_are_whole_lines(tmp_path):
    path = tmp_path / "f.yaml"
    shutil.copyfile(ODD / "07-trailing-comment.yaml", path)
    team_file = load_file(path).team_file
    metric = metrics_of(path, team_file.okr, team_file.period)[0]
    change = plan_file(path, tmp_path, [(metric, NewCheckIn(date(2026, 11, 23), 30, None, None, None))], False)
    assert_inserted(change.before, change.after, "          - date: 2026-11-23\n            value: 30\n")
    # the new check-in goes after the last one, before the trailing comment
    assert change.after.index("value: 30") < change.after.index("# next check-in")


@pytest.mark.parametrize(
    "name,expected",
    [
        ("02-flow-checkins.yaml", ", {date: 2026-11-23, value: 30}"),
        ("05-four-spaces.yaml", "                    -   date: 2026-11-23\n                        value: 30\n"),
        ("06-unindented-lists.yaml", "    - date: 2026-11-23\n      value: 30\n"),
        ("10-flow-items.yaml", "          - {date: 2026-11-23, value: 30}\n"),
        ("08-no-final-newline.yaml", None),
    ],
)
def test_style_of_the_file_is_followed(tmp_path, name, expected):
    path = tmp_path / name
    shutil.copyfile(ODD / name, path)
    team_file = load_file(path).team_file
    metric = next(m for m in metrics_of(path, team_file.okr, team_file.period) if m.ref.endswith("/pages"))
    change = plan_file(path, tmp_path, [(metric, NewCheckIn(date(2026, 11, 23), 30, None, None, None))], False)
    if expected is None:  # no final newline stays no final newline
        assert change.after == change.before + "\n          - date: 2026-11-23\n            value: 30"
    else:
        assert_inserted(change.before, change.after, expected, whole_lines=not expected.startswith(","))


def test_first_checkin_creates_the_list_in_the_files_style(tmp_path):
    path = tmp_path / "f.yaml"
    shutil.copyfile(ODD / "09-no-checkins-block-scalar.yaml", path)
    team_file = load_file(path).team_file
    metric = metrics_of(path, team_file.okr, team_file.period)[0]
    change = plan_file(path, tmp_path, [(metric, NewCheckIn(date(2026, 11, 23), 30, 0.5, None, None))], False)
    assert_inserted(
        change.before,
        change.after,
        "        checkins:\n          - date: 2026-11-23\n            value: 30\n            confidence: 0.5\n",
    )


def test_flow_mapping_key_result(tmp_path):
    path = tmp_path / "f.yaml"
    shutil.copyfile(ODD / "10-flow-items.yaml", path)
    team_file = load_file(path).team_file
    metric = next(m for m in metrics_of(path, team_file.okr, team_file.period) if m.ref.endswith("/mttr"))
    change = plan_file(path, tmp_path, [(metric, NewCheckIn(date(2026, 11, 23), 60, None, None, None))], False)
    assert_inserted(change.before, change.after, ", checkins: [{date: 2026-11-23, value: 60}]", whole_lines=False)
