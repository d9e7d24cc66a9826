"""Which files are OKR files, and which period folders a repository has."""

from __future__ import annotations

from pathlib import Path

from okrcli.model.periods import is_period_name

YAML_SUFFIXES = (".yaml", ".yml")


def discover(okr_root: Path) -> list[Path]:
    """Every YAML file under the OKR root, in a stable order; hidden folders are skipped."""
    if not okr_root.is_dir():
        return []
    found = [
        path
        for path in okr_root.rglob("*")
        if path.suffix in YAML_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(okr_root).parts)
    ]
    return sorted(found)


def period_folders(okr_root: Path) -> list[str] | None:
    """The period folders under the root (okrs/2026-Q4/...), or None when the root is not laid
    out by period (no such folder, or team files lying loose beside them)."""
    if not okr_root.is_dir():
        return None
    folders = sorted(p.name for p in okr_root.iterdir() if p.is_dir() and is_period_name(p.name))
    loose = [p for p in okr_root.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES]
    if not folders or loose:
        return None
    return folders


def declared_or_guessed(declared: tuple, path: Path, okr_root: Path) -> tuple:
    """What a broken file declares; for an unparseable one, what its path says (okrs/<period>/<team>.yaml)."""
    period, team = declared
    try:
        parts = path.resolve().relative_to(okr_root.resolve()).parts
    except ValueError:
        parts = ()
    if len(parts) == 2:
        period = period or parts[0]
        team = team or Path(parts[1]).stem
    return (period, team)
