"""Scoring rules: the domain's worked examples, statuses, grades and properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrcli.repo.config import Settings
from okrcli.model.okrfile import CheckIn, KeyResult, Objective
from okrcli.model.periods import make_period
from okrcli.scoring.forecast import fit_line
from okrcli.scoring.progress import kr_score
from okrcli.scoring.scores import score_key_result
from okrcli.scoring.statuses import GRADES, HEALTH_ORDER, KR_STATUSES, grade, rollup_status

Q4 = make_period("2026-Q4")


def _kr(baseline, target, checkins=()):
    return KeyResult(
        id="k", title="t", baseline=baseline, target=target,
        checkins=[CheckIn(date=d, value=v, confidence=c) for d, v, c in checkins],
    )


def _objective(kind="aspirational", krs=None):
    krs = krs or [_kr(0, 1), _kr(0, 1)]
    return Objective(id="o", title="t", type=kind, key_results=krs)


def _score(kr, as_of, kind="aspirational", stale_days=14):
    return score_key_result(kr, "t/o/k", _objective(kind), Q4, as_of, stale_days)


# The domain documents' worked examples
@pytest.mark.parametrize(
    "baseline,target,current,expected",
    [
        (7, 4, 5.5, 0.5),  # reduce close time from 7 to 4 days, at 5.5
        (40, 50, 47, 0.7),  # NPS 40 -> 50 at 47
        (40, 50, 55, 1.0),  # beyond the target
        (7, 4, 3, 1.0),  # beyond a decreasing target
        (40, 50, 38, 0.0),  # the wrong way
        (7, 4, 8, 0.0),  # the wrong way, decreasing
        (14, 10, 12, 0.5),  # return rate 14% -> 10% at 12%
    ],
)
def test_worked_examples(baseline, target, current, expected):
    assert kr_score(baseline, target, current) == pytest.approx(expected)


def test_current_is_the_last_checkin_on_or_before_as_of():
    kr = _kr(7, 4, [(date(2026, 10, 5), 6.5, 0.6), (date(2026, 11, 2), 5.5, 0.7)])
    assert _score(kr, date(2026, 10, 20)).current == 6.5
    assert _score(kr, date(2026, 11, 2)).current == 5.5
    assert _score(kr, date(2026, 10, 4)).current == 7  # the baseline


def test_finished_period_uses_values_at_its_end():
    kr = _kr(0, 10, [(date(2026, 12, 20), 6, 0.6), (date(2027, 1, 5), 10, 0.9)])
    result = _score(kr, date(2027, 2, 1))
    assert result.current == 6 and result.score == 0.6 and result.forecast == 0.6


def test_statuses():
    early = [(date(2026, 10, 8), 1, 0.6)]
    assert _score(_kr(0, 10), date(2026, 10, 20)).status == "not-started"
    assert _score(_kr(0, 10, [(date(2026, 10, 8), 10, 0.9)]), date(2026, 10, 20)).status == "done"
    assert _score(_kr(0, 10, early), date(2026, 11, 20)).status == "stale"
    # fast progress: a straight line reaching the target on time is on track
    fast = [(Q4.start + timedelta(days=d), 10 * d / 91, 0.6) for d in (7, 14, 21, 28)]
    assert _score(_kr(0, 10, fast), date(2026, 10, 29), "committed").status == "on-track"
    # half the pace: forecast about 0.5, at risk against 0.7 (>= 0.49), off track against 1.0 (< 0.7)
    slow = [(Q4.start + timedelta(days=d), 5 * d / 91, 0.6) for d in (7, 14, 21, 28)]
    assert _score(_kr(0, 10, slow), date(2026, 10, 29), "aspirational").status == "at-risk"
    assert _score(_kr(0, 10, slow), date(2026, 10, 29), "committed").status == "off-track"
    crawl = [(Q4.start + timedelta(days=d), 3 * d / 91, 0.6) for d in (7, 14, 21, 28)]
    assert _score(_kr(0, 10, crawl), date(2026, 10, 29), "aspirational").status == "off-track"
    # 0.8 of the pace: on track for aspirational (bar 0.7), at risk for committed (bar 1.0)
    most = [(Q4.start + timedelta(days=d), 8 * d / 91, 0.6) for d in (7, 14, 21, 28)]
    assert _score(_kr(0, 10, most), date(2026, 10, 29), "aspirational").status == "on-track"
    assert _score(_kr(0, 10, most), date(2026, 10, 29), "committed").status == "at-risk"


def test_low_confidence_is_never_on_track():
    fast = [(Q4.start + timedelta(days=d), 10 * d / 91, 0.2) for d in (7, 14, 21, 28)]
    result = _score(_kr(0, 10, fast), date(2026, 10, 29), "committed")
    assert result.forecast >= 1.0 and result.status == "at-risk"
    assert "confidence 0.2 < 0.3" in result.explanation[-1]


def test_grades():
    s = Settings()
    assert grade("aspirational", 0.7, Q4, date(2026, 11, 1), s) == "green"
    assert grade("aspirational", 0.69, Q4, date(2026, 11, 1), s) == "yellow"
    assert grade("aspirational", 0.39, Q4, date(2026, 11, 1), s) == "red"
    assert grade("committed", 1.0, Q4, date(2026, 11, 1), s) == "met"
    assert grade("committed", 0.9, Q4, date(2026, 12, 30), s) == "open"
    assert grade("committed", 0.9, Q4, date(2026, 12, 31), s) == "missed"  # the last day closes the period
    assert grade("committed", 0.9, Q4, date(2027, 1, 1), s) == "missed"


def test_rollup_is_the_least_healthy():
    assert rollup_status(["done", "done"]) == "done"
    assert rollup_status(["done", "on-track"]) == "on-track"
    assert rollup_status(["on-track", "stale", "at-risk"]) == "at-risk"
    assert rollup_status(["on-track", "off-track"]) == "off-track"


def test_the_health_order_ranks_every_status_once():
    assert sorted(HEALTH_ORDER) == sorted(KR_STATUSES)
    assert rollup_status(list(KR_STATUSES)) == HEALTH_ORDER[0]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list(KR_STATUSES)), min_size=1))
def test_statuses_and_grades_come_from_the_vocabulary(statuses):
    assert rollup_status(statuses) in KR_STATUSES
    s = Settings()
    for kind in ("aspirational", "committed"):
        for score in (0.0, 0.5, 0.9, 1.0):
            assert grade(kind, score, Q4, date(2027, 1, 1), s) in GRADES


def test_fit_line():
    assert fit_line([(0, 1), (1, 3), (2, 5)]) == pytest.approx((2, 1))
    assert fit_line([(3, 1), (3, 2)]) is None


def test_float_noise_does_not_flip_a_bar():
    assert kr_score(54, 58, 56.8) == 0.7


numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
days = st.integers(min_value=0, max_value=120)


@st.composite
def key_results(draw):
    baseline = draw(numbers)
    target = draw(numbers.filter(lambda t: abs(t - baseline) > 1e-6))
    offsets = sorted(set(draw(st.lists(days, max_size=8))))
    checkins = [(Q4.start + timedelta(days=d), draw(numbers), draw(st.none() | st.floats(0, 1))) for d in offsets]
    return baseline, target, checkins


@settings(max_examples=200, deadline=None)
@given(key_results(), days)
def test_every_score_lies_in_0_1(spec, as_of_offset):
    baseline, target, checkins = spec
    result = _score(_kr(baseline, target, checkins), Q4.start + timedelta(days=as_of_offset))
    assert 0.0 <= result.score <= 1.0
    assert 0.0 <= result.forecast <= 1.0
    assert 0.0 <= result.expected <= 1.0


@settings(max_examples=200, deadline=None)
@given(key_results(), days)
def test_mirroring_leaves_the_score_unchanged(spec, as_of_offset):
    baseline, target, checkins = spec
    as_of = Q4.start + timedelta(days=as_of_offset)
    mirrored = [(d, -v, c) for d, v, c in checkins]
    a = _score(_kr(baseline, target, checkins), as_of)
    b = _score(_kr(-baseline, -target, mirrored), as_of)
    assert a.score == pytest.approx(b.score, abs=1e-9)
    assert a.forecast == pytest.approx(b.forecast, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(key_results())
def test_as_of_before_the_first_checkin_scores_zero(spec):
    baseline, target, checkins = spec
    first = checkins[0][0] if checkins else Q4.end
    result = _score(_kr(baseline, target, checkins), first - timedelta(days=1))
    assert result.score == 0.0


@settings(max_examples=200, deadline=None)
@given(key_results(), days, numbers)
def test_a_checkin_after_as_of_changes_nothing(spec, as_of_offset, later_value):
    baseline, target, checkins = spec
    as_of = Q4.start + timedelta(days=as_of_offset)
    last = max([d for d, _, _ in checkins] + [as_of])
    extended = checkins + [(last + timedelta(days=1), later_value, 0.5)]
    a = _score(_kr(baseline, target, checkins), as_of)
    b = _score(_kr(baseline, target, extended), as_of)
    assert (a.score, a.forecast, a.status, a.current) == (b.score, b.forecast, b.status, b.current)
