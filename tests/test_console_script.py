"""The installed `okr` console script, end to end in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ACME

# the script pip installed beside the interpreter running the tests
OKR = str(Path(sys.executable).parent / "okr")


def _run(*args, cwd=None):
    return subprocess.run([OKR, *args], capture_output=True, text=True, cwd=cwd)


def test_examples_validate_clean():
    result = _run("-C", str(ACME), "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "11 files checked: no problems" in result.stderr


def test_version_and_help():
    from okrcli import __version__

    assert _run("--version").stdout.strip() == f"okr {__version__}"
    assert "validate" in _run("--help").stdout


def test_bad_option_is_a_usage_error_without_traceback(tmp_path):
    result = _run("validate", "--format", "xml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "xml" in result.stderr
