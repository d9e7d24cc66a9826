from datetime import date

import pytest

from okrcli.model.periods import make_period, period_range, quarter_of
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
