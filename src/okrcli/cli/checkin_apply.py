"""Write planned check-ins: lock, re-read, splice, validate, write, commit; or print the diff."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from okrcli.cli.common import err, out


def apply(repo_dir: Path, settings, entries, *, replace: bool, dry_run: bool, commit: bool, include_dirty: bool) -> int:
    from filelock import FileLock

    from okrcli.usecases.checkin import commit_message, lock_path, plan_file, write_change
    from okrcli.model.diagnostics import display_path
    from okrcli.model.errors import EditRefused

    okr_root = repo_dir / settings.root
    by_file: dict[Path, list] = defaultdict(list)
    for target, new in entries:
        by_file[target.file].append((target, new))
    base = Path.cwd()

    if dry_run:
        for path, file_entries in by_file.items():
            change = plan_file(path, okr_root, file_entries, replace)
            out(change.diff(display_path(path, base)).rstrip("\n"))
        err("dry run: nothing was written")
        return 0

    git = None
    if commit:
        from okrcli.repo import git as gitrepo

        git = gitrepo
        if not git.in_git(repo_dir):
            git = None
            commit_note = "not a git repository: the file was written, nothing was committed"
        else:
            commit_note = None
            for path in by_file:
                if not include_dirty and git.is_dirty(path):
                    raise EditRefused(
                        f"{display_path(path, base)} has uncommitted changes",
                        hint="commit or stash them first, or pass --include-dirty to commit them with the check-in",
                    )
    for path, file_entries in by_file.items():
        with FileLock(str(lock_path(path)), timeout=60):
            change = plan_file(path, okr_root, file_entries, replace)
            write_change(change)
            for target, new in change.entries:
                from okrcli.model.numbers import describe_checkin

                out(f"{target.ref}: {describe_checkin(new.value, target.unit, new.date, new.confidence)} -> {display_path(path, base)}")
            if git is not None:
                with FileLock(str(lock_path(repo_dir)), timeout=60):
                    result = git.commit_files([path], commit_message([change]))
                out(f"committed {result.sha[:10]}: okr: check-in {change.team} {change.period}")
    if commit and git is None:
        out(commit_note)
    return 0
