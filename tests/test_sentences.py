"""The key-result sentence reader on 40+ phrasings."""

from __future__ import annotations

import pytest

from okrcli.language.sentences import complete, parse_key_result
from okrcli.model.numbers import parse_number

# sentence, baseline, target, unit  (None: the sentence does not say)
EXPLICIT = [
    ("Reduce month-end close from 7 days to 4 days", 7, 4, "days"),
    ("Raise NPS from 40 to 50", 40, 50, None),
    ("Cut return rate from 14% to 10%", 14, 10, "%"),
    ("Grow ARR from $1.2M to $2M", 1_200_000, 2_000_000, "USD"),
    ("Increase weekly active users from 10k to 15k", 10_000, 15_000, None),
    ("Reduce support response time from 24 hours to 12 hours", 24, 12, "hours"),
    ("Improve CSAT from 4.1 to 4.5 out of 5", 4.1, 4.5, "/5"),
    ("Decrease cost per ticket from €12.50 to €9", 12.5, 9, "EUR"),
    ("Increase conversion rate from 2.5% to 4%", 2.5, 4, "%"),
    ("Reduce churn from 5% to below 3%", 5, 3, "%"),
    ("Cut P1 incidents from 12 to zero", 12, 0, None),
    ("Grow pipeline 3M -> 5M", 3_000_000, 5_000_000, None),
    ("Grow pipeline 3M → 5M", 3_000_000, 5_000_000, None),
    ("Raise gross margin from 58% to 65%", 58, 65, "%"),
    ("Shorten time to hire from 48 days to 35 days", 48, 35, "days"),
    ("Improve product-page accuracy score from 78% to 95%", 78, 95, "%"),
    ("Grow revenue from £800k to £1.1m", 800_000, 1_100_000, "GBP"),
    ("Increase monthly revenue from 1,200,000 to 1,500,000 USD", 1_200_000, 1_500_000, "USD"),
    ("Reduce page load time from 3.2 seconds to 1.5 seconds", 3.2, 1.5, "seconds"),
    ("Reduce p95 latency from 800 ms to 300 ms", 800, 300, "ms"),
    ("Raise employee NPS from -5 to 20", -5, 20, None),
    ("Increase trial-to-paid conversion from 8 percent to 12 percent", 8, 12, "%"),
    ("Cut deploy time from 45 minutes to 10 minutes", 45, 10, "minutes"),
    ("Reduce open critical vulnerabilities from 14 to 0", 14, 0, None),
    ("Lift average order value from $42 to $50", 42, 50, "USD"),
    ("Raise customer satisfaction score from 72 to 82", 72, 82, None),
    ("Increase market share from about 12% to 15%", 12, 15, "%"),
    ("Grow the community from 2.5k to 10k members", 2_500, 10_000, None),
    ("Reduce annual costs from $1.5bn to $1.2bn", 1.5e9, 1.2e9, "USD"),
    ("Improve on-time delivery from 82% to at least 95%", 82, 95, "%"),
    ("Reduce cycle time from 10 days to 6", 10, 6, "days"),
]

# sentence, target, unit, direction (baseline must be asked for)
TARGET_ONLY = [
    ("Achieve 90% on-time delivery", 90, "%", 1),
    ("Hit 99.95% uptime", 99.95, "%", 1),
    ("Reach 1,000 paying customers", 1000, None, 1),
    ("Raise CSAT to at least 4.2 out of 5", 4.2, "/5", 1),
    ("Achieve a rating of at least 4.2 out of 5", 4.2, "/5", 1),
    ("Cut open bugs to zero", 0, None, -1),
    ("Reduce customer support response time to 12 hours", 12, "hours", -1),
    ("Grow ARR to $5M", 5_000_000, "USD", 1),
    ("Get NPS to 50", 50, None, 1),
    ("Lower infrastructure cost to €20k per month", 20_000, "EUR", -1),
]

# sentence, relative/delta/multiplier, baseline given later, expected target
RELATIVE = [
    ("Reduce churn by 20%", 5, 4.0),
    ("Reduce project delivery time by 15%", 20, 17.0),
    ("Increase the number of patents filed by 20%", 10, 12.0),
    ("Reduce employee turnover rate by 15%", 20, 17.0),
    ("Grow weekly sign-ups by 30%", 1000, 1300.0),
    ("Increase NPS by 10 points", 40, 50.0),
    ("Increase revenue by $200k", 1_000_000, 1_200_000.0),
    ("Double weekly signups", 500, 1000.0),
    ("Halve the time to resolve P1 incidents", 8, 4.0),
    ("Reduce cloud spend by at least 10%", 50_000, 45_000.0),
]


@pytest.mark.parametrize("sentence,baseline,target,unit", EXPLICIT)
def test_explicit_baseline_and_target(sentence, baseline, target, unit):
    parsed = parse_key_result(sentence)
    assert (parsed.baseline, parsed.target, parsed.unit) == (pytest.approx(baseline), pytest.approx(target), unit)
    assert parsed.complete


@pytest.mark.parametrize("sentence,target,unit,direction", TARGET_ONLY)
def test_target_only_asks_for_a_baseline(sentence, target, unit, direction):
    parsed = parse_key_result(sentence)
    assert parsed.needs_baseline
    assert (parsed.target, parsed.unit, parsed.direction) == (pytest.approx(target), unit, direction)
    done = complete(parsed, 70)
    assert done.baseline == 70 and done.target == pytest.approx(target)


@pytest.mark.parametrize("sentence,baseline,target", RELATIVE)
def test_relative_forms(sentence, baseline, target):
    parsed = parse_key_result(sentence)
    assert parsed.needs_baseline and parsed.target is None
    assert complete(parsed, baseline).target == pytest.approx(target)


def test_no_numbers_at_all():
    parsed = parse_key_result("Launch the self-serve returns portal")
    assert parsed.baseline is None and parsed.target is None


@pytest.mark.parametrize(
    "word,factor",
    [("k", 1e3), ("thousand", 1e3), ("M", 1e6), ("mn", 1e6), ("million", 1e6), ("B", 1e9), ("bn", 1e9), ("billion", 1e9)],
)
def test_every_multiplier_word_scales_the_number(word, factor):
    parsed = parse_key_result(f"Grow revenue from 1.5{word} to 2 {word}")
    assert (parsed.baseline, parsed.target) == (pytest.approx(1.5 * factor), pytest.approx(2 * factor))


@pytest.mark.parametrize("typed", ["1.2k", "$2M", "$1.5bn", "41.5%", "1,200"])
def test_a_sentence_reads_a_number_as_the_check_in_prompt_does(typed):
    assert parse_key_result(f"Grow it from {typed} to 0").baseline == pytest.approx(parse_number(typed))


def test_a_multiplier_needs_a_word_boundary():
    # "5 kilos" is five kilos, not 5,000 of something
    assert parse_key_result("Reduce waste from 5 kilos to 3 kilos").baseline == 5
