"""Every lint rule's passing and failing cases (tests/lint_cases/RULE.yml), with exact locations,
and the contract that every code okr prints is a registered rule, documented and listed."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import yaml

from okrcli.rules.base import LOADER
from okrcli.rules.registry import BY_NAME, LINT_RULES, RULES
from tests.helpers import make_repo, run_cli

CASES = Path(__file__).resolve().parent / "lint_cases"
SOURCE = Path(__file__).resolve().parent.parent / "src" / "okrcli"
BASE = (CASES / "_base.yaml.txt").read_text()
SECTIONS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead"]


CODE = re.compile(r"[a-z]+(-[a-z]+)*")
DIAGNOSTIC_MAKERS = {"error", "warning", "Diagnostic", "finding", "summary_finding", "Feedback"}
"""What the source calls with a rule code as the first argument."""


def emitted_codes(package: Path) -> dict[str, str]:
    """Every code the source passes to a diagnostic maker, with the first place: ``{code: "path:line"}``.

    A code written as a name (``NAME``, ``rule``) is followed to the values assigned to that
    name in the same module, through conditionals and dictionary look-ups.
    """
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[str, list[ast.expr]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _callee(node) in DIAGNOSTIC_MAKERS:
                for code in _strings(node.args[0], assigned):
                    if CODE.fullmatch(code):
                        found.setdefault(code, f"{path.relative_to(package)}:{node.lineno}")
    return found


def _callee(call: ast.Call) -> str | None:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", None)


def _strings(expr: ast.expr, assigned: dict, depth: int = 0):
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        yield expr.value
    elif isinstance(expr, ast.IfExp):
        yield from _strings(expr.body, assigned, depth)
        yield from _strings(expr.orelse, assigned, depth)
    elif isinstance(expr, ast.Dict):  # the values, never the keys
        for value in expr.values:
            yield from _strings(value, assigned, depth)
    elif isinstance(expr, ast.Subscript):
        yield from _strings(expr.value, assigned, depth)
    elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get":
        yield from _strings(expr.func.value, assigned, depth)
        for default in expr.args[1:]:
            yield from _strings(default, assigned, depth)
    elif isinstance(expr, ast.Name) and depth < 3:
        for value in assigned.get(expr.id, []):
            yield from _strings(value, assigned, depth + 1)


def _load_cases():
    for path in sorted(CASES.glob("*.yml")):
        spec = yaml.safe_load(path.read_text())
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}")


def _objective_block(text: str) -> str:
    return text[text.index("  - id: calm-on-call"):]


def _period_copy(text: str, period: str, day: str, fraction: float | None = None) -> str:
    out = text.replace("period: 2026-Q4", f"period: {period}").replace("2026-11-16", day)
    if fraction is not None:
        out = out.replace("value: 30\n", f"value: {40 - 30 * fraction:g}\n").replace("value: 70\n", f"value: {90 - 60 * fraction:g}\n")
    return out


def _build(tmp_path: Path, case: dict) -> Path:
    text = BASE
    for old, new in (case.get("replace") or {}).items():
        assert old in text, f"case anchor {old!r} is not in the base file"
        text = text.replace(old, new, 1)
    if case.get("cut"):
        start, end = case["cut"]
        text = text[: text.index(start)] + (text[text.index(end):] if end else "")
    for n in range(case.get("repeat_objective", 0)):
        text += _objective_block(BASE).replace("id: calm-on-call", f"id: calm-on-call-{n + 2}")
    text += case.get("append", "")
    files = {"okrs/2026-Q4/ops.yaml": text}
    for period, fraction in (case.get("history") or {}).items():
        day = {"2026-Q3": "2026-09-28", "2026-Q4": "2026-12-28"}[period]
        files[f"okrs/{period}/ops.yaml"] = _period_copy(BASE, period, day, fraction)
    previous = case.get("previous")
    if previous is not None:
        old = _period_copy(BASE, "2026-Q3", "2026-09-14")
        for a, b in ({} if previous == "same" else previous).items():
            old = old.replace(a, b, 1)
        files["okrs/2026-Q3/ops.yaml"] = old
    repo = make_repo(tmp_path / "repo", files, config=case.get("config", 'root = "okrs"\n'))
    if case.get("commits"):
        _commit_steps(repo, case["commits"])
    return repo


def _commit_steps(repo: Path, steps: list[dict]) -> None:
    """A git history for the history rules: each step edits ops.yaml (``replace``) and, unless
    ``commit: false``, commits everything on its ``date``."""
    from tests.history_helpers import commit_all, edit

    import subprocess

    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    for step in steps:
        for old, new in (step.get("replace") or {}).items():
            edit(repo, "okrs/2026-Q4/ops.yaml", old, new)
        if step.get("commit", True):
            commit_all(repo, str(step["date"]), "step")


@pytest.mark.parametrize("rule,case", list(_load_cases()))
def test_rule_case(tmp_path, capsys, rule, case):
    repo = _build(tmp_path, case)
    result = run_cli(capsys, "-C", str(repo), "lint", "--format", "json", "--as-of", str(case["as_of"]))
    assert result.exit_code in (0, 1), result.stderr
    found = json.loads(result.stdout)
    expected_file = case.get("expect_in", "okrs/2026-Q4/ops.yaml")
    mine = sorted([d["line"], d["column"]] for d in found if d["rule"] == rule)
    assert mine == sorted(case["expect"]), json.dumps(found, indent=1)
    assert all(d["file"].endswith(expected_file) for d in found if d["rule"] == rule)
    others = [d for d in found if d["rule"] != rule and d["severity"] == "error" and rule not in ("kr-count", "alignment-unknown", "alignment-cycle")]
    assert others == [], "a case file should only trip its own rule's errors"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_is_documented_and_listed(rule, capsys):
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    for section in SECTIONS:
        assert section in rule.doc, f"{rule.name} lacks '{section}'"
    assert rule.title and rule.title.endswith(".")
    listing = run_cli(capsys, "rules").stdout
    assert re.search(rf"^{re.escape(rule.name)}\s+{rule.severity.value}\s+{re.escape(rule.title)}", listing, re.MULTILINE)
    explained = run_cli(capsys, "rules", rule.name)
    assert explained.exit_code == 0 and "## Use instead" in explained.stdout


@pytest.mark.parametrize("rule", LINT_RULES, ids=[r.name for r in LINT_RULES])
def test_every_lint_rule_has_cases(rule):
    cases_file = CASES / f"{rule.name}.yml"
    assert cases_file.exists(), f"{rule.name} has no tests/lint_cases/{rule.name}.yml"
    cases = yaml.safe_load(cases_file.read_text())["cases"]
    assert any(c["expect"] for c in cases) and any(not c["expect"] for c in cases), "needs a failing and a passing case"


def test_every_rule_module_is_registered():
    modules = {
        path.stem.replace("_", "-")
        for family in ("lint", "file_format", "draft")
        for path in (SOURCE / "rules" / family).glob("*.py")
        if path.stem != "__init__"
    }
    assert modules == {r.name for r in RULES}
    assert len(BY_NAME) == len(RULES), "two modules declare the same NAME"


def test_every_code_in_the_source_is_registered():
    emitted = emitted_codes(SOURCE)
    # the scan must see codes from every stage, or it proves nothing
    assert {"encoding", "control-character", "bad-slug", "bad-period", "wrong-type", "duplicate-team",
            "unused-suppression", "kr-task-style"} <= set(emitted), sorted(emitted)
    unregistered = {code: where for code, where in emitted.items() if code not in BY_NAME}
    assert unregistered == {}, "register and document these codes under src/okrcli/rules/"
    reported_by_loading = {r.name for r in RULES if r.reported_by == LOADER}
    assert reported_by_loading <= set(emitted), "a documented code that loading never reports"


def test_the_code_scan_follows_names_conditionals_and_lookups(tmp_path):
    (tmp_path / "planted.py").write_text(
        'NAME = "planted-name"\n'
        "def f(ctx, x, field):\n"
        '    rule = {"period": "planted-period"}.get(field, "planted-default")\n'
        '    yield error(rule, "a message", None)\n'
        '    yield warning("planted-a" if x else "planted-b", "a message", None)\n'
        "    yield ctx.finding(NAME, None)\n"
    )
    assert set(emitted_codes(tmp_path)) == {"planted-name", "planted-period", "planted-default", "planted-a", "planted-b"}


@pytest.mark.parametrize("rule", [r for r in RULES if r.options], ids=lambda r: r.name)
def test_every_option_is_documented(rule, capsys):
    explained = run_cli(capsys, "rules", rule.name).stdout
    options = explained[explained.index("## Options"):]
    assert f"[rules.{rule.name}]" in options
    for name, option in rule.options.items():
        assert f"`{name}`" in options and option.description in options
        assert option.lint_key is None or f"`{option.lint_key}` under `[lint]`" in options


def test_unknown_rule_name(capsys):
    result = run_cli(capsys, "rules", "kr-task-styel")
    assert result.exit_code == 2 and "did you mean 'kr-task-style'?" in result.stderr
