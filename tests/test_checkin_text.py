"""What okr writes into a file: note text, line endings, flow lists and byte-order marks.

Issue 11, item 14. A note with a control character is refused before anything is read
or written, naming the character; line and paragraph separators are line breaks and are
written as newlines; whitespace at a note's ends is kept. Every line ending a file uses
(LF, CRLF, CR only, or a mix) and every flow-list layout takes a check-in, and the new
lines follow the file's dominant ending.
"""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest

from okrcli.usecases.checkin import metrics_of
from okrcli.usecases.checkin_write import plan_file, write_change
from okrcli.usecases.pipeline import load_file
from okrcli.yamlio.line_endings import line_ending
from okrcli.yamlio.splice import NewCheckIn
from tests.helpers import VALID_FILE, make_repo, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
ODD = Path(__file__).resolve().parent / "data" / "odd"
CHECKIN = ["checkin", "finance/faster-close/close-time", "--value", "5.5", "--date", "2026-11-23"]


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "r", {FILE: VALID_FILE})


def _last_checkin(repo, path=FILE, kr=0):
    return load_file(repo / path).team_file.okr.objectives[0].key_results[kr].checkins[-1]


@pytest.mark.parametrize(
    "char,name",
    [("\x1b", "U+001B (ESC)"), ("\x7f", "U+007F (DEL)"), ("\x00", "U+0000 (NUL)"), ("\x07", "U+0007 (BEL)"),
     ("\x9b", "U+009B"), ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\x0c", "U+000C")],
)
@pytest.mark.parametrize("option", ["--note", "--by"])
def test_control_characters_are_refused_up_front_naming_the_character(repo, capsys, char, name, option):
    before = (repo / FILE).read_bytes()
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, option, f"Nov{char}close")
    assert result.exit_code == 2, result.stderr
    assert f"okr: error: {option} contains {name}" in result.stderr
    assert "please report" not in result.stderr and "\x1b" not in result.stderr
    assert (repo / FILE).read_bytes() == before


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r\n", "\r", "\n"])
def test_line_and_paragraph_separators_in_a_note_become_newlines(repo, capsys, separator):
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, "--note", f"AP export{separator}now hourly")
    assert result.exit_code == 0, result.stderr
    assert _last_checkin(repo).note == "AP export\nnow hourly"
    assert 'note: "AP export\\nnow hourly"\n' in (repo / FILE).read_text()


def test_a_line_break_in_by_is_refused(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, "--by", "omar\u2028ines")
    assert result.exit_code == 2 and "--by contains a line break" in result.stderr


def test_text_that_is_not_utf8_is_refused(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, "--note", "caf\udce9")  # how Python passes the byte 0xE9
    assert result.exit_code == 2 and "--note is not UTF-8 text (byte 0xE9)" in result.stderr


@pytest.mark.parametrize("note", ["done\t", "\tindented", " leading space", "trailing space ", "tab\tinside", "yes", "a: b", "#1", "- x"])
def test_a_note_is_kept_exactly(repo, capsys, note):
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, "--note", note)
    assert result.exit_code == 0, result.stderr
    assert _last_checkin(repo).note == note


def test_the_interactive_note_asks_again_after_a_control_character(repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("5.8\n0.6\nbad\x1b[2Jnote\ngood note\n\ny\n"))
    result = run_cli(capsys, "-C", str(repo), "checkin", "--team", "finance", "--date", "2026-11-23")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "note contains U+001B (ESC)" in result.stdout and "\x1b" not in result.stdout
    assert _last_checkin(repo).note == "good note"


# --- line endings and layouts ------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [("a\nb\n", "\n"), ("a\r\nb\r\n", "\r\n"), ("a\rb\r", "\r"), ("a\nb\nc\r\nd\n", "\n"), ("a\r\nb\r\nc\nd\r\n", "\r\n"), ("a", "\n")],
)
def test_the_dominant_line_ending(text, expected):
    assert line_ending(text) == expected


def _check_in_everywhere(tmp_path, name):
    """Give every key result and guardrail of odd file ``name`` a check-in; return (before, after) bytes."""
    path = tmp_path / name
    shutil.copyfile(ODD / name, path)
    before = path.read_bytes()
    team_file = load_file(path).team_file
    for number, metric in enumerate(metrics_of(path, team_file.okr, team_file.period)):
        new = NewCheckIn(date(2026, 11, 23), 1000 + number, 0.5, f"line one\nline {number}", None)
        write_change(plan_file(path, tmp_path, [(metric, new)], replace=False))
        assert load_file(path).team_file is not None
    return before, path.read_bytes()


def _lines(raw: bytes, ending: bytes) -> list[bytes]:
    return raw.split(ending)


def test_a_cr_only_file_takes_check_ins_in_cr(tmp_path):
    before, after = _check_in_everywhere(tmp_path, "14-cr-only.yaml")
    assert b"\n" not in after and after.count(b"\r") > before.count(b"\r")
    old = _lines(before, b"\r")
    assert [line for line in _lines(after, b"\r") if b"2026-11-23" not in line and b"value: 100" not in line
            and b"confidence: 0.5" not in line and b"note: " not in line and b"checkins:" not in line] == [
        line for line in old if b"checkins:" not in line
    ]


@pytest.mark.parametrize("name,ending", [("15-mostly-lf-one-crlf.yaml", b"\n"), ("16-mostly-crlf-one-lf.yaml", b"\r\n")])
def test_a_mixed_file_gets_its_dominant_line_ending(tmp_path, name, ending):
    before, after = _check_in_everywhere(tmp_path, name)
    other = {b"\n": b"\r\n", b"\r\n": b"\n"}[ending]

    def count(raw: bytes, what: bytes) -> int:
        return raw.count(b"\r\n") if what == b"\r\n" else raw.count(b"\n") - raw.count(b"\r\n")

    assert count(after, other) == count(before, other) == 1  # the odd line out stays the only one
    assert count(after, ending) > count(before, ending)


def test_a_lone_cr_in_an_lf_file_is_refused_clearly(repo, capsys):
    (repo / FILE).write_bytes(VALID_FILE.replace("period: 2026-Q4\n", "period: 2026-Q4\r").encode())
    assert load_file(repo / FILE).team_file is not None  # YAML reads a lone CR as a line break
    before = (repo / FILE).read_bytes()
    result = run_cli(capsys, "-C", str(repo), *CHECKIN)
    assert result.exit_code == 1
    assert "finance.yaml mixes line endings: a carriage return alone (line 2)" in result.stderr
    assert "please report" not in result.stderr and (repo / FILE).read_bytes() == before


FLOW = (ODD / "17-flow-trailing-commas.yaml").read_text()


@pytest.mark.parametrize(
    "kr,old,new",
    [
        ("pages",
         "          {date: 2026-10-12, value: 31, confidence: 0.5},  # c\n        ]",
         "          {date: 2026-10-12, value: 31, confidence: 0.5},  # c\n          {date: 2026-11-23, value: 30},\n        ]"),
        ("mttr",
         "          {date: 2026-10-05, value: 80}  # no comma after the last",
         "          {date: 2026-10-05, value: 80}, {date: 2026-11-23, value: 30}  # no comma after the last"),
        ("queue",
         "baseline: 50, target: 10,  # c\n        }",
         "baseline: 50, target: 10,  # c\n          checkins: [{date: 2026-11-23, value: 30}],\n        }"),
        ("toil",
         "          {date: 2026-10-05, value: 28},  # c\n        ]}",
         "          {date: 2026-10-05, value: 28},  # c\n          {date: 2026-11-23, value: 30},\n        ]}"),
    ],
)
def test_flow_lists_with_trailing_commas_and_comments(tmp_path, kr, old, new):
    path = tmp_path / "ops.yaml"
    path.write_text(FLOW)
    team_file = load_file(path).team_file
    metric = next(m for m in metrics_of(path, team_file.okr, team_file.period) if m.ref.endswith("/" + kr))
    change = plan_file(path, tmp_path, [(metric, NewCheckIn(date(2026, 11, 23), 30))], replace=False)
    assert FLOW.count(old) == 1
    assert change.after == FLOW.replace(old, new)


# --- okr draft writes what okr checkin would ---------------------------------------------

DRAFT = ["draft", "--team", "finance", "--period", "2026-Q4", "--objective", "Suppliers are paid on time", "--type", "committed",
         "--kr", "Raise invoices paid on time from 81% to 97%", "--kr", "Cut supplier payment queries from 60 to 15"]


@pytest.mark.parametrize(
    "prefix,ending", [(b"\xef\xbb\xbf", "\n"), (b"", "\r\n"), (b"", "\r"), (b"\xef\xbb\xbf", "\r\n")], ids=["bom", "crlf", "cr", "bom-crlf"]
)
def test_draft_keeps_the_byte_order_mark_and_line_endings(tmp_path, capsys, prefix, ending):
    original = prefix + VALID_FILE.replace("\n", ending).encode()
    repo = make_repo(tmp_path / "r", {FILE: original})
    result = run_cli(capsys, "-C", str(repo), *DRAFT)
    assert result.exit_code == 0, result.stderr
    after = (repo / FILE).read_bytes()
    assert after.startswith(original)
    added = after[len(original):].decode()
    assert "suppliers-are-paid-time" in added
    assert added.replace(ending, "") == added.replace(ending, "").replace("\r", "").replace("\n", "")
    assert len(load_file(repo / FILE).team_file.okr.objectives) == 2


@pytest.mark.parametrize("option", ["--objective", "--kr", "--owner"])
def test_draft_refuses_control_characters_up_front(repo, capsys, option):
    args = list(DRAFT) + ["--owner", "omar"]
    position = args.index(option) + 1
    args[position] = args[position] + "\x1b]0;PWNED\x07"
    result = run_cli(capsys, "-C", str(repo), *args)
    assert result.exit_code == 2 and f"{option} contains U+001B (ESC)" in result.stderr
    assert "would not validate" not in result.stderr


@pytest.mark.parametrize(
    "text,rendered",
    [("Nov close", "Nov close"), ("done\t", '"done\\t"'), (" x", '" x"'), ("a\u2028b", '"a\\nb"'), ("a\x85b\r\nc", '"a\\nb\\nc"'),
     ("yes", '"yes"'), ("a #b", '"a #b"')],
)
def test_every_writer_of_text_quotes_what_a_plain_scalar_would_lose(text, rendered):
    from okrcli.yamlio.splice import render_text

    assert render_text(text) == rendered  # okr rebaseline --reason and okr pull use it too
