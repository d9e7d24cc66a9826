"""okr init and okr schema."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import yaml

from okrcli.usecases.pipeline import load_repository
from okrcli.model.okrfile import json_schema
from okrcli.usecases.init import init_repository
from tests.helpers import ACME, run_cli


def test_init_creates_a_repository_that_validates_clean(tmp_path, capsys):
    target = tmp_path / "okrs-repo"
    result = run_cli(capsys, "init", str(target), "--team", "platform")
    assert result.exit_code == 0
    quarter = f"{date.today().year}-Q{(date.today().month - 1) // 3 + 1}"
    team_file = target / "okrs" / quarter / "platform.yaml"
    assert team_file.read_text().startswith("# yaml-language-server: $schema=../../okr.schema.json\n")
    assert (target / "okr.schema.json").is_file() and (target / "okr.toml").is_file()
    assert run_cli(capsys, "-C", str(target), "validate").exit_code == 0


def test_init_respects_the_global_repo_option(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    assert run_cli(capsys, "-C", "elsewhere", "init").exit_code == 0
    assert (tmp_path / "elsewhere" / "okr.toml").is_file() and not (tmp_path / "okr.toml").exists()


def test_init_never_overwrites(tmp_path, capsys):
    (tmp_path / "okr.toml").write_text("# mine\n")
    result = run_cli(capsys, "init", str(tmp_path))
    assert "exists, left as it is" in result.stdout
    assert (tmp_path / "okr.toml").read_text() == "# mine\n"


def test_init_sample_for_every_quarter_validates(tmp_path):
    for month in (1, 4, 7, 10):
        folder = tmp_path / f"m{month}"
        init_repository(folder, date(2027, month, 15))
        assert load_repository(folder).diagnostics == []


def test_init_rejects_a_bad_team(tmp_path, capsys):
    assert run_cli(capsys, "init", str(tmp_path), "--team", "Bad Team").exit_code == 2


def test_schema_is_draft7_and_accepts_the_examples(capsys):
    result = run_cli(capsys, "schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for path in sorted(ACME.glob("okrs/*/*.yaml")):
        # editors read YAML 1.2, where dates are plain strings
        data = yaml.load(path.read_text(), Loader=yaml.BaseLoader)
        data = _numbers(data)
        errors = list(validator.iter_errors(data))
        assert errors == [], (path, errors[:1])


def test_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft7Validator(json_schema())
    bad = {"team": "Finance", "period": "Q4", "objectives": [], "extra": 1}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "Additional properties" in messages and "does not match" in messages


def test_committed_schema_file_matches_the_model():
    assert json.loads((ACME / "okr.schema.json").read_text()) == json_schema()


def _numbers(value):
    """BaseLoader keeps every scalar as text; turn numeric ones back into numbers."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    try:
        return int(value)
    except (TypeError, ValueError):
        try:
            return float(value)
        except (TypeError, ValueError):
            return value
