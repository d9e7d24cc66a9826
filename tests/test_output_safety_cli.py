"""Hostile text through every command: in files, file names and arguments (issue 11, items 1-3 and 17).

Each command must exit with its documented code and print no traceback, no raw control
character, and show the hostile text literally.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from okrcli.model.text import CONTROL_CHARACTERS, printable
from okrcli.report.console import make_console, pager_environment
from tests.helpers import ACME, copy_acme, make_repo, run_cli

ESC = "x\x1b]0;PWNED\x07\x1b[2J"
SHOWN = printable(ESC)
MARKUP_FILE = """\
team: finance
period: 2026-Q4
objectives:
  - id: faster-close
    title: "Close <script>alert(1)</script> [bold]fast[/bold] | a\\\\|b *x* _y_ `z` #"
    type: committed
    owner: "[/o]"
    key_results:
      - id: close-time
        title: "Reduce [link=http://e]close[/link] <img src=x onerror=alert(1)> &amp;"
        baseline: 7
        target: 4
        unit: "[/u]"
        checkins:
          - date: 2026-10-05
            value: 6.5
            confidence: 0.6
            note: "[/n] <b>"
      - id: recon
        title: "Guard [/g] :smile: [red]r[/red]"
        baseline: 120
        target: 30
        unit: "a|b"
guardrails:
  - id: errors
    title: "Guard [/g]"
    unit: "[link=http://e]u"
    threshold: 2.0
    must_stay: below
    checkins:
      - date: 2026-10-05
        value: 1.6
"""
LITERALS = ["[bold]fast[/bold]", "[link=http://e]close[/link]", "Guard [/g]", "[/u]", "a|b", ":smile:", "[link=http://e]u"]


def assert_clean_run(result, codes=(0, 1)) -> str:
    output = result.stdout + result.stderr
    assert result.exit_code in codes, output
    assert "Traceback" not in output
    found = CONTROL_CHARACTERS.search(output)
    assert found is None, f"raw {found.group(0)!r} near {output[max(0, found.start() - 60):found.end() + 60]!r}"
    return output


@pytest.fixture
def markup_repo(tmp_path):
    return make_repo(tmp_path / "repo", {"okrs/2026-Q4/finance.yaml": MARKUP_FILE})


TERMINAL = [
    ["score"], ["score", "--explain"], ["score", "--tree"], ["tree"], ["report"], ["report", "--no-pager"],
]
FORMATS = [
    ["score", "--format", "json"], ["score", "--format", "csv"], ["score", "--format", "markdown"],
    ["report", "--format", "markdown"], ["report", "--format", "html"], ["report", "--format", "json"],
]


# What each terminal view shows of the file: the tree names objectives only, and --explain
# names objectives by reference but quotes key result titles and guardrail units.
SHOWN_BY = {
    ("score", "--explain"): ["[link=http://e]close[/link]", "Guard [/g]", ":smile:", "[link=http://e]u"],
    ("score", "--tree"): ["[bold]fast[/bold]"],
    ("tree",): ["[bold]fast[/bold]"],
}


@pytest.mark.parametrize("args", TERMINAL, ids=" ".join)
def test_markup_in_files_is_shown_literally_on_the_terminal(capsys, monkeypatch, markup_repo, args):
    monkeypatch.setenv("COLUMNS", "400")
    output = assert_clean_run(run_cli(capsys, "-C", str(markup_repo), *args, "--as-of", "2026-11-20"), codes=(0,))
    shown = [text for text in LITERALS if text in output]
    assert shown == SHOWN_BY.get(tuple(args), LITERALS), output



@pytest.mark.parametrize("args", FORMATS, ids=" ".join)
def test_markup_in_files_survives_every_format(capsys, markup_repo, args):
    output = assert_clean_run(run_cli(capsys, "-C", str(markup_repo), *args, "--as-of", "2026-11-20"), codes=(0,))
    if "json" in args:
        assert "Guard [/g]" in json.dumps(json.loads(output), ensure_ascii=False)
    if "markdown" in args:
        assert "<script>" not in output and "<img" not in output and "a\\|b" in output
    if "html" in args:
        assert "<script>alert" not in output and "&lt;img src=x" in output


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "github", "sarif"])
def test_hostile_file_and_folder_names_in_diagnostics(capsys, tmp_path, output_format):
    bad = f"team: finance\nperiod: 2026-Q4\ntargte{ESC}: 1\ntitle: \"a\\e[2J\x1b[2Jb\"\n"
    repo = make_repo(tmp_path / "repo", {f"okrs/2026-Q4/{ESC}/fin{ESC}.yaml": bad})
    for command in ("validate", "lint"):
        if command == "validate" and output_format in ("github", "sarif"):
            continue
        result = run_cli(capsys, "-C", str(repo), command, "--format", output_format)
        output = assert_clean_run(result)
        if output_format in ("json", "sarif"):
            json.loads(result.stdout)
        else:
            assert "PWNED" in output


def test_full_diagnostic_excerpt_points_at_the_escaped_character(capsys, tmp_path):
    repo = make_repo(tmp_path / "repo", {"okrs/2026-Q4/finance.yaml": "team: finance\nperiod: 2026-Q4\nlead: \"a\x1b[2Jb\"\n"})
    output = assert_clean_run(run_cli(capsys, "-C", str(repo), "validate", "--format", "full"))
    source = next(line for line in output.splitlines() if line.startswith("3 | "))
    caret = output.splitlines()[output.splitlines().index(source) + 1]
    assert source == '3 | lead: "a\\x1b[2Jb"'
    assert source[caret.index("^"):].startswith(("\\x1b", '"a'))


QUIET = {"--dry-run", "--by", "--owner", "draft"}
"""Arguments after which a run may succeed without echoing the hostile text."""
HOSTILE_ARGUMENTS = [
    ["checkin", ESC, "--value", "3"],
    ["checkin", "finance/faster-close/close-time", "--value", ESC],
    ["checkin", "finance/faster-close/close-time", "--value", "5", "--confidence", ESC],
    ["checkin", "finance/faster-close/close-time", "--value", "5", "--note", ESC, "--dry-run"],
    ["checkin", "finance/faster-close/close-time", "--value", "5", "--note", "[/n] [link=http://e]x", "--dry-run"],
    ["checkin", "finance/faster-close/close-time", "--value", "5", "--by", ESC, "--date", "2026-11-20"],
    ["checkin", ESC],
    ["score", ESC],
    ["score", "--period", ESC],
    ["score", "--as-of", ESC],
    ["report", "--team", ESC, "--as-of", "2026-11-20"],
    ["report", "--owner", ESC, "--as-of", "2026-11-20"],
    ["report", "-o", f"{ESC}.xyz"],
    ["tree", "--period", ESC],
    ["validate", f"{ESC}.yaml"],
    ["lint", "--ignore", ESC],
    ["lint", "--select", ESC],
    ["rules", ESC],
    ["draft", "--team", "finance", "--period", "2027-Q1", "--objective", ESC, "--type", "committed",
     "--kr", f"Reduce {ESC} from 7 days to 4 days", "--kr", "Cut [/u] items from 120 to 30", "--no-input"],
    ["-C", ESC, "score"],
    [ESC],
    ["score", f"--{ESC}"],
]


@pytest.mark.parametrize("args", HOSTILE_ARGUMENTS, ids=lambda args: " ".join(a.replace(ESC, "ESC") for a in args))
def test_hostile_arguments_are_echoed_escaped(capsys, tmp_path, monkeypatch, args):
    repo = copy_acme(tmp_path / "acme")
    monkeypatch.chdir(repo)
    output = assert_clean_run(run_cli(capsys, *args), codes=(0, 1, 2))
    if not QUIET.intersection(args):
        assert "\\x1b" in output, output


def test_pager_gets_git_defaults_only_when_unset(monkeypatch):
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.setenv("LV", "-Ou8")
    with pager_environment():
        assert os.environ["LESS"] == "FRX" and os.environ["LV"] == "-Ou8"
    assert "LESS" not in os.environ and os.environ["LV"] == "-Ou8"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_report_pages_with_less_showing_colours(tmp_path):
    """`okr report` on a terminal, PAGER and LESS unset: the pager is started with LESS=FRX."""
    seen = tmp_path / "pager-env"
    fake = tmp_path / "bin"
    fake.mkdir()
    # like less: without input on stdin (pydoc probes with a bare `less`) it stops at once
    (fake / "less").write_text(f"#!/bin/sh\n[ -t 0 ] && exit 0\nenv > '{seen}'\ncat > /dev/null\n")
    (fake / "less").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "MANPAGER", "LESS", "LV", "NO_COLOR")}
    env.update(PATH=f"{fake}:{env['PATH']}", TERM="xterm", COLUMNS="100", LINES="10")
    primary, secondary = pty.openpty()
    okr = str(Path(sys.executable).parent / "okr")
    process = subprocess.Popen(
        [okr, "-C", str(ACME), "report", "--as-of", "2026-11-20"], stdin=secondary, stdout=secondary, stderr=secondary, env=env
    )
    os.close(secondary)
    screen = b""
    while True:  # read what reaches the terminal until okr closes it
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    os.close(primary)
    assert process.wait(timeout=60) == 0, screen.decode(errors="replace")
    pager_env = seen.read_text()
    assert "LESS=FRX\n" in pager_env and "LV=-c\n" in pager_env


def test_console_escapes_what_a_renderer_missed():
    import io

    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    table = Table("a")
    table.add_row(Text("x\x1b[2Jy", style="bold"))
    table.add_row("[/u] [link=http://e]z")
    make_console(width=60, file=buffer).print(table, Text("\x9b31m"))
    output = buffer.getvalue()
    assert CONTROL_CHARACTERS.search(output) is None
    assert "x\\x1b[2Jy" in output and "[/u] [link=http://e]z" in output and "\\x9b31m" in output


@pytest.mark.parametrize("config", ['root = "okrs\\u001b[2J"\n', 'root = "okrs"\n[lint]\nignore = ["x\\u001b]0;PWNED\\u0007"]\n'])
def test_hostile_okr_toml_values_are_echoed_escaped(capsys, tmp_path, config):
    repo = make_repo(tmp_path / "repo", {"okrs/2026-Q4/finance.yaml": MARKUP_FILE}, config=config)
    for command in (["validate"], ["lint"], ["score", "--as-of", "2026-11-20"]):
        assert_clean_run(run_cli(capsys, "-C", str(repo), *command), codes=(0, 1, 2))
