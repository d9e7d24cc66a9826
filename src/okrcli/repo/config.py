"""okr.toml: finding the repository and validating its settings.

Every setting has a default, so an empty okr.toml is valid.  An unknown key
or a value of the wrong type raises :class:`~okrcli.model.errors.ConfigError`
naming the key and its line (exit code 2).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from okrcli.model.errors import ConfigError, RepositoryNotFound

CONFIG_NAME = "okr.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class LintSettings(_Section):
    """``[lint]``: rule selection, severities and rule options."""

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, SeverityName] = Field(default_factory=dict)
    max_objectives: Annotated[int, Field(gt=0)] = 5
    max_objective_words: Annotated[int, Field(gt=0)] = 12
    task_verbs: list[str] = Field(default_factory=list)
    outcome_verbs: list[str] = Field(default_factory=list)
    business_as_usual_words: list[str] = Field(default_factory=list)


class Settings(_Section):
    """The whole of okr.toml."""

    root: str = "okrs"
    schema_url: str | None = None
    scoring: ScoringSettings = Field(default_factory=ScoringSettings)
    checkin: CheckinSettings = Field(default_factory=CheckinSettings)
    lint: LintSettings = Field(default_factory=LintSettings)


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


def load_settings(repo_dir: Path) -> Settings:
    """Read and validate ``repo_dir/okr.toml``."""
    path = repo_dir / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return parse_settings(text, path)


def parse_settings(text: str, path: Path) -> Settings:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}", hint="fix the syntax at that line") from None
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        problem = exc.errors()[0]
        raise _config_error(problem, text, path) from None


def _config_error(problem: dict, text: str, path: Path) -> ConfigError:
    loc = [str(part) for part in problem["loc"] if not isinstance(part, int)]
    key = ".".join(loc)
    line = _key_line(text, loc)
    where = f"{path}:{line}:1" if line else str(path)
    if problem["type"] == "extra_forbidden":
        section = _section_model(loc[:-1])
        close = difflib.get_close_matches(loc[-1], list(section.model_fields), n=1) if section else []
        hint = f"did you mean '{close[0]}'?" if close else None
        if section is not None and not close:
            hint = "known keys here: " + ", ".join(section.model_fields)
        return ConfigError(f"{where}: unknown key '{key}' in {CONFIG_NAME}", hint=hint)
    return ConfigError(
        f"{where}: '{key}' in {CONFIG_NAME}: {problem['msg'].lower()} (got {problem.get('input')!r})",
        hint="see docs/configuration.md for each setting's type and default",
    )


def _section_model(loc: list[str]) -> type[BaseModel] | None:
    model: type[BaseModel] = Settings
    for part in loc:
        field = model.model_fields.get(part)
        annotation = getattr(field, "annotation", None)
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
