"""Numbers at the edges of floating point: every score and forecast stays a finite number in
0..1, and no output (JSON above all) ever shows NaN or Infinity.

A file may hold any finite number, 1.7e308 and 5e-324 included; their differences
overflow to infinity in plain float arithmetic, which used to make scores and forecasts
``nan`` (printed as ``NaN``, which is not JSON) or silently wrong.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrcli.model.numbers import format_number, parse_number, plain_number
from okrcli.model.okrfile import CheckIn, KeyResult, Objective
from okrcli.model.periods import make_period
from okrcli.scoring.progress import kr_score, progress, weighted_mean
from okrcli.scoring.scores import score_key_result
from tests.helpers import locate, make_repo, run_cli

EXTREME_FILE = """\
team: finance
period: 2026-Q4
objectives:
  - id: huge
    title: Grow beyond measure
    type: aspirational
    owner: omar
    key_results:
      - id: widest
        title: Move a from the lowest float to the highest
        baseline: -1.7976931348623157e308
        target: 1.7976931348623157e308
        unit: $
        weight: 1.7e308
        checkins:
          - date: 2026-10-05
            value: 1.7976931348623157e308
            confidence: 0.5
          - date: 2026-10-20
            value: -1.7976931348623157e308
      - id: tiniest
        title: Move b by the smallest step there is
        baseline: 0
        target: 5e-324
        weight: 1.7e308
        checkins:
          - date: 2026-10-05
            value: 1e308
          - date: 2026-10-06
            value: -1e308
      - id: subnormal-weight
        title: Move c a little
        baseline: 1e-300
        target: 2e-300
        weight: 5e-324
        checkins:
          - date: 2026-10-05
            value: 1.5e-300
guardrails:
  - id: ceiling
    title: Stay below the sky
    threshold: 1.7976931348623157e308
    must_stay: below
    unit: "%"
    checkins:
      - date: 2026-10-05
        value: -1.7976931348623157e308
"""

JSON_COMMANDS = [
    ["score", "--format", "json"],
    ["report", "--format", "json"],
    ["validate", "--format", "json"],
    ["lint", "--format", "json"],
    ["lint", "--format", "sarif"],
]
TEXT_COMMANDS = [
    ["score"], ["score", "--explain"], ["score", "--tree"], ["score", "--format", "csv"], ["score", "--format", "markdown"],
    ["report", "--no-pager"], ["report", "--format", "markdown"], ["report", "--format", "html"], ["tree"],
]
NON_FINITE_WORDS = ("nan", "inf", "infinity")


def _strict(text: str):
    def refuse(word):
        raise AssertionError(f"{word} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _numbers(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _numbers(value)
    elif isinstance(data, list):
        for value in data:
            yield from _numbers(value)
    elif isinstance(data, float):
        yield data


@pytest.fixture()
def extreme_repo(tmp_path):
    return make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": EXTREME_FILE})


@pytest.mark.parametrize("day", ["2026-11-20", "2027-02-01"])
@pytest.mark.parametrize("command", JSON_COMMANDS, ids=lambda c: " ".join(c))
def test_every_json_output_of_extreme_values_is_strict_json(extreme_repo, capsys, command, day):
    result = run_cli(capsys, "-C", str(extreme_repo), *command, *(["--as-of", day] if command[0] != "validate" else []))
    assert result.exit_code == (1 if command[0] == "lint" else 0), result.stderr  # lint: task-style titles
    data = _strict(result.stdout)
    assert all(math.isfinite(n) for n in _numbers(data))
    if command[0] in ("score", "report"):
        krs = [kr for team in data["teams"] for o in team["objectives"] for kr in o["key_results"]]
        for kr in krs:
            for key in ("score", "forecast", "expected"):
                assert 0.0 <= kr[key] <= 1.0, (kr["ref"], key, kr[key])
        # the trends point down (from the top to the bottom, and past the target the wrong way)
        assert [(kr["score"], kr["forecast"]) for kr in krs[:2]] == [(0.0, 0.0), (0.0, 0.0)]
        assert krs[2]["score"] == 0.5
        assert data["teams"][0]["objectives"][0]["score"] == 0.0


@pytest.mark.parametrize("command", TEXT_COMMANDS, ids=lambda c: " ".join(c))
def test_no_text_output_of_extreme_values_shows_nan_or_infinity(extreme_repo, capsys, command):
    result = run_cli(capsys, "-C", str(extreme_repo), *command, "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    words = {w.strip("(),;:%$").lower() for w in result.stdout.replace("=", " ").split()}
    assert not words & set(NON_FINITE_WORDS), command
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("field,line_text,value", [
    ("baseline", "        baseline: 0\n", ".inf"),
    ("target", "        target: 5e-324\n", "-.inf"),
    ("value", "            value: 1.5e-300\n", ".nan"),
    ("threshold", "    threshold: 1.7976931348623157e308\n", ".inf"),
    ("weight", "        weight: 5e-324\n", ".inf"),
    ("confidence", "            confidence: 0.5\n", ".nan"),
    ("baseline", "        baseline: 0\n", "1e400"),  # overflows while read: infinity in disguise
])
def test_every_number_in_a_file_must_be_finite(tmp_path, capsys, field, line_text, value):
    key = line_text.split(":")[0]
    text = EXTREME_FILE.replace(line_text, f"{key}: {value}\n", 1)
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": text})
    result = run_cli(capsys, "-C", str(repo), "validate", "--format", "json")
    assert result.exit_code == 1
    found = _strict(result.stdout)
    line, column = locate(text, f"{key}: {value}")
    assert [(d["line"], d["column"]) for d in found] == [(line, column + len(f"{key}: "))]
    assert found[0]["rule"] in ("not-a-number", "out-of-range")
    assert f"'{field}'" in found[0]["message"]


def test_a_typed_number_too_large_for_a_float_is_refused(tmp_path, capsys):
    with pytest.raises(ValueError, match="too large"):
        parse_number("9" * 400)
    with pytest.raises(ValueError, match="too large"):
        parse_number("1" + "0" * 306 + "k")
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": EXTREME_FILE})
    before = (repo / "okrs/2026-Q4/finance.yaml").read_bytes()
    result = run_cli(capsys, "-C", str(repo), "checkin", "finance/huge/tiniest", "--value", "9" * 400, "--date", "2026-11-20")
    assert result.exit_code == 2
    assert "too large" in result.stderr and "please report" not in result.stderr
    assert (repo / "okrs/2026-Q4/finance.yaml").read_bytes() == before


def test_huge_and_tiny_numbers_read_as_numbers():
    assert format_number(1.7976931348623157e308) == "1.79769e+308"
    assert format_number(5e-324) == "4.94066e-324"
    assert format_number(1234.5) == "1,234.5"
    assert plain_number(1.7e308) == 1.7e308 and isinstance(plain_number(1.7e308), float)
    assert plain_number(14.0) == 14 and isinstance(plain_number(14.0), int)


FINITE = st.floats(allow_nan=False, allow_infinity=False)


@given(FINITE, FINITE, FINITE)
def test_progress_and_scores_are_finite_for_any_finite_numbers(baseline, target, value):
    assert math.isfinite(progress(baseline, target, value))
    assert 0.0 <= kr_score(baseline, target, value) <= 1.0


@given(st.lists(st.tuples(st.floats(0, 1), st.floats(min_value=5e-324, max_value=1.7976931348623157e308)), min_size=1, max_size=5))
def test_weighted_means_of_scores_stay_scores(pairs):
    assert 0.0 <= weighted_mean(pairs) <= 1.0 + 1e-12


@settings(max_examples=200, deadline=None)
@given(
    FINITE,
    FINITE,
    st.lists(st.tuples(st.integers(0, 91), FINITE), max_size=6, unique_by=lambda p: p[0]),
    st.integers(0, 120),
)
def test_forecasts_are_finite_for_any_finite_check_ins(baseline, target, checkins, day):
    if baseline == target:
        return
    start = date(2026, 10, 1)
    kr = KeyResult(
        id="k", title="t", baseline=baseline, target=target,
        checkins=[CheckIn(date=start + timedelta(days=d), value=v) for d, v in sorted(checkins)],
    )
    objective = Objective(id="o", title="t", type="aspirational", key_results=[kr, kr.model_copy(update={"id": "j"})])
    result = score_key_result(kr, "t/o/k", objective, make_period("2026-Q4"), start + timedelta(days=day), 14)
    for number in (result.score, result.forecast, result.expected):
        assert math.isfinite(number) and 0.0 <= number <= 1.0
