"""Loader cases that do not fit a one-line mutation of the example."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from okrcli.usecases.pipeline import load_file, load_repository
from okrcli.yamlio.core_schema import MAX_NODES
from tests.helpers import VALID_FILE, locate, make_repo, run_cli


def _rules(result):
    return [(d.rule, d.line, d.column) for d in result.diagnostics]


def test_valid_file_loads(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text(VALID_FILE)
    result = load_file(path)
    assert result.diagnostics == []
    assert result.team_file.okr.objectives[0].key_results[0].checkins[0].value == 6.5


def test_not_utf8_points_at_the_byte(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(VALID_FILE.replace("omar", "G\xf6ran").encode("latin-1"))
    line, column = locate(VALID_FILE, "omar")
    assert _rules(load_file(path)) == [("encoding", line, column + 1)]


def test_utf16_file_gets_a_hint(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(VALID_FILE.encode("utf-16"))
    (diag,) = load_file(path).diagnostics
    assert diag.rule == "encoding" and "UTF-16" in diag.hint


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID_FILE.encode())
    assert load_file(path).diagnostics == []


def test_empty_file(tmp_path):
    for text in ("", "\n\n", "# only a comment\n"):
        path = tmp_path / "f.yaml"
        path.write_text(text)
        assert _rules(load_file(path)) == [("empty-file", 1, 1)]


def test_top_level_list(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("# comment\n- team: a\n")
    assert _rules(load_file(path)) == [("not-a-mapping", 2, 1)]


def test_top_level_scalar(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("just text\n")
    assert _rules(load_file(path)) == [("not-a-mapping", 1, 1)]


def test_missing_top_level_fields_point_at_the_file_start(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("# c\nlead: x\n")
    rules = _rules(load_file(path))
    assert ("missing-field", 2, 1) in rules
    messages = [d.message for d in load_file(path).diagnostics]
    assert any("'team'" in m for m in messages) and any("'objectives'" in m for m in messages)


def test_no_objectives(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("team: a\nperiod: 2026\nobjectives: []\n")
    assert _rules(load_file(path)) == [("missing-field", 3, 1)]


def test_yes_and_no_stay_text(tmp_path):
    """YAML 1.2 core schema: `note: yes` is the word yes, as editors read it."""
    path = tmp_path / "f.yaml"
    path.write_text(VALID_FILE.replace("confidence: 0.6", "confidence: 0.6\n            note: yes"))
    result = load_file(path)
    assert result.diagnostics == []
    assert result.team_file.okr.objectives[0].key_results[0].checkins[0].note == "yes"


def test_year_period_written_as_a_number(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text(VALID_FILE.replace("period: 2026-Q4", "period: 2026"))
    result = load_file(path)
    assert result.diagnostics == []
    assert result.team_file.period.end.isoformat() == "2026-12-31"


def test_billion_laughs_is_rejected_fast_with_bounded_memory(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    tracemalloc.start()
    result = load_file(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # the work is bounded by MAX_NODES (9**10 nodes would never finish) and so is memory
    assert [d.rule for d in result.diagnostics] == ["yaml-too-large"]
    assert str(f"{MAX_NODES:,}") in result.diagnostics[0].message
    assert peak < 64 * 2**20


def test_python_tags_never_construct(tmp_path):
    path = tmp_path / "f.yaml"
    for text in ("team: !!python/object/apply:os.system ['true']\n", "team: !custom x\n", "team: !!binary aGVsbG8=\n"):
        path.write_text(text)
        assert [d.rule for d in load_file(path).diagnostics] == ["yaml-tag"]


def test_path_disagreeing_with_content_is_a_warning(tmp_path):
    repo = make_repo(tmp_path, {"okrs/2026-Q3/treasury.yaml": VALID_FILE})
    result = load_repository(repo)
    # one warning for the name (at `team:`, line 1) and one for the folder (at `period:`, line 2)
    assert sorted((d.rule, d.severity.value, d.line, d.message) for d in result.diagnostics) == [
        ("path-mismatch", "warning", 1, "the file says team 'finance' but is named treasury.yaml"),
        ("path-mismatch", "warning", 2, "the file says period 2026-Q4 but lies in folder 2026-Q3/"),
    ]
    assert len(result.repository.files) == 1  # a warning does not drop the file


def test_two_files_for_one_team_and_period(tmp_path):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE, "okrs/2026-Q4/finance-copy.yaml": VALID_FILE})
    loaded = load_repository(repo)
    rules = [(d.rule, d.file.name) for d in loaded.diagnostics if d.severity.value == "error"]
    # the file named for the team is kept (where `okr checkin finance/...` writes); the copy is the duplicate
    assert rules == [("duplicate-team", "finance-copy.yaml")]
    assert [f.path.name for f in loaded.repository.files] == ["finance.yaml"]
    assert [p.name for p in loaded.repository.broken] == ["finance-copy.yaml"]


def test_reference_into_another_period(tmp_path):
    company = VALID_FILE.replace("team: finance", "team: company").replace("period: 2026-Q4", "period: 2026")
    team = VALID_FILE.replace("    owner: omar\n", "    owner: omar\n    aligns_to: 2026:company/faster-close\n")
    repo = make_repo(tmp_path, {"okrs/2026/company.yaml": company, "okrs/2026-Q4/finance.yaml": team})
    assert load_repository(repo).diagnostics == []
    broken = team.replace("2026:company/faster-close", "2025:company/faster-close")
    (repo / "okrs/2026-Q4/finance.yaml").write_text(broken)
    assert [d.rule for d in load_repository(repo).diagnostics] == ["alignment-unknown"]


def test_no_cascade_from_a_broken_target_file(tmp_path):
    company = "team: company\nperiod: 2026-Q4\nobjectives: [\n"
    team = VALID_FILE.replace("    owner: omar\n", "    owner: omar\n    aligns_to: company/growth\n")
    repo = make_repo(tmp_path, {"okrs/2026-Q4/company.yaml": company, "okrs/2026-Q4/finance.yaml": team})
    assert [d.rule for d in load_repository(repo).diagnostics] == ["yaml-syntax"]


def test_validate_json_is_a_list_of_located_objects(tmp_path, capsys, monkeypatch):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE.replace("target: 4", "target: four")})
    monkeypatch.chdir(repo)
    result = run_cli(capsys, "validate", "--format", "json")
    assert result.exit_code == 1
    (item,) = json.loads(result.stdout)
    assert {"file", "line", "column", "rule", "severity", "message"} <= set(item)
    assert (item["file"], item["line"], item["column"], item["rule"], item["severity"]) == (
        "okrs/2026-Q4/finance.yaml",
        12,
        17,
        "not-a-number",
        "error",
    )


def test_validate_concise_when_piped_and_summary_on_stderr(tmp_path, capsys, monkeypatch):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE.replace("target: 4", "target: four")})
    monkeypatch.chdir(repo)
    result = run_cli(capsys, "validate")
    assert result.stdout == (
        "okrs/2026-Q4/finance.yaml:12:17: error[not-a-number] 'target' of key result 'close-time' "
        "of objective 'faster-close' must be a number, got 'four'\n"
    )
    assert result.stderr.strip() == "1 file checked: 1 error"


def test_validate_full_shows_source_and_caret(tmp_path, capsys, monkeypatch):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE.replace("target: 4", "target: four")})
    monkeypatch.chdir(repo)
    out = run_cli(capsys, "validate", "--format", "full").stdout
    assert "12 |         target: four\n   |                 ^^^^\n" in out
    assert "= hint: write a plain number" in out


def test_validate_paths_limit_the_report(tmp_path, capsys, monkeypatch):
    bad = VALID_FILE.replace("target: 4", "target: four")
    repo = make_repo(
        tmp_path,
        {"okrs/2026-Q4/finance.yaml": bad, "okrs/2026-Q4/sales.yaml": bad.replace("team: finance", "team: sales")},
    )
    monkeypatch.chdir(repo)
    result = run_cli(capsys, "validate", "okrs/2026-Q4/sales.yaml", "--format", "json")
    assert {d["file"] for d in json.loads(result.stdout)} == {"okrs/2026-Q4/sales.yaml"}
    assert run_cli(capsys, "validate", "nope.yaml").exit_code == 2


def test_validate_clean_repository_exits_zero(tmp_path, capsys, monkeypatch):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "validate")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no problems" in result.stderr


def test_repo_option_after_the_command(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE})
    assert run_cli(capsys, "validate", "-C", str(repo)).exit_code == 0


def test_no_repository_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli(capsys, "validate")
    assert result.exit_code == 2
    assert "no okr.toml found" in result.stderr and "okr init" in result.stderr


def test_repository_found_from_a_subfolder(tmp_path, capsys, monkeypatch):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE})
    monkeypatch.chdir(repo / "okrs" / "2026-Q4")
    assert run_cli(capsys, "validate").exit_code == 0


def test_missing_c_folder(tmp_path, capsys):
    result = run_cli(capsys, "-C", str(tmp_path / "nowhere"), "validate")
    assert result.exit_code == 2 and "no such folder" in result.stderr


def test_diagnostics_keep_the_full_path_and_messages_show_it_relative(tmp_path, capsys, monkeypatch):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": "team: [\n"})
    (diag,) = load_repository(repo).diagnostics
    assert diag.file == Path(repo / "okrs/2026-Q4/finance.yaml")
    monkeypatch.chdir(repo)
    result = run_cli(capsys, "validate", "--format", "concise")
    assert result.stdout.startswith("okrs/2026-Q4/finance.yaml:2:1: error[yaml-syntax] ")
    assert str(tmp_path) not in result.stdout
