"""Writing drafted objectives: a new team file, or an objective added to an existing one.

New files are rendered whole; an objective added to an existing file is rendered in
that file's indentation and spliced after its last objective, so nothing already in
the file changes. Nothing is written that would not validate.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from okrcli.model.diagnostics import Severity, has_errors
from okrcli.model.errors import EditRefused
from okrcli.model.references import locate, parse_reference
from okrcli.repo.config import Settings, check_inside
from okrcli.usecases.draft import DraftObjective
from okrcli.usecases.init import relative_schema_path
from okrcli.usecases.locks import locked
from okrcli.usecases.period import team_file_path
from okrcli.usecases.pipeline import load_file
from okrcli.yamlio.line_endings import edits_lines, line_ending, split_bom
from okrcli.yamlio.splice import dash_column, insert_lines, line_end_after, naming_file
from okrcli.yamlio.writer import dump_yaml, geometry, make_folder, write_atomic


@dataclass
class DraftWritten:
    """The file a draft went into, and its text before (empty for a new file) and after."""

    path: Path
    created: bool
    before: str
    after: str

    def diff(self) -> str:
        """A unified diff of the change, naming the file by its name."""
        name = self.path.name
        return "".join(difflib.unified_diff(self.before.splitlines(True), self.after.splitlines(True), "a/" + name, "b/" + name))


def write_draft(
    repo_dir: Path,
    settings: Settings,
    team: str,
    period: str,
    drafts: list[DraftObjective],
    lead: str | None = None,
    dry_run: bool = False,
) -> DraftWritten:
    """Create the team's file for ``period`` or append to it; validate first; write atomically (unless ``dry_run``)."""
    okr_root = repo_dir / settings.root
    path = team_file_path(okr_root, period, team) or okr_root / period / f"{team}.yaml"
    check_inside(repo_dir, path)
    with locked(path):
        created = not path.is_file()
        bom = ""
        if not created:
            bom, before = split_bom(path.read_bytes())  # a byte-order mark stays, as okr checkin keeps it
            text = _append_drafts(path, okr_root, before, drafts)
        else:
            before = ""
            taken: set[str] = set()
            objectives = []
            for draft in drafts:
                data = draft.as_data(taken)
                taken.add(data["id"])
                objectives.append(data)
            modeline = schema_modeline(path, repo_dir, settings.schema_url)
            text = render_new_file(team, period, lead, objectives, modeline)
        validate_text(path, okr_root, text)
        check_alignment(okr_root, period, drafts)
        if not dry_run:
            make_folder(path.parent)
            write_atomic(path, bom + text)
    return DraftWritten(path, created, before, text)


def _append_drafts(path: Path, okr_root: Path, before: str, drafts: list[DraftObjective]) -> str:
    """``before`` (the file's text) with every draft appended; refused when the file has errors or an id is taken."""
    current = load_file(path, okr_root)
    if current.team_file is None:
        raise EditRefused(f"{path} has errors", hint="fix it first (okr validate), then draft again")
    taken = {o.id for o in current.team_file.okr.objectives}
    titles = {same_title(o.title): o.id for o in current.team_file.okr.objectives}
    text = before
    for draft in drafts:
        if same_title(draft.title) in titles:
            raise EditRefused(
                f"objective '{draft.title}' already exists in {path.name} (as '{titles[same_title(draft.title)]}')",
                hint="to change it, edit the file; to add another objective, give it a different title",
            )
        titles[same_title(draft.title)] = draft.title
        data = draft.as_data(taken)
        if data["id"] in taken:
            raise EditRefused(f"objective id '{data['id']}' already exists in {path.name}", hint="choose another title or id")
        taken.add(data["id"])
        try:
            text = append_objective(text, data)
        except EditRefused as exc:  # say which file
            raise EditRefused(naming_file(exc.message, path), hint=exc.hint) from None
    return text


def same_title(title: str) -> str:
    """A title as compared with others: case and spacing do not make a different objective."""
    return " ".join(title.casefold().split())


def existing_objectives(repo_dir: Path, settings: Settings, team: str, period: str) -> tuple[Path | None, dict[str, str]]:
    """The team's file for ``period`` and its objectives' ids by :func:`same_title` (none for no or a broken file)."""
    okr_root = repo_dir / settings.root
    path = team_file_path(okr_root, period, team)
    if path is None or not path.is_file():
        return None, {}
    team_file = load_file(path, okr_root).team_file
    return path, ({same_title(o.title): o.id for o in team_file.okr.objectives} if team_file else {})


def drafts_as_yaml(team: str, period: str, drafts: list[DraftObjective]) -> str:
    """What the drafts would be as a team file, for people to keep when nothing is written."""
    taken: set[str] = set()
    objectives = []
    for draft in drafts:
        data = {key: value for key, value in draft.as_data(taken).items() if value is not None}
        taken.add(data["id"])
        objectives.append(data)
    return dump_yaml({"team": team, "period": period, "objectives": objectives})


def schema_modeline(team_file: Path, repo_dir: Path, schema_url: str | None) -> str:
    """The yaml-language-server comment naming the schema (okr.toml's schema_url, else the repository's file)."""
    return f"# yaml-language-server: $schema={schema_url or relative_schema_path(team_file, repo_dir)}\n"


def alignment_exists(okr_root: Path, period: str, reference: str) -> bool:
    """Whether ``reference`` names an objective (or key result) that exists, reading only its file."""
    ref = parse_reference(reference)
    path = team_file_path(okr_root, ref.period or period, ref.team)
    if path is None:
        return False
    team_file = load_file(path, okr_root).team_file
    return team_file is not None and locate(team_file.okr, ref) is not None


def check_alignment(okr_root: Path, period: str, drafts: list[DraftObjective]) -> None:
    """Refuse drafts that align to an objective that does not exist."""
    for draft in drafts:
        if draft.aligns_to and not alignment_exists(okr_root, period, draft.aligns_to):
            raise EditRefused(
                f"'{draft.title}' aligns to '{draft.aligns_to}', which does not exist in {period}",
                hint="check the reference (team/objective), or draft the objective it supports first",
            )


def render_new_file(team: str, period: str, lead: str | None, objectives: list[dict], modeline: str) -> str:
    """The text of a new team file holding ``objectives``."""
    data: dict = {"team": team, "period": period}
    if lead:
        data["lead"] = lead
    data["objectives"] = objectives
    return modeline + "# Drafted with `okr draft`; check it with `okr validate` and `okr lint`.\n" + dump_yaml(data)


@edits_lines
def append_objective(text: str, objective: dict) -> str:
    """``text`` with ``objective`` added after its last objective, in the file's own style."""
    root = geometry(text)
    if root is None or root.kind != "map":
        raise EditRefused("the file does not parse; fix it first (okr validate)")
    objectives = root.get("objectives")
    key = root.key_of("objectives")
    if objectives is None or objectives.kind != "seq" or objectives.flow or not objectives.items:
        raise EditRefused("the file's objectives are not a block list; add the objective by hand")
    newline = line_ending(text)
    first = objectives.items[0]
    dash = dash_column(text, first)
    dash_offset = dash - (key.column - 1)
    key_offset = (first.column - 1) - dash
    rendered = dump_yaml([objective], sequence_dash=max(dash_offset, 0), key_after_dash=max(key_offset, 2))
    shift = dash - max(dash_offset, 0)
    lines = [(" " * shift + line) if line.strip() else line for line in rendered.splitlines()]
    block = newline.join(lines) + newline
    last = objectives.items[-1]
    pos = line_end_after(text, last.last_end())
    between = text[objectives.items[-2].last_end(): last.start] if len(objectives.items) > 1 else ""
    if re.search(r"\n[ \t]*\r?\n", between):
        block = newline + block  # the file separates objectives with a blank line
    return insert_lines(text, pos, block, newline)


def validate_text(path: Path, okr_root: Path, text: str) -> None:
    """Refuse (EditRefused) if ``text`` would not validate as an OKR file."""
    result = load_file(path, okr_root, raw=text.encode("utf-8"))
    if result.team_file is None or has_errors(result.diagnostics):
        problems = "; ".join(f"line {d.line}: {d.message}" for d in result.diagnostics if d.severity is Severity.ERROR)
        raise EditRefused(f"the draft would not validate: {problems}", hint="fix the key results and try again; nothing was written")
