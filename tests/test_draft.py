"""okr draft: flags, Markdown outlines, interactive piped input, appending, carry-over."""

from __future__ import annotations

import io

import pytest

from okrcli.usecases.carry_over import retitle
from okrcli.usecases.draft import kr_slug, parse_outline, slugify
from okrcli.usecases.draft_feedback import DraftAdvice
from okrcli.usecases.pipeline import load_file, load_repository
from tests.helpers import VALID_FILE, copy_acme, make_repo, run_cli


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "r", {"okrs/2026-Q4/finance.yaml": VALID_FILE})


FLAGS = ["--team", "people", "--period", "2027-Q1", "--objective", "Acme is where good people want to stay",
         "--type", "aspirational", "--kr", "Raise employee NPS from 12 to 30", "--kr", "Reduce regretted attrition from 14% to 10%"]


def test_ids_come_from_titles():
    assert slugify("Make onboarding effortless!") == "make-onboarding-effortless"
    assert slugify("Grow", {"grow"}) == "grow-2"
    assert kr_slug("Reduce month-end close from 7 days to 4 days", set()) == "month-end-close"
    assert kr_slug("Achieve 90% on-time delivery", set()) == "on-time-delivery"


def test_objective_feedback():
    advice = DraftAdvice()
    rules = {f.rule for f in advice.objective("Maintain 99% uptime for all 12 regions while also improving developer happiness and hiring speed")}
    assert rules == {"objective-has-number", "objective-business-as-usual", "objective-too-long"}
    assert advice.objective("Buyers trust what they see in Q4 2026") == []


def test_outline():
    text = "# Plan\n\n- Buyers trust us (committed)\n  - Cut returns from 14% to 10%\n  * Raise NPS from 40 to 50\n- Sellers go live fast\n    1. Reduce onboarding from 5 days to 2 days\n"
    assert parse_outline(text) == [
        ("Buyers trust us", "committed", ["Cut returns from 14% to 10%", "Raise NPS from 40 to 50"]),
        ("Sellers go live fast", None, ["Reduce onboarding from 5 days to 2 days"]),
    ]


def test_retitle_keeps_the_decoration():
    assert retitle("Grow qualified pipeline from $3M to $5M", 4_200_000) == "Grow qualified pipeline from $4.2M to $5M"
    assert retitle("Cut return rate from 14% to 10%", 12.5) == "Cut return rate from 12.5% to 10%"
    assert retitle("Ship faster", 3) == "Ship faster"


def test_non_interactive_creates_a_file_with_the_modeline(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "draft", *FLAGS)
    assert result.exit_code == 0, result.stderr
    path = repo / "okrs/2027-Q1/people.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../okr.schema.json\n")
    okr = load_file(path).team_file.okr
    assert [(k.id, k.baseline, k.target, k.unit) for k in okr.objectives[0].key_results] == [
        ("employee-nps", 12, 30, None), ("regretted-attrition", 14, 10, "%"),
    ]
    assert load_repository(repo).diagnostics == []


def test_appending_changes_nothing_else(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q4/finance.yaml"
    before = path.read_text()
    args = ["--team", "finance", "--period", "2026-Q4", "--objective", "Suppliers are paid on time", "--type", "committed",
            "--kr", "Raise invoices paid on time from 81% to 97%", "--kr", "Cut supplier payment queries from 60 to 15 per month"]
    assert run_cli(capsys, "-C", str(repo), "draft", *args).exit_code == 0
    after = path.read_text()
    assert after.startswith(before)  # the objective goes after everything else: a pure insertion at the end
    assert "\n  - id: suppliers-are-paid-time\n    title: Suppliers are paid on time\n" in after
    assert len(load_file(path).team_file.okr.objectives) == 3


def test_task_style_key_result_is_refused_with_a_rewrite(repo, capsys):
    args = FLAGS[:8] + ["--kr", "Launch the mentoring programme", "--kr", "Raise employee NPS from 12 to 30"]
    result = run_cli(capsys, "-C", str(repo), "draft", *args)
    assert result.exit_code == 2
    assert "is a task, not a key result" in result.stderr and "initiatives" in result.stderr
    assert not (repo / "okrs/2027-Q1/people.yaml").exists()


def test_feedback_is_printed_for_numbers_in_the_objective(repo, capsys):
    args = ["--team", "sales", "--period", "2027-Q1", "--objective", "Win 50 enterprise logos", "--type", "committed",
            "--kr", "Grow signed logos from 4 to 20", "--kr", "Raise deal size from $24k to $30k"]
    result = run_cli(capsys, "-C", str(repo), "draft", *args)
    assert result.exit_code == 0 and "objective-has-number" in result.stderr


def test_one_key_result_would_not_validate(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "draft", *FLAGS[:10])
    assert result.exit_code == 1
    assert "has 1 key result; an objective needs 2 to 5" in result.stderr and "nothing was written" in result.stderr
    assert not (repo / "okrs/2027-Q1/people.yaml").exists()


def test_unknown_alignment_is_refused(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "draft", *FLAGS, "--aligns-to", "company/nothing")
    assert result.exit_code == 1 and "does not exist in 2027-Q1" in result.stderr
    assert not (repo / "okrs/2027-Q1/people.yaml").exists()


def test_the_same_draft_twice_is_refused_and_a_like_title_gets_a_second_id(repo, capsys):
    args = ["--team", "finance", "--period", "2026-Q4", "--objective", "Faster close", "--type", "committed",
            "--kr", "Reduce close from 7 days to 4 days", "--kr", "Cut items from 9 to 3"]
    assert run_cli(capsys, "-C", str(repo), "draft", *args).exit_code == 0
    before = (repo / "okrs/2026-Q4/finance.yaml").read_text()
    again = run_cli(capsys, "-C", str(repo), "draft", *[a.replace("Faster close", "faster  CLOSE") for a in args])
    assert again.exit_code == 1
    assert "objective 'faster  CLOSE' already exists in finance.yaml (as 'faster-close-2')" in again.stderr
    assert (repo / "okrs/2026-Q4/finance.yaml").read_text() == before
    assert run_cli(capsys, "-C", str(repo), "draft", *[a.replace("Faster close", "Faster close, for real") for a in args]).exit_code == 0
    okr = load_file(repo / "okrs/2026-Q4/finance.yaml").team_file.okr
    assert [o.id for o in okr.objectives] == ["faster-close", "faster-close-2", "faster-close-real"]


def test_an_objective_id_already_in_the_file_is_refused(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    carry = ["draft", "--team", "sales", "--carry-over", "--from-period", "2026-Q4"]
    assert run_cli(capsys, "-C", str(repo), *carry).exit_code == 0
    before = (repo / "okrs/2027-Q1/sales.yaml").read_text()
    result = run_cli(capsys, "-C", str(repo), *carry)  # carried objectives keep their ids
    assert result.exit_code == 1 and "already exists in sales.yaml" in result.stderr
    assert (repo / "okrs/2027-Q1/sales.yaml").read_text() == before


def test_from_markdown_outline(repo, capsys, tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text("- Buyers trust our listings (aspirational)\n  - Cut return rate from 10% to 8%\n  - Raise page accuracy from 86% to 95%\n"
                    "- Sellers love onboarding (committed)\n  - Reduce time to first listing from 4 days to 2 days\n  - Increase activation from 40% to 60%\n")
    result = run_cli(capsys, "-C", str(repo), "draft", "--team", "product", "--period", "2027-Q1", "--from", str(plan))
    assert result.exit_code == 0, result.stderr
    okr = load_file(repo / "okrs/2027-Q1/product.yaml").team_file.okr
    assert [(o.type, len(o.key_results)) for o in okr.objectives] == [("aspirational", 2), ("committed", 2)]


def test_outline_without_a_type(repo, capsys, tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text("- Buyers trust our listings\n  - Cut return rate from 10% to 8%\n  - Raise accuracy from 86% to 95%\n")
    result = run_cli(capsys, "-C", str(repo), "draft", "--team", "product", "--period", "2027-Q1", "--from", str(plan))
    assert result.exit_code == 2 and "has no type" in result.stderr


def test_interactive_with_piped_input(repo, capsys, monkeypatch):
    answers = "\n".join([
        "people",                                  # team
        "2027-Q1",                                 # period
        "Maintain 12 great offices",               # objective: two findings
        "Acme is where good people want to stay",  # rewrite
        "a",                                       # type
        "Conduct 40 exit interviews",              # task-style
        "n",                                       # do not keep it
        "Raise employee NPS to 30",                # no baseline in the sentence
        "12",                                      # baseline
        "Reduce regretted attrition by 25%",       # relative
        "16%",                                     # baseline -> target 12
        "",                                        # done
        "ines",                                    # owner
        "n",                                       # no other objective
        "y",                                       # write
    ]) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    result = run_cli(capsys, "-C", str(repo), "draft")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "objective-has-number" in result.stdout and "objective-business-as-usual" in result.stdout
    assert "kr-task-style" in result.stdout and "as an initiative" in result.stdout
    assert "-> baseline 16, target 12 %" in result.stdout
    okr = load_file(repo / "okrs/2027-Q1/people.yaml").team_file.okr
    objective = okr.objectives[0]
    assert objective.title == "Acme is where good people want to stay" and objective.owner == "ines"
    assert [(k.baseline, k.target) for k in objective.key_results] == [(12, 30), (16, 12)]


def test_interactive_declined_writes_nothing(repo, capsys, monkeypatch):
    answers = "people\n\nGreat place\nc\nRaise eNPS from 12 to 30\nCut attrition from 14% to 10%\n\n\nn\nn\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    result = run_cli(capsys, "-C", str(repo), "draft")
    assert result.exit_code == 1 and "Nothing written." in result.stdout


def test_carry_over(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    result = run_cli(capsys, "-C", str(repo), "draft", "--team", "sales", "--carry-over", "--from-period", "2026-Q4")
    assert result.exit_code == 0, result.stderr
    okr = load_file(repo / "okrs/2027-Q1/sales.yaml").team_file.okr
    pipeline = okr.objectives[0].key_results[0]
    assert (pipeline.title, pipeline.baseline, pipeline.target) == ("Grow qualified pipeline from $4.2M to $5M", 4_200_000, 5_000_000)
    assert okr.objectives[0].aligns_to is None and "aligned to company/efficient-growth" in okr.objectives[0].notes
    assert load_repository(repo).diagnostics == []


def test_a_carried_objective_keeps_its_lineage_when_renamed(tmp_path, capsys):
    from datetime import date

    from okrcli.report.views import build_report

    repo = copy_acme(tmp_path / "acme")
    run_cli(capsys, "-C", str(repo), "draft", "--team", "sales", "--carry-over", "--from-period", "2026-Q4")
    path = repo / "okrs/2027-Q1/sales.yaml"
    carried = load_file(path).team_file.okr.objectives[0]
    assert carried.notes.startswith(f"Carried over from 2026-Q4 (sales/{carried.id}, scored ")
    path.write_text(path.read_text().replace(f"id: {carried.id}\n", "id: renamed-in-q1\n", 1))
    view = build_report(load_repository(repo).repository, "2027-Q1", date(2027, 2, 1), compare_with="2026-Q4")
    assert "sales/renamed-in-q1" in view.comparison.objective_scores


def test_dry_run_writes_nothing(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "draft", *FLAGS, "--dry-run")
    assert result.exit_code == 0 and "+team: people" in result.stdout
    assert not (repo / "okrs/2027-Q1/people.yaml").exists()


LINT_SETTINGS = """\
root = "okrs"

[lint]
ignore = ["objective-has-number"]
severity = { objective-business-as-usual = "info" }
max_objective_words = 4
task_verbs = ["streamline"]
outcome_verbs = ["frobnicate"]
"""


def test_feedback_follows_the_lint_settings(tmp_path, capsys):
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config=LINT_SETTINGS)
    args = ["--team", "sales", "--period", "2027-Q1", "--objective", "Keep 50 enterprise logos happy and loyal", "--type", "committed",
            "--kr", "Grow signed logos from 4 to 20", "--kr", "Raise deal size from $24k to $30k"]
    result = run_cli(capsys, "-C", str(repo), "draft", *args)
    assert result.exit_code == 0, result.stderr
    assert "objective-has-number" not in result.stderr  # ignored
    assert "okr: info: draft: objective-business-as-usual:" in result.stderr  # re-levelled
    assert "okr: warning: draft: objective-too-long: the objective has 6 words" in result.stderr  # the configured limit
    assert "under 4 words" in result.stderr


def test_task_style_feedback_gets_the_configured_verbs(tmp_path, monkeypatch):
    from okrcli.rules.options import load_settings
    from okrcli.language.sentences import parse_key_result

    seen = []
    monkeypatch.setattr("okrcli.usecases.draft_feedback.task_style", lambda *args: seen.append(args))
    repo = make_repo(tmp_path / "r", {"okrs/.keep": ""}, config=LINT_SETTINGS)
    DraftAdvice(load_settings(repo)).key_result(parse_key_result("Streamline renewals from 12 to 20"))
    assert seen == [("Streamline renewals from 12 to 20", 12, 20, frozenset({"streamline"}), frozenset({"frobnicate"}))]


def test_an_ignored_task_style_rule_leaves_only_the_missing_numbers(tmp_path, capsys):
    config = 'root = "okrs"\n[lint]\nignore = ["kr-task-style"]\n'
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q4/finance.yaml": VALID_FILE}, config=config)
    args = FLAGS[:8] + ["--kr", "Launch the mentoring programme", "--kr", "Raise employee NPS from 12 to 30"]
    result = run_cli(capsys, "-C", str(repo), "draft", *args)
    assert result.exit_code == 2 and "cannot read a baseline and a target" in result.stderr
    assert "is a task" not in result.stderr
