"""The review report's numbers and comparisons: pace, the forecast's landing zone, like-for-like
comparison across periods, what needs attention, and the filters and flags of report and tree."""

from __future__ import annotations

import json
from datetime import date

import pytest

from okrcli.model.okrfile import CheckIn, KeyResult
from okrcli.model.periods import make_period
from okrcli.report.review import CHECKIN, GUARDRAIL, OBJECTIVE, needs_attention
from okrcli.report.views import build_report
from okrcli.scoring.forecast import forecast_range
from okrcli.scoring.statuses import pace_words, verdict
from okrcli.usecases.pipeline import load_repository
from tests.helpers import ACME, copy_acme, make_repo, run_cli

AS_OF = "2026-11-20"
Q4 = make_period("2026-Q4")


def _kr(values: list[tuple[str, float]], baseline: float = 0, target: float = 100) -> tuple[KeyResult, list[CheckIn]]:
    checkins = [CheckIn(date=date.fromisoformat(d), value=v) for d, v in values]
    return KeyResult(id="k", title="Raise the rate from 0 to 100", baseline=baseline, target=target, checkins=checkins), checkins


def test_the_landing_zone_is_the_worked_example_of_docs_scoring(capsys):
    result = run_cli(capsys, "-C", str(ACME), "score", "finance/faster-close/close-time", "--as-of", AS_OF, "--format", "json")
    kr = json.loads(result.stdout)["teams"][0]["objectives"][0]["key_results"][0]
    assert kr["pace"] == {"expected": 0.5495, "gap": -0.0495}
    assert kr["forecast_range"] == [0.8997, 1.0]
    assert kr["note"] == "November close 5.5 days, bank reconciliation automated for 2 of 3 banks"
    assert kr["note_date"] == "2026-11-16"


def test_a_steady_trend_lands_in_a_narrower_zone_than_a_jumpy_one():
    steady, seen = _kr([("2026-10-11", 10), ("2026-10-21", 20), ("2026-10-31", 30), ("2026-11-10", 40)])
    (low, high), _ = forecast_range(steady, seen, Q4, date(2026, 11, 11), 0.9, 1.0)
    assert (low, high) == (0.9, 0.9)  # points on a line and full confidence: no spread at all
    jumpy, seen = _kr([("2026-10-11", 25), ("2026-10-21", 5), ("2026-10-31", 45), ("2026-11-10", 35)])
    (jumpy_low, jumpy_high), lines = forecast_range(jumpy, seen, Q4, date(2026, 11, 11), 0.9, 1.0)
    assert jumpy_low < 0.9 <= jumpy_high and any("trend spread" in line for line in lines)


def test_a_check_in_on_the_first_day_takes_the_baselines_place_in_the_trend():
    # measured on day 0 and steady since: the baseline (0) is not a second value on day 0
    started, seen = _kr([("2026-10-01", 30), ("2026-10-11", 40), ("2026-10-21", 50), ("2026-10-31", 60)])
    (low, high), lines = forecast_range(started, seen, Q4, date(2026, 11, 1), 0.9, 1.0)
    assert (low, high) == (0.9, 0.9) and "from 4 points" not in lines[0] and "1/4 +" in lines[0], lines


def test_a_check_in_before_the_period_is_its_measured_start_not_a_negative_day():
    from okrcli.scoring.forecast import trend_points

    early, seen = _kr([("2026-09-28", 30), ("2026-10-11", 40), ("2026-10-21", 50)])
    assert trend_points(early, seen, Q4) == [(0.0, 30), (10.0, 40), (20.0, 50)]  # not (-3, 30) beside (0, baseline)


def test_low_confidence_widens_the_zone_and_none_given_is_assumed_half():
    kr, seen = _kr([("2026-10-11", 10), ("2026-10-21", 20), ("2026-10-31", 30)])
    widths = {}
    for confidence in (1.0, 0.5, None, 0.0):
        (low, high), _ = forecast_range(kr, seen, Q4, date(2026, 11, 1), 0.5, confidence)
        widths[confidence] = round(high - low, 6)
    assert widths[1.0] < widths[0.5] == widths[None] < widths[0.0]
    assert widths[0.0] == pytest.approx(0.4)  # (1 - 0) x 0.2 either way


@pytest.mark.parametrize(
    "values, as_of, forecast, expected",
    [
        ([], date(2026, 11, 1), 0.0, (0.0, 1.0)),  # nothing known yet
        ([("2026-10-11", 40)], date(2026, 12, 31), 0.4, (0.4, 0.4)),  # closed: the final score
    ],
)
def test_the_zone_before_any_check_in_and_after_the_period(values, as_of, forecast, expected):
    kr, seen = _kr(values)
    assert forecast_range(kr, seen, Q4, as_of, forecast, None)[0] == expected


def test_the_zone_stays_finite_and_holds_the_forecast_for_huge_values():
    kr, seen = _kr([("2026-10-11", 1e308), ("2026-10-21", -1e308), ("2026-10-31", 1.7e308)], baseline=-1.7e308, target=1.7e308)
    (low, high), _ = forecast_range(kr, seen, Q4, date(2026, 11, 1), 0.8, 0.3)
    assert 0.0 <= low <= 0.8 <= high <= 1.0


def test_pace_in_words():
    assert pace_words(0.123) == "ahead of pace by 0.12"
    assert pace_words(-0.0495) == "behind pace by 0.05"
    assert pace_words(0.001) == "on pace"
    # the threshold and the rounding agree: a gap shown as 0.00 is always "on pace"
    assert pace_words(-0.00499) == "on pace" and pace_words(-0.0051) == "behind pace by 0.01"


@pytest.mark.parametrize(
    "kind,score,grade,expected",
    [
        ("aspirational", 0.6999, "yellow", "aspirational, 0.69: below the 0.7 bar"),
        ("aspirational", 0.3999, "red", "aspirational, 0.39: below the 0.7 bar and the 0.4 floor"),
        ("committed", 0.999, "missed", "committed, missed: 0.99 of 1.0"),
        ("committed", 0.999, "open", "committed, open: 0.99 of 1.0 so far"),
        ("aspirational", 0.556, "yellow", "aspirational, 0.56: below the 0.7 bar"),  # rounds as usual below the bar
        ("aspirational", 0.7, "green", "aspirational, 0.70: at or above the 0.7 bar"),
    ],
)
def test_a_score_just_under_its_bar_is_never_shown_on_it(kind, score, grade, expected):
    settings = load_repository(ACME).repository.settings
    assert verdict(kind, score, grade, settings) == expected


PREVIOUS = """\
team: finance
period: 2026-Q3
objectives:
  - id: old-close
    title: Close the books fast enough to steer by them
    type: committed
    key_results:
      - id: close-time
        title: Reduce month-end close from 10 days to 5 days
        baseline: 10
        target: 5
        checkins:
          - {date: 2026-07-20, value: 9}
          - {date: 2026-08-10, value: 8}
          - {date: 2026-09-25, value: 5}
      - id: recon
        title: Reduce unreconciled items from 100 to 50
        baseline: 100
        target: 50
        checkins:
          - {date: 2026-08-10, value: 80}
"""
CURRENT = """\
team: finance
period: 2026-Q4
objectives:
  - id: faster-close
    title: Close the books fast enough to steer by them
    type: committed
    notes: Carried over from 2026-Q3 (scored 0.70); baselines are the latest values.
    key_results:
      - id: close-time
        title: Reduce month-end close from 7 days to 4 days
        baseline: 7
        target: 4
        checkins:
          - {date: 2026-11-10, value: 5.5}
      - id: recon
        title: Reduce unreconciled items from 120 to 30
        baseline: 120
        target: 30
"""


def _repository(tmp_path, current: str = CURRENT):
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q3/finance.yaml": PREVIOUS, "okrs/2026-Q4/finance.yaml": current})
    return repo, load_repository(repo).repository


def test_mid_period_compares_with_the_same_day_of_the_previous_period(tmp_path):
    _, repository = _repository(tmp_path)
    view = build_report(repository, "2026-Q4", date(2026, 11, 20))
    comparison = view.comparison
    assert comparison.period == "2026-Q3" and not comparison.final
    assert comparison.as_of == date(2026, 8, 20)  # day 51 of both
    # on 2026-08-20 the previous objective stood at (0.4 + 0.4) / 2: not its final 0.7
    assert comparison.objective_scores == {"finance/faster-close": pytest.approx(0.4)}
    assert view.compared() == "day 51 of 92 against day 51 of 2026-Q3 (2026-08-20)"


def test_closed_periods_compare_final_against_final(tmp_path):
    _, repository = _repository(tmp_path)
    view = build_report(repository, "2026-Q4", date(2027, 1, 15))
    assert view.comparison.final and view.comparison.as_of == date(2026, 9, 30)
    assert view.comparison.objective_scores == {"finance/faster-close": pytest.approx(0.7)}
    assert view.compared() == "final scores against 2026-Q3's final scores"


def test_without_lineage_a_renamed_objective_is_not_matched(tmp_path):
    _, repository = _repository(tmp_path, CURRENT.replace("    notes: Carried over from 2026-Q3 (scored 0.70); baselines are the latest values.\n", ""))
    view = build_report(repository, "2026-Q4", date(2026, 11, 20))
    assert view.comparison is None or view.comparison.objective_scores == {}


OLD_NOTE = "    notes: Carried over from 2026-Q3 (scored 0.70); baselines are the latest values.\n"


def _previous_scores(tmp_path, previous: str, current: str) -> dict[str, float]:
    repo = make_repo(tmp_path / "r", {"okrs/2026-Q3/finance.yaml": previous, "okrs/2026-Q4/finance.yaml": current})
    view = build_report(load_repository(repo).repository, "2026-Q4", date(2027, 1, 15))
    return view.comparison.objective_scores


def test_a_note_that_names_its_origin_matches_it_even_renamed_and_before_a_reused_id(tmp_path):
    # old-close was carried over as faster-close and renamed; a new objective reuses the id old-close
    named = CURRENT.replace(OLD_NOTE, "    notes: Carried over from 2026-Q3 (finance/old-close, scored 0.70).\n").replace(
        "title: Close the books fast enough to steer by them", "title: A month-end close people trust"
    )
    reused = named + """\
  - id: old-close
    title: Something else under a reused id
    type: aspirational
    key_results:
      - {id: a, title: Raise a from 0 to 10, baseline: 0, target: 10}
      - {id: b, title: Raise b from 0 to 10, baseline: 0, target: 10}
"""
    assert _previous_scores(tmp_path, PREVIOUS, reused) == {
        "finance/faster-close": pytest.approx(0.7), "finance/old-close": pytest.approx(0.7),
    }


def test_a_note_for_another_period_or_an_ambiguous_title_matches_nothing(tmp_path):
    other_period = CURRENT.replace(OLD_NOTE, OLD_NOTE.replace("2026-Q3", "2026-Q30"))
    assert _previous_scores(tmp_path / "a", PREVIOUS, other_period) == {}
    twice = PREVIOUS + PREVIOUS.split("objectives:\n", 1)[1].replace("id: old-close", "id: older-close")
    assert _previous_scores(tmp_path / "b", twice, CURRENT) == {}  # two objectives of that title: no guess


def test_report_json_says_what_was_compared_and_each_objectives_previous_score(tmp_path, capsys):
    repo, _ = _repository(tmp_path)
    data = json.loads(run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "json").stdout)
    assert data["teams"][0]["objectives"][0]["previous"] == {"period": "2026-Q3", "score": 0.4}
    assert data["report"]["comparison"]["basis"] == "same-point"
    assert data["report"]["comparison"]["as_of"] == "2026-08-20"


def test_compare_names_a_period_that_must_exist(tmp_path, capsys):
    repo, _ = _repository(tmp_path)
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--compare", "2025-Q1")
    assert result.exit_code == 2 and "no OKR files for period 2025-Q1" in result.stderr and "2026-Q3" in result.stderr
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--compare", "last-quarter")
    assert result.exit_code == 2 and "--compare 'last-quarter'" in result.stderr
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--compare", "2026-Q3", "--format", "markdown")
    assert result.exit_code == 0 and "Compared: day 51 of 92 against day 51 of 2026-Q3 (2026-08-20)." in result.stdout


def test_acme_needs_attention_in_order_with_owners():
    view = build_report(load_repository(ACME).repository, "2026-Q4", date(2026, 11, 20))
    items = needs_attention(view)
    kinds = [item.kind for item in items]
    assert kinds == sorted(kinds, key=[OBJECTIVE, GUARDRAIL, CHECKIN].index)
    by_ref = {item.ref: item for item in items}
    assert by_ref["finance/faster-close"].owner == "omar-haddad"
    assert by_ref["finance/faster-close"].why.startswith("close-time: at-risk (forecast 0.9716")
    assert by_ref["sales/complaint-rate"].why == "2.2%, must stay below 2%"
    assert by_ref["product/seller-onboarding/activation"].why == "last check-in 2026-11-02 (18 days ago)"
    assert "finance/trusted-forecasts" not in by_ref  # aspirational: not a commitment that is slipping


def test_a_closed_period_needs_attention_for_missed_commitments_only():
    view = build_report(load_repository(ACME).repository, "2026-Q3", date(2026, 11, 20))
    assert [(item.ref, item.why) for item in needs_attention(view)] == [("finance/faster-close", "committed, missed: 0.88 of 1.0")]


def test_every_report_opens_with_the_summary(capsys):
    markdown = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--format", "markdown").stdout
    assert markdown.index("## Needs attention") < markdown.index("## Teams")
    assert "- **⚠ breached**: Customer complaint rate stays below 2% (`sales/complaint-rate`), lena-fischer" in markdown
    dashboard = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF).stdout
    assert dashboard.index("Needs attention (6)") < dashboard.index("company  0.40")


def test_markdown_says_grades_in_words_and_shows_notes(capsys):
    text = run_cli(capsys, "-C", str(ACME), "report", "finance", "--as-of", AS_OF, "--format", "markdown").stdout
    assert "committed, open: 0.55 of 1.0 so far" in text
    assert "aspirational, 0.30: below the 0.7 bar and the 0.4 floor" in text
    assert "| behind pace by 0.05 | 0.97 (0.90–1.00) | 0.8 | at risk |" in text
    assert "- *close-time*, latest note (2026-11-16): November close 5.5 days" in text
    assert "- 2026-11-16, *faster-close/close-time*: November close 5.5 days" in text  # the last two weeks
    assert "## sales" not in text  # the prefix filters the whole report


def test_dashboard_notes_and_explain(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    plain = run_cli(capsys, "-C", str(ACME), "report", "finance", "--as-of", AS_OF).stdout
    assert "November close" not in plain and "forecast range" not in plain
    noted = run_cli(capsys, "-C", str(ACME), "report", "finance", "--as-of", AS_OF, "--notes").stdout
    assert "note 2026-11-16: November close 5.5 days, bank reconciliation automated for 2 of 3 banks" in " ".join(noted.split())
    explained = run_cli(capsys, "-C", str(ACME), "report", "finance/faster-close", "--as-of", AS_OF, "--explain").stdout
    assert "forecast range = clamp(forecast 0.9716 -/+ (0.0319 + 0.0400), 0, 1) = [0.8997, 1.0000]" in explained
    assert "Leaders plan with forecasts" not in explained
    for flag in ("--notes", "--explain"):
        result = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, flag, "--format", "markdown")
        assert result.exit_code == 2 and "terminal" in result.stderr


def test_report_prefix_that_matches_nothing_is_a_usage_error(capsys):
    result = run_cli(capsys, "-C", str(ACME), "report", "finance/nothing", "--as-of", AS_OF)
    assert result.exit_code == 2 and "nothing in 2026-Q4 matches the prefix 'finance/nothing'" in result.stderr


def test_tree_filters_and_explains(capsys):
    sales = run_cli(capsys, "-C", str(ACME), "tree", "sales", "--as-of", AS_OF).stdout
    assert "sales/enterprise-logos" in sales and "finance/" not in sales
    assert "aligns to company/efficient-growth" in sales  # its parent is filtered out: say where it belongs
    owned = run_cli(capsys, "-C", str(ACME), "tree", "--owner", "ana-ruiz", "--as-of", AS_OF).stdout
    assert "finance/trusted-forecasts" in owned and "finance/faster-close" not in owned
    team = run_cli(capsys, "-C", str(ACME), "tree", "--team", "finance", "--explain", "--as-of", AS_OF).stdout
    assert "grade = open (committed): committed, open: 0.55 of 1.0 so far" in " ".join(team.split())
    assert "sales/" not in team
    assert run_cli(capsys, "-C", str(ACME), "tree", "--owner", "nobody", "--as-of", AS_OF).exit_code == 2


def test_a_report_says_which_files_it_left_out(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    finance = repo / "okrs/2026-Q4/finance.yaml"
    finance.write_text(finance.read_text().replace("        target: 4\n", "        targte: 4\n", 1))
    base = ["-C", str(repo), "report", "--as-of", AS_OF]
    data = json.loads(run_cli(capsys, *base, "--format", "json").stdout)
    assert data["report"]["files_left_out"] == ["okrs/2026-Q4/finance.yaml"]
    assert "finance" not in [t["team"] for t in data["teams"]]
    markdown = run_cli(capsys, *base, "--format", "markdown").stdout
    assert "> **Incomplete:** 1 file with errors is left out of this report: okrs/2026-Q4/finance.yaml" in markdown
    assert markdown.index("Incomplete") < markdown.index("## Needs attention")
    page = run_cli(capsys, *base, "--format", "html").stdout
    assert page.index('id="incomplete"') < page.index('id="needs-attention"') and "okrs/2026-Q4/finance.yaml" in page
    assert "incomplete: 1 file with errors" in run_cli(capsys, *base, "--no-pager").stdout
    # a team filter that leaves the broken team out has nothing missing
    sales = json.loads(run_cli(capsys, *base, "--team", "sales", "--format", "json").stdout)
    assert sales["report"]["files_left_out"] == []


def test_a_period_whose_files_are_all_broken_is_not_swapped_for_another(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    for path in (repo / "okrs/2026-Q4").glob("*.yaml"):
        path.write_text(path.read_text() + "objectives: 5\n")
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--no-pager")
    assert result.exit_code == 2 and result.stdout == ""
    assert "no valid OKR files for period 2026-Q4: 6 file(s) have errors" in result.stderr


@pytest.mark.parametrize(
    "args,message",
    [
        (["--owner", "nosuch"], "no key result in 2026-Q4 is owned by 'nosuch'"),
        (["--owner", ""], "no key result in 2026-Q4 is owned by ''"),  # empty is not "no filter"
        (["--team", ""], "no team '' in 2026-Q4"),
        (["--team", "finance", "nosuch"], "nothing in 2026-Q4 matches the prefix 'nosuch'"),
        (["--compare", "2026-Q4"], "--compare 2026-Q4 is the period of the report"),
        (["--period", "2026-Q3", "--compare", "2026-Q4"], "--compare 2026-Q4 starts after 2026-Q3"),
    ],
)
def test_filters_that_keep_nothing_say_which(capsys, args, message):
    for command in (["report", "--no-pager"], ["tree"]):
        if "--compare" in args and command[0] == "tree":
            continue
        result = run_cli(capsys, "-C", str(ACME), *command, "--as-of", AS_OF, *args)
        assert result.exit_code == 2 and message in result.stderr, (command, result.stderr)


def test_before_the_period_starts_nothing_is_compared(capsys):
    data = json.loads(run_cli(capsys, "-C", str(ACME), "report", "--period", "2026-Q4", "--as-of", "2026-09-15", "--format", "json").stdout)
    assert data["report"]["comparison"] is None


def test_old_check_ins_do_not_hide_a_slipping_commitment(capsys):
    def attention(as_of):
        data = json.loads(run_cli(capsys, "-C", str(ACME), "report", "--as-of", as_of, "--format", "json").stdout)
        return {a["ref"]: (a["status"], a["why"]) for a in data["report"]["needs_attention"] if a["kind"] == "objective"}

    fresh, stale = attention(AS_OF), attention("2026-12-01")  # by 12-01 every check-in is 15 days old
    assert set(fresh) == set(stale) == {"customer-success/fewer-returns", "finance/faster-close", "sales/enterprise-logos"}
    status, why = stale["finance/faster-close"]
    assert status == "at-risk" and why.startswith("close-time: at-risk (forecast 0.9716") and why.endswith("from a check-in 15 days old")


def test_an_owner_owing_several_check_ins_is_one_line_to_read_and_one_item_per_key_result_in_json(capsys):
    base = ["-C", str(ACME), "report", "--as-of", "2026-12-01"]
    markdown = run_cli(capsys, *base, "--format", "markdown").stdout
    owed = [line for line in markdown.splitlines() if line.startswith("- **check-in owed**")]
    assert len(owed) == 9  # one line per owner
    assert ("- **check-in owed**: 2 key results (`close-time, recon-exceptions`), omar-haddad: "
            "longest wait: last check-in 2026-11-16 (15 days ago)") in owed
    assert any("priya-nair: longest wait: no check-in yet, day 62 of 92" in line for line in owed)
    data = json.loads(run_cli(capsys, *base, "--format", "json").stdout)
    assert sum(a["kind"] == "check-in" for a in data["report"]["needs_attention"]) == 26


def test_filters_that_each_name_something_but_share_nothing_give_an_empty_report(capsys):
    for command in (["report", "--format", "json"], ["tree"]):
        for args in (["--team", "finance", "sales"], ["--owner", "omar-haddad", "sales"], ["--team", "sales", "--owner", "omar-haddad"]):
            result = run_cli(capsys, "-C", str(ACME), *command, "--as-of", AS_OF, *args)
            assert result.exit_code == 0, (command, args, result.stderr)
            if command[0] == "report":  # nothing to score: no score, not 0.00
                data = json.loads(result.stdout)
                assert data["teams"] == [] and data["score"] is None
    dashboard = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--team", "sales", "--owner", "omar-haddad").stdout
    assert "overall -" in dashboard and "0.00" not in dashboard and "nothing to review" in dashboard
    markdown = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--team", "sales", "--owner", "omar-haddad", "--format", "markdown").stdout
    assert "Nothing to review: the filters keep nothing in 2026-Q4." in markdown and "every committed objective is on track" not in markdown


def test_a_team_whose_file_is_broken_is_named_with_its_file(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    finance = repo / "okrs/2026-Q4/finance.yaml"
    finance.write_text(finance.read_text() + "bogus: [\n")
    for args in (["--team", "finance"], ["finance"], ["finance/faster-close"]):
        for command in (["report", "--no-pager"], ["tree"]):
            result = run_cli(capsys, "-C", str(repo), *command, "--as-of", AS_OF, *args)
            assert result.exit_code == 2, (command, args)
            assert "team 'finance' has no valid file in 2026-Q4: okrs/2026-Q4/finance.yaml has errors" in result.stderr


def test_the_compared_periods_broken_files_are_named_too(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    finance = repo / "okrs/2026-Q3/finance.yaml"
    finance.write_text(finance.read_text() + "bogus: [\n")
    data = json.loads(run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "json").stdout)
    assert data["report"]["files_left_out"] == ["okrs/2026-Q3/finance.yaml"]
    for path in (repo / "okrs/2026-Q3").glob("*.yaml"):
        path.write_text(path.read_text() + "bogus: [\n")
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--compare", "2026-Q3")
    assert result.exit_code == 2 and "no valid OKR files for period 2026-Q3 to compare with" in result.stderr


def test_an_as_of_after_every_period_never_falls_back_past_a_broken_one(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    for path in (repo / "okrs/2026-Q4").glob("*.yaml"):
        path.write_text(path.read_text() + "bogus: [\n")
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", "2027-03-01", "--format", "json")
    assert result.exit_code == 2 and "no valid OKR files for period 2026-Q4" in result.stderr
    assert "okrs/2026-Q4/finance.yaml" in result.stderr


def test_a_second_file_for_a_team_is_left_out_not_counted_twice(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    # a copy sorting before finance.yaml, changed: the file named for the team is the one kept
    copy = (repo / "okrs/2026-Q4/finance.yaml").read_text().replace("value: 5.5\n", "value: 6.9\n")
    (repo / "okrs/2026-Q4/a-finance.yaml").write_text(copy)
    data = json.loads(run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "json").stdout)
    plain = json.loads(run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--format", "json").stdout)
    assert [t["team"] for t in data["teams"]] == [t["team"] for t in plain["teams"]] and data["score"] == plain["score"]
    assert data["report"]["files_left_out"] == ["okrs/2026-Q4/a-finance.yaml"]


def test_a_broken_quarter_is_not_replaced_by_a_valid_year_that_also_holds_the_day(tmp_path, capsys):
    from tests.helpers import VALID_FILE

    year = VALID_FILE.replace("team: finance", "team: company").replace("period: 2026-Q4", "period: 2026")
    broken = VALID_FILE.replace("        target: 4\n", "        targte: 4\n")  # a typo: the file still says its period
    repo = make_repo(tmp_path, {"okrs/company-2026.yaml": year, "okrs/finance-q4.yaml": broken})
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 2 and "no valid OKR files for period 2026-Q4" in result.stderr
    assert "okrs/finance-q4.yaml" in result.stderr
    assert run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--period", "2026", "--format", "json").exit_code == 0


def test_a_broken_previous_period_is_not_skipped_for_the_one_before_it(tmp_path, capsys):
    from tests.helpers import VALID_FILE

    q2 = VALID_FILE.replace("period: 2026-Q4", "period: 2026-Q2")
    q3 = VALID_FILE.replace("period: 2026-Q4", "period: 2026-Q3").replace("        target: 4\n", "        targte: 4\n")
    repo = make_repo(tmp_path, {"okrs/finance-q2.yaml": q2, "okrs/finance-q3.yaml": q3, "okrs/finance-q4.yaml": VALID_FILE})
    data = json.loads(run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "json").stdout)
    assert data["report"]["comparison"] is None and data["report"]["files_left_out"] == ["okrs/finance-q3.yaml"]


def test_a_score_just_under_its_bar_reads_the_same_in_every_cell_as_in_its_verdict(tmp_path, capsys):
    kr = "      - {{id: {0}, title: Raise {0} from 0 to 2000, baseline: 0, target: 2000, checkins: [{{date: 2026-12-20, value: 1399}}]}}\n"
    ops = "team: ops\nperiod: 2026-Q4\nobjectives:\n  - id: uptime\n    title: Systems stay up\n    type: aspirational\n" \
          "    owner: dana\n    key_results:\n" + kr.format("a") + kr.format("b")
    repo = make_repo(tmp_path, {"okrs/2026-Q4/ops.yaml": ops})
    data = json.loads(run_cli(capsys, "-C", str(repo), "score", "--as-of", "2027-01-05", "--format", "json").stdout)
    objective = data["teams"][0]["objectives"][0]
    assert objective["score"] == 0.6995 and objective["verdict"] == "aspirational, 0.69: below the 0.7 bar"
    # the objective's own score cell says what its verdict says (key results and averages are not graded)
    cells = {
        ("report", "--no-pager"): lambda text: next(line for line in text.splitlines() if line.startswith("Systems stay up")),
        ("score",): lambda text: next(line for line in text.splitlines() if "Systems stay up" in line),
        ("report", "--format", "markdown"): lambda text: next(line for line in text.splitlines() if "`ops/uptime`" in line),
        ("report", "--format", "html"): lambda text: text.split("<h3>Systems stay up</h3>", 1)[1].split("</header>", 1)[0],
    }
    for args, cell in cells.items():
        text = run_cli(capsys, "-C", str(repo), *args, "--as-of", "2027-01-05").stdout
        assert "0.69" in cell(text) and "0.70" not in cell(text), (args, cell(text))


def test_a_commitment_missed_when_its_team_ended_early_needs_attention(tmp_path, capsys):
    from tests.helpers import VALID_FILE

    early = VALID_FILE.replace("period: 2026-Q4\n", "period: 2026-Q4\nend: 2026-11-10\n")
    ops = VALID_FILE.replace("team: finance", "team: ops")
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": early, "okrs/2026-Q4/ops.yaml": ops})
    data = json.loads(run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "json").stdout)
    missed = [a for a in data["report"]["needs_attention"] if a["kind"] == "objective"]
    assert [(a["ref"], a["status"]) for a in missed] == [("finance/faster-close", "missed")]
    assert missed[0]["why"].startswith("committed, missed: ")


def test_an_as_of_before_every_period_never_skips_a_broken_earliest_one(tmp_path, capsys):
    from tests.helpers import VALID_FILE

    q1 = VALID_FILE.replace("period: 2026-Q4", "period: 2026-Q1").replace("        target: 4\n", "        targte: 4\n")
    q3 = VALID_FILE.replace("period: 2026-Q4", "period: 2026-Q3").replace("date: 2026-10-05", "date: 2026-07-05")
    repo = make_repo(tmp_path, {"okrs/2026-Q1/finance.yaml": q1, "okrs/2026-Q3/finance.yaml": q3})
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", "2025-12-01", "--no-pager")
    assert result.exit_code == 2 and "no valid OKR files for period 2026-Q1" in result.stderr


def test_an_explicit_comparison_that_matches_nothing_says_so(tmp_path, capsys):
    from tests.helpers import VALID_FILE

    other = VALID_FILE.replace("team: finance", "team: ops").replace("period: 2026-Q4", "period: 2026-Q3").replace("date: 2026-10-05", "date: 2026-07-05")
    repo = make_repo(tmp_path, {"okrs/2026-Q3/ops.yaml": other, "okrs/2026-Q4/finance.yaml": VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--compare", "2026-Q3", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["report"]["comparison"] is None
    assert "nothing shown matches a team or objective of 2026-Q3, so nothing is compared" in result.stderr
