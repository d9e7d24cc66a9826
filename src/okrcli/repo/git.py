"""Git access.  The only module that imports gitpython.

Commits go through GitPython's ``repo.git`` wrapper, which runs the git
command line: issue 7 measured ``index.add`` + ``index.commit`` at 468 ms in
a 10,000-file repository against 48 ms for the command line, because
GitPython rewrites the whole index in Python.

GitPython is imported on first use, and without a ``git`` command it cannot be: that is
:class:`GitNotFound` (exit 2) where git is needed, and "not in git" where it is optional.
"""

from __future__ import annotations

import os
import shlex
import time
from dataclasses import dataclass
from pathlib import Path

from okrcli.model.errors import OkrError, UsageError


class GitError(OkrError):
    """A git command failed, or git is needed and there is no repository (exit 1)."""

    exit_code = 1


class GitNotFound(OkrError):
    """Git is needed and there is no ``git`` command to run (exit 2); nothing was changed."""

    exit_code = 2


COMMIT_ATTEMPTS = 20
COMMIT_PAUSE = 0.25
"""A commit blocked by another git process (its ``index.lock``) is tried this many times,
this many seconds apart, before okr says the file is written but not committed."""


@dataclass
class CommitResult:
    """Whether a commit was made: its id, or why not."""

    committed: bool
    sha: str | None = None
    reason: str | None = None
    on_no_branch: str | None = None
    """Why the commit is on no branch (HEAD detached, a rebase under way) and how to keep it, or None."""


def _gitpython():
    """The ``git`` package; GitNotFound when it cannot run a ``git`` command."""
    try:
        import git
    except ImportError:  # GitPython refuses to import without a git executable
        raise _not_found() from None
    return git


def _not_found() -> GitNotFound:
    return GitNotFound(
        "no `git` command was found on PATH, and this needs one; nothing was changed",
        hint="install git (https://git-scm.com) or put it on PATH; without git, check in without --commit "
        "(or set [checkin] commit = false) and lint without --changed",
    )


def _open(folder: Path, needed: bool = True):
    """The git repository holding ``folder``, or None outside git (or, unless ``needed``, without git)."""
    try:
        git = _gitpython()
    except GitNotFound:
        if needed:
            raise
        return None
    try:
        return git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None


def _run(repo, command: str, *args: str) -> str:
    """``git COMMAND ARGS`` in ``repo``: its output, GitCommandError when it fails, GitNotFound without git."""
    git = _gitpython()
    try:
        return getattr(repo.git, command.replace("-", "_"))(*args)
    except git.GitCommandNotFound:
        raise _not_found() from None


def is_dirty(path: Path) -> bool:
    """True when ``path`` has uncommitted changes (staged, unstaged, or untracked)."""
    repo = _open(path.parent)
    if repo is None:
        return False
    status = _run(repo, "status", "--porcelain", "--", str(path.resolve()))
    return bool(status.strip())


def top_level(folder: Path) -> Path | None:
    """The root of the git work tree holding ``folder``, or None outside git (or without git)."""
    repo = _open(folder, needed=False)
    return None if repo is None or repo.working_tree_dir is None else Path(repo.working_tree_dir).resolve()


def in_git(folder: Path) -> bool:
    """Whether ``folder`` is inside a git work tree (GitNotFound without a ``git`` command)."""
    return _open(folder) is not None


def commit_files(paths: list[Path], message: str) -> CommitResult:
    """Commit exactly ``paths`` (nothing else staged or unstaged goes in).

    A commit blocked by another git process's ``index.lock`` is tried again for a few
    seconds. A commit that fails raises GitError saying that the files are written but not
    committed, what git said, in full, and the commands that finish the job.
    """
    if not paths:
        return CommitResult(False, reason="nothing to commit")
    repo = _open(paths[0].parent)
    if repo is None:
        return CommitResult(False, reason="not a git repository")
    git = _gitpython()
    files = [str(p.resolve()) for p in paths]
    output = ""
    for attempt in range(1, COMMIT_ATTEMPTS + 1):
        try:
            output = _commit(repo, files, message)
            break
        except git.GitCommandError as exc:
            if not _index_locked(exc) or attempt == COMMIT_ATTEMPTS:
                raise _not_committed(repo, paths, message, exc) from None
            time.sleep(COMMIT_PAUSE)
    # the summary line "[main 1a2b3c4] okr: ..." names the new commit: no rev-parse needed
    # (git may print other lines first, such as "README.md: needs merge" during a rebase)
    first = next((line for line in output.splitlines() if line.startswith("[")), "")
    sha = first.split("]")[0].split()[-1] if first else _run(repo, "rev-parse", "HEAD")
    return CommitResult(True, sha=sha, on_no_branch=_on_no_branch(repo))


def _on_no_branch(repo) -> str | None:
    """Why a commit just made belongs to no branch, and what keeps it; None when HEAD is a branch."""
    if not repo.head.is_detached:
        return None
    git_dir = Path(repo.git_dir)
    if (git_dir / "rebase-merge").exists() or (git_dir / "rebase-apply").exists():
        return "a rebase is under way, so the commit is on no branch yet; `git rebase --continue` puts it on the branch"
    return (
        "HEAD is detached, so the commit is on no branch and git drops it once you switch away; "
        "`git switch -c NAME` keeps it on a new branch"
    )


def _commit(repo, files: list[str], message: str) -> str:
    git = _gitpython()
    # --only: commit these paths as they are in the work tree, leaving the rest of the index
    # alone. One git call in the usual case (a tracked file); a new file is added first.
    try:
        return _run(repo, "commit", "--only", "-m", message, "--", *files)
    except git.GitCommandError as exc:
        if "did not match any file" not in (exc.stderr or ""):
            raise
        _run(repo, "add", "--", *files)
        return _run(repo, "commit", "--only", "-m", message, "--", *files)


def _index_locked(exc) -> bool:
    return "index.lock" in (exc.stderr or "")


def _git_said(exc) -> str:
    text = (exc.stderr or exc.stdout or "").strip()
    if text.startswith("stderr: "):
        text = text[len("stderr: "):].strip("'")
    return text or str(exc)


IN_PROGRESS = (("MERGE_HEAD", "merge"), ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert"))
"""Files in the git directory that say an operation is half done, and its name."""


def _not_committed(repo, paths: list[Path], message: str, exc) -> GitError:
    """What to tell when the files are written and the commit failed: what happened, and how to finish."""
    top = Path(repo.working_tree_dir).resolve()
    here = Path.cwd().resolve()
    inside = here == top or top in here.parents
    shown = [os.path.relpath(p.resolve(), here if inside else top) for p in paths]
    run_git = "git" if inside else f"git -C {shlex.quote(str(top))}"
    names = " ".join(shlex.quote(name) for name in shown)
    subject = message.splitlines()[0] if message else "okr"
    finish = f"{run_git} add {names} && {run_git} commit -m {shlex.quote(subject)}"
    lock = os.path.relpath(Path(repo.git_dir).resolve() / "index.lock", here if inside else top)
    if _index_locked(exc):
        return GitError(
            f"{', '.join(shown)}: written but not committed: another git process is using the repository "
            f"({lock} exists, still after {COMMIT_ATTEMPTS * COMMIT_PAUSE:g} s)",
            hint=f"when it has finished, run: {finish}  (if no git process is running, one crashed: remove {lock} first)",
        )
    under_way = next((what for head, what in IN_PROGRESS if (Path(repo.git_dir) / head).exists()), None)
    if under_way:
        # git takes no partial commit then, and committing the file now would conclude the
        # merge (cherry-pick, revert) under the check-in's message
        return GitError(
            f"{', '.join(shown)}: written but not committed: a {under_way} is under way and git commits no single file during one",
            hint=f"finish the {under_way} first (resolve, then git commit), and then run: {finish}",
        )
    return GitError(
        f"{', '.join(shown)}: written but not committed: git commit failed:\n{_git_said(exc)}",
        hint=f"fix what git says, then run: {finish}",
    )


def changed_files(folder: Path, base: str) -> list[Path]:
    """Files changed between the merge base of ``base`` and HEAD, and the work tree (committed,
    staged, unstaged, untracked).

    A reference that does not exist, histories with nothing in common, a repository without
    commits and a shallow clone that lacks the merge base are UsageErrors (exit 2) saying how
    to fix them.
    """
    repo = _open(folder)
    if repo is None:
        raise UsageError("--changed needs a git repository, and this is not in one", hint="lint without --changed")
    git = _gitpython()
    shallow = _run(repo, "rev-parse", "--is-shallow-repository").strip() == "true"
    fetch = "fetch the history: git fetch --unshallow (in GitHub Actions: fetch-depth: 0 on actions/checkout)"
    if not _exists(repo, "HEAD"):
        raise UsageError("the repository has no commits yet, so nothing has changed against a base", hint="commit first, or lint without --changed")
    if not _exists(repo, base):
        raise UsageError(
            f"cannot compare with {base}: no such branch, tag or commit" + (" in this shallow clone" if shallow else ""),
            hint=fetch if shallow else "pass --base with one that exists (git branch -a lists them), e.g. --base main",
        )
    try:
        merge_base = _run(repo, "merge-base", base, "HEAD")
    except git.GitCommandError:
        if shallow:
            raise UsageError(f"cannot find where HEAD and {base} diverged: this clone is shallow", hint=fetch) from None
        raise UsageError(f"HEAD and {base} have no commit in common", hint="pass --base with the branch this one was made from") from None
    root = Path(repo.working_tree_dir)
    names = _run(repo, "diff", "--name-only", merge_base).splitlines()
    untracked = _run(repo, "ls-files", "--others", "--exclude-standard").splitlines()
    return sorted({root / n for n in names + untracked})


def _exists(repo, ref: str) -> bool:
    try:
        _run(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        return True
    except _gitpython().GitCommandError:
        return False


def default_base(folder: Path) -> str:
    """``origin/main`` when it exists, else ``main``, else ``master``."""
    repo = _open(folder)
    if repo is None:
        return "main"
    for candidate in ("origin/main", "main", "origin/master", "master"):
        if _exists(repo, candidate):
            return candidate
    return "main"
