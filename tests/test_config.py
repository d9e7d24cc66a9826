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
        # values are never converted: TOML has booleans, integers and floats, so these are mistakes
        ('[checkin]\ncommit = "yes"\n', 2, ["'checkin.commit'", "valid boolean", "(got 'yes')"]),
        ('[checkin]\ncommit = 1\n', 2, ["'checkin.commit'", "valid boolean"]),
        ('[checkin]\nstale_days = "14"\n', 2, ["'checkin.stale_days'", "valid integer"]),
        ('[checkin]\nstale_days = 14.0\n', 2, ["'checkin.stale_days'", "valid integer"]),
        ('[scoring]\ngreen = "0.7"\n', 2, ["'scoring.green'", "valid number"]),
        ("root = 5\n", 1, ["'root'", "valid string"]),
        ('[lint]\nmax_objective_words = "7"\n', 2, ["'lint.max_objective_words'", "valid integer"]),
        ('[rules.objective-too-long]\nmax_words = true\n', 2, ["'rules.objective-too-long.max_words'", "valid integer"]),
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
    reference, *others = _toml_blocks((DOCS / "configuration.md").read_text())
    for example in others:  # each section's own example
        parse_settings(example, tmp_path / "okr.toml")
    settings = parse_settings(reference.replace('schema_url = ""', 'schema_url = "x"'), tmp_path / "okr.toml")
    assert rule_options(settings, "objective-too-long") == {"max_words": 12}
    assert rule_options(settings, "too-many-objectives") == {"max_objectives": 5}
    for example in _toml_blocks((DOCS / "lint.md").read_text()):
        settings = parse_settings(example, tmp_path / "okr.toml")
    assert rule_options(settings, "kr-task-style") == {"task_verbs": ["tidy"], "outcome_verbs": ["onboard"]}
    assert rule_options(settings, "objective-business-as-usual") == {"words": ["run"]}
    assert settings.lint.severity == {"kr-missing-owner": "error", "kr-no-unit": "off"}


def test_rule_options_from_lint_keys_and_rule_tables(tmp_path):
    settings = parse_settings('[lint]\nmax_objective_words = 7\n[rules.kr-task-style]\ntask_verbs = ["tidy"]\n', tmp_path / "x")
    assert rule_options(settings, "objective-too-long") == {"max_words": 7}
    assert rule_options(settings, "kr-task-style") == {"task_verbs": ["tidy"], "outcome_verbs": ()}
    assert rule_options(parse_settings("", tmp_path / "x"), "objective-too-long") == {"max_words": 12}


def test_a_bad_rule_option_stops_every_command(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config="[lint]\nmax_objective_wordz = 3\n")
    for command in (["validate"], ["score", "--as-of", "2026-11-20"], ["lint"]):
        result = run_cli(capsys, "-C", str(repo), *command)
        assert result.exit_code == 2, command
        assert "okr.toml:2:1: unknown key 'lint.max_objective_wordz'" in result.stderr


def test_integers_are_accepted_for_fractions(tmp_path):
    assert parse_settings("[scoring]\ngreen = 1\nyellow = 0\n", tmp_path / "okr.toml").scoring.green == 1.0


def test_a_byte_order_mark_is_accepted(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config=b'\xef\xbb\xbfroot = "okrs"\n[checkin]\nstale_days = 3\n')
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 0, result.stderr
    assert "1 file checked" in result.stderr


def test_a_byte_order_mark_keeps_line_numbers(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config=b'\xef\xbb\xbfroot = "okrs"\n[checkin]\ncommit = "yes"\n')
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 2 and "okr.toml:3:1: 'checkin.commit'" in result.stderr


ROOT_COMMANDS = [
    ["validate"],
    ["lint"],
    ["score", "--as-of", "2026-11-20"],
    ["report", "--as-of", "2026-11-20", "--format", "json"],
    ["tree", "--as-of", "2026-11-20"],
    ["checkin", "finance/faster-close/close-time", "--value", "6", "--date", "2026-11-20", "--no-input"],
    ["draft", "--team", "sales", "--period", "2026-Q4", "--objective", "Win more deals", "--kr", "Raise deals from 10 to 20", "--no-input"],
]


def _elsewhere(tmp_path: Path) -> Path:
    """A valid OKR folder outside the repository, that no command may read or write."""
    outside = tmp_path / "elsewhere"
    build = outside / "2026-Q4" / "finance.yaml"
    build.parent.mkdir(parents=True)
    build.write_text(VALID_FILE, encoding="utf-8")
    return outside


@pytest.mark.parametrize("command", ROOT_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("root", ["../elsewhere", "ABSOLUTE", "okrs/../../elsewhere", "link"])
def test_a_root_outside_the_repository_stops_every_command(tmp_path, capsys, command, root):
    outside = _elsewhere(tmp_path)
    repo = tmp_path / "repo"
    if root == "ABSOLUTE":
        root = str(outside)
    make_repo(repo, {"okrs/.keep": ""}, config=f"# OKRs\nroot = {root!r}\n")
    (repo / "link").symlink_to(outside)
    before = (outside / "2026-Q4" / "finance.yaml").read_bytes()
    result = run_cli(capsys, "-C", str(repo), *command)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "okr.toml:2:1: 'root'" in result.stderr and "outside the repository" in result.stderr
    assert "Traceback" not in result.stderr
    assert (outside / "2026-Q4" / "finance.yaml").read_bytes() == before
    assert sorted(p.name for p in outside.rglob("*")) == ["2026-Q4", "finance.yaml"]


@pytest.mark.parametrize("command", ROOT_COMMANDS, ids=lambda c: c[0])
def test_a_missing_root_is_a_configuration_error(tmp_path, capsys, command):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config='# where the files are\n\n\nroot = "okr"\n')
    result = run_cli(capsys, "-C", str(repo), *command)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "okr.toml:4:1: 'root' in okr.toml: the folder okr does not exist" in result.stderr
    assert "mkdir okr" in result.stderr
    assert not (repo / "okr").exists()


def test_a_root_that_is_a_file_is_a_configuration_error(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs": VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 2
    assert "okr.toml:1:1: 'root' in okr.toml: okrs is a file, not a folder" in result.stderr


@pytest.mark.parametrize("root", ["okr\\u0000s", "okrs\\u001b[2J", "okrs\\n"])
def test_a_root_with_control_characters_is_a_configuration_error(tmp_path, capsys, root):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config=f'root = "{root}"\n')
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 2, result.stderr
    assert "okr.toml:1:1: 'root' in okr.toml" in result.stderr and "control character" in result.stderr
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr and "\x00" not in result.stderr


def test_a_root_inside_the_repository_may_be_the_repository_itself(tmp_path, capsys):
    repo = make_repo(tmp_path, {"2026-Q4/finance.yaml": VALID_FILE}, config='root = "."\n')
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 0, result.stderr
    assert "1 file checked" in result.stderr


def test_a_merge_conflict_in_okr_toml_says_so(tmp_path, capsys):
    toml = 'root = "okrs"\n<<<<<<< HEAD\n[checkin]\ncadence_days = 7\n=======\n[checkin]\ncadence_days = 14\n>>>>>>> other\n'
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE, "okr.toml": toml})
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 2
    assert "okr.toml:2: unresolved merge conflict" in result.stderr and "delete the <<<<<<<" in result.stderr
