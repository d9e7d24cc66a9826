"""model/numbers.py: multipliers, and numbers shown with their units."""

from __future__ import annotations

from datetime import date

import pytest

from okrcli.model.numbers import (
    MULTIPLIERS,
    compact_number,
    describe_checkin,
    format_change,
    format_confidence,
    format_in_multiples,
    format_number,
    multiplier_of,
    parse_number,
    plain_number,
    value_path,
    with_unit,
)


@pytest.mark.parametrize("word", ["k", "K", "m", "M", "mn", "b", "B", "bn"])
def test_typed_multipliers_use_the_shared_table(word):
    assert parse_number(f"1.5{word}") == 1.5 * MULTIPLIERS[word.lower()]


def test_multiplier_of():
    assert (multiplier_of("k"), multiplier_of("Million"), multiplier_of(None), multiplier_of("kilo")) == (1_000, 1_000_000, 1, 1)


@pytest.mark.parametrize(
    "value,text", [(1200, "1,200"), (5.5, "5.5"), (1 / 3, "0.3333"), (-2.0, "-2"), (None, "-")]
)
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    "value,unit,text",
    [(12, "%", "12%"), (1200, "USD", "$1,200"), (3, "$", "$3"), (5.5, "days", "5.5 days"), (3, None, "3"), (None, "%", "-")],
)
def test_with_unit(value, unit, text):
    assert with_unit(value, unit) == text


@pytest.mark.parametrize(
    "value,text", [(1_200_000, "1.2M"), (24_000, "24k"), (9_999, "9,999"), (6.754, "6.75"), (2.5e9, "2.5B"), (None, "-")]
)
def test_compact_number(value, text):
    assert compact_number(value) == text


@pytest.mark.parametrize(
    "values,unit,text",
    [
        ((14, 12, 10), "%", "14% → 12% → 10%"),
        ((1.2e6, 1.6e6, 2e6), "USD", "$1.2M → $1.6M → $2M"),
        ((250, 205, 150), "complaints", "250 → 205 → 150 complaints"),
        ((7, 5.5, 4), None, "7 → 5.5 → 4"),
    ],
)
def test_value_path(values, unit, text):
    assert value_path(*values, unit) == text


@pytest.mark.parametrize(
    "value,unit,confidence,text",
    [
        (5.5, "days", 0.7, "5.5 days on 2026-11-23, confidence 0.7"),
        (12, "%", None, "12% on 2026-11-23"),
        (1200, "USD", 0.25, "1200 USD on 2026-11-23, confidence 0.25"),
    ],
)
def test_describe_checkin_writes_the_value_as_stored(value, unit, confidence, text):
    assert describe_checkin(value, unit, date(2026, 11, 23), confidence) == text


def test_small_display_forms():
    assert format_in_multiples(1_250_000, "M") == "1.25" and format_in_multiples(1200, None) == "1,200"
    assert (format_change(0.1234), format_change(-0.05), format_change(None)) == ("+0.12", "-0.05", "")
    assert (format_confidence(0.7), format_confidence(None), format_confidence(None, missing="")) == ("0.7", "-", "")
    assert plain_number(14.0) == 14 and isinstance(plain_number(14.0), int) and plain_number(5.5) == 5.5


def test_value_paths_tell_different_values_apart():
    from okrcli.model.numbers import value_path

    assert value_path(0.004, 0.002, 0.001, "%") == "0.004% → 0.002% → 0.001%"  # not "0% → 0% → 0%"
    assert value_path(1e-300, None, 5e-324, None) == "1e-300 → - → 4.94e-324"
    assert value_path(1_234_567, 1_234_999, 1_300_000, "users") == "1.2346M → 1.235M → 1.3M users"
    assert value_path(7, 5.5, 4, "days") == "7 → 5.5 → 4 days"  # plain values stay short
    assert value_path(0.035, 0.0249, 0.015, "%") == "0.035% → 0.0249% → 0.015%"  # three significant digits, not 0.04


def test_a_negative_amount_puts_its_sign_before_the_currency_symbol():
    from okrcli.model.numbers import value_path, with_unit

    assert with_unit(-5, "USD") == "-$5" and with_unit(-3, "%") == "-3%"
    assert value_path(-5_000, -2_000, 3_000, "$") == "-$5,000 → -$2,000 → $3,000"


def test_short_numbers_keep_small_values_and_no_value():
    from okrcli.model.numbers import compact_number, distinct_compact, value_path

    assert compact_number(0.000123) == "0.000123" and compact_number(5e-5) == "0.00005"  # not 0.0001
    assert value_path(100, None, 200, "$") == "$100 → - → $200"  # the dash for no value is not a minus sign
    assert distinct_compact([0.1 + 0.2, 0.3]) == ["0.30000000000000004", "0.3"]  # exact, not float noise


def test_written_numbers_keep_three_significant_digits_when_small():
    from okrcli.model.numbers import format_number, with_unit

    assert format_number(0.0001229) == "0.000123" and format_number(1.23e-5) == "0.0000123"  # no 0.0001, no e-05
    assert with_unit(0.000123, "%") == "0.000123%" and format_number(1234.56789) == "1,234.5679"
    assert format_number(5e-324) == "4.94066e-324"  # beyond a billionth: scientific


def test_a_span_too_large_for_floats_still_scores_exactly():
    from okrcli.scoring.progress import kr_score

    # 1.7e308 - -1.7e308 overflows to inf, and 1.7e308 / inf is 0.0: finite but wrong
    assert kr_score(-1.7e308, 1.7e308, 0.0) == 0.5
    assert kr_score(-8e307, 1e308, 1e307) == 0.5
