"""The HTML report: the chart geometry of report/chart.py, and what the page says and in which order.

Geometry is checked against the estimate of text widths chart.py lays labels out with;
tests/test_report_browser.py measures the same labels as Chromium draws them.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrcli.report.chart import FONT, HEIGHT, WIDTH, Chart, fit, kr_chart, month_starts, text_width, value_at, value_labels
from okrcli.scoring.scores import KrResult
from tests.golden_util import assert_golden
from tests.helpers import ACME, copy_acme, run_cli

Q4_START, Q4_END = date(2026, 10, 1), date(2026, 12, 31)
AS_OF = date(2026, 11, 20)
HUGE = 1.7976931348623157e308


def make_kr(values=(), baseline=7.0, target=4.0, unit="days", notes=(), forecast_range=(0.85, 1.0)) -> KrResult:
    values = list(values)
    return KrResult(
        ref="finance/faster-close/close-time", title="Reduce close time", baseline=baseline, target=target, unit=unit,
        weight=1, owner="omar", current=values[-1][1] if values else baseline, score=0.5, confidence=0.7,
        expected=0.55, forecast=0.9, status="at-risk", last_checkin=values[-1][0] if values else None,
        values=values, notes=list(notes), forecast_range=forecast_range,
    )


WEEKLY = [(date(2026, 10, 5), 6.8), (date(2026, 10, 19), 6.3), (date(2026, 11, 16), 5.5)]


def label_extent(label) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) of a label as chart.py estimates it."""
    width = text_width(label.text)
    left = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}[label.anchor]
    return left, left + width, label.y - 0.8 * FONT, label.y + 0.25 * FONT


def assert_inside(chart: Chart) -> None:
    """Every coordinate finite and in the viewBox; every label's estimated box inside it."""
    points = [*chart.plan, *chart.actual, *chart.zone, *((d.x, d.y) for d in chart.dots)]
    for x, y in points:
        assert math.isfinite(x) and math.isfinite(y)
        assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT, (x, y)
    for tick in chart.ticks:
        assert chart.left <= tick <= chart.right
    boxes = []
    for label in chart.labels:
        left, right, top, bottom = label_extent(label)
        assert left >= 0 and right <= WIDTH and top >= 0 and bottom <= HEIGHT, label
        boxes.append((label, (left, right, top, bottom)))
    for index, (one, (l1, r1, t1, b1)) in enumerate(boxes):  # no two labels print over each other
        for other, (l2, r2, t2, b2) in boxes[index + 1:]:
            assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, (one, other)


def texts(chart: Chart, kind: str) -> list[str]:
    return [label.text for label in chart.labels if label.kind == kind]


def test_ticks_label_the_start_the_end_and_every_month_boundary():
    chart = kr_chart(make_kr(WEEKLY), Q4_START, Q4_END, AS_OF, closed=False)
    assert texts(chart, "tick") == ["1 Oct", "1 Nov", "1 Dec", "31 Dec"]
    first_of_november = next(label for label in chart.labels if label.text == "1 Nov")
    assert first_of_november.x == pytest.approx(chart.left + (chart.right - chart.left) * 31 / 91, abs=0.1)
    assert len(chart.ticks) == 4 and chart.ticks[0] == chart.left and chart.ticks[-1] == chart.right
    assert_inside(chart)


def test_values_today_and_the_latest_are_labelled():
    chart = kr_chart(make_kr(WEEKLY), Q4_START, Q4_END, AS_OF, closed=False)
    assert texts(chart, "target") == ["4 days"] and texts(chart, "baseline") == ["7 days"]
    assert texts(chart, "latest") == ["5.5 days"] and texts(chart, "today") == ["today"]
    assert chart.left < chart.today_x < chart.right
    assert chart.plan == ((chart.left, chart.baseline_y), (chart.right, chart.target_y))
    assert chart.target_y > chart.baseline_y  # a "reduce" key result: the target is the lower value


def test_the_landing_zone_spans_the_forecast_range_from_the_latest_check_in():
    kr = make_kr(WEEKLY, forecast_range=(0.5, 0.9))
    chart = kr_chart(kr, Q4_START, Q4_END, AS_OF, closed=False)
    (x0, y0), (x1, y_high), (x2, y_low) = chart.zone
    last = chart.dots[-1]
    assert (x0, y0) == (last.x, last.y) and x1 == x2 == chart.right
    span = chart.baseline_y - chart.target_y  # negative here: 7 days is drawn above 4 days
    assert y_low == pytest.approx(chart.baseline_y - 0.5 * span, abs=0.1)
    assert y_high == pytest.approx(chart.baseline_y - 0.9 * span, abs=0.1)
    assert value_at(kr, 0.5) == pytest.approx(5.5) and value_at(kr, 1.0) == 4


def test_a_closed_period_has_no_today_line_and_no_zone():
    chart = kr_chart(make_kr(WEEKLY, forecast_range=(0.5, 0.5)), Q4_START, Q4_END, date(2027, 1, 5), closed=True)
    assert chart.today_x is None and chart.zone == [] and texts(chart, "today") == []
    assert_inside(chart)


EDGES = {
    "no check-ins": dict(kr=make_kr(), as_of=AS_OF),
    "one check-in": dict(kr=make_kr(WEEKLY[:1]), as_of=AS_OF),
    "all values equal": dict(kr=make_kr([(date(2026, 10, 5), 5.0), (date(2026, 11, 2), 5.0)], baseline=5.0, target=5.0), as_of=AS_OF),
    "extreme values": dict(kr=make_kr([(date(2026, 10, 5), 1e308), (date(2026, 10, 20), -1e308)], baseline=-HUGE, target=HUGE, unit="$"), as_of=AS_OF),
    "tiny target": dict(kr=make_kr([(date(2026, 10, 5), 1e308)], baseline=0.0, target=5e-324, unit=None), as_of=AS_OF),
    "before the start": dict(kr=make_kr(), as_of=date(2026, 9, 1)),
    "after the end": dict(kr=make_kr(WEEKLY, forecast_range=(0.5, 0.5)), as_of=date(2027, 2, 1), closed=True),
    "one-day period": dict(kr=make_kr([(date(2026, 10, 1), 6.0)]), start=Q4_START, end=Q4_START, as_of=Q4_START, closed=True),
    "years 0001 to 9999": dict(kr=make_kr([(date(5000, 1, 1), 6.0)]), start=date(1, 1, 1), end=date(9999, 12, 31), as_of=date(9999, 12, 30)),
    "long unit": dict(kr=make_kr(WEEKLY, unit="complaints per thousand orders shipped to customers abroad"), as_of=AS_OF),
    "wide characters": dict(kr=make_kr(WEEKLY, unit="件数" * 12), as_of=AS_OF),
    "millions": dict(kr=make_kr([(date(2026, 11, 16), 1_500_000)], baseline=1_200_000, target=2_000_000, unit="USD"), as_of=AS_OF),
    "the second day": dict(kr=make_kr(WEEKLY[:1]), as_of=date(2026, 10, 2)),  # "today" beside the top value label
    "the first day, a long unit": dict(kr=make_kr(unit="complaints per thousand"), as_of=Q4_START),
    "check-in on the last day": dict(kr=make_kr([(Q4_END, 4.0)], forecast_range=(1.0, 1.0)), as_of=Q4_END, closed=True),
}


@pytest.mark.parametrize("case", EDGES.values(), ids=EDGES.keys())
def test_charts_survive_odd_key_results_and_periods(case):
    start, end = case.get("start", Q4_START), case.get("end", Q4_END)
    chart = kr_chart(case["kr"], start, end, case["as_of"], case.get("closed", False))
    assert_inside(chart)
    assert texts(chart, "tick") and texts(chart, "target") and texts(chart, "baseline")
    if not case["kr"].values:
        assert texts(chart, "empty") == ["no check-in yet"] and chart.zone == []
    if case.get("closed") or case["as_of"] < start:
        assert chart.today_x is None


finite = st.floats(allow_nan=False, allow_infinity=False)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(
    baseline=finite, target=finite, checkins=st.lists(st.tuples(days, finite), max_size=6), start=days, length=st.integers(0, 4000),
    as_of=days, shares=st.tuples(st.floats(0, 1), st.floats(0, 1)), unit=st.one_of(st.none(), st.sampled_from(["$", "%", "days"]), st.text(max_size=40)),
)
def test_any_key_result_draws_inside_its_chart(baseline, target, checkins, start, length, as_of, shares, unit):
    end = date.fromordinal(min(start.toordinal() + length, date(9999, 12, 31).toordinal()))
    kr = make_kr(sorted(checkins), baseline=baseline, target=target, unit=unit, forecast_range=tuple(sorted(shares)))
    assert_inside(kr_chart(kr, start, end, as_of, closed=as_of >= end))


def test_numbers_are_shortened_for_labels():
    assert value_labels([1_200_000, 1.5e308], "USD") == ["$1.2M", "$1.5e+308"]
    assert value_labels([5.5, 4], "days") == ["5.5 days", "4 days"]


@pytest.mark.parametrize(
    "values,unit,expected",
    [
        ([0.004, 0.001, 0.003], "%", ["0.004%", "0.001%", "0.003%"]),  # not "0%" three times
        ([1_234_567, 1_234_999, 1_234_800], "users", ["1.2346M users", "1.235M users", "1.2348M users"]),
        ([0.5, 0.504, 0.5], "%", ["0.5%", "0.504%", "0.5%"]),  # equal values keep one text
        ([-0.003, 0, 0.001], "%", ["-0.003%", "0%", "0.001%"]),
    ],
)
def test_value_labels_tell_different_values_apart(values, unit, expected):
    assert value_labels(values, unit) == expected
    chart = kr_chart(EDGES["millions"]["kr"], Q4_START, Q4_END, AS_OF, closed=False)
    assert texts(chart, "baseline") == ["$1.2M"] and texts(chart, "target") == ["$2M"] and texts(chart, "latest") == ["$1.5M"]


def test_a_long_label_is_cut_with_an_ellipsis_to_its_room():
    assert fit("short", 100) == "short"
    cut = fit("complaints per thousand orders shipped", 60)
    assert cut.endswith("…") and text_width(cut) <= 60


def test_month_ticks_thin_out_over_a_long_period():
    assert month_starts(Q4_START, Q4_END) == [date(2026, 11, 1), date(2026, 12, 1)]
    assert len(month_starts(date(2026, 1, 1), date(2030, 12, 31))) <= 12
    chart = kr_chart(make_kr(), date(2026, 1, 1), date(2027, 12, 31), AS_OF, closed=False)
    ticks = texts(chart, "tick")
    assert ticks[0] == "1 Jan 2026" and ticks[-1] == "31 Dec 2027" and "2027" in ticks


def test_each_check_in_says_its_date_value_and_note_on_hover():
    kr = make_kr(WEEKLY, notes=[(date(2026, 11, 16), "bank reconciliation automated")])
    chart = kr_chart(kr, Q4_START, Q4_END, AS_OF, closed=False)
    assert [d.title for d in chart.dots] == [
        "2026-10-05: 6.8 days", "2026-10-19: 6.3 days", "2026-11-16: 5.5 days — bank reconciliation automated",
    ]


@pytest.fixture(scope="module")
def q4_html():
    from okrcli.report.html import report_html
    from okrcli.report.views import build_report
    from okrcli.usecases.period import open_period

    opened = open_period(ACME, "2026-Q4", AS_OF, with_previous=True)
    return report_html(build_report(opened.loaded.repository, "2026-Q4", AS_OF))


def test_golden_html_in_progress_and_closed(capsys):
    assert_golden("report/q4.html", run_cli(capsys, "-C", str(ACME), "report", "--as-of", "2026-11-20", "--format", "html").stdout)
    q3 = run_cli(capsys, "-C", str(ACME), "report", "--period", "2026-Q3", "--as-of", "2026-11-20", "--format", "html").stdout
    assert_golden("report/q3.html", q3)
    assert 'class="today"' not in q3 and 'class="zone"' not in q3


def test_needs_attention_comes_first_then_the_comparison_basis(q4_html):
    attention = q4_html.index('<section class="attention"')
    assert q4_html.index("</h1>") < attention < q4_html.index('<section class="team">')
    assert q4_html.index("Compared: day 51 of 92 against day 51 of 2026-Q3 (2026-08-20).") > attention
    summary = q4_html[attention: q4_html.index("</section>", attention)]
    for words in ("Close the books fast enough to steer by them", "omar-haddad", "close-time: at-risk (forecast 0.9716",
                  "Customer complaint rate stays below 2%", "breached", "check-in owed", "kai-berg", "(18 days ago)"):
        assert words in summary


def test_nothing_needing_attention_is_said(capsys):
    page = run_cli(capsys, "-C", str(ACME), "report", "--as-of", "2026-11-20", "--team", "people", "--format", "html").stdout
    assert "Nothing needs attention" in page


def test_grades_statuses_pace_and_landing_read_as_words(q4_html):
    for words in ("committed, open: 0.55 of 1.0 so far", "aspirational, 0.48: below the 0.7 bar",
                  '<span class="status at-risk">at risk</span>', '<span class="status off-track">off track</span>',
                  "behind pace by 0.05 (expected 0.55)", "2026-Q3 (same point): "):
        assert words in q4_html
    assert re.search(r"forecast 0\.\d\d, likely 0\.\d\d–1\.00", q4_html)


def test_notes_show_under_key_results_in_team_lists_and_on_hover(q4_html):
    note = "November close 5.5 days, bank reconciliation automated for 2 of 3 banks"
    assert f'<p class="note">{note} <span class="muted">(2026-11-16)</span></p>' in q4_html
    assert re.search(r"<li><span class=\"nowrap\">2026-11-16</span> · <strong>Reduce month-end close[^<]*</strong>.*" + re.escape(note), q4_html)
    assert f"<title>2026-11-16: 5.5 days — {note}</title>" in q4_html
    assert q4_html.count("Check-in notes of the two weeks to 2026-11-20") == 6


def test_no_script_and_hostile_text_escaped_in_svg_titles(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q4/finance.yaml"
    hostile = "</title><script>alert(1)</script> & <b>"
    text = path.read_text().replace("note: November close 5.5 days, bank reconciliation automated for 2 of 3 banks", f'note: "{hostile}"')
    path.write_text(text.replace("unit: days", 'unit: "<i>days"'))
    page = run_cli(capsys, "-C", str(repo), "report", "--as-of", "2026-11-20", "--format", "html").stdout
    assert "<script" not in page.lower() and "<b>" not in page and "<i>" not in page
    escaped = "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"
    assert f"<title>2026-11-16: 5.5 &lt;i&gt;days — {escaped}</title>" in page
    assert f'<p class="note">{escaped} ' in page
