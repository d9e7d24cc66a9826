"""``okr init``: a new OKR repository that validates clean.  Never overwrites a file."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrcli.repo.config import CONFIG_NAME
from okrcli.model.okrfile import json_schema
from okrcli.model.periods import period_range, quarter_of
from okrcli.yamlio.writer import make_folder, write_atomic

SCHEMA_NAME = "okr.schema.json"

CONFIG_TEMPLATE = """\
# okr.toml: settings for okrcli (https://github.com/okrcli/okrcli, docs/configuration.md)
root = "okrs"  # where the OKR files live: okrs/<period>/<team>.yaml

[checkin]
commit = false  # `okr checkin` commits the changed file when true
stale_days = 14  # a key result without a check-in for this long is stale

[scoring]
green = 0.7  # aspirational objectives: green at or above this score
yellow = 0.4  # yellow at or above this, red below

[lint]
# select = ["kr-task-style"]   # run only these rules
# ignore = ["kr-no-unit"]      # skip these rules
# severity = { kr-missing-owner = "error" }
"""

TEAM_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# One team's OKRs for one period.  Format: docs/format.md; check with `okr validate`.
team: {team}
period: {period}
lead: {lead}

objectives:
  - id: delight-new-customers
    title: New customers get value in their first week
    type: aspirational        # committed: expected 1.0; aspirational: 0.7 is strong
    owner: {lead}
    key_results:
      - id: time-to-value
        title: Reduce median time to first report from 9 days to 3 days
        baseline: 9
        target: 3
        unit: days
      - id: activation-rate
        title: Raise week-one activation from 35% to 55%
        baseline: 35
        target: 55
        unit: "%"
        checkins:
          - date: {first_checkin}
            value: 38
            confidence: 0.6
            note: Onboarding checklist live for half of sign-ups
    initiatives:
      - Guided onboarding checklist
      - title: Sample data on sign-up
        status: planned
"""


@dataclass
class Created:
    """A file ``okr init`` wanted, and whether it made it (False: it was there and left alone)."""

    path: Path
    created: bool


def schema_text() -> str:
    """The JSON Schema of OKR files as okr writes it: okr.schema.json, ``okr schema``."""
    return json.dumps(json_schema(), indent=2) + "\n"


def write_schema(path: Path) -> None:
    """Write :func:`schema_text` to ``path`` atomically."""
    write_atomic(path, schema_text())


def relative_schema_path(team_file: Path, repo_dir: Path) -> str:
    """The schema file's path as the modeline in ``team_file`` should name it."""
    return Path(os.path.relpath(repo_dir / SCHEMA_NAME, team_file.parent)).as_posix()


def init_repository(folder: Path, today: date, team: str = "my-team", lead: str = "you") -> list[Created]:
    """Create okr.toml, the schema file and a sample team file for the current quarter.

    A folder or file that cannot be made raises WriteError naming it; what was made stays,
    and running again completes it.
    """
    make_folder(folder)
    period = quarter_of(today)
    start, _ = period_range(period)
    team_path = folder / "okrs" / period / f"{team}.yaml"
    texts = {
        folder / CONFIG_NAME: CONFIG_TEMPLATE,
        folder / SCHEMA_NAME: schema_text(),
        team_path: TEAM_TEMPLATE.format(
            schema=relative_schema_path(team_path, folder),
            team=team,
            period=period,
            lead=lead,
            first_checkin=start.isoformat(),
        ),
    }
    results = []
    for path, text in texts.items():
        if path.exists() or path.is_symlink():
            results.append(Created(path, False))
            continue
        make_folder(path.parent)
        write_atomic(path, text)
        results.append(Created(path, True))
    return results
