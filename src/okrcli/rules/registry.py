"""The explicit, immutable list of lint rules (order is the order of `okr rules`)."""

from __future__ import annotations

from types import MappingProxyType

from okrcli.rules.base import Rule
from okrcli.rules.lint import (
    alignment_cycle,
    alignment_unknown,
    aspirational_sandbagging,
    checkin_out_of_period,
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
    too_many_objectives,
    unused_suppression,
)

RULES: tuple[Rule, ...] = tuple(
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

BY_NAME = MappingProxyType({rule.name: rule for rule in RULES})

VALIDATION_RULES = (
    "yaml-syntax", "encoding", "unreadable-file", "empty-file", "not-a-mapping", "yaml-tag", "yaml-too-large",
    "duplicate-key", "missing-field", "unknown-field", "wrong-type", "not-a-number", "bad-date", "out-of-range",
    "invalid-value", "bad-period", "bad-slug", "bad-reference", "baseline-equals-target", "duplicate-id",
    "duplicate-team", "checkin-order", "path-mismatch",
)
"""Rules reported by loading (okr validate); they can be ignored or re-levelled, not selected."""

ALL_NAMES = frozenset(BY_NAME) | frozenset(VALIDATION_RULES)
