"""What a kr-task-style finding says: the category first, a rewrite from the key result's own domain, initiatives."""

from __future__ import annotations

import pytest

from okrcli.language.task_signals import read_signals
from okrcli.language.task_style import task_style
from okrcli.language.task_suggestions import DOMAINS, GENERIC_EXAMPLE, domain_of


@pytest.mark.parametrize("title, opening", [
    ("Publish 12 tutorials for the new SDK", "it counts your own output (tutorials)"),
    ("Read for 20 minutes every evening", "a habit"),
    ("Payments SDK v3 released", "an end state of a deliverable"),
    ("Implement round-robin lead routing", "an activity"),
    ("Hold 5 customer roundtables", "an activity; meetings"),
    ("Every rep certified on the new discovery framework", "an activity's coverage"),
    ("File the annual tax return by April 15", "a milestone"),
    ("Hire 2 detection engineers", "a headcount target"),
])
def test_the_reason_names_the_category_first(title, opening):
    assert task_style(title).reason.startswith(opening)


@pytest.mark.parametrize("title, domain", [
    ("Fix the flaky tests in the CI pipeline", "engineering"),
    ("Automate the deploy pipeline for every service", "engineering"),
    ("Send 600 outbound emails to fintech prospects", "sales"),
    ("Publish 18 SEO articles in the pricing cluster", "marketing"),
    ("Triage the backlog of untagged tickets", "support"),
    ("Automate accruals for recurring vendor invoices", "finance"),
    ("Jog 3 times a week", "personal"),
])
def test_the_suggestion_comes_from_the_key_result_s_domain(title, domain):
    example = dict((name, example) for name, _, example in DOMAINS)[domain]
    assert domain_of(read_signals(title).tokens) == domain
    assert f"e.g. '{example}'" in task_style(title).suggestion


def test_the_suggestion_moves_the_task_into_initiatives():
    suggestion = task_style("Launch the partner portal").suggestion
    assert "keep 'Launch the partner portal' as an initiative" in suggestion and "`initiatives`" in suggestion


def test_a_title_of_no_known_domain_gets_the_general_example():
    assert GENERIC_EXAMPLE in task_style("Blorp the frobnicator").suggestion


@pytest.mark.parametrize("example", [example for _, _, example in DOMAINS] + [GENERIC_EXAMPLE])
def test_every_suggested_rewrite_is_itself_an_outcome(example):
    assert task_style(example) is None
