"""okr.toml: finding the repository and validating its own settings.

Every setting has a default, so an empty okr.toml is valid.  An unknown key
or a value of the wrong type raises :class:`~okrcli.model.errors.ConfigError`
naming the key and its line (exit code 2). Values are never converted: TOML has
booleans, integers and floats, so ``commit = "yes"`` or ``stale_days = "14"`` is a
mistake to point at, not a value to guess. A UTF-8 byte-order mark is accepted.
``root`` must name a folder inside the repository (:func:`check_root`).

Rule options (``[rules.<name>]``, and the options that have always had a key under
``[lint]``) are kept as written here: each rule declares its own, and
:mod:`okrcli.rules.options` validates them with the helpers below, so this module
does not need to know any rule. Commands load okr.toml through
:func:`okrcli.rules.options.load_settings`, which does both.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from okrcli.model.errors import ConfigError, RepositoryNotFound, WriteError
from okrcli.model.text import CONFLICT_MARKER, first_control_character, printable
from okrcli.repo.sources import Sources, hides_input

CONFIG_NAME = "okr.toml"


class _Section(BaseModel):
    # strict: TOML values have types, so "yes" for a boolean or "14" for a number is refused
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
SeverityName = Literal["error", "warning", "info", "off"]


class ScoringSettings(_Section):
    """``[scoring]``: grade thresholds for aspirational objectives."""

    green: Fraction = 0.7
    yellow: Fraction = 0.4


class CheckinSettings(_Section):
    """``[checkin]``: defaults for ``okr checkin``."""

    commit: bool = False
    stale_days: Annotated[int, Field(gt=0)] = 14
    cadence_days: Annotated[int, Field(gt=0)] = 7
    """How often owners check in: ``okr digest`` lists a key result as due after this many days."""


class HistorySettings(_Section):
    """``[history]``: how okr reads git history (the history lint rules, ``okr history``, ``okr digest``)."""

    ignore_commits: list[Annotated[str, Field(pattern=r"^[0-9a-f]{7,40}$")]] = Field(default_factory=list)
    """Commits whose changes are corrections, never findings (like git blame's ignoreRevsFile)."""


class LintSettings(_Section):
    """``[lint]``: which rules report, and at which severity.

    Its other keys (``max_objective_words = 12``) are rule options, kept as written for
    :mod:`okrcli.rules.options` to validate against what the rules declare.
    """

    model_config = ConfigDict(extra="allow", frozen=True, strict=True)

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, SeverityName] = Field(default_factory=dict)


class Settings(_Section):
    """The whole of okr.toml."""

    root: str = "okrs"
    schema_url: str | None = None
    scoring: ScoringSettings = Field(default_factory=ScoringSettings)
    checkin: CheckinSettings = Field(default_factory=CheckinSettings)
    lint: LintSettings = Field(default_factory=LintSettings)
    history: HistorySettings = Field(default_factory=HistorySettings)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    """``[rules.<rule-name>]`` tables: each rule's options. :func:`okrcli.rules.options.load_settings`
    validates them and folds in the ones set under ``[lint]``, so after loading this is the
    one place a rule's configured options are."""
    sources: Sources = Field(default_factory=dict)
    """``[sources.NAME]`` tables: where ``okr pull`` fetches values (:mod:`okrcli.repo.sources`)."""


def find_repository(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds okr.toml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise RepositoryNotFound(
        f"no {CONFIG_NAME} found in {start} or any folder above it",
        hint="run `okr init` to create an OKR repository here, or pass -C PATH to point at one",
    )


def read_config(repo_dir: Path) -> tuple[str, Path]:
    """The text of ``repo_dir/okr.toml`` (without a byte-order mark) and its path."""
    path = repo_dir / CONFIG_NAME
    try:
        return path.read_text(encoding="utf-8-sig"), path
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def parse_settings(text: str, path: Path) -> Settings:
    """okr.toml's own keys, validated; rule options kept as written (see the module's docstring)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        conflict = CONFLICT_MARKER.search(text)
        if conflict:
            line = text.count("\n", 0, conflict.start()) + 1
            raise ConfigError(
                f"{path}:{line}: unresolved merge conflict: the line starts with {conflict.group(1)}",
                hint="keep the lines you want from each side and delete the <<<<<<<, ======= and >>>>>>> lines",
            ) from None
        raise ConfigError(f"{path}: invalid TOML: {exc}", hint="fix the syntax at that line") from None
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        problem = exc.errors()[0]
        loc = [str(part) for part in problem["loc"] if not isinstance(part, int) and part != "[key]"]
        if problem["type"] == "extra_forbidden":
            section = _section_model(loc[:-1])
            raise unknown_key_error(text, path, loc, list(section.model_fields) if section else []) from None
        raise invalid_value_error(text, path, loc, problem) from None


def check_root(settings: Settings, text: str, path: Path) -> Path:
    """The OKR root ``settings.root`` names, resolved; a ConfigError at its line unless it is an
    existing folder inside the repository (the folder holding okr.toml, ``path``).

    okr reads every file under the root and writes check-ins and drafts there, so a root
    outside the repository (``../elsewhere``, an absolute path, a link leading out) would make
    it read and write files git does not track.
    """
    root = settings.root
    repo_dir = path.parent.resolve()
    where = f"{_where(text, path, ['root'])}: 'root' in {CONFIG_NAME}"
    if first_control_character(root) or "\n" in root or "\t" in root:
        shown = printable(root, one_line=True)
        raise ConfigError(
            f"{where}: \"{shown}\" contains a control character",
            hint='name a folder inside the repository, e.g. root = "okrs"',
        )
    try:
        folder = (repo_dir / root).resolve()
        exists, is_dir = folder.exists(), folder.is_dir()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of links (before Python 3.13)
        raise ConfigError(f"{where}: cannot look at {root}: {getattr(exc, 'strerror', None) or exc}",
                          hint="set root to the folder that holds your OKR files") from None
    if folder != repo_dir and repo_dir not in folder.parents:
        raise ConfigError(
            f"{where}: {root} is {folder}, outside the repository {repo_dir}",
            hint='okr reads and writes only inside the repository: name a folder in it, e.g. root = "okrs"',
        )
    if not exists:
        raise ConfigError(
            f"{where}: the folder {root} does not exist",
            hint=f"create it (mkdir {root}), or set root to the folder that holds your OKR files",
        )
    if not is_dir:
        raise ConfigError(f"{where}: {root} is a file, not a folder", hint="set root to the folder that holds your OKR files")
    return folder


def check_inside(repo_dir: Path, path: Path) -> None:
    """WriteError unless ``path``, followed through links, lies inside the repository ``repo_dir``.

    okr writes OKR files only where git tracks them, as :func:`check_root` keeps the root
    inside: a team file that is a link leading out of the repository is refused, not
    written through.
    """
    real, top = Path(os.path.realpath(path)), Path(os.path.realpath(repo_dir))
    if real != top and top not in real.parents:
        raise WriteError(
            f"cannot write {path}: it is a link to {real}, outside the repository {top}; nothing was changed",
            hint="okr writes only inside the repository: replace the link with the file, or link to a file inside it",
        )


def unknown_key_error(text: str, path: Path, loc: list[str], known: list[str]) -> ConfigError:
    """"unknown key 'checkin.stale_dayz'" at its line, with the closest of ``known`` or all of them."""
    close = difflib.get_close_matches(loc[-1], known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else ("known keys here: " + ", ".join(known) if known else None)
    return ConfigError(f"{_where(text, path, loc)}: unknown key '{'.'.join(loc)}' in {CONFIG_NAME}", hint=hint)


def invalid_value_error(text: str, path: Path, loc: list[str], problem: dict) -> ConfigError:
    """A value pydantic refused (``problem`` is one of its errors), at the key's line."""
    message, value = problem["msg"], problem.get("input")
    got = "" if hides_input(loc, value) else f" (got {value!r})"
    return ConfigError(
        f"{_where(text, path, loc)}: '{'.'.join(loc)}' in {CONFIG_NAME}: {message[:1].lower()}{message[1:]}{got}",
        hint="see docs/configuration.md for each setting's type and default",
    )


def _where(text: str, path: Path, loc: list[str]) -> str:
    """``okr.toml:LINE:1`` for ``loc``; a key inside an inline table (``x = { key = 1 }``) has no
    line of its own, so the nearest enclosing key that has one is named."""
    for end in range(len(loc), 0, -1):
        line = _key_line(text, loc[:end])
        if line:
            return f"{path}:{line}:1"
    return str(path)


def _section_model(loc: list[str]) -> type[BaseModel] | None:
    model: type[BaseModel] = Settings
    parts = iter(loc)
    for part in parts:
        field = model.model_fields.get(part)
        annotation = getattr(field, "annotation", None)
        if get_origin(annotation) is dict and next(parts, None) is not None:  # [sources.NAME]: skip the name
            annotation = get_args(annotation)[1]
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def _key_line(text: str, loc: list[str]) -> int | None:
    """Line of ``loc`` (e.g. ``["checkin", "commit"]``) in the TOML text, found by scanning.

    tomllib keeps no positions; OKR settings are flat tables, so tracking
    ``[table]`` headers and ``key =`` lines is enough.
    """
    if not loc:
        return None
    table: list[str] = []
    want_table, key = loc[:-1], loc[-1]
    header = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            table = [part.strip().strip('"') for part in match.group(1).split(".")]
            if table == loc:
                return number
            continue
        if table == want_table and re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
        if not want_table and not table and re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return number
    return None
