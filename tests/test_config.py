"""okr.toml: defaults, unknown keys and wrong types name the key and its line (exit 2), and
rule options validated against what each rule declares, under [lint] or [rules.<name>]."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from okrcli.model.errors import ConfigError
from okrcli.rules.options import rule_options
from okrcli.rules.options import settings_from_text as parse_settings
from tests.helpers import VALID_FILE, make_repo, run_cli

DOCS = Path(__file__).resolve().parent.parent / "docs"


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
        ('[lint]\nselect = []\nmax_objective_wordz = 3\n', 3, ["unknown key 'lint.max_objective_wordz'", "did you mean 'max_objective_words'?"]),
        ('[lint]\nmax_objectives = 0\n', 2, ["'lint.max_objectives'", "greater than 0", "(got 0)"]),
        ('[lint]\ntask_verbs = "tidy"\n', 2, ["'lint.task_verbs'", "valid list"]),
        ('[lint]\nbusiness_as_usual_words = [1]\n', 2, ["'lint.business_as_usual_words'", "valid string"]),
        ('[rules.objective-too-lng]\nmax_words = 3\n', 1, ["unknown key 'rules.objective-too-lng'", "did you mean 'objective-too-long'?"]),
        ('[rules.kr-no-unit]\nx = 3\n', 1, ["unknown key 'rules.kr-no-unit'", "known keys here: "]),
        ('[rules.objective-too-long]\nmax_wrds = 3\n', 2, ["unknown key 'rules.objective-too-long.max_wrds'", "did you mean 'max_words'?"]),
        ('[rules.objective-too-long]\nmax_words = "x"\n', 2, ["'rules.objective-too-long.max_words'", "valid integer"]),
        ('[rules]\nobjective-too-long = { max_words = 0 }\n', 2, ["'rules.objective-too-long.max_words'", "greater than 0"]),
        (
            '[lint]\nmax_objective_words = 3\n[rules.objective-too-long]\nmax_words = 4\n',
            4,
            ["'rules.objective-too-long.max_words'", "also set as 'lint.max_objective_words'; keep one"],
        ),
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


def _toml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", markdown, re.DOTALL)


def test_every_documented_key_is_accepted(tmp_path):
    """docs/configuration.md and docs/lint.md are a contract: their examples load as written."""
    (reference,) = _toml_blocks((DOCS / "configuration.md").read_text())
    settings = parse_settings(reference.replace('schema_url = ""', 'schema_url = "x"'), tmp_path / "okr.toml")
    assert rule_options(settings, "objective-too-long") == {"max_words": 12}
    assert rule_options(settings, "too-many-objectives") == {"max_objectives": 5}
    for example in _toml_blocks((DOCS / "lint.md").read_text()):
        settings = parse_settings(example, tmp_path / "okr.toml")
    assert rule_options(settings, "kr-task-style") == {"task_verbs": ["tidy"], "outcome_verbs": ["onboard"]}
    assert rule_options(settings, "objective-business-as-usual") == {"words": ["run"]}
    assert settings.lint.severity == {"kr-missing-owner": "error", "kr-no-unit": "off"}


def test_rule_options_from_lint_keys_and_rule_tables(tmp_path):
    settings = parse_settings('[lint]\nmax_objective_words = "7"\n[rules.kr-task-style]\ntask_verbs = ["tidy"]\n', tmp_path / "x")
    assert rule_options(settings, "objective-too-long") == {"max_words": 7}  # validated, so "7" is the number 7
    assert rule_options(settings, "kr-task-style") == {"task_verbs": ["tidy"], "outcome_verbs": ()}
    assert rule_options(parse_settings("", tmp_path / "x"), "objective-too-long") == {"max_words": 12}


def test_a_bad_rule_option_stops_every_command(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config="[lint]\nmax_objective_wordz = 3\n")
    for command in (["validate"], ["score", "--as-of", "2026-11-20"], ["lint"]):
        result = run_cli(capsys, "-C", str(repo), *command)
        assert result.exit_code == 2, command
        assert "okr.toml:2:1: unknown key 'lint.max_objective_wordz'" in result.stderr
