"""okr checkin --replace keeps what was not replaced, and asks before dropping words.

Issue 11, item 12. A replaced check-in takes the new value and whatever else was given,
each in place; its other fields and the comments in it stay byte for byte. A note or a
name replaced by a different one is shown and needs confirmation: a question at a
terminal, --yes in scripts; without either okr refuses (exit 2) and writes nothing.
"""

from __future__ import annotations

import io

import pytest

from okrcli.usecases.pipeline import load_file
from tests.helpers import VALID_FILE, make_repo, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
OLD = """\
          - date: 2026-10-05  # first close under the new process
            value: 6.5
            # the AP backlog is gone
            confidence: 0.6
            note: Nov close   # from the retro
            by: omar
"""
TEXT = VALID_FILE.replace("          - date: 2026-10-05\n            value: 6.5\n            confidence: 0.6\n", OLD)
REPLACE = ["checkin", "close-time", "--date", "2026-10-05", "--replace", "--value", "6.1"]


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "r", {FILE: TEXT})


def _run(capsys, repo, *args):
    return run_cli(capsys, "-C", str(repo), *REPLACE, *args)


def _checkin(repo):
    return load_file(repo / FILE).team_file.okr.objectives[0].key_results[0].checkins[0]


def test_only_the_value_changes_and_everything_else_stays(repo, capsys):
    result = _run(capsys, repo)
    assert result.exit_code == 0, result.stderr
    assert (repo / FILE).read_bytes() == TEXT.replace("value: 6.5\n", "value: 6.1\n").encode()
    assert 'close-time on 2026-10-05: value 6.5 days -> 6.1 days; kept confidence 0.6, note "Nov close", by "omar"' in result.stdout


def test_a_new_confidence_is_replaced_in_place(repo, capsys):
    assert _run(capsys, repo, "--confidence", "70%").exit_code == 0
    expected = TEXT.replace("value: 6.5\n", "value: 6.1\n").replace("confidence: 0.6\n", "confidence: 0.7\n")
    assert (repo / FILE).read_bytes() == expected.encode()


def test_the_same_note_again_needs_no_confirmation(repo, capsys):
    assert _run(capsys, repo, "--note", "Nov close", "--by", "omar").exit_code == 0
    assert _checkin(repo).note == "Nov close"


def test_a_note_where_there_was_none_is_added_as_a_line_of_the_check_in(tmp_path, capsys):
    repo = make_repo(tmp_path / "r", {FILE: VALID_FILE})
    result = _run(capsys, repo, "--note", "corrected")
    assert result.exit_code == 0, result.stderr
    expected = VALID_FILE.replace("value: 6.5\n            confidence: 0.6\n", "value: 6.1\n            confidence: 0.6\n            note: corrected\n")
    assert (repo / FILE).read_text() == expected


def test_dropping_a_note_without_a_terminal_is_refused(repo, capsys):
    result = _run(capsys, repo, "--note", "corrected figure")
    assert result.exit_code == 2
    assert 'the note "Nov close"' in result.stderr and "--yes" in result.stderr
    assert (repo / FILE).read_text() == TEXT


def test_yes_replaces_the_note_in_place_keeping_the_comments(repo, capsys):
    result = _run(capsys, repo, "--note", "corrected figure", "--by", "ines", "--yes")
    assert result.exit_code == 0, result.stderr
    expected = TEXT.replace("value: 6.5\n", "value: 6.1\n").replace("note: Nov close   #", "note: corrected figure   #").replace("by: omar", "by: ines")
    assert (repo / FILE).read_text() == expected


@pytest.mark.parametrize("answer,code", [("y\n", 0), ("n\n", 1), ("\n", 1), ("", 130)])
def test_at_a_terminal_okr_asks(repo, capsys, monkeypatch, answer, code):
    monkeypatch.setattr("okrcli.cli.prompt.at_terminal", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    result = _run(capsys, repo, "--note", "corrected figure")
    assert result.exit_code == code, result.stdout + result.stderr
    assert 'drops the note "Nov close"' in result.stdout
    assert (_checkin(repo).note == "corrected figure") == (code == 0)


def test_dry_run_shows_the_change_without_asking(repo, capsys):
    result = _run(capsys, repo, "--note", "corrected figure", "--dry-run")
    assert result.exit_code == 0
    assert "-            note: Nov close   # from the retro\n+            note: corrected figure   # from the retro" in result.stdout
    assert (repo / FILE).read_text() == TEXT


FLOW = VALID_FILE.replace(
    "          - date: 2026-10-05\n            value: 6.5\n            confidence: 0.6\n",
    "          - {date: 2026-10-05, value: 6.5, note: \"Nov close\"}  # c\n",
)


def test_a_flow_check_in_keeps_its_note_and_gets_new_fields_inside_its_braces(tmp_path, capsys):
    repo = make_repo(tmp_path / "r", {FILE: FLOW})
    assert _run(capsys, repo, "--confidence", "0.5").exit_code == 0
    assert (repo / FILE).read_text() == FLOW.replace('{date: 2026-10-05, value: 6.5, note: "Nov close"}', '{date: 2026-10-05, value: 6.1, note: "Nov close", confidence: 0.5}')


def test_a_flow_list_check_in(tmp_path, capsys):
    text = VALID_FILE.replace(
        "        checkins:\n          - date: 2026-10-05\n            value: 6.5\n            confidence: 0.6\n",
        "        checkins: [{date: 2026-10-05, value: 6.5, note: Nov close}, {date: 2026-10-12, value: 6.3}]\n",
    )
    repo = make_repo(tmp_path / "r", {FILE: text})
    assert _run(capsys, repo).exit_code == 0
    assert (repo / FILE).read_text() == text.replace("value: 6.5,", "value: 6.1,")


def test_a_block_scalar_note_is_kept_or_replaced_with_its_comment(tmp_path, capsys):
    text = TEXT.replace("            note: Nov close   # from the retro\n", "            note: |  # from the retro\n              Nov close,\n              two lines\n")
    repo = make_repo(tmp_path / "r", {FILE: text})
    assert _run(capsys, repo).exit_code == 0
    assert _checkin(repo).note == "Nov close,\ntwo lines\n"
    assert _run(capsys, repo, "--note", "one line", "--yes").exit_code == 0
    assert (repo / FILE).read_text() == text.replace("value: 6.5\n", "value: 6.1\n").replace(
        "note: |  # from the retro\n              Nov close,\n              two lines\n", "note: one line # from the retro\n"
    )


def test_crlf_and_no_final_newline(tmp_path, capsys):
    recon = "      - id: recon\n        title: Reduce unreconciled items from 120 to 30\n        baseline: 120\n        target: 30\n        unit: items\n"
    text = VALID_FILE.replace(recon, "").replace("    key_results:\n", "    key_results:\n" + recon)  # the check-in ends the file
    text = text.rstrip("\n").replace("\n", "\r\n")
    repo = make_repo(tmp_path / "r", {FILE: text.encode()})
    assert _run(capsys, repo, "--note", "late").exit_code == 0
    assert (repo / FILE).read_bytes() == text.replace("value: 6.5", "value: 6.1").encode() + b"\r\n            note: late"


def test_the_interactive_walk_shows_what_is_dropped_before_its_question(repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("6.1\n\ncorrected\n\ny\n"))
    result = run_cli(capsys, "-C", str(repo), "checkin", "finance", "--date", "2026-10-05", "--replace")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert 'drops the note "Nov close"' in result.stdout
    assert _checkin(repo).note == "corrected" and _checkin(repo).confidence == 0.6
