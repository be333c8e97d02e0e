"""Numeral parsing: every way the reports write a number must give the same float."""

from __future__ import annotations

import pytest

from zhengce.extract.numerals import (
    parse_chinese,
    parse_english_words,
    parse_number,
    scale_multiplier,
    to_halfwidth,
)

CASES: list[tuple[str, float]] = [
    # Arabic
    ("0", 0.0),
    ("7", 7.0),
    ("1200", 1200.0),
    ("5.5", 5.5),
    ("0.25", 0.25),
    ("1,200", 1200.0),
    ("12,345,678", 12345678.0),
    ("1,200.5", 1200.5),
    ("3，500", 3500.0),  # old full-width thousands separator
    ("１２００", 1200.0),  # full-width digits
    ("２７．９８", 27.98),
    ("1 9 9 8", 1998.0),  # digits spaced out by typesetting
    ("4·3", 4.3),  # middle dot as decimal point
    # Arabic with Chinese scales
    ("3.9万亿", 3.9e12),
    ("1200万", 1.2e7),
    ("1.2亿", 1.2e8),
    ("74.4 万亿", 74.4e12),
    ("5千", 5000.0),
    ("3百万", 3e6),
    ("2千万", 2e7),
    ("1亿3千万", 1.3e8),
    ("3万5千", 35000.0),
    # Chinese
    ("一", 1.0),
    ("两", 2.0),
    ("十", 10.0),
    ("十五", 15.0),
    ("二十", 20.0),
    ("一十五", 15.0),
    ("一百零五", 105.0),
    ("一千零二", 1002.0),
    ("一千二百", 1200.0),
    ("一千二", 1200.0),  # colloquial: the last digit counts in the next unit down
    ("三百五", 350.0),
    ("两万五", 25000.0),
    ("一千二百万", 1.2e7),
    ("一万", 1e4),
    ("十万", 1e5),
    ("三万亿", 3e12),
    ("一亿二千万", 1.2e8),
    ("十三亿", 1.3e9),
    ("七千二百亿", 7.2e11),
    ("二十三亿八千万", 2.38e9),
    ("一亿零五百万", 1.05e8),
    ("二〇二四", 2024.0),
    ("一九四九", 1949.0),
    ("三点五", 3.5),
    ("五", 5.0),
    ("零点五", 0.5),
    ("壹佰贰拾", 120.0),
    # fractions
    ("三分之一", 1 / 3),
    ("四分之三", 0.75),
    ("1/4", 0.25),
    ("百分之五", 0.05),
    # English
    ("12 million", 1.2e7),
    ("1 trillion", 1e12),
    ("3.5 billion", 3.5e9),
    ("210 thousand", 210000.0),
    ("1.5 hundred million", 1.5e8),
    ("twelve", 12.0),
    ("twenty-five", 25.0),
    ("three hundred", 300.0),
    ("two million", 2e6),
    ("Twelve Million", 1.2e7),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "expected"), [("3.9万亿", 3.9e12), ("74.4万亿", 74.4e12), ("1.3万亿", 1.3e12)]
)
def test_scaled_values_are_the_nearest_float(text: str, expected: float) -> None:
    # equality, not approx: downstream code compares values with ==
    assert parse_number(text) == expected


JUNK = [
    "",
    "   ",
    "abc",
    "万一",
    "十十",
    "百",
    "千万千",
    "1.2.3",
    "5%",
    "一二三四五六七八九十",
    "十四五",
    "2/0",
    "--",
]


@pytest.mark.parametrize("text", JUNK)
def test_parse_number_rejects_junk_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


def test_parse_number_refuses_very_long_input() -> None:
    with pytest.raises(ValueError, match="too long"):
        parse_number("1万2" * 2000)
    with pytest.raises(ValueError, match="too long"):
        parse_number("一" * 500)


def test_parse_number_rejects_non_strings() -> None:
    with pytest.raises(ValueError, match="expected a string"):
        parse_number(12)  # type: ignore[arg-type]


def test_to_halfwidth_keeps_length() -> None:
    s = "增长５．５％（约）　１２００－１３００"
    out = to_halfwidth(s)
    assert len(out) == len(s)
    assert out == "增长5.5%(约) 1200-1300"


@pytest.mark.parametrize(
    ("scale", "factor"),
    [
        ("", 1),
        ("万", 10**4),
        ("亿", 10**8),
        ("万亿", 10**12),
        ("千万", 10**7),
        ("million", 10**6),
        ("hundred million", 10**8),
    ],
)
def test_scale_multiplier(scale: str, factor: int) -> None:
    assert scale_multiplier(scale) == factor


def test_scale_multiplier_rejects_other_words() -> None:
    with pytest.raises(ValueError, match="not a scale"):
        scale_multiplier("元")
    with pytest.raises(ValueError, match="not a scale"):
        scale_multiplier("dozen")


def test_parse_chinese_and_english_words_directly() -> None:
    assert parse_chinese("一千二百万") == 1.2e7
    assert parse_english_words("forty-two") == 42.0
    with pytest.raises(ValueError):
        parse_chinese("1200")
    with pytest.raises(ValueError):
        parse_english_words("lots")


def test_spaced_decimal_point():
    assert parse_number("8 .8") == 8.8
    assert parse_number("8. 8") == 8.8


def test_to_halfwidth_maps_every_fullwidth_form_and_leaves_other_text_alone() -> None:
    from zhengce.extract.numerals import FULLWIDTH

    for code, target in FULLWIDTH.items():
        assert to_halfwidth(f"增长{chr(code)}个") == f"增长{target}个"
    plain = "增长5.2%，达到1200万人"
    assert to_halfwidth(plain) == plain
    assert to_halfwidth("增长５．２％") == "增长5.2%"
