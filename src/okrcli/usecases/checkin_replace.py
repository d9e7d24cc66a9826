"""What ``okr checkin --replace`` does to a check-in already recorded for the date.

A replaced check-in takes the new value, and the confidence, note and name that were
given; what was not given stays, and so do the comments in it (the splice replaces each
value where it stands). Text that would be lost, a note or a name replaced by a different
one, is *dropped*: the command shows it and asks before writing it over.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrcli.model.numbers import with_unit
from okrcli.model.okrfile import CheckIn
from okrcli.model.text import printable
from okrcli.usecases.checkin import Metric
from okrcli.yamlio.splice import NewCheckIn

TEXT_FIELDS = ("note", "by")
"""The check-in fields that hold people's words: replacing them loses something."""


def _quoted(text: str) -> str:
    return '"' + printable(text, one_line=True) + '"'


@dataclass(frozen=True)
class Replacement:
    """A check-in that recording ``new`` replaces, as read before writing."""

    metric: Metric
    old: CheckIn
    new: NewCheckIn

    def changes(self) -> list[str]:
        """What changes: ``value 6.5 days -> 6.1 days``, ``note "a" -> "b"``."""
        unit = self.metric.unit
        found = []
        if self.old.value != self.new.value:
            found.append(f"value {with_unit(self.old.value, unit)} -> {with_unit(self.new.value, unit)}")
        if self.new.confidence is not None and self.new.confidence != self.old.confidence:
            was = with_unit(self.old.confidence, None) if self.old.confidence is not None else "none"
            found.append(f"confidence {was} -> {with_unit(self.new.confidence, None)}")
        for name in TEXT_FIELDS:
            old, new = getattr(self.old, name), getattr(self.new, name)
            if new and new != old:
                found.append(f"{name} {_quoted(old) if old else 'none'} -> {_quoted(new)}")
        return found

    def kept(self) -> list[str]:
        """What stays because nothing new was given for it: ``confidence 0.6``, ``note "..."``."""
        found = []
        if self.new.confidence is None and self.old.confidence is not None:
            found.append(f"confidence {with_unit(self.old.confidence, None)}")
        for name in TEXT_FIELDS:
            old = getattr(self.old, name)
            if old and not getattr(self.new, name):
                found.append(f"{name} {_quoted(old)}")
        return found

    def dropped(self) -> list[str]:
        """The words that would be lost: a note or a name replaced by a different one."""
        found = []
        for name in TEXT_FIELDS:
            old, new = getattr(self.old, name), getattr(self.new, name)
            if old and new and new != old:
                found.append(f"the {name} {_quoted(old)}")
        return found

    def describe(self) -> str:
        """One line: ``finance/x/y on 2026-10-05: value 6.5 -> 6.1; kept confidence 0.6``."""
        parts = self.changes() or ["no change"]
        kept = self.kept()
        text = f"{self.metric.ref} on {self.new.date}: " + "; ".join(parts)
        return text + (f"; kept {', '.join(kept)}" if kept else "")


def replacements(entries: list[tuple[Metric, NewCheckIn]]) -> list[Replacement]:
    """The recorded check-ins that ``entries`` replace: same key result or guardrail, same date."""
    found = []
    for metric, new in entries:
        for old in metric.checkins:
            if old.date == new.date:
                found.append(Replacement(metric, old, new))
                break
    return found
