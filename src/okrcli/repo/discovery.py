"""Which files are OKR files, and which period folders a repository has.

Nothing under the root is skipped in silence: besides the OKR files, discovery lists every
path it cannot look into (a folder it may not read, a link that leads nowhere), and
reading reports each as an ``unreadable-file`` error (:func:`unreadable_problem`).
Only hidden names (a leading dot: ``.git``, editors' lock and swap files) are passed over.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from okrcli.model.diagnostics import Diagnostic, error
from okrcli.model.periods import is_period_name

YAML_SUFFIXES = (".yaml", ".yml")


def is_yaml_name(name: str) -> bool:
    """Whether a file called ``name`` is an OKR file: ``.yaml`` or ``.yml`` in any case
    (``finance.YAML``), and not hidden; a name that is only the suffix (``.yml``) counts too,
    so that it is checked and ``path-mismatch`` asks for the team's name."""
    lower = name.lower()
    return lower in YAML_SUFFIXES or (not name.startswith(".") and lower.endswith(YAML_SUFFIXES))


def discover(okr_root: Path) -> list[Path]:
    """Every OKR file under the root, and every path under it that cannot be looked into, in a
    stable order. Hidden folders are skipped; linked folders are followed, each folder once."""
    if not okr_root.is_dir():
        return []
    found: list[Path] = []
    _walk(okr_root, found, set())
    return sorted(found)


def _walk(folder: Path, found: list[Path], seen: set[tuple[int, int]]) -> None:
    try:
        st = folder.stat()
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        found.append(folder)  # reading says why it cannot be read
        return
    if (st.st_dev, st.st_ino) in seen:  # reached again through a link
        return
    seen.add((st.st_dev, st.st_ino))
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            if not entry.name.startswith("."):
                _walk(path, found, seen)
        elif is_file:
            if is_yaml_name(entry.name):
                found.append(path)
        elif entry.is_symlink() and not entry.name.startswith(".") and not os.path.exists(path):
            found.append(path)  # a link to nothing: it may have been a team file or a whole period


def unreadable_problem(path: Path, exc: OSError) -> Diagnostic:
    """The ``unreadable-file`` error for a listed ``path`` that reading it failed with ``exc``."""
    if path.is_symlink():
        try:
            os.stat(path)
        except OSError as broken:
            if broken.errno == errno.ELOOP:
                return error("unreadable-file", "the link leads back to itself (a loop of links)", path, hint="fix or remove the link")
            return error(
                "unreadable-file", f"the link points to {os.readlink(path)}, which does not exist", path, hint="fix or remove the link"
            )
    if path.is_dir():
        try:
            os.scandir(path).close()
            reason = exc.strerror
        except OSError as listing:
            reason = listing.strerror
        return error(
            "unreadable-file",
            f"cannot read the folder: {reason}; the OKR files in it are not checked",
            path,
            hint=f"give yourself access (chmod u+rx {path.name}), or move the folder out of the OKR root",
        )
    return error(
        "unreadable-file",
        f"cannot read the file: {exc.strerror}",
        path,
        hint=f"give yourself read access (chmod u+r {path.name}), or remove the file",
    )


def period_folders(okr_root: Path) -> list[str] | None:
    """The period folders under the root (okrs/2026-Q4/...), or None when the root is not laid
    out by period (no such folder, or team files lying loose beside them), or cannot be read."""
    try:
        entries = list(okr_root.iterdir())
        folders = sorted(p.name for p in entries if p.is_dir() and is_period_name(p.name))
        loose = [p for p in entries if is_yaml_name(p.name) and not p.is_dir()]
    except OSError:
        return None
    if not folders or loose:
        return None
    return folders


def declared_or_guessed(declared: tuple, path: Path, okr_root: Path) -> tuple:
    """What a broken file declares; for an unparseable one, what its path says (okrs/<period>/<team>.yaml)."""
    period, team = declared
    try:
        parts = path.resolve().relative_to(okr_root.resolve()).parts
    except (ValueError, OSError, RuntimeError):
        parts = ()
    if len(parts) == 2:
        period = period or parts[0]
        team = team or Path(parts[1]).stem
    return (period, team)
