"""The interactive check-in walk: one key result at a time, then a summary to confirm.

Answers come from :func:`okrcli.cli.prompt.ask`, so a person at a terminal and piped
input in tests drive it the same way. Numbers are shown the way the key result's unit
reads ($4.14M, 12%, 5.25 days). A key result that cannot take a check-in on the date
(one is already there, a later one exists, the date is outside the period) is said so and
skipped before anything is asked. End of input stops the walk; what was entered is shown
to confirm, and declining prints the commands that would record it later.
"""

from __future__ import annotations

import shlex
from datetime import date

from okrcli.cli.prompt import InputEnded, ask, confirm, input_ended, say


def shown(value: float | None, unit: str | None) -> str:
    """``$4.14M``, ``12%``, ``5.25 days``: a number as the key result's unit reads."""
    from okrcli.model.numbers import affixed, compact_number

    return affixed(compact_number(value), unit)


def walk(metrics, when: date, by: str | None, default_note: str | None, replace: bool = False):
    """Ask for each metric's value, confidence and note; the entries to write, None if declined."""
    entries = []
    total = len(metrics)
    say(f"Check-in for {when}: {total} item{'s' if total != 1 else ''}. Enter skips one; Ctrl-D stops.\n")
    for index, metric in enumerate(metrics, start=1):
        say(f"[{index}/{total}] {metric.ref}  ({metric.kind})")
        say(f"  {metric.title}")
        refused = _refusal(metric, when, replace)
        if refused:
            say(f"  skipped: {refused}\n")
            continue
        _show_where(metric, when)
        entry = _ask_entry(metric, when, by, default_note)
        if entry is None:
            say(f"\n  stopped: {metric.ref} was not recorded")
            if not entries:
                input_ended()
            break
        if entry is not False:
            entries.append((metric, entry))
        say()
    return _finish(entries, replace) if entries else []


def _refusal(metric, when: date, replace: bool) -> str | None:
    """Why ``metric`` cannot take a check-in on ``when`` (said before asking anything), or None."""
    from okrcli.model.errors import EditRefused
    from okrcli.usecases.checkin_write import check_checkin_date
    from okrcli.yamlio.splice import NewCheckIn

    try:
        check_checkin_date(metric, NewCheckIn(when, 0.0), replace)
    except EditRefused as exc:
        return exc.message + (f" ({exc.hint})" if exc.hint else "")
    return None


def _show_where(metric, when: date) -> None:
    from okrcli.model.numbers import value_path
    from okrcli.report.sparkline import sparkline

    values = [c.value for c in metric.checkins]
    last = metric.checkins[-1] if metric.checkins else None
    if metric.baseline is not None:
        current = last.value if last else metric.baseline
        say(f"  {value_path(metric.baseline, current, metric.target, metric.unit)}   (baseline → now → target)")
        say(f"  on a straight line you would be at {shown(metric.expected_now(when), metric.unit)} by {when}")
    if values:
        say(f"  recent: {sparkline(values[-12:])}  " + ", ".join(shown(v, metric.unit) for v in values[-4:]))
    if last is not None:
        confidence = f", confidence {shown(last.confidence, None)}" if last.confidence is not None else ""
        say(f"  last check-in {last.date}{confidence}")


def _ask_entry(metric, when: date, by: str | None, default_note: str | None):
    """The check-in typed for ``metric``; False when skipped, None at the end of input."""
    from okrcli.model.numbers import parse_confidence, parse_number
    from okrcli.model.text import text_to_write
    from okrcli.yamlio.splice import NewCheckIn

    unit = f" in {metric.unit}" if metric.unit and metric.unit != "%" else ""
    number = _ask_until(f"  new value{unit} (Enter to skip): ", lambda answer: parse_number(answer, metric.unit))
    if number is None or number is False:
        return number
    last = next((c.confidence for c in reversed(metric.checkins) if c.confidence is not None), None)
    hint = f" [{shown(last, None)}]" if last is not None else ""
    belief = _ask_until(f"  confidence 0-1 or %{hint}: ", parse_confidence)
    if belief is None:
        return None
    note = _ask_until("  note (Enter for none): ", lambda answer: text_to_write(answer, "the note", multiline=True))
    if note is None:
        return None
    if belief is False:  # Enter keeps the last confidence
        belief = last
    return NewCheckIn(when, number, belief, default_note if note is False else note, by)


def _ask_until(prompt: str, read):
    """``read(answer)`` of the first answer it accepts; False for Enter, None at the end of input."""
    while True:
        answer = ask(prompt)
        if answer is None or answer == "":
            return None if answer is None else False
        try:
            return read(answer)
        except ValueError as exc:
            say(f"  {exc}")


def _finish(entries, replace: bool):
    from okrcli.model.text import printable
    from okrcli.usecases.checkin_replace import replacements

    say("About to write:")
    replaced = {(r.metric.ref, r.new.date): r for r in replacements(entries)} if replace else {}
    for metric, new in entries:
        note = f', note "{printable(new.note, one_line=True)}"' if new.note else ""
        confidence = f", confidence {shown(new.confidence, None)}" if new.confidence is not None else ""
        say(f"  {metric.ref}: {shown(new.value, metric.unit)} on {new.date}{confidence}{note}")
        replacement = replaced.get((metric.ref, new.date))
        if replacement is not None:
            say(f"    replaces the check-in of {new.date}; kept: {', '.join(replacement.kept()) or 'nothing'}")
            for words in replacement.dropped():
                say(f"    this drops {words}")
    try:
        if confirm("Write these check-ins?", default=True):
            return entries
    except InputEnded:
        input_ended()
    say("Nothing written. To record them later:")
    for metric, new in entries:
        say("  " + _command(metric.ref, new, replace))
    return None


def _command(ref: str, new, replace: bool) -> str:
    """The ``okr checkin`` command that records ``new`` without questions."""
    from okrcli.model.numbers import render_number

    words = ["okr", "checkin", ref, "--value", render_number(new.value), "--date", new.date.isoformat()]
    if new.confidence is not None:
        words += ["--confidence", render_number(new.confidence)]
    if new.note:
        words += ["--note", new.note]
    if new.by:
        words += ["--by", new.by]
    return " ".join(shlex.quote(w) for w in words) + (" --replace" if replace else "")
