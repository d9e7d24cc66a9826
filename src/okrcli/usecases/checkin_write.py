"""Check-ins, part two: splice them into the files, validate, write and commit.

Every write happens under a per-file lock, re-reads the file inside the lock, validates
the result and replaces the file atomically, so concurrent check-ins never lose an
update and a crash leaves the old or the new file. With a commit, the check for
uncommitted changes runs under the same lock, and the commit is made before the lock
is let go: another okr process never sees this one's write as somebody's unsaved work.
"""

from __future__ import annotations

import difflib
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from okrcli.model.diagnostics import display_path
from okrcli.model.errors import EditRefused
from okrcli.model.numbers import describe_checkin, render_number
from okrcli.model.okrfile import CheckIn, OkrFile
from okrcli.model.references import locate, locate_guardrail, parse_reference
from okrcli.repo import git
from okrcli.repo.config import Settings, check_inside
from okrcli.repo.repository import TeamFile
from okrcli.usecases.checkin import Metric, load_valid, valid_team_file
from okrcli.usecases.locks import locked
from okrcli.yamlio.splice import NewCheckIn, naming_file, splice_checkin
from okrcli.yamlio.writer import write_atomic

BOM = b"\xef\xbb\xbf"

Entry = tuple[Metric, NewCheckIn]
"""A check-in to record, and the metric it is for."""


@dataclass
class FileChange:
    """One file's text before and after its check-ins are spliced in."""

    path: Path
    before: str
    after: str
    team: str
    period: str
    entries: list[Entry] = field(default_factory=list)

    def diff(self, label: str | None = None) -> str:
        """A unified diff of the change, naming the file ``label`` (default: its path)."""
        name = label or self.path.as_posix()
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )


def check_checkin_date(metric: Metric, new: NewCheckIn, replace: bool) -> None:
    """Refuse a check-in outside the period, on a date already taken (unless ``replace``), or before the last one."""
    period = metric.period
    if not period.contains(new.date):
        raise EditRefused(
            f"{new.date} is outside {period.name} ({period.start} to {period.end})",
            hint=f"use a date in the period, or --period for the period that contains {new.date}",
        )
    same = [c for c in metric.checkins if c.date == new.date]
    if same and not replace:
        raise EditRefused(
            f"{metric.ref} already has a check-in on {new.date} (value {render_number(same[0].value)})",
            hint="pass --replace to overwrite it, or --date for another day",
        )
    later = [c for c in metric.checkins if c.date > new.date]
    if later and not (same and replace):  # a replaced check-in keeps its place
        raise EditRefused(
            f"{metric.ref} has a later check-in ({later[-1].date}); check-ins are kept in date order",
            hint=f"use --date {later[-1].date} or later",
        )


def _find_again(okr: OkrFile, metric: Metric) -> tuple[tuple, list[CheckIn]]:
    """The node path and check-ins of ``metric`` in a freshly read file (ids, not indices, identify it)."""
    ref = parse_reference(metric.ref)  # team/objective/kr, or team/guardrail
    if metric.kind == "guardrail":
        found = locate_guardrail(okr, ref.objective)
        if found is not None:
            return found[0], list(found[1].checkins)
    else:
        located = locate(okr, ref)
        if located is not None and located.key_result is not None:
            return located.node_path, list(located.key_result.checkins)
    raise EditRefused(f"{metric.ref} is no longer in {metric.file}", hint="run the command again")


def plan_file(path: Path, okr_root: Path, entries: list[Entry], replace: bool) -> FileChange:
    """Read ``path`` now, splice every entry into it and validate the result (no write)."""
    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    before = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    team_file = load_valid(path, okr_root, raw)
    text = before
    for metric, new in entries:
        node_path, checkins = _find_again(team_file.okr, metric)
        fresh = Metric(**{**metric.__dict__, "checkins": checkins, "node_path": node_path})
        check_checkin_date(fresh, new, replace)
        try:
            text = splice_checkin(text, node_path, new, replace)
        except EditRefused as exc:  # say which file
            raise EditRefused(naming_file(exc.message, path), hint=exc.hint) from None
        team_file = _validated(path, okr_root, text, bom)
    return FileChange(path, before, text, team_file.team, team_file.okr.period, list(entries))


def _validated(path: Path, okr_root: Path, text: str, bom: bool) -> TeamFile:
    return valid_team_file(
        path, okr_root, (BOM if bom else b"") + text.encode("utf-8"),
        lambda d: f"the check-in would make the file invalid: {d.message} (line {d.line})",
        "nothing was written; please report this with the file attached",
    )


def write_change(change: FileChange) -> None:
    """Replace the file with the changed text atomically, keeping a byte-order mark it had."""
    raw = change.path.read_bytes()
    prefix = "\ufeff" if raw.startswith(BOM) else ""
    write_atomic(change.path, prefix + change.after)


def commit_message(change: FileChange) -> str:
    """``okr: check-in TEAM PERIOD``, then one line per check-in."""
    lines = [f"okr: check-in {change.team} {change.period}", ""]
    for metric, new in change.entries:
        lines.append(f"- {metric.ref}: {describe_checkin(new.value, metric.unit, new.date, new.confidence)}")
    return "\n".join(lines) + "\n"


def _by_file(entries: list[Entry]) -> dict[Path, list[Entry]]:
    by_file: dict[Path, list[Entry]] = {}
    for metric, new in entries:
        by_file.setdefault(metric.file, []).append((metric, new))
    return by_file


def preview_checkins(repo_dir: Path, settings: Settings, entries: list[Entry], replace: bool) -> list[FileChange]:
    """What recording ``entries`` would change, file by file; nothing is written."""
    okr_root = repo_dir / settings.root
    return [plan_file(path, okr_root, file_entries, replace) for path, file_entries in _by_file(entries).items()]


@dataclass
class RecordedFile:
    """One file written, and the commit that holds it (when one was asked for and made)."""

    change: FileChange
    commit_sha: str | None = None
    on_no_branch: str | None = None
    """Why the commit is on no branch and how to keep it (:class:`okrcli.repo.git.CommitResult`)."""


@dataclass
class CheckinRecord:
    """What :func:`record_checkins` did."""

    files: list[RecordedFile]
    not_committed: str | None = None
    """Why nothing was committed although a commit was asked for."""

    @property
    def on_no_branch(self) -> str | None:
        """A warning when a commit was made on no branch (a detached HEAD, a rebase under way)."""
        return next((r.on_no_branch for r in self.files if r.on_no_branch), None)


def record_checkins(
    repo_dir: Path,
    settings: Settings,
    entries: list[Entry],
    *,
    replace: bool,
    commit: bool,
    include_dirty: bool,
    display_base: Path,
    on_recorded: Callable[[RecordedFile], None] | None = None,
    one_commit: Callable[[list[FileChange]], str] | None = None,
) -> CheckinRecord:
    """Write ``entries`` into their files and, with ``commit``, commit each file alone
    (or, with ``one_commit``, all of them in one commit: see :func:`write_files`).

    Every file's lock is held from before the check for uncommitted changes until its
    commit is made. A file with uncommitted changes is refused (EditRefused, nothing
    written) unless ``include_dirty``. ``on_recorded`` hears of each file as soon as it
    is written and committed; ``display_base`` is the folder messages name files from.
    """
    okr_root = repo_dir / settings.root
    by_file = _by_file(entries)
    return write_files(
        repo_dir, list(by_file), lambda path: plan_file(path, okr_root, by_file[path], replace), commit_message,
        commit=commit, include_dirty=include_dirty, display_base=display_base, on_recorded=on_recorded,
        one_commit=one_commit,
    )


def write_files(
    repo_dir: Path,
    paths: list[Path],
    plan: Callable[[Path], FileChange],
    message: Callable[[FileChange], str],
    *,
    commit: bool,
    include_dirty: bool,
    display_base: Path,
    on_recorded: Callable[[RecordedFile], None] | None = None,
    one_commit: Callable[[list[FileChange]], str] | None = None,
) -> CheckinRecord:
    """The write transaction of every edit okr makes to OKR files (check-ins, re-baselines).

    Under every file's lock: refuse a file with uncommitted changes (unless
    ``include_dirty``, or no commit is asked for), re-read and ``plan`` each file, write it
    atomically and, with ``commit``, commit it alone with ``message(change)``. With
    ``one_commit`` (``okr pull``), every file goes into a single commit with the message
    ``one_commit(changes)``, and ``on_recorded`` hears of each file once it is made.
    """
    for path in paths:
        check_inside(repo_dir, path)
    use_git = commit and git.in_git(repo_dir)
    recorded: list[RecordedFile] = []
    with ExitStack() as held:
        for path in sorted(paths):  # one order for every process: no two wait for each other
            held.enter_context(locked(path))
        if use_git and not include_dirty:
            for path in paths:
                if git.is_dirty(path):
                    raise EditRefused(
                        f"{display_path(path, display_base)} has uncommitted changes",
                        hint="commit or stash them first, or pass --include-dirty to commit them with the change",
                    )
        for path in paths:
            change = plan(path)
            write_change(change)
            done = RecordedFile(change)
            if use_git and one_commit is None:
                with locked(repo_dir):  # git allows one commit at a time per repository
                    made = git.commit_files([path], message(change))
                    done.commit_sha, done.on_no_branch = made.sha, made.on_no_branch
            recorded.append(done)
            if on_recorded is not None and one_commit is None:
                on_recorded(done)
        if one_commit is not None and recorded:
            _commit_together(repo_dir, recorded, one_commit if use_git else None, on_recorded)
    not_committed = "not a git repository: the file was written, nothing was committed" if commit and not use_git else None
    return CheckinRecord(recorded, not_committed)


def _commit_together(
    repo_dir: Path,
    recorded: list[RecordedFile],
    message: Callable[[list[FileChange]], str] | None,
    on_recorded: Callable[[RecordedFile], None] | None,
) -> None:
    """Commit every written file in one commit (``message`` None: no commit), then tell ``on_recorded``."""
    if message is not None:
        with locked(repo_dir):
            made = git.commit_files([r.change.path for r in recorded], message([r.change for r in recorded]))
        for done in recorded:
            done.commit_sha, done.on_no_branch = made.sha, made.on_no_branch
    for done in recorded:
        if on_recorded is not None:
            on_recorded(done)
