"""okr validate reports every problem that does not depend on another, in one run.

Format errors never hide the multi-field checks (duplicate ids, baseline = target,
check-in order, key-result counts) on the well-formed parts of a file, nor the
cross-file checks (alignment, duplicate teams) of it or of other files.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import locate, make_repo, run_cli


def _objective(ident: str, kind: str = "aspirational", aligns: str | None = None, krs: str | None = None) -> str:
    text = f"  - id: {ident}\n    title: Objective {ident}\n    type: {kind}\n"
    if aligns:
        text += f"    aligns_to: {aligns}\n"
    return text + "    key_results:\n" + (krs if krs is not None else _kr("first") + _kr("second"))


def _kr(ident: str, baseline="10", target="20", extra: str = "") -> str:
    return f"      - id: {ident}\n        title: Raise {ident} from {baseline} to {target}\n        baseline: {baseline}\n        target: {target}\n{extra}"


def _file(team: str, *objectives: str, period: str = "2026-Q4") -> str:
    return f"team: {team}\nperiod: {period}\nobjectives:\n" + "".join(objectives)


def _validate(capsys, repo, *args) -> list[tuple[str, str, int, int]]:
    result = run_cli(capsys, "-C", str(repo), "validate", "--format", "json", *args)
    assert result.exit_code == 1, result.stderr
    return sorted((d["file"].rsplit("/", 1)[1], d["rule"], d["line"], d["column"]) for d in json.loads(result.stdout))


def test_the_issue_case_typo_baseline_equals_target_and_unknown_alignment_in_one_run(tmp_path, capsys):
    alpha = _file(
        "alpha",
        _objective("one", kind="comitted"),
        _objective("two", krs=_kr("same", "30", "30") + _kr("late", extra="        checkins:\n          - date: 2026-11-02\n            value: 12\n          - date: 2026-11-01\n            value: 11\n")),
        _objective("two"),
    )
    beta = _file("beta", _objective("three", aligns="alpha/nosuch"), _objective("four", aligns="gamma/nosuch"))
    gamma_text = _file("gamma", _objective("five", aligns="alpha/one"))  # resolves, though alpha has errors
    repo = make_repo(tmp_path, {"okrs/2026-Q4/alpha.yaml": alpha, "okrs/2026-Q4/beta.yaml": beta, "okrs/2026-Q4/gamma.yaml": gamma_text})
    assert _validate(capsys, repo) == sorted(
        [
            ("alpha.yaml", "invalid-value", *locate(alpha, "comitted")),
            ("alpha.yaml", "baseline-equals-target", *locate(alpha, "30", 4)),
            ("alpha.yaml", "checkin-order", *locate(alpha, "2026-11-01")),
            ("alpha.yaml", "duplicate-id", *locate(alpha, "two", 3)),
            ("beta.yaml", "alignment-unknown", *locate(beta, "alpha/nosuch")),
            ("beta.yaml", "alignment-unknown", *locate(beta, "gamma/nosuch")),
        ]
    )
    # lint runs the same pipeline: the same problems, in one run, from the cache too
    for _ in range(2):
        found = json.loads(run_cli(capsys, "-C", str(repo), "lint", "--format", "json").stdout)
        assert {d["rule"] for d in found} >= {"invalid-value", "baseline-equals-target", "checkin-order", "duplicate-id", "alignment-unknown"}


def test_errors_inside_six_key_results_are_reported_with_the_count(tmp_path, capsys):
    krs = (
        _kr("a") + _kr("b") + _kr("c")
        + _kr("d", extra="        tagret: 4\n")
        + _kr("e", baseline='"ten"')
        + _kr("f", extra="        checkins:\n          - date: 2026-10-05\n            value: 12\n            confidence: 70\n")
    )
    text = _file("alpha", _objective("one", krs=krs))
    repo = make_repo(tmp_path, {"okrs/2026-Q4/alpha.yaml": text})
    assert _validate(capsys, repo) == sorted(
        [
            ("alpha.yaml", "kr-count", *locate(text, "key_results")),
            ("alpha.yaml", "unknown-field", *locate(text, "tagret")),
            ("alpha.yaml", "not-a-number", *locate(text, '"ten"', 2)),
            ("alpha.yaml", "out-of-range", *locate(text, "70")),
        ]
    )


def test_one_key_result_with_an_error_inside_is_counted_too(tmp_path, capsys):
    text = _file("alpha", _objective("one", krs=_kr("a", extra="        tagret: 4\n")))
    repo = make_repo(tmp_path, {"okrs/2026-Q4/alpha.yaml": text})
    assert [rule for _, rule, _, _ in _validate(capsys, repo)] == ["kr-count", "unknown-field"]


def test_a_file_with_format_errors_still_takes_part_in_the_cross_file_checks(tmp_path, capsys):
    # alpha's model validates but baseline = target is an error: references into it resolve,
    # its own unknown alignment and a second file for its team are still reported
    alpha = _file("alpha", _objective("one", aligns="nosuch/objective", krs=_kr("same", "5", "5") + _kr("other")))
    twin = _file("alpha", _objective("two", kind="comitted"))
    beta = _file("beta", _objective("three", aligns="alpha/one/same"), _objective("four", aligns="alpha/one/missing"))
    repo = make_repo(tmp_path, {"okrs/2026-Q4/alpha.yaml": alpha, "okrs/2026-Q4/beta.yaml": beta, "okrs/2026-Q4/zz-alpha.yaml": twin})
    found = _validate(capsys, repo)
    line, column = locate(alpha, "target: 5")
    assert ("alpha.yaml", "baseline-equals-target", line, column + len("target: ")) in found
    assert ("alpha.yaml", "alignment-unknown", *locate(alpha, "nosuch/objective")) in found
    assert ("beta.yaml", "alignment-unknown", *locate(beta, "alpha/one/missing")) in found
    assert ("zz-alpha.yaml", "duplicate-team", *locate(twin, "alpha")) in found
    assert ("zz-alpha.yaml", "invalid-value", *locate(twin, "comitted")) in found
    assert not any(file == "beta.yaml" and line == locate(beta, "alpha/one/same")[0] for file, _, line, _ in found)


@pytest.mark.parametrize(
    "broken_objective",
    [
        "  - id: Not A Slug\n    title: x\n    type: committed\n    key_results: []\n",  # an id okr cannot read
        "  - just text\n",  # not an objective at all
    ],
)
def test_a_reference_that_depends_on_an_unreadable_objective_is_not_reported(tmp_path, capsys, broken_objective):
    alpha = _file("alpha", _objective("one"), broken_objective)
    beta = _file("beta", _objective("three", aligns="alpha/not-a-slug"), _objective("four", aligns="alpha/one"))
    repo = make_repo(tmp_path, {"okrs/2026-Q4/alpha.yaml": alpha, "okrs/2026-Q4/beta.yaml": beta})
    assert {file for file, *_ in _validate(capsys, repo)} == {"alpha.yaml"}


def test_a_file_with_a_malformed_period_does_not_judge_its_relative_references(tmp_path, capsys):
    alpha = _file("alpha", _objective("one", aligns="beta/none"), period="Q4-2026")
    repo = make_repo(tmp_path, {"okrs/2026-Q4/alpha.yaml": alpha, "okrs/2026-Q4/beta.yaml": _file("beta", _objective("two"))})
    assert [rule for _, rule, _, _ in _validate(capsys, repo)] == ["bad-period"]
