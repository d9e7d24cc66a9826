"""A check-in that was committed was later changed (its value or date) or removed.

## What it does
Reads each key result's history from git and reports every committed check-in whose value
was later changed, or which was later removed (a changed date reads as a removal), naming
the commit (short hash, author, date) and the values, whether the change is committed or
still in the working tree. A commit listed in okr.toml `[history] ignore_commits` (a typo
fixed on purpose) is not reported. Outside a git repository the rule cannot know, says so
once and stays silent.

## Why is this bad?
A check-in records what was known that week. Rewriting it afterwards changes the trend,
the forecast and every past report, and hides what the team believed at the time.

## Example
```yaml
checkins:
  - date: 2026-10-12
    value: 6.1      # committed as 6.6 on 2026-10-12, edited on 2026-11-20
```

## Use instead
A new check-in with today's value and a note saying what changed:
`okr checkin team/objective/kr --value 6.1 --note "October re-measured"`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.model.history import CHECKIN_CHANGED, CHECKIN_REMOVED
from okrcli.model.numbers import render_number

NAME = "checkin-rewritten"
SEVERITY = Severity.WARNING
SCOPE = "history"

HINT = ("add a new check-in instead of rewriting an old one; for a typo fixed on purpose, list the commit in okr.toml "
        "[history] ignore_commits or add `# okr: disable-line checkin-rewritten -- reason`")


def findings(ctx):
    for team_file, (o, k), _, kr, events in ctx.history.key_results(ctx.files) if ctx.history else ():
        dates = [c.date.isoformat() for c in kr.checkins]
        for event in events:
            if event.ignored or event.kind not in (CHECKIN_CHANGED, CHECKIN_REMOVED):
                continue
            was = event.previous if event.kind == CHECKIN_CHANGED else event.checkin
            day, value = was["date"], render_number(was["value"])
            if event.kind == CHECKIN_CHANGED:
                if event.checkin["value"] == was["value"]:
                    continue  # only a note or a confidence changed
                what = f"changed from {value} to {render_number(event.checkin['value'])}"
            else:
                what = f"(value {value}) removed or moved to another date"
            where = ("objectives", o, "key_results", k)
            path = where + ("checkins", dates.index(day), "value") if day in dates else where + ("id",)
            yield ctx.finding(
                NAME, SEVERITY, team_file, path,
                f"check-in of {day} for '{kr.id}' {what} in {event.commit.describe()}, after it was committed",
                HINT,
            )
