"""Key results' histories: every version of each file from git, parsed and compared in turn.

``okr history`` reads all versions of one file (:func:`key_result_history`). The lint
rules need only what can move a goalpost or rewrite a check-in, so
:func:`repository_history` reads just the versions around *structural* changes (see
``repo/history_log.py``): a commit that only appends check-ins is never parsed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from okrcli.model.errors import UsageError
from okrcli.model.history import Commit, Event, KrKey, RepositoryHistory, marked_ignored, version_events
from okrcli.model.okrfile import OkrFile
from okrcli.repo.config import Settings
from okrcli.repo.git import GitError
from okrcli.repo.history import GitHistory, Lineage, read_history
from okrcli.repo.history_log import RawChange
from okrcli.repo.reading import read_team_file
from okrcli.usecases.checkin import Metric, find_metrics, only_match, period_label

NOT_IN_GIT = "not a git repository"


class Versions:
    """Parsed versions of files, by blob id (or path, for the working tree's content)."""

    def __init__(self, history: GitHistory, lineages: list[Lineage], every: bool):
        self.history = history
        blobs = [b for lineage in lineages for c in wanted_changes(lineage, every) for b in (c.old_blob, c.new_blob) if b]
        self.raw = history.read(blobs)
        self.parsed: dict[str, OkrFile | None] = {}

    def model(self, blob: str | None, path: str) -> OkrFile | None:
        key = blob or f"disk:{path}"
        if key not in self.parsed:
            if blob is None:
                try:
                    raw = (self.history.toplevel / path).read_bytes()
                except OSError:
                    raw = None
            else:
                raw = self.raw.get(blob)
            read = read_team_file(self.history.toplevel / path, raw, positions=False) if raw is not None else None
            self.parsed[key] = read.team_file.okr if read is not None and read.team_file is not None else None
        return self.parsed[key]


def wanted_changes(lineage: Lineage, every: bool) -> list[RawChange]:
    """The changes to read: all of them, or the first and the structural ones (none if no structural)."""
    if every:
        return lineage.changes
    later = [c for c in lineage.changes[1:] if c.structural]
    return [lineage.changes[0], *later] if later else []


def _commit(change: RawChange) -> Commit:
    day = date.fromisoformat(change.date) if change.date else date.min
    return Commit(change.sha, day, change.author)


def lineage_events(lineage: Lineage, versions: Versions, every: bool) -> dict[KrKey, list[Event]]:
    """Every key result's events along one file's changes, oldest first."""
    events: dict[KrKey, list[Event]] = {}
    last: OkrFile | None = None
    for index, change in enumerate(wanted_changes(lineage, every)):
        old = None if index == 0 and change.status == "A" else (versions.model(change.old_blob, change.old_path or change.path) or last)
        new = versions.model(change.new_blob, change.path)
        if new is None:
            continue  # a version that does not validate: its changes show in the next valid one
        for key, found in version_events(old, new, _commit(change), checkins=every).items():
            events.setdefault(key, []).extend(found)
        last = new
    return events


def _ignored(settings: Settings) -> frozenset[str]:
    return frozenset(settings.history.ignore_commits)


def repository_history(repo_dir: Path, settings: Settings, use_cache: bool = True) -> RepositoryHistory:
    """What git says about every current OKR file's key results: creations and changes, not added check-ins."""
    history = read_history(repo_dir / settings.root, use_cache)
    if history is None:
        return RepositoryHistory(False, NOT_IN_GIT)
    return events_of(history, settings, [lineage for lineage in history.lineages.values() if wanted_changes(lineage, False)])


def events_of(history: GitHistory, settings: Settings, lineages: list[Lineage]) -> RepositoryHistory:
    """The creations and changes (not added check-ins) of the key results of ``lineages``."""
    versions = Versions(history, lineages, every=False)
    ignored = _ignored(settings)
    result = RepositoryHistory(True)
    for lineage in lineages:
        events = lineage_events(lineage, versions, every=False)
        result.events[(history.toplevel / lineage.path).resolve()] = {k: marked_ignored(v, ignored) for k, v in events.items()}
    return result


def key_result_history(repo_dir: Path, settings: Settings, path: Path, objective_id: str, kr_id: str) -> RepositoryHistory:
    """Every event of one key result, check-ins added included; ``available`` False outside git."""
    history = read_history(repo_dir / settings.root)
    if history is None:
        return RepositoryHistory(False, NOT_IN_GIT)
    result = RepositoryHistory(True, complete=True)
    lineage = history.lineage_of(path)
    if lineage is not None:
        events = lineage_events(lineage, Versions(history, [lineage], every=True), every=True)
        result.events[path.resolve()] = {(objective_id, kr_id): marked_ignored(events.get((objective_id, kr_id), []), _ignored(settings))}
    return result


def history_of(repo_dir: Path, settings: Settings, ref: str, day: date, period: str | None = None) -> tuple[Metric, list[Event]]:
    """The key result ``ref`` names (``PERIOD:`` may lead it) and its events, oldest first.

    Raises GitError outside git, UsageError when ``ref`` names no key result or several.
    """
    if ":" in ref and period is None:
        period, ref = ref.split(":", 1)
    metric = only_match(find_metrics(repo_dir, settings, ref, day, period=period), ref, period_label(period, day))
    if metric.kind != "key result":
        raise UsageError(f"{metric.ref} is a {metric.kind}: okr history follows key results", hint="give team/objective/kr")
    _, objective_id, kr_id = metric.ref.split("/")
    found = key_result_history(repo_dir, settings, metric.file, objective_id, kr_id)
    if not found.available:
        raise GitError(f"okr history needs git: {repo_dir} is {found.reason}", hint="run it in a clone of the OKR repository")
    return metric, found.of(metric.file, objective_id, kr_id)

