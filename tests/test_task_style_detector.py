"""The task-style detector (okrcli.language.task_style): categories, outcome vetoes, the two old bugs, okr.toml verbs.

The statements here illustrate the taxonomy of benchmarks/data/task_style/README.md and
the examples of issue 12; the measured figures come from benchmarks/task_style_eval.py.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from okrcli.language.quality import task_style as task_style_from_quality
from okrcli.language.task_style import CATEGORIES, TaskFinding, task_style


@pytest.mark.parametrize("title, category", [
    ("Post 3 times a week", "habit"),  # the old word pattern skipped "3" and read "times" as a metric noun
    ("Jog 3 times a week", "habit"),
    ("Write in the journal every morning", "habit"),
    ("Run a pulse survey every two weeks", "habit"),
    ("Gather 30 customer quotes", "output-count"),
    ("Publish 12 blog posts", "output-count"),
    ("Grow help-center articles from 40 to 90", "output-change"),
    ("Demos per rep per week up from 3 to 5", "output-change"),
    ("Sample repos: 15 -> 35", "output-change"),
    ("Payments SDK v3 released", "deliverable-state"),
    ("Vendor policy signed off by procurement", "deliverable-state"),
    ("Feature-flag service in place", "deliverable-state"),
    ("Implement SSO for the admin console", "activity"),
    ("Migrate the CRM to the new vendor", "one-off"),
    ("Team leads to run a weekly office hour", "habit"),
    ("Security champions to review every PR touching auth code", "activity-inverted"),
    ("40 outbound emails per rep per day", "activity-inverted"),
    ("Have 12 partner lunches", "meeting"),
    ("Ensure backups are tested", "monitoring"),
    ("Track and report uptime", "monitoring"),
    ("Reach out to dormant accounts", "monitoring"),
    ("Keep the design system docs up to date", "monitoring"),
    ("Every enterprise account gets a quarterly review", "coverage"),
    ("All team leads trained in interviewing", "coverage"),
    ("Audit 10% of outbound pallets at random", "coverage"),
    ("Hold 6 customer advisory calls", "meeting"),
    ("Sign the lease for the Lisbon office by March", "milestone"),
    ("Hire 2 detection engineers", "headcount"),
    ("Grow the data team from 4 to 7 engineers", "headcount"),
])
def test_rules_name_the_category(title, category):
    finding = task_style(title)
    assert finding is not None and finding.category == category and finding.decided_by == "rule", finding


def test_a_metric_acronym_inside_an_activity_does_not_cancel_the_task():
    finding = task_style("Run a monthly NPS survey")  # "NPS" used to read as a measure and pass
    assert finding is not None and finding.category == "habit"


@pytest.mark.parametrize("title", [
    "Acquire 400 qualified leads",              # the verb is on the task list, the count is other people's doing
    "Reach 4,000 newsletter subscribers",       # an output word as the audience's name
    "2,000 newsletter subscribers",
    "Developer newsletter subscribers: 4,200 -> 9,000",
    "Cut pages per on-call week from 40 to fewer than 10",  # a reduction
    "Reduce time to restore from 90 to 30 minutes",
    "Answer 90% of tickets within 4 hours",     # a time limit
    "Deploy frequency from weekly to daily",    # a metric named after an activity
    "Checkout p95 latency under 300 ms",        # system behaviour
    "NPS of at least 45",
    "Users create 50k automations per month",   # what others do
    "Dataset used by 50 external labs",
    "Increase NPS from 40 to 50",
    "Achieve 90% on-time delivery",
    "All invoices paid on time",
    "Every store profitable by Q4",
])
def test_outcomes_pass(title):
    assert task_style(title) is None


def test_baseline_zero_target_one_is_a_milestone():
    assert task_style("Complete the SOC 2 audit").category == "activity"  # "SOC 2" names, it does not count
    assert task_style("Pass the SOC 2 audit") is None
    assert task_style("Pass the SOC 2 audit", 0, 1) is None  # "pass" is no task verb: 0 -> 1 alone decides nothing
    assert task_style("Renew the supplier framework", 0, 1).category in ("activity", "milestone")


def test_okr_toml_verbs_win_over_the_built_in_lists():
    assert task_style("Onboard 300 new clients", extra_outcome_verbs=frozenset({"onboard"})) is None
    assert task_style("Wrangle the alert routing table", extra_task_verbs=frozenset({"wrangle"})).category == "activity"
    assert task_style("Acquire the Lisbon office lease", extra_task_verbs=frozenset({"acquire"})) is not None


def test_the_finding_keeps_its_old_fields_and_adds_the_category():
    finding = task_style("Launch the self-serve returns portal", None, None, frozenset(), frozenset())
    assert isinstance(finding, TaskFinding) and finding.verb == "launch"
    assert finding.reason and finding.suggestion and finding.category in CATEGORIES
    assert task_style_from_quality is task_style


def test_empty_and_odd_titles_do_not_crash():
    for title in ("", "   ", "→", "100%", "???", "Q3", "a" * 5000, "1 2 3 4 5"):
        task_style(title)


def test_importing_the_rules_reads_no_weights():
    """`okr lint` start-up: the learned model's weights are read on first use, not on import."""
    code = (
        "import okrcli.rules.registry\n"
        "from okrcli.language.task_model import shipped_model\n"
        "assert shipped_model.cache_info().currsize == 0\n"
        "from okrcli.language.task_style import task_style\n"
        "task_style('Frobnicator zorbled')\n"  # no rule and no veto settles it: the model decides
        "task_style('Frobnicator zorbled twice')\n"
        "assert shipped_model.cache_info().misses == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_rule_documentation_s_examples_are_judged_as_it_says():
    from okrcli.rules.lint import kr_task_style

    what_it_does = kr_task_style.__doc__.split("## What it does")[1].split("##")[0]
    flagged, passed = what_it_does.split("Outcomes are not flagged")
    tasks = [t for t in re.findall(r'"([^"]+)"', flagged) if not t.startswith("0")]
    outcomes = re.findall(r'"([^"]+)"', passed)
    assert len(tasks) >= 8 and len(outcomes) >= 4
    assert [t for t in tasks if task_style(t) is None] == []
    assert [t for t in outcomes if task_style(t) is not None] == []
