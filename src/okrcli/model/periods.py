"""Planning periods: ``2026-Q4``, ``2026-H1`` and ``2026`` and their date ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable, TypeVar

PERIOD_PATTERN = r"^[0-9]{4}(-(Q[1-4]|H[12]))?$"
_PERIOD_RE = re.compile(PERIOD_PATTERN)

T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Period:
    """A planning period and its inclusive date range."""

    start: date
    end: date
    name: str

    @property
    def days(self) -> int:
        """How many days the period has, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls within the period."""
        return self.start <= day <= self.end

    def elapsed_fraction(self, as_of: date) -> float:
        """0.0 on the first day, 1.0 on the last day and after (a one-day period: 1.0 on its day)."""
        if as_of >= self.end:
            return 1.0
        if as_of <= self.start:
            return 0.0
        return (as_of - self.start).days / (self.end - self.start).days


LAST_YEAR = 9999
"""The last year a date can have; a period is usable only when the period after it ends by then."""

PERIOD_HINT = "use a quarter (2026-Q4), a half (2026-H1) or a year (2026)"


def period_problem(text: str) -> str | None:
    """Why ``text`` cannot be used as a period, or None when it can.

    Beyond the form (``2026-Q4``, ``2026-H1``, ``2026``), every date okr computes from a
    period must exist: there is no year 0, and the period after it (which ``okr draft``
    plans) must end by the last day of year 9999, so 9999-Q4, 9999-H2 and 9999 are refused.
    """
    if not _PERIOD_RE.match(text):
        return PERIOD_HINT
    if int(text[:4]) == 0:
        return "there is no year 0000; years start at 0001"
    following = _following(text)
    if int(following.split("-")[0]) > LAST_YEAR:
        return f"the period after it ({following}) would begin after {LAST_YEAR}-12-31, the last day a date can have"
    return None


def period_hint(text: str) -> str:
    """For a message about ``text`` given as a period: why okr cannot use it, or how to write one."""
    return period_problem(text) or PERIOD_HINT


def is_period_name(text: str) -> bool:
    """Whether ``text`` names a period okr can compute: ``2026-Q4``, ``2026-H1`` or ``2026`` (see :func:`period_problem`)."""
    return period_problem(text) is None


def period_kind(name: str) -> str:
    """``Q`` for a quarter, ``H`` for a half, ``Y`` for a year."""
    return name[5] if len(name) > 4 else "Y"


def period_range(name: str) -> tuple[date, date]:
    """The computed inclusive range of a period name (raises ValueError if it is not one, see :func:`period_problem`)."""
    problem = period_problem(name)
    if problem is not None:
        raise ValueError(f"{name!r}: {problem}")
    year = int(name[:4])
    if len(name) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    kind, index = name[5], int(name[6])
    months = 3 if kind == "Q" else 6
    first_month = (index - 1) * months + 1
    start = date(year, first_month, 1)
    end_month = first_month + months
    end = (date(year + 1, 1, 1) if end_month > 12 else date(year, end_month, 1)) - timedelta(days=1)
    return start, end


def make_period(name: str, start: date | None = None, end: date | None = None) -> Period:
    """The period ``name``, with ``start`` or ``end`` replacing its computed dates when given."""
    computed_start, computed_end = period_range(name)
    return Period(start or computed_start, end or computed_end, name)


def quarter_of(day: date) -> str:
    """The quarter name containing ``day``, e.g. ``2026-Q4``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def periods_containing(day: date) -> list[str]:
    """The period names that contain ``day``, shortest first: its quarter, its half, its year."""
    return [quarter_of(day), f"{day.year}-H{1 if day.month <= 6 else 2}", str(day.year)]


def next_period(name: str) -> str:
    """The period of the same kind right after ``name``: 2026-Q4 -> 2027-Q1, 2026-H1 -> 2026-H2, 2026 -> 2027."""
    return _following(name)


def _following(name: str) -> str:
    year = int(name[:4])
    kind = period_kind(name)
    if kind == "Y":
        return str(year + 1)
    index, last = int(name[6]), 4 if kind == "Q" else 2
    return f"{year + 1}-{kind}1" if index == last else f"{year}-{kind}{index + 1}"


def previous_period(current: Period, candidates: Iterable[T], period_of: Callable[[T], Period]) -> T | None:
    """The candidate of the period before ``current``: the latest of the same kind (quarter,
    half or year) that ended before ``current`` started; None when there is none.

    ``period_of`` gives a candidate's period (candidates may be names, files or summaries,
    and their periods may have custom dates). Of two candidates with the same period, the
    later one in ``candidates`` wins.
    """
    kind = period_kind(current.name)
    earlier = [c for c in candidates if period_kind(period_of(c).name) == kind and period_of(c).end < current.start]
    earlier.sort(key=lambda c: (period_of(c).start, period_of(c).end))
    return earlier[-1] if earlier else None


def previous_period_name(name: str, names: Iterable[str]) -> str | None:
    """The name among ``names`` of the period before ``name`` (see :func:`previous_period`)."""
    return previous_period(make_period(name), [n for n in names if is_period_name(n)], make_period)


def period_sort_key(name: str) -> tuple[int, int, int]:
    """Orders periods by start date, longer periods first on ties."""
    start, end = period_range(name)
    return (start.toordinal(), -(end.toordinal()), 0)
