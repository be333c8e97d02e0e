"""Suspect values: shares above 100%, numbers split by a lost decimal point, missing numbers."""

from __future__ import annotations

from zhengce.extract.quantities import parse_quantities
from zhengce.extract.suspect import find_missing_numbers, review, suggest_decimal


def verdicts(text: str, lang: str = "en"):
    qs = parse_quantities(text, lang)
    return list(zip([q.raw for q in qs], review(text, qs), strict=True))


def test_suggest_decimal_restores_the_largest_plausible_reading():
    assert suggest_decimal(582) == 58.2
    assert suggest_decimal(1050) == 10.5
    assert suggest_decimal(1000) == 100.0
    assert suggest_decimal(12.5) is None  # the point is there already
    assert suggest_decimal(7) is None


def test_share_above_100_is_flagged_with_suggestion():
    [(raw, v)] = verdicts("The forest coverage rate of the county rose to 458%.")
    assert raw == "458%"
    assert v is not None and v.suggested_value == 45.8 and "above 100%" in v.reason

    [(_, v)] = verdicts("服务业增加值占比达到617%", "zh")
    assert v is not None and v.suggested_value == 61.7


def test_growth_above_100_is_not_suspect():
    assert [v for _, v in verdicts("Sales of the new model grew by 240% last year.")] == [None]
    assert [v for _, v in verdicts("其增长率达到150%", "zh")] == [None]


def test_glued_fraction_joins_the_number_before_it():
    found = verdicts("exports of the city grew by 7% compared with a year earlier3%, a good result")
    (raw, v), (raw2, v2) = found
    assert raw == "7%" and v.suggested_value == 7.3
    assert v.absorbs is not None
    assert raw2 == "3%" and v2.fragment  # the "3%" is not a value of its own


def test_lost_decimal_spreads_to_the_rest_of_the_sentence():
    found = dict(verdicts("Output rose 48%, accounting for 376% of the region, up 22 percentage points."))
    assert found["376%"].suggested_value == 37.6
    assert found["48%"].suggested_value == 4.8
    assert found["22 percentage points"].suggested_value == 2.2


def test_clean_sentences_have_no_verdicts():
    assert all(v is None for _, v in verdicts("GDP grew by 5.2%, and the jobless rate was 5.1%."))
    assert all(v is None for _, v in verdicts("地区生产总值增长5.5%，城镇化率达到61.2%", "zh"))


def test_missing_number_is_found_with_its_unit():
    text = "The monthly allowance for rural teachers will be raised by yuan this year."
    [(start, end, unit)] = find_missing_numbers(text)
    assert text[start:end] == "raised by yuan" and unit == "yuan"
    [(_, _, unit)] = find_missing_numbers("城乡居民基础养老金最低标准再提高元")
    assert unit == "yuan"
    assert find_missing_numbers("raised by 20 yuan") == []


def test_completion_rates_may_exceed_100():
    assert [v for _, v in verdicts("年度计划投资完成率118.5%", "zh")] == [None]
    assert [v for _, v in verdicts("Spending accounted for 104% of the annual budget.")] == [None]
    assert verdicts("Spending accounted for 104% of the province's output.")[0][1] is not None


def test_missing_numbers_found_in_any_case_and_both_languages() -> None:
    """The cheap character test in front of the patterns must not hide a match."""
    assert [u for _, _, u in find_missing_numbers("Pensions were RAISED BY YUAN; wages ROSE TO PERCENT.")] == [
        "yuan",
        "percent",
    ]
    assert [u for _, _, u in find_missing_numbers("补助提高元，比重提高个百分点")] == ["yuan", "percentage_point"]
    assert find_missing_numbers("增长5.2%") == []
    assert find_missing_numbers("") == []
