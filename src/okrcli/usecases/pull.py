"""``okr pull``: fetch every source the key results name, and record their values as check-ins.

Each source is fetched once, several at a time (:data:`MAX_PARALLEL`); each key result
then takes its value from its source's output, and the new values are written through
the check-in path (:func:`okrcli.usecases.checkin_write.record_checkins`: locked,
spliced, validated, atomic), each check-in saying which source it came from. With a
commit, every changed file goes into one commit listing the key results.

Idempotent: a key result that already has this value on this date is left alone. A
source that fails, and a key result whose value cannot be taken (nothing at the pointer,
not a number, far outside the key result's range, another value already recorded that
day without ``replace``), are reported with the source and the key results concerned;
the others are still written.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrcli.model.errors import EditRefused, UsageError
from okrcli.model.numbers import describe_checkin
from okrcli.repo.config import Settings
from okrcli.repo.fetchers import FetchError, fetch_raw
from okrcli.repo.source_values import Output, ValueProblem, read_output, select_value, to_number
from okrcli.repo.sources import Source
from okrcli.scoring.progress import kr_score
from okrcli.usecases.checkin import Metric, candidate_files, may_hold, metrics_of
from okrcli.usecases.checkin_write import Entry, FileChange, check_checkin_date, preview_checkins, record_checkins
from okrcli.usecases.pipeline import load_file
from okrcli.yamlio.splice import NewCheckIn

MAX_PARALLEL = 8
"""Sources fetched at the same time, at most."""

SANE_SPANS = 10
"""A value more than this many baseline-to-target spans beyond the baseline or the target is
taken for a broken source or selection (a ratio read as a percentage, a total for a rate)."""


@dataclass
class PulledKr:
    """One key result: what its source gave, and what became of it.

    ``status`` is ``written``, ``would write`` (a dry run), ``unchanged`` (the same value is
    already recorded on that date) or ``failed`` (``problem`` says why). ``old`` is the value
    scored before the pull (the latest check-in on or before the date, else the baseline).
    """

    ref: str
    source: str
    file: Path
    unit: str | None
    status: str = "failed"
    old: float | None = None
    new: float | None = None
    old_score: float | None = None
    new_score: float | None = None
    problem: str | None = None


@dataclass
class PullFailure:
    """A problem, the source it is about, and the key results it kept from being written."""

    source: str
    what: str
    problem: str
    key_results: list[str] = field(default_factory=list)


@dataclass
class PullResult:
    """What ``okr pull`` did (or, in a dry run, would do)."""

    day: date
    dry_run: bool
    key_results: list[PulledKr]
    failures: list[PullFailure]
    changes: list[FileChange] = field(default_factory=list)
    commit_sha: str | None = None
    not_committed: str | None = None
    on_no_branch: str | None = None  # why the commit is on no branch (detached HEAD, rebase) and how to keep it
    skipped_files: list[Path] = field(default_factory=list)
    """Files of the period that have errors: their key results were not looked at."""

    @property
    def failed(self) -> bool:
        """A source failed, or a file with errors was skipped (its key results could not be pulled)."""
        return bool(self.failures or self.skipped_files)


def pull(
    repo_dir: Path,
    settings: Settings,
    prefix: str | None,
    day: date,
    *,
    environ: Mapping[str, str],
    dry_run: bool = False,
    replace: bool = False,
    commit: bool = False,
    include_dirty: bool = False,
) -> PullResult:
    """Fetch the sources of the key results under ``prefix`` and record their values on ``day``."""
    metrics, skipped = bound_metrics(repo_dir, settings, prefix, day)
    needed = {m.source.name: settings.sources[m.source.name] for m in metrics if m.source and m.source.name in settings.sources}
    outputs = fetch_all(repo_dir, needed, environ)
    items: list[PulledKr] = []
    entries: list[Entry] = []
    for metric in metrics:
        item, entry = plan_one(metric, settings.sources, outputs, day, replace)
        items.append(item)
        if entry is not None:
            entries.append(entry)
    result = PullResult(day, dry_run, items, _failures(items, settings.sources), skipped_files=skipped)
    if not entries:
        return result
    if dry_run:
        result.changes = preview_checkins(repo_dir, settings, entries, replace)
    else:
        record = record_checkins(
            repo_dir, settings, entries, replace=replace, commit=commit, include_dirty=include_dirty,
            display_base=repo_dir, one_commit=lambda changes: commit_message(day, changes),
        )
        result.changes = [recorded.change for recorded in record.files]
        result.commit_sha = next((r.commit_sha for r in record.files if r.commit_sha), None)
        result.not_committed = record.not_committed
        result.on_no_branch = record.on_no_branch
    written = {metric.ref for metric, _ in entries}
    for item in items:
        if item.ref in written:
            item.status = "would write" if dry_run else "written"
    return result


def bound_metrics(repo_dir: Path, settings: Settings, prefix: str | None, day: date) -> tuple[list[Metric], list[Path]]:
    """The key results with a source under ``prefix`` in the period containing ``day``, and the files skipped for errors.

    UsageError when ``prefix`` matches no key result at all.
    """
    okr_root = repo_dir / settings.root
    parts = [p for p in (prefix or "").strip("/").split("/") if p]
    matched, skipped = [], []
    kept: dict[tuple[str, str], Path] = {}  # one file per team and period, as every report counts them
    for path in candidate_files(okr_root, None, day, parts[0] if parts else None):
        loaded = load_file(path, okr_root, positions=False)
        if not loaded.valid:
            if may_hold(loaded.declared, path, okr_root, day, None, parts[0] if parts else None):
                skipped.append(path)
            continue
        team_file = loaded.team_file
        if not team_file.period.contains(day):
            continue
        key = (team_file.okr.period, team_file.team)
        if key in kept:  # a duplicate-team file: the one named for the team is written, the other skipped
            if path.stem == key[1] != kept[key].stem:
                skipped.append(kept[key])
                matched = [m for m in matched if m.file != kept[key]]
                kept[key] = path
            else:
                skipped.append(path)
                continue
        kept[key] = path
        for metric in metrics_of(path, team_file.okr, team_file.period):
            if metric.kind == "key result" and metric.ref.split("/")[: len(parts)] == parts:
                matched.append(metric)
    if parts and not matched:
        raise UsageError(
            f"no key result matches {prefix!r} in the period containing {day}",
            hint="give a prefix of team/objective/kr (`okr refs` lists them), or --date for another period"
            + (f"; {len(skipped)} file(s) with errors were skipped (okr validate shows them)" if skipped else ""),
        )
    return [m for m in matched if m.source is not None], skipped


def fetch_all(repo_dir: Path, sources: Mapping[str, Source], environ: Mapping[str, str]) -> dict[str, Output | str]:
    """Each source's output, or the message saying why it could not be had; several at a time."""

    def one(name: str) -> Output | str:
        source = sources[name]
        try:
            return read_output(fetch_raw(source, repo_dir, environ), source)
        except (FetchError, ValueProblem) as exc:
            return exc.message
        except OSError as exc:  # anything the fetchers did not foresee still fails one source, not the run
            return f"cannot fetch it: {exc.strerror or type(exc).__name__}"

    names = sorted(sources)
    if not names:
        return {}
    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(names))) as pool:
        return dict(zip(names, pool.map(one, names)))


def plan_one(
    metric: Metric, sources: Mapping[str, Source], outputs: Mapping[str, Output | str], day: date, replace: bool
) -> tuple[PulledKr, Entry | None]:
    """What to do for one key result: its value and the check-in to write (None: nothing to write)."""
    ref = metric.source
    assert ref is not None and metric.baseline is not None and metric.target is not None
    item = PulledKr(metric.ref, ref.name, metric.file, metric.unit)
    seen = [c for c in metric.checkins if c.date <= day]
    item.old = seen[-1].value if seen else metric.baseline
    item.old_score = kr_score(metric.baseline, metric.target, item.old)
    if ref.name not in sources:
        item.problem = f"source '{ref.name}' is not defined in okr.toml (add [sources.{ref.name}])"
        return item, None
    output = outputs[ref.name]
    if isinstance(output, str):
        item.problem = output
        return item, None
    pointer = ref.select if ref.select is not None else sources[ref.name].select
    where = f"the value at {pointer}" if pointer else f"the cell in column '{ref.column}'" if ref.column else "the output"
    try:
        value = to_number(select_value(output, ref, sources[ref.name].select), metric.unit, where)
    except ValueProblem as exc:
        item.problem = exc.message
        return item, None
    insane = sanity_problem(value, metric.baseline, metric.target)
    if insane is not None:
        item.problem = insane
        return item, None
    item.new, item.new_score = value, kr_score(metric.baseline, metric.target, value)
    same_day = next((c for c in metric.checkins if c.date == day), None)
    if same_day is not None and same_day.value == value:
        item.status = "unchanged"
        return item, None
    kept = same_day if replace else None  # what a person added to the day's check-in stays
    new = NewCheckIn(day, value, kept.confidence if kept else None, kept.note if kept else None, kept.by if kept else None, ref.name)
    try:
        check_checkin_date(metric, new, replace)
    except EditRefused as exc:
        item.problem = f"{exc.message}; {exc.hint}" if exc.hint else exc.message
        return item, None
    if same_day is not None:
        item.old, item.old_score = same_day.value, kr_score(metric.baseline, metric.target, same_day.value)
    item.status = "to write"  # pull() says "written" or "would write" once it has
    return item, (metric, new)


def sanity_problem(value: float, baseline: float, target: float) -> str | None:
    """Why ``value`` cannot be this key result's, or None: more than SANE_SPANS spans outside its range."""
    low, high = min(baseline, target), max(baseline, target)
    margin = SANE_SPANS * (high - low)
    if low - margin <= value <= high + margin:
        return None
    return (
        f"{value:g} is far outside the key result's range ({baseline:g} to {target:g}); not written: "
        "check the source and the selection (a fraction read as a percentage?)"
    )


def _failures(items: list[PulledKr], sources: Mapping[str, Source]) -> list[PullFailure]:
    grouped: dict[tuple[str, str], PullFailure] = {}
    for item in items:
        if item.problem is None:
            continue
        what = sources[item.source].describe() if item.source in sources else "not defined"
        failure = grouped.setdefault((item.source, item.problem), PullFailure(item.source, what, item.problem))
        failure.key_results.append(item.ref)
    return list(grouped.values())


def commit_message(day: date, changes: list[FileChange]) -> str:
    """``okr: pull YYYY-MM-DD``, then one line per key result: its value and its source."""
    lines = [f"okr: pull {day}", ""]
    for change in changes:
        for metric, new in change.entries:
            lines.append(f"- {metric.ref}: {describe_checkin(new.value, metric.unit, new.date, None)} (source {new.source})")
    return "\n".join(lines) + "\n"
