"""okr lint: formats, --changed, suppressions, selection, exit codes, and the demo repository."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.helpers import ACME, VALID_FILE, git, make_git_repo, make_repo, run_cli

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data/schemas/sarif-2.1.0-rtm.5.json").read_text())
TASKY = VALID_FILE.replace("Reduce unreconciled items from 120 to 30", "Implement the reconciliation bot")


def test_acme_finds_its_deliberate_problems_and_nothing_else(capsys):
    result = run_cli(capsys, "-C", str(ACME), "lint", "--format", "json", "--as-of", "2026-11-20")
    found = sorted((Path(d["file"]).name, d["rule"], d["line"]) for d in json.loads(result.stdout))
    assert found == [
        ("customer-success.yaml", "checkin-stale", 132),  # the task-style KR was never checked in
        ("customer-success.yaml", "kr-task-style", 133),
        ("product.yaml", "checkin-stale", 107),
        ("sales.yaml", "guardrail-breached", 179),
        ("sales.yaml", "objective-has-number", 100),
    ]
    assert result.exit_code == 1  # kr-task-style is an error by default; the rest are warnings


def test_lint_reports_validation_errors_too(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE.replace("target: 4", "targte: 4")})
    result = run_cli(capsys, "-C", str(repo), "lint", "--format", "concise", "--as-of", "2026-10-10")
    assert result.exit_code == 1 and "error[unknown-field]" in result.stdout


def test_warning_exit_codes(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY})
    (repo / "okr.toml").write_text('[lint]\nseverity = { kr-task-style = "warning" }\n')  # an error by default
    args = ["-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "concise"]
    assert run_cli(capsys, *args).exit_code == 0
    assert run_cli(capsys, *args, "--error-on-warning").exit_code == 1
    assert run_cli(capsys, *args, "--error-on-warning", "--exit-zero").exit_code == 0


def test_select_ignore_and_severity(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY})
    base = ["-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json"]
    rules = lambda *extra: sorted({d["rule"] for d in json.loads(run_cli(capsys, *base, *extra).stdout)})  # noqa: E731
    assert rules() == ["kr-task-style"]
    assert rules("--ignore", "kr-task-style") == []
    assert rules("--select", "kr-no-unit,objective-too-long") == []
    (repo / "okr.toml").write_text('[lint]\nseverity = { kr-task-style = "error" }\n')
    result = run_cli(capsys, *base)
    assert result.exit_code == 1 and json.loads(result.stdout)[0]["severity"] == "error"
    (repo / "okr.toml").write_text('[lint]\nseverity = { kr-task-style = "off" }\n')
    assert rules() == []


def test_unknown_rule_names_are_usage_errors(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "lint", "--select", "kr-task-styl")
    assert result.exit_code == 2 and "did you mean 'kr-task-style'?" in result.stderr
    (repo / "okr.toml").write_text('[lint]\nseverity = { nope = "error" }\n')
    assert run_cli(capsys, "-C", str(repo), "lint").exit_code == 2
    draft_only = run_cli(capsys, "-C", str(repo), "lint", "--ignore", "kr-no-number")
    assert draft_only.exit_code == 2 and "'kr-no-number' is reported by okr draft only" in draft_only.stderr


def test_suppressions(tmp_path, capsys):
    text = TASKY.replace(
        "        title: Implement the reconciliation bot\n",
        "        # okr: disable-line kr-task-style -- the bot is a regulatory milestone\n        title: Implement the reconciliation bot\n",
    )
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": text})
    found = json.loads(run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json").stdout)
    assert found == []
    same_line = TASKY.replace("Implement the reconciliation bot\n", "Implement the reconciliation bot  # okr: disable-line kr-task-style\n")
    (repo / "okrs/2026-Q4/finance.yaml").write_text(same_line)
    assert json.loads(run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json").stdout) == []
    whole_file = "# okr: disable-file kr-task-style, kr-no-unit -- drafts\n" + TASKY
    (repo / "okrs/2026-Q4/finance.yaml").write_text(whole_file)
    found = json.loads(run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json").stdout)
    assert [(d["rule"], d["line"], d["message"]) for d in found] == [
        ("unused-suppression", 1, "`okr: disable-file kr-no-unit` silences nothing")
    ]
    typo = "# okr: disable-file kr-tsk-style\n" + VALID_FILE
    (repo / "okrs/2026-Q4/finance.yaml").write_text(typo)
    found = json.loads(run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json").stdout)
    assert [(d["rule"], d["message"]) for d in found] == [("unused-suppression", "`okr: disable-file kr-tsk-style` names no known rule")]


def test_github_annotations_are_escaped_and_the_limit_is_announced(tmp_path, capsys):
    files = {}
    for n in range(12):
        team = f"team-{n}"
        files[f"okrs/2026-Q4/{team}.yaml"] = TASKY.replace("team: finance", f"team: {team}").replace(
            "Implement the reconciliation bot", '"Implement 100%, then: review, the bot"'
        )
    repo = make_repo(tmp_path, files)
    result = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "github")
    lines = result.stdout.splitlines()
    found = json.loads(run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json").stdout)
    d = found[0]  # the same finding, unescaped
    data = (d["message"] + "\n" + d["hint"]).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    file = "okrs/2026-Q4/team-0.yaml"  # from the repository's root, wherever okr ran (tests/test_ci_clients.py)
    assert d["file"].endswith(file)
    # the hint is the annotation's second line
    assert lines[0] == (
        f"::error file={file},line=19,col=16,endLine=19,endColumn={d['end_column']},title=okr kr-task-style::{data}"
    )
    assert lines[-1].startswith("::notice title=okr lint::12 findings; GitHub shows 10 annotations of each level")
    assert "2 more errors" in lines[-1]


def test_github_property_escaping():
    from okrcli.model.diagnostics import Diagnostic, Severity
    from okrcli.model.location import Span
    from okrcli.report.ci_formats import github

    diag = Diagnostic("kr-task-style", Severity.ERROR, "100% done: a, b\nnext", Path("a,b:c.yaml"), Span(1, 2, 1, 5))
    assert github([diag]) == (
        "::error file=a%2Cb%3Ac.yaml,line=1,col=2,endLine=1,endColumn=5,title=okr kr-task-style::100%25 done: a, b%0Anext"
    )


def test_sarif_is_valid_sarif_2_1_0(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY, "okrs/2026-Q4/broken.yaml": "team: [\n"})
    result = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"kr-task-style", "guardrail-breached"} <= {r["id"] for r in rules}
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules if r["id"] == "kr-task-style")
    by_rule = {r["ruleId"]: r for r in run["results"]}
    region = by_rule["kr-task-style"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (19, 16)
    assert rules[by_rule["yaml-syntax"]["ruleIndex"]]["id"] == "yaml-syntax"
    assert by_rule["yaml-syntax"]["level"] == "error"


def test_sarif_describes_every_code_from_the_registry():
    from okrcli.report.ci_formats import sarif
    from okrcli.rules.registry import RULES

    described = {r["id"]: r for r in json.loads(sarif([]))["runs"][0]["tool"]["driver"]["rules"]}
    assert list(described) == [rule.name for rule in RULES]
    for rule in RULES:
        descriptor = described[rule.name]
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["fullDescription"]["text"] == descriptor["help"]["markdown"] == rule.doc
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
    assert described["yaml-syntax"]["name"] == "YamlSyntax"
    assert "## Use instead" in described["path-mismatch"]["help"]["text"]


def test_json_has_end_positions(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY})
    (item,) = json.loads(run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json").stdout)
    assert {"file", "line", "column", "end_line", "end_column", "rule", "severity", "message"} <= set(item)
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (19, 16, 19, 48)


def test_changed_lints_only_the_branch_changes(tmp_path, capsys):
    company = "team: company\nperiod: 2026-Q4\nobjectives:\n  - id: growth\n    title: Grow well\n    type: aspirational\n    owner: ceo\n    key_results:\n      - {id: arr, title: Grow ARR from 1 to 2, baseline: 1, target: 2, unit: USD}\n      - {id: nrr, title: Grow NRR from 100 to 110, baseline: 100, target: 110, unit: '%'}\n"
    repo = make_git_repo(
        tmp_path / "g",
        {"okrs/2026-Q4/company.yaml": company, "okrs/2026-Q4/finance.yaml": TASKY, "okrs/2026-Q4/sales.yaml": TASKY.replace("team: finance", "team: sales")},
    )
    git(repo, "checkout", "-q", "-b", "feature")
    sales = repo / "okrs/2026-Q4/sales.yaml"
    sales.write_text(sales.read_text().replace("    owner: omar\n", "    owner: omar\n    aligns_to: company/growth\n"))
    git(repo, "commit", "-qam", "sales aligns")
    (repo / "okrs/2026-Q4/people.yaml").write_text(TASKY.replace("team: finance", "team: people"))  # untracked, new
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed", "--as-of", "2026-10-10", "--format", "json")
    files = sorted({Path(d["file"]).name for d in json.loads(result.stdout)})
    assert files == ["people.yaml", "sales.yaml"]  # finance.yaml has the same finding but did not change
    # references resolve across the whole repository: company.yaml is not linted but is known
    assert all(d["rule"] != "alignment-unknown" for d in json.loads(result.stdout))
    git(repo, "checkout", "-q", "main")
    (repo / "okrs/2026-Q4/people.yaml").unlink()
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed", "--base", "main", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == [] and "no OKR files changed" in result.stderr


def test_changed_with_a_bad_base(tmp_path, capsys):
    repo = make_git_repo(tmp_path / "g", {"okrs/2026-Q4/finance.yaml": VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed", "--base", "nope")
    assert result.exit_code == 2 and "cannot compare with nope: no such branch, tag or commit" in result.stderr  # a usage error


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_human_formats(tmp_path, capsys, fmt):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY})
    out = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", fmt).stdout
    assert "error[kr-task-style] key result 'recon' reads as a task" in out
    assert ("^^^^" in out) == (fmt == "full")
