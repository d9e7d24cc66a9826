"""Every bad-input case of the format: copies of examples/acme with one defect each.

Each case asserts exit code 1 and the rule, line and column of the diagnostic,
computed from where the defect sits in the mutated file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import copy_acme, locate, run_cli

FINANCE = "okrs/2026-Q4/finance.yaml"

# (case, old text, new text, text the diagnostic must point at, occurrence of it, rule)
MUTATIONS = [
    ("unknown field with a typo", "        target: 4\n", "        targte: 4\n", "targte", 1, "unknown-field"),
    ("non-numeric baseline", "        baseline: 7\n", "        baseline: seven days\n", "seven days", 1, "not-a-number"),
    ("non-numeric check-in value", "            value: 6.8\n", "            value: 6.8 days\n", "6.8 days", 1, "not-a-number"),
    ("quoted numeric target", "        target: 4\n", '        target: "4"\n', '"4"', 1, "not-a-number"),
    ("baseline equal to target", "        target: 4\n", "        target: 7.0\n", "7.0", 1, "baseline-equals-target"),
    ("confidence above 1", "            confidence: 0.7\n", "            confidence: 70\n", "70", 1, "out-of-range"),
    ("confidence below 0", "            confidence: 0.7\n", "            confidence: -0.2\n", "-0.2", 1, "out-of-range"),
    ("impossible date", "date: 2026-10-12\n", "date: 2026-13-12\n", "2026-13-12", 1, "bad-date"),
    ("period in the wrong form", "period: 2026-Q4\n", "period: Q4-2026\n", "Q4-2026", 1, "bad-period"),
    ("wrong objective type", "    type: committed\n", "    type: stretch\n", "stretch", 1, "invalid-value"),
    ("wrong type: title is a list", "    title: Close the books fast enough to steer by them\n", "    title: [Close, books]\n", "[Close", 1, "wrong-type"),
    ("id that is not a slug", "  - id: faster-close\n", "  - id: Faster Close\n", "Faster Close", 1, "bad-slug"),
    ("duplicate objective ids", "  - id: trusted-forecasts\n", "  - id: faster-close\n", "faster-close", 2, "duplicate-id"),
    ("duplicate key-result ids", "      - id: recon-exceptions\n", "      - id: close-time\n", "close-time", 2, "duplicate-id"),
    ("duplicate YAML keys", "    type: committed\n", "    type: committed\n    type: aspirational\n", "type: aspirational", 1, "duplicate-key"),
    ("reference to a missing objective", "aligns_to: company/efficient-growth\n", "aligns_to: company/efficient-grwth\n", "company/efficient-grwth", 1, "alignment-unknown"),
    ("reference to a missing team", "aligns_to: company/efficient-growth\n", "aligns_to: board/efficient-growth\n", "board/efficient-growth", 1, "alignment-unknown"),
    ("malformed reference", "aligns_to: company/efficient-growth\n", "aligns_to: company efficient growth\n", "company efficient growth", 1, "bad-reference"),
    ("check-in dates out of order", "date: 2026-10-12\n", "date: 2026-10-01\n", "2026-10-01", 1, "checkin-order"),
    ("two check-ins on one date", "date: 2026-10-12\n", "date: 2026-10-05\n", "2026-10-05", 2, "checkin-order"),
    ("negative weight", "        unit: days\n", "        unit: days\n        weight: -1\n", "-1", 1, "out-of-range"),
    ("a YAML tag that would construct an object", "    type: committed\n", "    type: !!python/object:os.system committed\n", "!!python/object", 1, "yaml-tag"),
    ("malformed YAML: unclosed flow list", "    owner: omar-haddad\n", "    owner: [omar-haddad\n", ": company/efficient-growth", 1, "yaml-syntax"),
    # the needle starts with the tab: libyaml points at the tab itself, not at the key after it
    ("malformed YAML: tab indentation", "    owner: omar-haddad\n", "    owner: omar-haddad\n\towner2: x\n", "\towner2", 1, "yaml-syntax"),
    ("missing required field", "        baseline: 7\n", "", "id: close-time", 1, "missing-field"),
    ("merge conflict left in the file", "    type: committed\n",
     "<<<<<<< HEAD\n    type: committed\n=======\n    type: aspirational\n>>>>>>> other-branch\n", "<<<<<<<", 1, "yaml-syntax"),
]


def _mutate(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    repo = copy_acme(tmp_path / "acme")
    path = repo / FINANCE
    text = path.read_text(encoding="utf-8")
    assert old in text, f"mutation anchor {old!r} not found in {FINANCE}"
    mutated = text.replace(old, new, 1)
    path.write_text(mutated, encoding="utf-8")
    return repo, mutated


@pytest.mark.parametrize("case,old,new,needle,occurrence,rule", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_defect_is_reported_at_its_node(tmp_path, capsys, monkeypatch, case, old, new, needle, occurrence, rule):
    repo, mutated = _mutate(tmp_path, old, new)
    monkeypatch.chdir(repo)
    result = run_cli(capsys, "validate", "--format", "json")
    assert result.exit_code == 1, result.stdout
    found = json.loads(result.stdout)
    line, column = locate(mutated, needle, occurrence)
    assert {"file": FINANCE, "line": line, "column": column, "rule": rule} in [
        {k: d[k] for k in ("file", "line", "column", "rule")} for d in found
    ], found
    assert all(d["severity"] in ("error", "warning", "info") for d in found)


def test_typo_suggests_the_field(tmp_path, capsys, monkeypatch):
    repo, _ = _mutate(tmp_path, "        target: 4\n", "        targte: 4\n")
    monkeypatch.chdir(repo)
    result = run_cli(capsys, "validate", "--format", "full")
    assert "did you mean 'target'?" in result.stdout
    assert "^^^^^^" in result.stdout  # the caret underlines the key


def test_one_key_result_is_reported(tmp_path, capsys, monkeypatch):
    repo = copy_acme(tmp_path / "acme")
    path = repo / FINANCE
    text = path.read_text(encoding="utf-8")
    start = text.index("      - id: recon-exceptions")
    end = text.index("    initiatives:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    monkeypatch.chdir(repo)
    found = json.loads(run_cli(capsys, "validate", "--format", "json").stdout)
    line, column = locate(text[:start] + text[end:], "key_results")
    assert [(d["rule"], d["line"], d["column"]) for d in found] == [("kr-count", line, column)]
    assert "has 1 key result" in found[0]["message"]


def test_six_key_results_are_reported(tmp_path, capsys, monkeypatch):
    repo = copy_acme(tmp_path / "acme")
    path = repo / FINANCE
    text = path.read_text(encoding="utf-8")
    extra = "".join(
        f"      - id: extra-{n}\n        title: Raise metric {n} from 1 to 2\n        baseline: 1\n        target: 2\n"
        for n in range(4)
    )
    anchor = "      - id: recon-exceptions\n"
    mutated = text.replace(anchor, extra + anchor, 1)
    path.write_text(mutated, encoding="utf-8")
    monkeypatch.chdir(repo)
    found = json.loads(run_cli(capsys, "validate", "--format", "json").stdout)
    line, column = locate(mutated, "key_results")
    assert [(d["rule"], d["line"], d["column"]) for d in found] == [("kr-count", line, column)]
    assert "has 6 key results" in found[0]["message"]


def test_alignment_cycle(tmp_path, capsys, monkeypatch):
    repo = copy_acme(tmp_path / "acme")
    path = repo / FINANCE
    text = path.read_text(encoding="utf-8")
    mutated = text.replace("aligns_to: company/efficient-growth", "aligns_to: finance/trusted-forecasts", 1)
    mutated = mutated.replace("aligns_to: company/efficient-growth", "aligns_to: finance/faster-close", 1)
    path.write_text(mutated, encoding="utf-8")
    monkeypatch.chdir(repo)
    result = run_cli(capsys, "validate", "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert [d["rule"] for d in found] == ["alignment-cycle"]
    assert (found[0]["line"], found[0]["column"]) == locate(mutated, "finance/trusted-forecasts")
    assert "faster-close -> finance/trusted-forecasts -> finance/faster-close" in found[0]["message"]


def test_broken_file_does_not_hide_others(tmp_path, capsys, monkeypatch):
    repo = copy_acme(tmp_path / "acme")
    (repo / FINANCE).write_text("team: [\n", encoding="utf-8")
    sales = repo / "okrs/2026-Q4/sales.yaml"
    sales.write_text(sales.read_text(encoding="utf-8").replace("target: 5000000", "targte: 5000000"), encoding="utf-8")
    monkeypatch.chdir(repo)
    found = json.loads(run_cli(capsys, "validate", "--format", "json").stdout)
    assert {(d["file"], d["rule"]) for d in found} == {
        (FINANCE, "yaml-syntax"),
        ("okrs/2026-Q4/sales.yaml", "unknown-field"),
    }


def test_merge_conflict_says_what_to_do(tmp_path, capsys, monkeypatch):
    conflicted = "<<<<<<< HEAD\n    type: committed\n=======\n    type: aspirational\n>>>>>>> other-branch\n"
    repo, _ = _mutate(tmp_path, "    type: committed\n", conflicted)
    monkeypatch.chdir(repo)
    validated = run_cli(capsys, "validate", "--format", "full")
    assert "unresolved merge conflict" in validated.stdout and "delete the <<<<<<<, ======= and >>>>>>> lines" in validated.stdout
    # a check-in whose key result sits in that file says the file was left out, not just "no match"
    checkin = run_cli(capsys, "checkin", "close-time", "--value", "5", "--date", "2026-11-20")
    assert checkin.exit_code == 1  # as with the full reference, which names the broken file itself
    assert f"1 file(s) with errors were left out: {FINANCE}" in checkin.stderr and "okr validate" in checkin.stderr
