"""okr.toml: defaults, unknown keys and wrong types name the key and its line (exit 2)."""

from __future__ import annotations

import pytest

from okrcli.repo.config import parse_settings
from okrcli.model.errors import ConfigError
from tests.helpers import VALID_FILE, make_repo, run_cli


def test_empty_config_gives_defaults(tmp_path):
    settings = parse_settings("", tmp_path / "okr.toml")
    assert settings.root == "okrs" and settings.checkin.stale_days == 14 and settings.scoring.green == 0.7


@pytest.mark.parametrize(
    "text,line,words",
    [
        ('root = "okrs"\nrooot = "x"\n', 2, ["unknown key 'rooot'", "did you mean 'root'?"]),
        ('[checkin]\ncommit = true\nstale_dayz = 3\n', 3, ["unknown key 'checkin.stale_dayz'", "stale_days"]),
        ('[checkin]\nstale_days = "two weeks"\n', 2, ["'checkin.stale_days'", "integer"]),
        ('[scoring]\ngreen = 7\n', 2, ["'scoring.green'", "less than or equal to 1"]),
        ('[reports]\nx = 1\n', 1, ["unknown key 'reports'"]),
    ],
)
def test_bad_settings_name_the_key_and_line(tmp_path, text, line, words):
    with pytest.raises(ConfigError) as caught:
        parse_settings(text, tmp_path / "okr.toml")
    message = caught.value.message + " " + (caught.value.hint or "")
    assert f"okr.toml:{line}:1:" in message
    for word in words:
        assert word in message


def test_bad_toml_syntax(tmp_path):
    with pytest.raises(ConfigError) as caught:
        parse_settings("root = \n", tmp_path / "okr.toml")
    assert "line 1" in caught.value.message


def test_bad_config_exits_2_without_traceback(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config="rooot = 'x'\n")
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 2
    assert "okr.toml:1:1: unknown key 'rooot'" in result.stderr
    assert "Traceback" not in result.stderr


def test_custom_root(tmp_path, capsys):
    repo = make_repo(tmp_path, {"goals/2026-Q4/finance.yaml": "team: [\n"}, config='root = "goals"\n')
    result = run_cli(capsys, "-C", str(repo), "validate", "--format", "concise")
    assert result.exit_code == 1 and "goals/2026-Q4/finance.yaml" in result.stdout
