"""Lint details (issue 11, item 23): rules judge only what they are about.

confidence-too-high-at-start and kr-title-mismatch have their pass/fail cases in
tests/lint_cases; here are the sentence reader and the suppressions a run leaves out.
"""

from __future__ import annotations

import json

import pytest

from okrcli.language.sentences import parse_key_result
from tests.helpers import make_repo, run_cli

BASE = """\
team: ops
period: 2026-Q4
objectives:
  - id: calm-on-call
    title: Handle 200 pages  # okr: disable-line objective-has-number -- the number is the point
    type: aspirational
    owner: dana
    key_results:
      - id: pages
        title: Cut pages per week from 40 to 10
        baseline: 40
        target: 10
        unit: pages
      - id: mttr
        title: Reduce time to restore from 90 minutes to 30 minutes
        baseline: 90
        target: 30
        unit: minutes
"""


@pytest.mark.parametrize(
    "title,baseline,target",
    [
        ("Cut p95 page load", None, None),
        ("Reduce P95 latency to 300 ms", None, 300),
        ("Keep p99.9 latency flat", None, None),
        ("Raise API v2 adoption from 10% to 60%", 10, 60),
        ("Cut P1 incidents from 12 to zero", 12, 0),
        ("Grow IPv6 traffic from 20% to 50%", 20, 50),
        ("Cut k8s restarts from 30 to 5", 30, 5),
        ("Raise H1 revenue to $2M", None, 2_000_000),
    ],
)
def test_names_with_digits_are_not_numbers(title, baseline, target):
    parsed = parse_key_result(title)
    assert (parsed.baseline, parsed.target) == (baseline, target)
    assert parsed.title == title  # read around the names, shown as written


def _unused(capsys, repo, *args):
    result = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-11-20", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return [d["message"] for d in json.loads(result.stdout) if d["rule"] == "unused-suppression"]


def test_a_suppression_of_a_rule_this_run_ignores_is_not_judged(tmp_path, capsys):
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q4/ops.yaml": BASE})
    assert _unused(capsys, repo) == []  # it silences objective-has-number
    assert _unused(capsys, repo, "--ignore", "objective-has-number") == []
    assert _unused(capsys, repo, "--select", "kr-task-style,unused-suppression") == []


def test_a_suppression_of_a_rule_okr_toml_turns_off_says_so(tmp_path, capsys):
    for config in ('[lint]\nignore = ["objective-has-number"]\n', '[lint]\nseverity = { objective-has-number = "off" }\n'):
        repo = make_repo(tmp_path / str(len(config)), {"okrs/2026-Q4/ops.yaml": BASE}, config='root = "okrs"\n' + config)
        assert _unused(capsys, repo) == [
            "`okr: disable-line objective-has-number` names a rule that is not enabled (okr.toml [lint]), so it silences nothing"
        ]


def test_a_suppression_that_matches_nothing_still_says_so(tmp_path, capsys):
    text = BASE.replace("Handle 200 pages", "On-call is calm")
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q4/ops.yaml": text})
    assert _unused(capsys, repo) == ["`okr: disable-line objective-has-number` silences nothing"]
