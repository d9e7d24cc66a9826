from datetime import date

import pytest

from okrcli.model.periods import (
    make_period,
    next_period,
    period_range,
    periods_containing,
    previous_period,
    previous_period_name,
    quarter_of,
)
from okrcli.model.references import parse_reference


@pytest.mark.parametrize(
    "name,start,end",
    [
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2028-Q1", date(2028, 1, 1), date(2028, 3, 31)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_period_ranges(name, start, end):
    assert period_range(name) == (start, end)


def test_overrides_and_elapsed():
    period = make_period("2026-Q4", start=date(2026, 10, 5))
    assert period.start == date(2026, 10, 5)
    assert period.elapsed_fraction(date(2026, 10, 1)) == 0.0
    assert period.elapsed_fraction(date(2027, 1, 1)) == 1.0
    assert quarter_of(date(2026, 11, 22)) == "2026-Q4"


def test_a_one_day_period_is_all_elapsed_on_its_day():
    one_day = make_period("2026-Q4", start=date(2026, 11, 20), end=date(2026, 11, 20))
    assert one_day.elapsed_fraction(date(2026, 11, 19)) == 0.0
    assert one_day.elapsed_fraction(date(2026, 11, 20)) == 1.0  # its first day is its last: the plan is due


@pytest.mark.parametrize("bad", ["2026-Q5", "26-Q1", "2026Q1", "2026-h1"])
def test_bad_periods(bad):
    with pytest.raises(ValueError):
        period_range(bad)


def test_references():
    assert str(parse_reference("company/trust")) == "company/trust"
    ref = parse_reference("2026:company/trust/nps")
    assert (ref.period, ref.team, ref.objective, ref.key_result) == ("2026", "company", "trust", "nps")
    with pytest.raises(ValueError, match="not a reference"):
        parse_reference("company")


def test_periods_containing_a_day_shortest_first():
    assert periods_containing(date(2026, 5, 3)) == ["2026-Q2", "2026-H1", "2026"]
    assert periods_containing(date(2026, 7, 1)) == ["2026-Q3", "2026-H2", "2026"]


@pytest.mark.parametrize(
    "name,following",
    [("2026-Q1", "2026-Q2"), ("2026-Q4", "2027-Q1"), ("2026-H1", "2026-H2"), ("2026-H2", "2027-H1"), ("2026", "2027")],
)
def test_next_period(name, following):
    assert next_period(name) == following


def test_previous_period_is_the_latest_of_the_same_kind_that_ended_before():
    names = ["2025", "2025-Q3", "2026-H1", "2026-Q1", "2026-Q2", "2026-Q3", "archive"]
    assert previous_period_name("2026-Q3", names) == "2026-Q2"
    assert previous_period_name("2026-Q2", names) == "2026-Q1"
    assert previous_period_name("2026-Q1", names) == "2025-Q3"  # a gap is skipped, not filled
    assert previous_period_name("2026", names) == "2025"
    assert previous_period_name("2026-H1", names) is None  # halves only: quarters are another kind
    assert previous_period_name("2025-Q3", names) is None


def test_previous_period_uses_the_dates_a_file_gives_its_period():
    # a 2026-Q1 that runs into April has not ended before a 2026-Q2 starting on 1 April
    late = make_period("2026-Q1", end=date(2026, 4, 10))
    q4 = make_period("2025-Q4")
    assert previous_period(make_period("2026-Q2"), [q4, late], lambda p: p) is q4
    assert previous_period(make_period("2026-Q2", start=date(2026, 4, 11)), [q4, late], lambda p: p) is late


def test_locate_finds_objectives_and_key_results_by_id():
    from okrcli.model.okrfile import OkrFile
    from okrcli.model.references import locate, locate_guardrail

    kr = {"title": "Raise NPS from 40 to 50", "baseline": 40, "target": 50}
    okr = OkrFile.model_validate({
        "team": "sales", "period": "2026-Q4",
        "objectives": [{"id": "trust", "title": "Buyers trust us", "type": "committed",
                        "key_results": [{"id": "nps", **kr}, {"id": "csat", **kr}]}],
        "guardrails": [{"id": "churn", "title": "Churn stays low", "threshold": 2, "must_stay": "below"}],
    })
    assert locate(okr, parse_reference("sales/trust")).node_path == ("objectives", 0)
    found = locate(okr, parse_reference("sales/trust/csat"))
    assert found.node_path == ("objectives", 0, "key_results", 1) and found.key_result.id == "csat"
    assert locate(okr, parse_reference("sales/trust/revenue")) is None
    assert locate(okr, parse_reference("sales/growth")) is None
    assert locate_guardrail(okr, "churn")[0] == ("guardrails", 0)
    assert locate_guardrail(okr, "trust") is None


def test_open_period_reads_only_the_period_and_the_one_before(tmp_path):
    from okrcli.usecases.period import open_period
    from tests.helpers import VALID_FILE, make_repo

    files = {f"okrs/{name}/finance.yaml": VALID_FILE.replace("2026-Q4", name) for name in ("2026-Q2", "2026-Q3", "2026-Q4")}
    repo = make_repo(tmp_path / "r", files)
    opened = open_period(repo, None, date(2026, 11, 20), with_previous=True)
    assert opened.period == "2026-Q4" and opened.found and opened.files_with_errors == 0
    assert sorted(f.okr.period for f in opened.repository.files) == ["2026-Q3", "2026-Q4"]
    assert opened.repository.previous_period("2026-Q4") == "2026-Q3"
    alone = open_period(repo, "2026-Q2", date(2026, 11, 20))
    assert [f.okr.period for f in alone.repository.files] == ["2026-Q2"]
