"""``okr digest`` as Markdown (a chat message or an issue comment), plain text or JSON.  Pure.

JSON: ``{period, since, until, cadence_days, checkins: [{ref, date, value, owner, change,
note, unit, title}], status_changes: [{ref, from, to, owner}], due: [{owner, refs}],
guardrails: [{ref, value, threshold, must_stay, unit, date}], moved: [{ref, kind, field,
old, new, date, reason, commit, author}], unknown: [text]}``. Markdown and text fit in
``max_chars``: a section that does not fit ends with "and N more".
"""

from __future__ import annotations

from okrcli.model.numbers import format_number, plain_number, with_unit
from okrcli.report.json_text import json_document
from okrcli.report.markdown import md_escape
from okrcli.usecases.digest import Digest

MAX_CHARS = 4000


def digest_json(digest: Digest) -> str:
    number = plain_number
    return json_document({
        "period": digest.period,
        "since": digest.since.isoformat(),
        "until": digest.until.isoformat(),
        "cadence_days": digest.cadence_days,
        "checkins": [
            {"ref": c.ref, "date": c.date.isoformat(), "value": number(c.value), "owner": c.owner, "change": number(round(c.change, 12)),
             "note": c.note, "unit": c.unit, "title": c.title}
            for c in digest.checkins
        ],
        "status_changes": [{"ref": s.ref, "from": s.old, "to": s.new, "owner": s.owner} for s in digest.status_changes],
        "due": [{"owner": d.owner, "refs": d.refs} for d in digest.due],
        "guardrails": [
            {"ref": g.ref, "value": number(g.value), "threshold": number(g.threshold), "must_stay": g.must_stay, "unit": g.unit,
             "date": g.date.isoformat()}
            for g in digest.guardrails
        ],
        "moved": [
            {"ref": m.ref, "kind": m.kind, "field": m.field, "old": number(m.old), "new": number(m.new), "date": m.date.isoformat(),
             "reason": m.reason, "commit": m.commit, "author": m.author}
            for m in digest.moved
        ],
        "unknown": digest.unknown,
    })


def _signed(value: float, unit: str | None) -> str:
    text = with_unit(abs(value), unit)
    return ("+" if value > 0 else "-" if value < 0 else "±") + text


def _sections(digest: Digest, md: bool) -> list[tuple[str, list[str]]]:
    esc = md_escape if md else (lambda text: text or "")
    code = (lambda ref: f"`{ref}`") if md else (lambda ref: ref)
    checkins = []
    for c in digest.checkins:
        line = f"{code(c.ref)} {with_unit(c.value, c.unit)} ({_signed(c.change, c.unit)}) on {c.date}, {esc(c.owner) or 'no owner'}"
        checkins.append(line + (f": {esc(c.note)}" if c.note else ""))
    statuses = [f"{code(s.ref)}: {s.old} → {s.new} ({esc(s.owner) or 'no owner'})" for s in digest.status_changes]
    due = []
    for d in digest.due:
        refs = ", ".join(f"{code(r)} ({'last ' + str(last) if last else 'never'})" for r, last in zip(d.refs, d.last))
        due.append(f"{esc(d.owner) if d.owner else 'no owner'}: {refs}")
    guardrails = [f"{code(g.ref)} {with_unit(g.value, g.unit)} on {g.date}, must stay {g.must_stay} {with_unit(g.threshold, g.unit)}"
                  for g in digest.guardrails]
    moved = []
    for m in digest.moved:
        change = f"{code(m.ref)} {m.field} {with_unit(m.old, m.unit)} → {with_unit(m.new, m.unit)}"
        if m.kind == "rebaselined":
            moved.append(f"{change} from {m.date}, re-baselined: {esc(m.reason)}")
        else:
            moved.append(f"{change} in {m.commit} ({esc(m.author)}, {m.date}), not recorded as a re-baseline")
    return [
        ("Check-ins", checkins),
        ("Status changes", statuses),
        (f"Check-ins owed (none for more than {digest.cadence_days} days)", due),
        ("Guardrails breached", guardrails),
        ("Targets moved and re-baselines", moved),
    ]


def _summary(digest: Digest) -> str:
    counts = [
        (len(digest.checkins), "check-in", "check-ins"),
        (len(digest.status_changes), "status change", "status changes"),
        (sum(len(d.refs) for d in digest.due), "check-in owed", "check-ins owed"),
        (len(digest.guardrails), "guardrail breached", "guardrails breached"),
        (len(digest.moved), "target moved", "targets moved"),
    ]
    return " · ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)


def digest_text(digest: Digest, markdown: bool = True, max_chars: int = MAX_CHARS) -> str:
    """The digest as a message of at most ``max_chars`` characters."""
    title = f"OKR digest {digest.period}: {digest.since} to {digest.until}"
    head = [f"## {title}" if markdown else title, "", f"**{_summary(digest)}**" if markdown else _summary(digest)]
    tail = [""] + [f"_{md_escape(u) if markdown else u}_" if markdown else f"note: {u}" for u in digest.unknown] if digest.unknown else []
    lines = list(head)
    budget = max_chars - len("\n".join(head + tail)) - 1
    for name, items in _sections(digest, markdown):
        if not items:
            continue
        block = ["", f"### {name}" if markdown else f"{name}:"]
        cost = len("\n".join(block)) + 1
        if cost + 40 > budget:
            break
        budget -= cost
        lines += block
        for index, item in enumerate(items):
            line = f"- {item}"
            rest = len(items) - index - 1
            reserve = 0 if rest == 0 else len(f"- … and {rest} more") + 1
            if len(line) + 1 + reserve > budget:
                more = f"- … and {len(items) - index} more"
                lines.append(more)
                budget -= len(more) + 1
                break
            lines.append(line)
            budget -= len(line) + 1
    if lines == head:
        lines += ["", "Nothing to report: no check-ins, changes, owed check-ins, breaches or moved targets."]
    text = "\n".join(lines + tail)
    return text[:max_chars]
