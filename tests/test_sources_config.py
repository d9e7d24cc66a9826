"""okr.toml's [sources.NAME]: exactly one way to fetch, unknown keys and wrong types with key and line,
header values never echoed; a key result's `source:` in team files."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrcli.model.errors import ConfigError
from okrcli.rules.options import settings_from_text
from okrcli.usecases.pipeline import load_file
from tests.helpers import VALID_FILE, make_repo, run_cli

SECRET = "literal-secret-value-123"


def _error(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        settings_from_text(text, Path("okr.toml"))
    return caught.value


def test_a_source_of_each_kind_is_read():
    settings = settings_from_text(
        '[sources.arr]\ncommand = ["python3", "scripts/arr.py"]\n'
        '[sources.kpis]\nfile = "metrics/kpis.json"\nselect = "/csat/value"\n'
        '[sources.grafana]\nurl = "https://metrics.example.com/api/v1/query?query=up"\n'
        'headers = { Authorization = "Bearer ${METRICS_TOKEN}" }\ntimeout = 30\n',
        Path("okr.toml"),
    )
    assert [settings.sources[name].kind for name in ("arr", "kpis", "grafana")] == ["command", "file", "url"]
    assert settings.sources["kpis"].timeout == 10 and settings.sources["grafana"].timeout == 30
    assert settings.sources["grafana"].variables() == ["METRICS_TOKEN"]
    assert "${METRICS_TOKEN}" not in repr(settings.sources["grafana"])


@pytest.mark.parametrize(
    "text,expected",
    [
        ('[sources.arr]\ncomand = ["x"]\n', "okr.toml:2:1: unknown key 'sources.arr.comand' in okr.toml"),
        ('[sources.arr]\ncommand = ["x"]\nfile = "a.json"\n', "okr.toml:1:1: 'sources.arr' in okr.toml: a source needs exactly one of command, file or url (found command and file)"),
        ("[sources.arr]\ntimeout = 5\n", "a source needs exactly one of command, file or url (found none)"),
        ('[sources.arr]\ncommand = "python3 x.py"\n', "okr.toml:2:1: 'sources.arr.command' in okr.toml: input should be a valid list"),
        ('[sources.arr]\ncommand = []\n', "the command is empty"),
        ('[sources.arr]\nfile = "a.json"\ntimeout = "10"\n', "okr.toml:3:1: 'sources.arr.timeout' in okr.toml"),
        ('[sources.arr]\nfile = "a.json"\ntimeout = 0\n', "'sources.arr.timeout' in okr.toml: input should be greater than 0"),
        ('[sources.arr]\nfile = "/etc/passwd"\n', "'/etc/passwd' is not inside the repository"),
        ('[sources.arr]\nfile = "../x.json"\n', "'../x.json' is not inside the repository"),
        ('[sources.arr]\nurl = "file:///etc/passwd"\n', "'file' is not an http or https address"),
        ('[sources.arr]\nfile = "a.json"\nselect = "csat"\n', "okr.toml:3:1: 'sources.arr.select' in okr.toml: 'csat' is not a JSON Pointer"),
        ('[sources.arr]\nfile = "a.csv"\nselect = "/x"\n', "a CSV file is read by column and row"),
        ('[sources.arr]\nfile = "a.json"\nheaders = { A = "b" }\n', "headers are sent with a url"),
        ('[sources.Big]\nfile = "a.json"\n', "okr.toml:1:1: 'sources.Big' in okr.toml: 'Big' is not a source name"),
    ],
)
def test_mistakes_name_the_key_and_its_line(text, expected):
    assert expected in _error(text).message


def test_a_misspelt_key_gets_a_suggestion():
    assert _error('[sources.arr]\ncomand = ["x"]\n').hint == "did you mean 'command'?"


@pytest.mark.parametrize(
    "text",
    [
        f'[sources.g]\nurl = "https://x.example/q"\nheaders = {{ Authorization = "Bearer {SECRET}" }}\ntimeout = "x"\n',
        f'[sources.g]\nurl = "https://x.example/q"\nfile = "a.json"\nheaders = {{ Authorization = "Bearer {SECRET}" }}\n',
        f'[sources.g]\nfile = "a.json"\nheaders = {{ Authorization = "Bearer {SECRET}" }}\n',
        f'[sources.g]\nurl = "https://x.example/q"\nheaders = {{ "Bad Name" = "{SECRET}" }}\n',
        f'[sources.g]\nurl = "https://x.example/q"\nheaders = {{ Authorization = ["{SECRET}"] }}\n',
    ],
)
def test_header_values_never_appear_in_configuration_errors(text):
    error = _error(text)
    assert SECRET not in error.message + (error.hint or "")


def test_a_bad_okr_toml_source_stops_pull_with_exit_2(tmp_path, capsys):
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q4/finance.yaml": VALID_FILE}, 'root = "okrs"\n[sources.x]\ncomand = ["x"]\n')
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", "2026-11-20")
    assert result.exit_code == 2 and "unknown key 'sources.x.comand'" in result.stderr


@pytest.mark.parametrize(
    "written,expected",
    [
        ("source: arr", ("arr", None, None)),
        ("source: {name: kpis, select: /csat/value}", ("kpis", "/csat/value", None)),
        ("source: {name: export, column: nps, row: 2026-11-01}", ("export", None, "2026-11-01")),
    ],
)
def test_a_key_result_names_its_source(tmp_path, written, expected):
    text = VALID_FILE.replace("        unit: items\n", f"        unit: items\n        {written}\n")
    path = tmp_path / "f.yaml"
    path.write_text(text)
    loaded = load_file(path)
    assert loaded.valid, [d.message for d in loaded.diagnostics]
    source = loaded.team_file.okr.objectives[0].key_results[1].source
    name = source if isinstance(source, str) else source.name
    select = None if isinstance(source, str) else source.select
    row = None if isinstance(source, str) else source.row
    assert (name, select, row) == expected


@pytest.mark.parametrize(
    "written,rule,words",
    [
        ("source: Big Name", "bad-slug", "'source'"),
        ("source: {name: kpis, select: csat}", "invalid-value", "is not a JSON Pointer"),
        ("source: {select: /x}", "missing-field", "'name'"),
        ("source: {name: kpis, url: 'http://x'}", "unknown-field", "'url'"),
    ],
)
def test_a_malformed_source_is_a_located_error(tmp_path, written, rule, words):
    text = VALID_FILE.replace("        unit: items\n", f"        unit: items\n        {written}\n")
    path = tmp_path / "f.yaml"
    path.write_text(text)
    problems = [d for d in load_file(path).diagnostics if d.rule == rule]
    assert problems and words in problems[0].message
    assert problems[0].span.line == text.splitlines().index(f"        {written}") + 1
