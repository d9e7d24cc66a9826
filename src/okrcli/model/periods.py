"""Planning periods: ``2026-Q4``, ``2026-H1`` and ``2026`` and their date ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

PERIOD_PATTERN = r"^[0-9]{4}(-(Q[1-4]|H[12]))?$"
_PERIOD_RE = re.compile(PERIOD_PATTERN)


@dataclass(frozen=True, order=True)
class Period:
    """A planning period and its inclusive date range."""

    start: date
    end: date
    name: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def elapsed_fraction(self, as_of: date) -> float:
        """0.0 on the first day, 1.0 on the last day and after."""
        if as_of <= self.start:
            return 0.0
        if as_of >= self.end:
            return 1.0
        return (as_of - self.start).days / (self.end - self.start).days


def is_period_name(text: str) -> bool:
    return bool(_PERIOD_RE.match(text))


def period_range(name: str) -> tuple[date, date]:
    """The computed inclusive range of a period name (raises ValueError if malformed)."""
    if not _PERIOD_RE.match(name):
        raise ValueError(f"not a period: {name!r}")
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
    computed_start, computed_end = period_range(name)
    return Period(start or computed_start, end or computed_end, name)


def quarter_of(day: date) -> str:
    """The quarter name containing ``day``, e.g. ``2026-Q4``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def period_sort_key(name: str) -> tuple[int, int, int]:
    """Orders periods by start date, longer periods first on ties."""
    start, end = period_range(name)
    return (start.toordinal(), -(end.toordinal()), 0)
