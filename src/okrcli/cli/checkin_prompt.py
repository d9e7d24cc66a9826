"""The interactive check-in walk: one key result at a time, then a summary to confirm.

Answers come from :func:`okrcli.cli.prompt.ask`, so a person at a terminal
and piped input in tests drive it the same way.
"""

from __future__ import annotations

from datetime import date

from okrcli.cli.prompt import ask, say


def walk(metrics, when: date, by: str | None, default_note: str | None):
    """Ask for each metric's value, confidence and note; returns the entries, or None if aborted."""
    from okrcli.yamlio.splice import NewCheckIn
    from okrcli.report.sparkline import sparkline
    from okrcli.model.numbers import parse_confidence, parse_number, render_number, value_path

    entries = []
    total = len(metrics)
    say(f"Check-in for {when}: {total} item{'s' if total != 1 else ''}. Enter skips one; Ctrl-D stops.\n")
    for index, metric in enumerate(metrics, start=1):
        values = [c.value for c in metric.checkins]
        last = metric.checkins[-1] if metric.checkins else None
        say(f"[{index}/{total}] {metric.ref}  ({metric.kind})")
        say(f"  {metric.title}")
        if metric.baseline is not None:
            current = last.value if last else metric.baseline
            say(f"  {value_path(metric.baseline, current, metric.target, metric.unit)}   (baseline → now → target)")
            expected = metric.expected_now(when)
            say(f"  on a straight line you would be at {render_number(round(expected, 2))} by {when}")
        if values:
            say(f"  recent: {sparkline(values[-12:])}  " + ", ".join(render_number(v) for v in values[-4:]))
        if last is not None:
            confidence = f", confidence {render_number(last.confidence)}" if last.confidence is not None else ""
            say(f"  last check-in {last.date}{confidence}")
        number = None
        while True:
            answer = ask("  new value (Enter to skip): ")
            if answer is None:
                return _finish(entries)
            if answer == "":
                break
            try:
                number = parse_number(answer, metric.unit)
                break
            except ValueError as exc:
                say(f"  {exc}")
        if number is None:
            say()
            continue
        belief = None
        default = last.confidence if last and last.confidence is not None else None
        while True:
            hint = f" [{render_number(default)}]" if default is not None else ""
            answer = ask(f"  confidence 0-1 or %{hint}: ")
            if answer is None or answer == "":
                belief = default
                break
            try:
                belief = parse_confidence(answer)
                break
            except ValueError as exc:
                say(f"  {exc}")
        answer = ask("  note (Enter for none): ")
        note = answer or default_note
        entries.append((metric, NewCheckIn(when, number, belief, note or None, by)))
        say()
    return _finish(entries)


def _finish(entries):
    from okrcli.model.numbers import describe_checkin

    if not entries:
        return []
    say("About to write:")
    for metric, new in entries:
        note = f', note "{new.note}"' if new.note else ""
        say(f"  {metric.ref}: {describe_checkin(new.value, None, new.date, new.confidence)}{note}")  # the bare value, as typed
    answer = ask("Write these check-ins? [y/N] ")
    if answer is None or answer.lower() not in ("y", "yes"):
        say("Nothing written.")
        return None
    return entries
