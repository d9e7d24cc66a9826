"""Parsing git's account of the OKR root: ``git log --raw``, ``git log -p -U0`` and ``git status``.

Every file change becomes a :class:`RawChange`: the commit, the old and new path and blob,
and whether the change is *structural* (it removes or rewrites a line, or adds one that
names a baseline or target or an anchor) and so must be read to know what it did.
"""

from __future__ import annotations

import re
import subprocess
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path


_RECORD = "\x1e"
_UNIT = "\x1f"


@dataclass
class RawChange:
    """One file changed by one commit (``sha`` None: in the working tree, not committed)."""

    sha: str | None
    date: str
    """The author date, YYYY-MM-DD; for the working tree, the day the file was last written."""
    author: str | None
    status: str
    """``A`` added, ``M`` modified, ``R`` renamed (maybe modified too), ``D`` deleted."""
    old_path: str | None
    path: str
    old_blob: str | None
    new_blob: str | None
    """None for the working tree's content (read from disk)."""
    structural: bool = True


def unquote(path: str) -> str:
    """A path as git prints it (C-quoted when it holds unusual characters) as text."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = bytearray()
    body, i = path[1:-1], 0
    escapes = {"n": 10, "t": 9, '"': 34, "\\": 92, "a": 7, "b": 8, "f": 12, "r": 13, "v": 11}
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            following = body[i + 1]
            if following in "01234567":
                raw.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            raw.append(escapes.get(following, ord(following)))
            i += 2
            continue
        raw.extend(char.encode("utf-8"))
        i += 1
    return raw.decode("utf-8", errors="replace")


def _run(top: Path, args: list[str]) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=top, capture_output=True, check=False)
    except OSError:  # git went away between calls: no history rather than a traceback
        return ""
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else ""


def _raw_line(line: str, sha: str, day: str, author: str) -> RawChange | None:
    meta, _, paths = line[1:].partition("\t")
    fields = meta.split()
    if len(fields) < 5:
        return None
    status = fields[4][0]
    names = [unquote(p) for p in paths.split("\t")]
    zero = "0" * len(fields[2])
    old_blob = None if fields[2] == zero else fields[2]
    new_blob = None if fields[3] == zero else fields[3]
    if status in "RC" and len(names) == 2:
        return RawChange(sha, day, author, "R" if status == "R" else "A", names[0], names[1], old_blob, new_blob)
    if status == "D":
        return RawChange(sha, day, author, "D", names[0], names[0], old_blob, None)
    if status == "A":
        return RawChange(sha, day, author, "A", None, names[0], None, new_blob)
    return RawChange(sha, day, author, "M", names[0], names[0], old_blob, new_blob)


def _commits(text: str):
    for record in text.split(_RECORD)[1:]:
        header, _, body = record.partition("\n")
        yield header.split(_UNIT), body


def log_changes(top: Path, pathspec: str, since: str | None = None) -> list[RawChange]:
    """Every change under ``pathspec``, oldest first (parents before children), after ``since``."""
    revisions = [f"{since}..HEAD"] if since else ["HEAD"]
    common = ["--topo-order", "-M", "--no-color", "--no-ext-diff", "--no-textconv"]
    patch_log: list[str] = []
    reader = threading.Thread(target=lambda: patch_log.append(_run(top, [
        "log", *common, "-p", "-U0", "--diff-filter=MRT", f"--format={_RECORD}%H", *revisions, "--", pathspec])))
    reader.start()  # both logs run at once
    raw = _run(top, ["log", "--reverse", *common, "--raw", "--no-abbrev", f"--format={_RECORD}%H{_UNIT}%as{_UNIT}%aN",
                     *revisions, "--", pathspec])
    reader.join()
    patches = _patch_summaries(patch_log[0] if patch_log else "")
    changes: list[RawChange] = []
    for (sha, day, author), body in _commits(raw):
        found = [c for c in (_raw_line(line, sha, day, author) for line in body.splitlines() if line.startswith(":")) if c]
        modified = [c for c in found if c.status in "MR"]
        summary = patches.get(sha)
        if summary is not None and len(summary) == len(modified):
            for change, structural in zip(modified, summary):
                change.structural = structural
        changes.extend(found)
    return changes


_ADDED_STRUCTURAL = re.compile(r"^\+.*?(?:(?<![\w-])(?:baseline|target|rebaselines)\s*:|[&*]|<<)", re.MULTILINE)


def _structural(section: str) -> bool:
    """Whether one file's ``-U0`` patch removes a line, is binary, or adds a line that may set a value
    (``baseline:``, ``target:``, ``rebaselines:``, or an anchor, alias or merge key): then it is read in full."""
    hunks = section.find("\n@@")
    if hunks == -1:
        return "\nBinary files" in section
    body = section[hunks:]
    if "\n-" in body:
        return True
    # substring tests first: a weekly check-in adds dates, values and confidences, none of these
    if not any(word in body for word in ("baseline", "target", "&", "*", "<<")):
        return False
    return _ADDED_STRUCTURAL.search(body) is not None


def _patch_summaries(text: str) -> dict[str, list[bool]]:
    """Per commit, per changed file (in git's order): whether its change is structural."""
    summaries: dict[str, list[bool]] = {}
    for (sha, *_), body in _commits(text):
        sections = ("\n" + body).split("\ndiff --git ")[1:]
        summaries[sha] = [_structural(section) for section in sections]
    return summaries


def status_changes(top: Path, pathspec: str) -> list[RawChange]:
    """What the working tree changed under ``pathspec`` since HEAD (staged or not, new files too)."""
    text = _run(top, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", pathspec])
    entries = text.split("\0")
    changes: list[RawChange] = []
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        if "D" in code:
            changes.append(RawChange(None, "", None, "D", path, path, None, None))
            continue
        day = _written_on(top / path)
        if "R" in code[0]:
            old = entries[i]
            i += 1
            changes.append(RawChange(None, day, None, "R", old, path, None, None))
        elif code in ("??", "A ", "AM"):
            changes.append(RawChange(None, day, None, "A", None, path, None, None))
        else:
            changes.append(RawChange(None, day, None, "M", path, path, None, None))
    return changes


def _written_on(path: Path) -> str:
    try:
        return date.fromtimestamp(path.stat().st_mtime).isoformat()
    except OSError:
        return ""
