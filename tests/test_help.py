"""Help and hints (issue 11, item 21): usage lines that read like a Unix tool's, a command
list that is never cut, a home for references (`okr refs` and shell completion), and
hints that say what to write.
"""

from __future__ import annotations

import re

import pytest
import typer

from okrcli.cli.app import app
from okrcli.cli.help import SHORT_HELP
from tests.helpers import ACME, VALID_FILE, copy_acme, make_repo, run_cli

COMMANDS = sorted(typer.main.get_command(app).commands)


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types_or_doubled_brackets(capsys, command):
    result = run_cli(capsys, command, "--help")
    assert result.exit_code == 0
    text = result.stdout
    assert not re.search(r"<[a-z][a-z |\[\]]*>", text), text  # <str>, <list[Path]>, <int range>
    assert "[[" not in text and "{" not in text.splitlines()[0], text
    assert max(len(line) for line in text.splitlines()) <= 80


@pytest.mark.parametrize(
    "command,usage",
    [
        ("checkin", "Usage: okr checkin [OPTIONS] [REF]"),
        ("score", "Usage: okr score [OPTIONS] [PREFIX]"),
        ("refs", "Usage: okr refs [OPTIONS] [PREFIX]"),
        ("validate", "Usage: okr validate [OPTIONS] [PATH]..."),
        ("lint", "Usage: okr lint [OPTIONS] [PATH]..."),
        ("rules", "Usage: okr rules [OPTIONS] [NAME]"),
    ],
)
def test_usage_lines(capsys, command, usage):
    assert run_cli(capsys, command, "--help").stdout.splitlines()[0] == usage


def test_options_read_like_a_unix_tool(capsys):
    lint = run_cli(capsys, "lint", "--help").stdout
    assert "-j, --jobs N " in lint and "--select RULES " in lint and "  PATH...  " in lint
    checkin = run_cli(capsys, "checkin", "--help").stdout
    assert "--value VALUE " in checkin and "--period PERIOD " in checkin and "  REF  " in checkin
    assert "--format [table|json|csv|markdown]" in run_cli(capsys, "score", "--help").stdout


def test_the_command_list_is_never_cut(capsys):
    text = run_cli(capsys, "--help").stdout
    listed = text[text.index("Commands:"):].splitlines()[1:]
    assert "..." not in "\n".join(listed)
    assert sorted(line.split()[0] for line in listed if line.strip()) == COMMANDS  # one line each
    for line in listed:
        assert len(line) <= 80
    assert set(SHORT_HELP) >= set(COMMANDS), "give each new command a line in okrcli.cli.help.SHORT_HELP"


# --- okr refs --------------------------------------------------------------------------------


@pytest.fixture
def acme(tmp_path):
    return copy_acme(tmp_path / "acme")


def test_refs_lists_every_reference_with_its_title(acme, capsys):
    result = run_cli(capsys, "-C", str(acme), "refs", "--period", "2026-Q4")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(re.fullmatch(r"finance/faster-close/close-time +Reduce month-end close from 7 days to 4 days", line) for line in lines)
    refs = [line.split()[0] for line in lines]
    assert len(refs) == len(set(refs)) > 20 and all(ref.count("/") in (1, 2) for ref in refs)
    finance = run_cli(capsys, "-C", str(acme), "refs", "finance", "--period", "2026-Q4").stdout.splitlines()
    assert finance and all(line.startswith("finance/") for line in finance)
    assert run_cli(capsys, "-C", str(acme), "refs", "finance/faster-close", "--period", "2026-Q4").stdout.count("\n") == 2


def test_refs_says_what_it_leaves_out_and_what_to_do(acme, capsys):
    (acme / "okrs/2026-Q4/finance.yaml").write_text("team: finance\nperiod: 2026-Q4\nobjectives: [oops\n")
    result = run_cli(capsys, "-C", str(acme), "refs", "--period", "2026-Q4")
    assert result.exit_code == 1
    assert "okrs/2026-Q4/finance.yaml has errors and is left out" in result.stderr
    assert "sales/mid-market-growth/pipeline" in result.stdout
    none = run_cli(capsys, "-C", str(acme), "refs", "--period", "2030-Q1")
    assert none.exit_code == 2 and "no key results or guardrails in 2030-Q1" in none.stderr and "--period" in none.stderr
    assert run_cli(capsys, "-C", str(acme), "refs", "--period", "2026-Q9").exit_code == 2


def test_an_unknown_reference_points_at_okr_refs(acme, capsys):
    result = run_cli(capsys, "-C", str(acme), "checkin", "nope", "--value", "1", "--date", "2026-11-23")
    assert result.exit_code == 2 and "okr refs" in result.stderr and "okr score" not in result.stderr


# --- shell completion -----------------------------------------------------------------------


def _complete(capsys, monkeypatch, words: str):
    monkeypatch.setenv("_OKR_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split()) - (0 if words.endswith(" ") else 1)))
    result = run_cli(capsys)
    assert result.exit_code == 0 and result.stderr == ""
    return result.stdout.split()


def test_completion_offers_references(acme, capsys, monkeypatch):
    checkin = _complete(capsys, monkeypatch, f"okr -C {acme} checkin --period 2026-Q4 finance/fa")
    assert "finance/faster-close/close-time" in checkin and all(ref.startswith("finance/fa") for ref in checkin)
    score = _complete(capsys, monkeypatch, f"okr -C {acme} score --period 2026-Q4 fin")
    assert {"finance", "finance/faster-close", "finance/faster-close/close-time"} <= set(score)
    refs = _complete(capsys, monkeypatch, f"okr -C {acme} refs --period 2026-Q4 sa")
    assert "sales/mid-market-growth" in refs


@pytest.mark.parametrize(
    "breakage,still_offered",
    [
        (lambda repo: (repo / "okr.toml").write_text("root = \n"), []),
        (lambda repo: (repo / "okr.toml").unlink(), []),
        (lambda repo: (repo / "okrs/2026-Q4/finance.yaml").write_bytes(b"team: [\xff\n"), ["sales/faster-close/close-time"]),
    ],
    ids=["bad-okr-toml", "no-repository", "broken-file"],
)
def test_completion_never_crashes_or_prints_on_a_broken_repository(tmp_path, capsys, monkeypatch, breakage, still_offered):
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q4/finance.yaml": VALID_FILE, "okrs/2026-Q4/sales.yaml": VALID_FILE.replace("finance", "sales")})
    breakage(repo)
    offered = _complete(capsys, monkeypatch, f"okr -C {repo} checkin --period 2026-Q4 ")
    assert offered[: len(still_offered)] == still_offered and all(ref.startswith("sales/") for ref in offered)


# --- hints ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written,hint",
    [
        ("80%", "confidence is a fraction, not a percentage: write 0.8 for 80%"),
        ("80", "confidence is a fraction, not a percentage: write 0.8 for 80%"),
        ("1.5", "confidence is a fraction from 0 to 1: 0.6 means 60%"),
    ],
)
def test_a_confidence_written_as_a_percentage_gets_a_hint_about_units(tmp_path, capsys, written, hint):
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q4/finance.yaml": VALID_FILE.replace("confidence: 0.6", f"confidence: {written}")})
    result = run_cli(capsys, "-C", str(repo), "validate", "--format", "json")
    assert result.exit_code == 1
    assert hint in result.stdout


@pytest.mark.parametrize(
    "command", [["score"], ["report"], ["lint"], ["validate"], ["digest", "--no-git"], ["history", "close-time"]], ids=lambda c: c[0]
)
def test_format_names_are_read_in_any_case(capsys, command):
    lower = run_cli(capsys, "-C", str(ACME), *command, "--format", "json")
    upper = run_cli(capsys, "-C", str(ACME), *command, "--format", "JSON")
    assert upper.exit_code == lower.exit_code and upper.exit_code in (0, 1), upper.stderr
    assert upper.stdout.startswith(("{", "[")) and upper.stdout.strip().endswith(("}", "]"))
