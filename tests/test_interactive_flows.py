"""The interactive flows of okr draft and okr checkin (issue 11, item 22).

Nothing typed is lost in silence: Enter at the last question writes, "no" prints what was
typed, and end of input at any question ends the command cleanly (exit 130, nothing
written, no traceback). A wrong answer is asked again. Numbers read the way their unit
does, unit words are understood, and a date that cannot take a check-in is said at once.
"""

from __future__ import annotations

import io

import pytest

from okrcli.usecases.pipeline import load_file
from tests.helpers import VALID_FILE, copy_acme, make_repo, run_cli

FINANCE = "okrs/2026-Q4/finance.yaml"

# one answer per prompt of a whole draft, in order
DRAFT_ANSWERS = [
    "people",                                   # team
    "2027-Q1",                                  # period
    "Acme is where good people want to stay",   # objective
    "c",                                        # type
    "Raise employee NPS to 30",                 # key result 1: no baseline
    "12",                                       # baseline
    "Cut regretted attrition",                  # key result 2: no numbers at all
    "y",                                        # keep it anyway
    "14%",                                      # baseline
    "10",                                       # target
    "",                                         # no third key result
    "ines",                                     # owner
    "n",                                        # no other objective
]
PEOPLE = "okrs/2027-Q1/people.yaml"


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "r", {FINANCE: VALID_FILE})


def _draft(capsys, monkeypatch, repo, answers, *args):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(a + "\n" for a in answers)))
    return run_cli(capsys, "-C", str(repo), "draft", *args)


def test_enter_at_write_writes(repo, capsys, monkeypatch):
    result = _draft(capsys, monkeypatch, repo, DRAFT_ANSWERS + [""])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Write? [Y/n]" in result.stdout
    objective = load_file(repo / PEOPLE).team_file.okr.objectives[0]
    assert [(k.baseline, k.target, k.unit) for k in objective.key_results] == [(12, 30, None), (14, 10, "%")]


def test_no_at_write_prints_what_was_typed(repo, capsys, monkeypatch):
    result = _draft(capsys, monkeypatch, repo, DRAFT_ANSWERS + ["n"])
    assert result.exit_code == 1
    assert "Nothing written." in result.stdout and "What you typed, to keep" in result.stdout
    assert "title: Acme is where good people want to stay" in result.stdout and "baseline: 14" in result.stdout
    assert not (repo / PEOPLE).exists()


@pytest.mark.parametrize("cut", range(len(DRAFT_ANSWERS) + 1))
def test_end_of_input_at_every_draft_prompt(repo, capsys, monkeypatch, cut):
    result = _draft(capsys, monkeypatch, repo, DRAFT_ANSWERS[:cut])
    assert result.exit_code == 130, result.stdout + result.stderr
    assert result.stderr == "okr: input ended; nothing was written\n"
    assert not (repo / PEOPLE).exists()
    if cut > 5:  # a key result was typed: it is shown, not lost
        assert "Raise employee NPS to 30" in result.stdout and "What you typed, to keep" in result.stdout


def test_period_option_is_used_and_not_asked(repo, capsys, monkeypatch):
    answers = [a for i, a in enumerate(DRAFT_ANSWERS) if i != 1] + [""]
    result = _draft(capsys, monkeypatch, repo, answers, "--period", "2027-Q2")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Period [" not in result.stdout
    assert (repo / "okrs/2027-Q2/people.yaml").is_file()


def test_a_bad_period_or_target_is_asked_again(repo, capsys, monkeypatch):
    answers = list(DRAFT_ANSWERS)
    answers[9:10] = ["ten", "10 %"]  # the target: not a number, then one
    answers[1:2] = ["2027-Q5", "9999-Q4", "2027-Q1"]
    result = _draft(capsys, monkeypatch, repo, answers + [""])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.count("Period [") == 3 and result.stdout.count("  Target: ") == 2
    assert "'ten' is not a number" in result.stdout
    assert load_file(repo / PEOPLE).team_file.okr.objectives[0].key_results[1].target == 10


def test_an_objective_already_in_the_file_is_pointed_out_at_its_title(repo, capsys, monkeypatch):
    answers = list(DRAFT_ANSWERS)
    answers[0:2] = ["finance", "2026-Q4"]
    answers[2:3] = ["close the books FAST enough to steer by them", "Acme is where good people want to stay"]
    result = _draft(capsys, monkeypatch, repo, answers + [""])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "finance.yaml already has this objective (as 'faster-close')" in result.stdout
    assert [o.id for o in load_file(repo / FINANCE).team_file.okr.objectives] == ["faster-close", "acme-is-where-good-people"]


def test_control_characters_at_a_prompt_are_asked_again(repo, capsys, monkeypatch):
    answers = list(DRAFT_ANSWERS)
    answers[2:3] = ["Acme\x1b[2J is great", "Acme is where good people want to stay"]
    result = _draft(capsys, monkeypatch, repo, answers + [""])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "the objective contains U+001B (ESC)" in result.stdout and "\x1b" not in result.stdout


def test_a_refused_write_prints_what_was_typed(repo, capsys, monkeypatch):
    (repo / "okrs/2027-Q1").mkdir(parents=True)
    (repo / PEOPLE).write_text("team: people\nperiod: 2027-Q1\nobjectives: [oops\n")
    result = _draft(capsys, monkeypatch, repo, DRAFT_ANSWERS + [""])
    assert result.exit_code == 1
    assert "The draft could not be written. What you typed, to keep" in result.stdout
    assert "Raise employee NPS to 30" in result.stdout


# --- okr checkin ---------------------------------------------------------------------------


@pytest.fixture
def acme(tmp_path):
    return copy_acme(tmp_path / "acme")


def _checkin(capsys, monkeypatch, repo, answers, *args):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(a + "\n" for a in answers)))
    return run_cli(capsys, "-C", str(repo), "checkin", *args)


def test_numbers_read_the_way_the_unit_does(acme, capsys, monkeypatch):
    result = _checkin(capsys, monkeypatch, acme, ["$4.5M", "", "", ""], "sales/mid-market-growth/pipeline", "--date", "2026-11-23")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "$3M → $4.2M → $5M" in result.stdout
    assert "on a straight line you would be at $4.16M by 2026-11-23" in result.stdout
    assert "$3.61M, $3.78M, $3.97M, $4.2M" in result.stdout
    assert "sales/mid-market-growth/pipeline: $4.5M on 2026-11-23, confidence 0.7" in result.stdout
    assert "4142857" not in result.stdout and "3610000" not in result.stdout


@pytest.mark.parametrize("typed", ["38", "38 min", "38 mins", "38 minutes", "38minutes"])
def test_unit_words_and_abbreviations_are_understood(tmp_path, capsys, monkeypatch, typed):
    text = VALID_FILE.replace("unit: days", "unit: minutes")
    repo = make_repo(tmp_path / "r", {FINANCE: text})
    result = _checkin(capsys, monkeypatch, repo, [typed, "", "", "", ""], "finance/faster-close/close-time", "--date", "2026-11-23")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert load_file(repo / FINANCE).team_file.okr.objectives[0].key_results[0].checkins[-1].value == 38


def test_another_unit_is_said_and_asked_again(tmp_path, capsys, monkeypatch):
    repo = make_repo(tmp_path / "r", {FINANCE: VALID_FILE.replace("unit: days", "unit: minutes")})
    result = _checkin(capsys, monkeypatch, repo, ["2 hours", "120", "", "", ""], "finance/faster-close/close-time", "--date", "2026-11-23")
    assert result.exit_code == 0
    assert "'2 hours' is in hours, but this is measured in minutes" in result.stdout


def test_a_date_already_taken_is_said_before_asking(repo, capsys, monkeypatch):
    result = _checkin(capsys, monkeypatch, repo, ["50", "", "", ""], "finance", "--date", "2026-10-05")
    assert result.exit_code == 0, result.stdout + result.stderr
    walk = result.stdout
    assert "skipped: finance/faster-close/close-time already has a check-in on 2026-10-05" in walk
    assert walk.index("skipped:") < walk.index("[2/2] finance/faster-close/recon")
    assert walk.count("new value") == 1  # only recon was asked
    assert load_file(repo / FINANCE).team_file.okr.objectives[0].key_results[1].checkins[-1].value == 50


CHECKIN_ANSWERS = ["5.8", "60%", "AP export now hourly", "", "y"]  # close-time; recon skipped; write


@pytest.mark.parametrize("cut", range(len(CHECKIN_ANSWERS)))
def test_end_of_input_at_every_checkin_prompt(repo, capsys, monkeypatch, cut):
    before = (repo / FINANCE).read_bytes()
    result = _checkin(capsys, monkeypatch, repo, CHECKIN_ANSWERS[:cut], "finance", "--date", "2026-11-23")
    assert result.exit_code == 130, result.stdout + result.stderr
    assert result.stderr == "okr: input ended; nothing was written\n"
    assert (repo / FINANCE).read_bytes() == before


def test_declining_prints_the_commands_that_record_it_later(repo, capsys, monkeypatch):
    result = _checkin(capsys, monkeypatch, repo, CHECKIN_ANSWERS[:-1] + ["n"], "finance", "--date", "2026-11-23")
    assert result.exit_code == 1
    assert ("okr checkin finance/faster-close/close-time --value 5.8 --date 2026-11-23 --confidence 0.6 "
            "--note 'AP export now hourly'") in result.stdout


@pytest.mark.parametrize("cut", [3, 4])  # at "Rewrite it", then at the type after rewriting
def test_end_of_input_after_feedback_on_the_objective(repo, capsys, monkeypatch, cut):
    answers = ["people", "2027-Q1", "Maintain 12 great offices", "Acme is where good people want to stay"]
    result = _draft(capsys, monkeypatch, repo, answers[:cut])
    assert result.exit_code == 130 and result.stderr == "okr: input ended; nothing was written\n"
    assert "Rewrite it" in result.stdout and not (repo / PEOPLE).exists()
