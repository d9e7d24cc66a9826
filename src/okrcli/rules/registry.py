"""Every diagnostic code okr prints, as an explicit, immutable list of documented rules.

Three families, in the order ``okr rules`` lists them: the lint rules (``okr lint``), the
codes loading reports (``okr validate`` and every command that reads the files) and the
feedback of ``okr draft``. One module each; the module's docstring is the rule's
documentation.
"""

from __future__ import annotations

from types import MappingProxyType

from okrcli.rules.base import DRAFT, LINT, LOADER, Rule
from okrcli.rules.draft import kr_no_number
from okrcli.rules.file_format import (
    bad_date,
    bad_period,
    bad_reference,
    bad_slug,
    baseline_equals_target,
    checkin_order,
    control_character,
    duplicate_id,
    duplicate_key,
    duplicate_team,
    empty_file,
    encoding,
    invalid_value,
    missing_field,
    not_a_mapping,
    not_a_number,
    out_of_range,
    path_mismatch,
    unknown_field,
    unknown_source,
    unreadable_file,
    wrong_type,
    yaml_syntax,
    yaml_tag,
    yaml_too_large,
)
from okrcli.rules.lint import (
    alignment_cycle,
    alignment_unknown,
    aspirational_sandbagging,
    checkin_out_of_period,
    checkin_rewritten,
    checkin_stale,
    committed_missed_without_retrospective,
    confidence_too_high_at_start,
    guardrail_breached,
    kr_count,
    kr_missing_owner,
    kr_no_unit,
    kr_task_style,
    kr_title_mismatch,
    objective_business_as_usual,
    objective_has_number,
    objective_repeated,
    objective_too_long,
    target_moved,
    too_many_objectives,
    unused_suppression,
)

LINT_RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(module)
    for module in (
        kr_task_style,
        objective_has_number,
        objective_business_as_usual,
        objective_too_long,
        kr_count,
        too_many_objectives,
        kr_title_mismatch,
        kr_missing_owner,
        kr_no_unit,
        checkin_stale,
        checkin_out_of_period,
        target_moved,
        checkin_rewritten,
        confidence_too_high_at_start,
        committed_missed_without_retrospective,
        aspirational_sandbagging,
        objective_repeated,
        alignment_unknown,
        alignment_cycle,
        guardrail_breached,
        unused_suppression,
    )
)
"""The rules under rules/lint/ (kr-count and the alignment rules among them are reported by loading)."""

FILE_FORMAT_RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(module)
    for module in (  # in the order loading finds them: bytes, YAML, fields, one file, every file
        unreadable_file,
        encoding,
        yaml_syntax,
        empty_file,
        not_a_mapping,
        yaml_tag,
        yaml_too_large,
        duplicate_key,
        control_character,
        missing_field,
        unknown_field,
        wrong_type,
        not_a_number,
        bad_date,
        out_of_range,
        invalid_value,
        bad_period,
        bad_slug,
        bad_reference,
        baseline_equals_target,
        duplicate_id,
        checkin_order,
        path_mismatch,
        unknown_source,
        duplicate_team,
    )
)
"""The file-format codes under rules/file_format/: documented here, reported by loading."""

DRAFT_RULES: tuple[Rule, ...] = (Rule.from_module(kr_no_number),)
"""Codes only ``okr draft`` reports, under rules/draft/."""

RULES: tuple[Rule, ...] = LINT_RULES + FILE_FORMAT_RULES + DRAFT_RULES
"""Every code any command can print."""

BY_NAME = MappingProxyType({rule.name: rule for rule in RULES})

ALL_NAMES = frozenset(BY_NAME)

LINT_REPORTS = frozenset(rule.name for rule in RULES if rule.reported_by in (LINT, LOADER))
"""The codes ``okr lint`` can report: what --select, --ignore, severities and suppressions may name."""
