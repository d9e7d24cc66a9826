"""Test helpers: build repositories from dicts, run the CLI in-process, find text positions."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ACME = EXAMPLES / "acme"

CONFIG = 'root = "okrs"\n'

VALID_FILE = """\
team: finance
period: 2026-Q4
objectives:
  - id: faster-close
    title: Close the books fast enough to steer by them
    type: committed
    owner: omar
    key_results:
      - id: close-time
        title: Reduce month-end close from 7 days to 4 days
        baseline: 7
        target: 4
        unit: days
        checkins:
          - date: 2026-10-05
            value: 6.5
            confidence: 0.6
      - id: recon
        title: Reduce unreconciled items from 120 to 30
        baseline: 120
        target: 30
        unit: items
"""


def build_file_tree(root: Path, spec: dict[str, str | bytes]) -> Path:
    """Create files under ``root`` from ``{relative path: text or bytes}``."""
    for relative, content in spec.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


def make_repo(root: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    return build_file_tree(root, {"okr.toml": config, **files})


def copy_acme(dest: Path) -> Path:
    shutil.copytree(ACME, dest)
    return dest


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(capsys, *args: str) -> Result:
    """Run ``okr ARGS`` in-process and capture its output and exit code."""
    from okrcli.cli.app import app
    from okrcli.cli.common import run_app

    capsys.readouterr()
    code = run_app(app, list(args))
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) where the ``occurrence``-th ``needle`` starts in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def git(cwd: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def make_git_repo(root: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    """A repository with ``files`` committed on branch main."""
    make_repo(root, files, config)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def permissions_bind() -> bool:
    """Whether file permissions stop this process: not for root (CAP_DAC_OVERRIDE), so tests
    of unreadable or read-only files skip there. Run them with the capability dropped:
    ``setpriv --inh-caps=-dac_override,-dac_read_search --bounding-set=-dac_override,-dac_read_search``."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o000)
        try:
            os.listdir(folder)
            return False
        except PermissionError:
            return True
        finally:
            os.chmod(folder, 0o700)
