"""Geometry of the HTML report's key-result charts.  Pure: numbers in, coordinates and labels out.

The template only draws what :func:`kr_chart` returns. Every label's anchor is chosen here
from an estimate of its width that errs wide, so no label reaches outside the viewBox
whatever the numbers (1.7e308, $1.2M) or the unit; values are shortened the way narrow
columns shorten them (:func:`okrcli.model.numbers.compact_number`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from okrcli.model.numbers import affixed, distinct_compact, with_unit
from okrcli.scoring.progress import clamp, progress
from okrcli.scoring.scores import KrResult

WIDTH, HEIGHT = 300, 130
"""The chart's viewBox; it scales down to its column (and to the printed page)."""

FONT = 8
"""Label size in viewBox units."""

TOP, BOTTOM, RIGHT = 13, 15, 6
"""Margins around the plot: room for the "today" label above, the date ticks below."""

LEFT_MIN, LEFT_MAX = 26, 96
"""The left margin holds the baseline and target labels: as wide as they need, within these."""

GAP = 4
"""Space between a label and what it labels."""

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# spelled here, not by strftime("%b"), so the report reads the same whatever the locale

ELLIPSIS = "…"


@dataclass(frozen=True)
class Label:
    """One piece of text in the chart: ``anchor`` is SVG's text-anchor (start, middle, end)."""

    x: float
    y: float
    text: str
    anchor: str
    kind: str


@dataclass(frozen=True)
class Dot:
    """A check-in: where it is drawn and what hovering it says (its date, value and note)."""

    x: float
    y: float
    title: str


@dataclass
class Chart:
    """Everything the template draws for one key result, in viewBox coordinates."""

    left: float
    right: float
    top: float
    bottom: float
    plan: tuple[tuple[float, float], tuple[float, float]]
    baseline_y: float
    target_y: float
    actual: list[tuple[float, float]]
    dots: list[Dot]
    ticks: list[float]
    labels: list[Label] = field(default_factory=list)
    today_x: float | None = None
    zone: list[tuple[float, float]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT


def char_width(char: str) -> float:
    """A width, in ems, that ``char`` will not exceed in a common sans-serif font."""
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in "WF" or char in "mwMW@%…":
        return 1.05
    if char.isupper():
        return 0.8
    return 0.4 if char in " .,:;'!|il" else 0.68


def text_width(text: str, size: float = FONT) -> float:
    """A width ``text`` will not exceed in a sans-serif font of ``size``: wide rather than narrow."""
    return sum(char_width(char) for char in text) * size


def fit(text: str, room: float) -> str:
    """``text``, cut short with an ellipsis where it would be wider than ``room``."""
    if text_width(text) <= room:
        return text
    budget, used = room / FONT - char_width(ELLIPSIS), 0.0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > budget:
            return text[:index] + ELLIPSIS
    return text + ELLIPSIS  # pragma: no cover - the text fits, as checked above


def value_labels(values: list[float], unit: str | None) -> list[str]:
    """Short labels for ``values``, with their unit, that tell different values apart (:func:`distinct_compact`)."""
    return [affixed(text, unit) for text in distinct_compact(values)]


def day_label(day: date, with_year: bool = False) -> str:
    """``1 Oct`` (``1 Oct 2026`` ``with_year``): a date tick."""
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year:04d}" if with_year else "")


def month_label(day: date, years: bool) -> str:
    """A month boundary's tick: ``1 Nov``; in a period across years, January says its year."""
    return f"{day.year:04d}" if years and day.month == 1 else day_label(day)


def month_starts(start: date, end: date, most: int = 12) -> list[date]:
    """The first day of the months after ``start`` up to ``end``: every month, or every n-th
    when there are more than ``most`` (a period of years gets a readable number of ticks)."""
    count = (end.year - start.year) * 12 + end.month - start.month
    step = max(1, -(-count // most))
    found = []
    for index in range(step, count + 1, step):
        months = start.month - 1 + index
        found.append(date(start.year + months // 12, months % 12 + 1, 1))
    return found


def between(start: date, end: date, day: date) -> float:
    """Where ``day`` falls from ``start`` (0) to ``end`` (1), held inside; a one-day period is all end."""
    span = end.toordinal() - start.toordinal()
    if span <= 0:
        return 1.0 if day >= start else 0.0
    return clamp((day.toordinal() - start.toordinal()) / span)


def value_at(kr: KrResult, share: float) -> float:
    """The value ``share`` of the way from baseline to target; weighted, so 1e308-sized ends cannot overflow."""
    return kr.baseline * (1 - share) + kr.target * share


def kr_chart(kr: KrResult, start: date, end: date, as_of: date, closed: bool) -> Chart:
    """The chart of one key result: plan, check-ins, date ticks, labelled values, today and the landing zone."""
    latest = kr.values[-1][1] if kr.values else kr.baseline
    baseline_text, target_text, latest_text = value_labels([kr.baseline, kr.target, latest], kr.unit)
    left = round(clamp(max(text_width(baseline_text), text_width(target_text)) + 2 * GAP, LEFT_MIN, LEFT_MAX), 1)
    right, top, bottom = float(WIDTH - RIGHT), float(TOP), float(HEIGHT - BOTTOM)
    values = [kr.baseline, kr.target] + [v for _, v in kr.values]
    low, high = min(values), max(values)

    def x(day: date) -> float:
        return round(left + (right - left) * between(start, end, day), 1)

    def y(value: float) -> float:
        share = clamp(progress(low, high, value)) if high > low else 0.5  # one value throughout: the middle
        return round(bottom - (bottom - top) * share, 1)

    notes: dict[date, list[str]] = {}
    for day, text in kr.notes:
        notes.setdefault(day, []).append(text)
    dots = [Dot(x(d), y(v), _dot_title(d, v, kr.unit, notes.get(d, []))) for d, v in kr.values]
    chart = Chart(
        left=left, right=right, top=top, bottom=bottom,
        plan=((left, y(kr.baseline)), (right, y(kr.target))),
        baseline_y=y(kr.baseline), target_y=y(kr.target),
        actual=[(left, y(kr.baseline))] + [(d.x, d.y) for d in dots],
        dots=dots,
        ticks=[x(d) for d in [start] + month_starts(start, end) + [end]],
    )
    chart.labels += _date_labels(start, end, x)
    chart.labels += _value_labels(chart, baseline_text, target_text, kr.target >= kr.baseline)
    if not closed and start <= as_of < end:
        chart.today_x = x(as_of)
        chart.labels.append(_beside(chart.today_x, top - GAP, "today", "today", left, WIDTH))  # right of the value labels
    if dots:
        last = dots[-1]
        chart.labels.append(_latest_label(chart, last, latest_text))
        if not closed and as_of >= start:
            low_share, high_share = kr.forecast_range
            chart.zone = [(last.x, last.y), (right, y(value_at(kr, high_share))), (right, y(value_at(kr, low_share)))]
    else:
        chart.labels.append(_beside((left + right) / 2, (top + bottom) / 2, "no check-in yet", "empty", left, right))
    return chart


def _dot_title(day: date, value: float, unit: str | None, notes: list[str]) -> str:
    said = f"{day}: {with_unit(value, unit)}"
    return " — ".join([said] + notes)


def _beside(x: float, y: float, text: str, kind: str, low: float, high: float) -> Label:
    """A label centred on ``x``, pushed to start or end at the edges so it stays within low..high."""
    text = fit(text, high - low - 2)
    half = text_width(text) / 2
    if x - half < low + 1:
        return Label(round(low + 1, 1), y, text, "start", kind)
    if x + half > high - 1:
        return Label(round(high - 1, 1), y, text, "end", kind)
    return Label(round(x, 1), y, text, "middle", kind)


def _date_labels(start: date, end: date, x) -> list[Label]:
    """The period's start and end always; each month boundary where it has room between its neighbours."""
    baseline_y = HEIGHT - 3.0
    if end <= start:  # a one-day period: its day, at the end of the axis
        return [Label(x(end), baseline_y, day_label(end), "end", "tick")]
    years = start.year != end.year
    first = Label(x(start), baseline_y, day_label(start, years), "start", "tick")
    last = Label(x(end), baseline_y, day_label(end, years), "end", "tick")
    kept = [first]
    taken = [(x(start), x(start) + text_width(first.text))]
    end_left = x(end) - text_width(last.text)
    if end_left < taken[0][1] + GAP:  # too short a period for both: the end is said by the last tick alone
        return [first]
    for day in month_starts(start, end):
        text = month_label(day, years)
        half = text_width(text) / 2
        if day == end or x(day) - half < taken[-1][1] + GAP or x(day) + half > end_left - GAP:
            continue
        kept.append(Label(x(day), baseline_y, text, "middle", "tick"))
        taken.append((x(day) - half, x(day) + half))
    return kept + [last]


def _value_labels(chart: Chart, baseline_text: str, target_text: str, rising: bool) -> list[Label]:
    """Baseline and target beside the y axis, at their height, kept a line apart and inside the box."""
    room = chart.left - GAP - 1
    line = FONT + 1
    # y is each label's middle; the text's baseline sits a third of the font below it
    target_mid, baseline_mid = chart.target_y, chart.baseline_y
    if abs(target_mid - baseline_mid) < line:
        middle = (target_mid + baseline_mid) / 2
        upper, lower = middle - line / 2, middle + line / 2
        target_mid, baseline_mid = (upper, lower) if rising else (lower, upper)
    shift = max(0.0, FONT - min(target_mid, baseline_mid)) - max(0.0, max(target_mid, baseline_mid) - (chart.bottom - 1))
    return [
        Label(round(chart.left - GAP, 1), round(mid + shift + FONT / 3, 1), fit(text, room), "end", kind)
        for mid, text, kind in ((target_mid, target_text, "target"), (baseline_mid, baseline_text, "baseline"))
    ]


def _latest_label(chart: Chart, last: Dot, text: str) -> Label:
    """The latest value beside its dot: to the right when it fits, else to the left; above, else below."""
    text = fit(text, chart.right - chart.left - 2 * GAP)
    width = text_width(text)
    if last.x + GAP + width <= WIDTH - 1:
        x, anchor = last.x + GAP, "start"
    else:
        x, anchor = max(chart.left + width, last.x - GAP), "end"
    above = last.y - GAP
    y = above if above - FONT >= chart.top else min(last.y + GAP + FONT, chart.bottom - 2)
    return Label(round(x, 1), round(y, 1), text, anchor, "latest")
