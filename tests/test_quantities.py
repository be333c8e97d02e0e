"""Quantities in running text: tables of (input, expected quantities), in Chinese and English.

Every expected row is (value, value_high, unit, comparator). The inputs are written for these
tests; none is copied from a real report.
"""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest

from zhengce.extract.quantities import COMPARATORS, UNITS, Quantity, parse_number, parse_quantities

Row = tuple[float, float | None, str | None, str]


def rows(text: str, lang: str | None = None) -> list[Row]:
    return [(q.value, q.value_high, q.unit, q.comparator) for q in parse_quantities(text, lang)]


def check(text: str, expected: list[Row], lang: str | None = None) -> None:
    got = rows(text, lang)
    assert len(got) == len(expected), f"{text!r}: got {got}"
    for g, e in zip(got, expected, strict=True):
        assert g[0] == pytest.approx(e[0], rel=1e-12), f"{text!r}: value {g} != {e}"
        if e[1] is None:
            assert g[1] is None, f"{text!r}: value_high {g} != {e}"
        else:
            assert g[1] == pytest.approx(e[1], rel=1e-12), f"{text!r}: value_high {g} != {e}"
        assert g[2:] == e[2:], f"{text!r}: unit/comparator {g} != {e}"


# --------------------------------------------------------------------------------------------
# Chinese

ZH: list[tuple[str, list[Row]]] = [
    # plain numbers with units and scales
    ("今年经济增长9%", [(9, None, "percent", "exact")]),
    ("增长8 ％", [(8, None, "percent", "exact")]),
    ("增长８％", [(8, None, "percent", "exact")]),
    ("增长5.2%，高于预期", [(5.2, None, "percent", "exact")]),
    ("总量达到74.4 万亿元", [(74.4e12, None, "yuan", "exact")]),
    ("收入3.9万亿元", [(3.9e12, None, "yuan", "exact")]),
    ("安排资金500亿元", [(5e10, None, "yuan", "exact")]),
    ("就业一千二百万人", [(1.2e7, None, "persons", "exact")]),
    ("培训１２００万人", [(1.2e7, None, "persons", "exact")]),
    ("粮食产量1.3万亿斤", [(1.3e12, None, "jin", "exact")]),
    ("产钢1.1亿吨", [(1.1e8, None, "tonnes", "exact")]),
    ("建设高标准农田8000万亩", [(8e7, None, "mu", "exact")]),
    ("帮扶20万户", [(2e5, None, "households", "exact")]),
    ("新增装机3000万千瓦", [(3e7, None, "kw", "exact")]),
    ("发电量8万亿千瓦时", [(8e12, None, "kwh", "exact")]),
    ("新建铁路3000公里", [(3000, None, "km", "exact")]),
    ("改造住房5000万平方米", [(5e7, None, "square_meters", "exact")]),
    ("新设15个试验区", [(15, None, "units", "exact")]),
    ("培育100家企业", [(100, None, "units", "exact")]),
    ("新建20所学校", [(20, None, "units", "exact")]),
    ("取消30项审批", [(30, None, "units", "exact")]),
    ("产量增长两倍", [(2, None, "times", "exact")]),
    ("用五年时间", [(5, None, "years", "exact")]),
    ("用十五年", [(15, None, "years", "exact")]),
    ("提高0.5个百分点", [(0.5, None, "percentage_point", "exact")]),
    ("下降三个百分点", [(3, None, "percentage_point", "exact")]),
    ("增长百分之五", [(5, None, "percent", "exact")]),
    ("增长百分之三点五", [(3.5, None, "percent", "exact")]),
    ("降低千分之三", [(3, None, "permille", "exact")]),
    ("减少三分之一", [(1 / 3, None, "fraction", "exact")]),
    ("进口1200亿美元", [(1.2e11, None, "usd", "exact")]),
    ("人均预期寿命79岁", [(79, None, "years_of_age", "exact")]),
    ("平均16.8万元/人左右", [(1.68e5, None, "yuan", "around")]),
    ("1亿3千万人", [(1.3e8, None, "persons", "exact")]),
    ("存款3，500万元", [(3.5e7, None, "yuan", "exact")]),
    ("增长4·3％", [(4.3, None, "percent", "exact")]),
    ("吞吐量2329万标准箱", [(2.329e7, None, "teu", "exact")]),
    ("浓度降至20.6微克/立方米", [(20.6, None, "ug_per_m3", "exact")]),
    ("举办120场比赛", [(120, None, "units", "exact")]),
    ("装机500兆瓦", [(5e5, None, "kw", "exact")]),
    (
        "由1 9 4 亿美元增加到1 3 9 9 亿美元",
        [(1.94e10, None, "usd", "exact"), (1.399e11, None, "usd", "exact")],
    ),
    # qualifiers
    ("国内生产总值增长5%左右", [(5, None, "percent", "around")]),
    ("增长约5%", [(5, None, "percent", "around")]),
    ("大约5%", [(5, None, "percent", "around")]),
    ("城镇新增就业1200万人以上", [(1.2e7, None, "persons", "at_least")]),
    ("不低于5%", [(5, None, "percent", "at_least")]),
    ("不少于3000亿元", [(3e11, None, "yuan", "at_least")]),
    ("超过5%", [(5, None, "percent", "at_least")]),
    ("高于3%", [(3, None, "percent", "at_least")]),
    ("失业率5.5%以内", [(5.5, None, "percent", "at_most")]),
    ("不超过3%", [(3, None, "percent", "at_most")]),
    ("低于3%", [(3, None, "percent", "at_most")]),
    ("控制在3%以内", [(3, None, "percent", "at_most")]),
    ("控制在3%", [(3, None, "percent", "at_most")]),
    ("涨幅控制在3%左右", [(3, None, "percent", "around")]),
    ("力争6%以上", [(6, None, "percent", "at_least")]),
    ("力争增长6%", [(6, None, "percent", "exact")]),
    ("能耗下降3%以上", [(3, None, "percent", "at_least")]),
    ("5万元以下", [(5e4, None, "yuan", "at_most")]),
    ("1100多万人", [(1.1e7, None, "persons", "at_least")]),
    ("二十多年", [(20, None, "years", "at_least")]),
    ("5万余人", [(5e4, None, "persons", "at_least")]),
    ("近1亿人", [(1e8, None, "persons", "around")]),
    ("近5年来", [(5, None, "years", "exact")]),  # the past five years, not "nearly five"
    ("节约5%的用水", [(5, None, "percent", "exact")]),  # 节约 is not 约
    ("价格增长-0.5%", [(-0.5, None, "percent", "exact")]),
    ("涨幅为－0.3％", [(-0.3, None, "percent", "exact")]),
    ("2024年-2025年增长5%", [(5, None, "percent", "exact")]),
    ("总额超3000亿元", [(3e11, None, "yuan", "at_least")]),
    ("规模突破2.7万亿元", [(2.7e12, None, "yuan", "at_least")]),
    ("将近一倍", [(1, None, "times", "around")]),
    # ranges
    ("增长6.5%－7%", [(6.5, 7, "percent", "range")]),
    ("增长6.5%-7%", [(6.5, 7, "percent", "range")]),
    ("增长4.5-5%", [(4.5, 5, "percent", "range")]),
    ("增长5%至5.5%", [(5, 5.5, "percent", "range")]),
    ("增长5%—5.5%", [(5, 5.5, "percent", "range")]),
    ("增长5%到5.5%", [(5, 5.5, "percent", "range")]),
    ("增长5%～5.5%", [(5, 5.5, "percent", "range")]),
    ("增长百分之八至九", [(8, 9, "percent", "range")]),
    ("增长百分之四到百分之五", [(4, 5, "percent", "range")]),
    ("节约700万到800万吨", [(7e6, 8e6, "tonnes", "range")]),
    ("新增1000-1200万人", [(1e7, 1.2e7, "persons", "range")]),
    ("用三至五年", [(3, 5, "years", "range")]),
    ("增产百分之十到二十左右", [(10, 20, "percent", "range")]),
    ("从5%提高到6%", [(5, None, "percent", "exact"), (6, None, "percent", "exact")]),
    ("由5%到6%", [(5, None, "percent", "exact"), (6, None, "percent", "exact")]),
    # lists sharing a trailing qualifier
    ("分别增长5%、6.5%左右", [(5, None, "percent", "around"), (6.5, None, "percent", "around")]),
    (
        "分别增长3%、4%和5%以上",
        [
            (3, None, "percent", "at_least"),
            (4, None, "percent", "at_least"),
            (5, None, "percent", "at_least"),
        ],
    ),
    ("增长5%，就业1100万人以上", [(5, None, "percent", "exact"), (1.1e7, None, "persons", "at_least")]),
    ("分别为约3%、5%左右", [(3, None, "percent", "around"), (5, None, "percent", "around")]),
    # 成 is a tenth: 三成 = 30%
    ("民营企业贡献了三成以上的税收", [(30, None, "percent", "at_least")]),
    ("约两成企业", [(20, None, "percent", "around")]),
    ("其中三成为中小企业", [(30, None, "percent", "exact")]),
    ("成本下降两成", [(20, None, "percent", "exact")]),
    # 翻一番 doubles (+100%), 翻两番 quadruples (+300%)
    ("国内生产总值比2010年翻一番", [(100, None, "percent", "exact")]),
    ("经济总量翻了一番以上", [(100, None, "percent", "at_least")]),
    ("人均收入翻两番", [(300, None, "percent", "exact")]),
    ("城乡居民收入实现翻番", [(100, None, "percent", "exact")]),
    # several in one sentence
    (
        "国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右",
        [
            (5, None, "percent", "around"),
            (1.2e7, None, "persons", "at_least"),
            (5.5, None, "percent", "around"),
            (3, None, "percent", "around"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ZH)
def test_chinese(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), ZH)
def test_chinese_after_nfkc_gives_the_same_result(text: str, expected: list[Row]) -> None:
    check(unicodedata.normalize("NFKC", text), expected)


# --------------------------------------------------------------------------------------------
# English

EN: list[tuple[str, list[Row]]] = [
    ("GDP grew 5 percent", [(5, None, "percent", "exact")]),
    ("GDP grew 5 per cent", [(5, None, "percent", "exact")]),
    ("GDP grew 5%", [(5, None, "percent", "exact")]),
    ("GDP grew 5.2 percent in the year", [(5.2, None, "percent", "exact")]),
    ("a target of around 5 percent", [(5, None, "percent", "around")]),
    ("about 5%", [(5, None, "percent", "around")]),
    ("approximately 3 percent", [(3, None, "percent", "around")]),
    ("over 12 million new urban jobs", [(1.2e7, None, "persons", "at_least")]),
    ("more than 12 million jobs", [(1.2e7, None, "persons", "at_least")]),
    ("at least 5 percent", [(5, None, "percent", "at_least")]),
    ("no less than 5%", [(5, None, "percent", "at_least")]),
    ("within 5.5 percent", [(5.5, None, "percent", "at_most")]),
    ("below 3 percent", [(3, None, "percent", "at_most")]),
    ("under 3 percent", [(3, None, "percent", "at_most")]),
    ("up to 3 percent", [(3, None, "percent", "at_most")]),
    ("no more than 3 percent", [(3, None, "percent", "at_most")]),
    ("less than 3 percent", [(3, None, "percent", "at_most")]),
    ("5 percent or more", [(5, None, "percent", "at_least")]),
    ("12 million new urban jobs", [(1.2e7, None, "persons", "exact")]),
    ("11.79 million persons", [(1.179e7, None, "persons", "exact")]),
    ("33 million people", [(3.3e7, None, "persons", "exact")]),
    ("1 trillion yuan", [(1e12, None, "yuan", "exact")]),
    ("4.2 trillion yuan", [(4.2e12, None, "yuan", "exact")]),
    ("$3 billion", [(3e9, None, "usd", "exact")]),
    ("US$3.5 billion", [(3.5e9, None, "usd", "exact")]),
    ("3 billion US dollars", [(3e9, None, "usd", "exact")]),
    ("RMB 1 trillion", [(1e12, None, "yuan", "exact")]),
    ("RMB1 trillion", [(1e12, None, "yuan", "exact")]),
    ("¥500", [(500, None, "yuan", "exact")]),
    ("over 650 million metric tons", [(6.5e8, None, "tonnes", "at_least")]),
    ("nearly 300 million", [(3e8, None, None, "around")]),
    ("aged 60 and above", [(60, None, None, "at_least")]),
    ("3-5 years", [(3, 5, "years", "range")]),
    ("1,000,000 people", [(1e6, None, "persons", "exact")]),
    ("700 million tonnes", [(7e8, None, "tonnes", "exact")]),
    ("700 million tons", [(7e8, None, "tonnes", "exact")]),
    ("1.3 trillion jin", [(1.3e12, None, "jin", "exact")]),
    ("20 million households", [(2e7, None, "households", "exact")]),
    ("30 gigawatts", [(3e7, None, "kw", "exact")]),
    ("3,000 kilometers", [(3000, None, "km", "exact")]),
    ("50 million square meters", [(5e7, None, "square_meters", "exact")]),
    ("0.5 percentage points", [(0.5, None, "percentage_point", "exact")]),
    ("one percentage point", [(1, None, "percentage_point", "exact")]),
    ("three times", [(3, None, "times", "exact")]),
    ("five years", [(5, None, "years", "exact")]),
    ("two million people", [(2e6, None, "persons", "exact")]),
    ("300 yuan per capita", [(300, None, "yuan", "exact")]),
    ("an increase of 210,000", [(210000, None, None, "exact")]),
    ("an increase of 210,000 year-on-year", [(210000, None, None, "exact")]),
    # ranges
    ("between 6 and 6.5 percent", [(6, 6.5, "percent", "range")]),
    ("6-6.5 percent", [(6, 6.5, "percent", "range")]),
    ("6 to 6.5 percent", [(6, 6.5, "percent", "range")]),
    ("6%-7%", [(6, 7, "percent", "range")]),
    ("CPI -0.3% in the month", [(-0.3, None, "percent", "exact")]),
    ("a 5-year plan", []),
    ("5-10 million people", [(5e6, 1e7, "persons", "range")]),
    ("$3-5 billion", [(3e9, 5e9, "usd", "range")]),
    ("from 5 percent to 6 percent", [(5, None, "percent", "exact"), (6, None, "percent", "exact")]),
    (
        "cut by 0.25 percentage points to 3.45 percent",
        [(0.25, None, "percentage_point", "exact"), (3.45, None, "percent", "exact")],
    ),
    # garbled scraping: parse what is literally there
    ("increased by 9% year-on-year1%", [(9, None, "percent", "exact"), (1, None, "percent", "exact")]),
    ("accounting for 533%", [(533, None, "percent", "exact")]),
]


@pytest.mark.parametrize(("text", "expected"), EN)
def test_english(text: str, expected: list[Row]) -> None:
    check(text, expected)


# --------------------------------------------------------------------------------------------
# What is not a quantity

NOT_QUANTITIES = [
    "2024年",
    "2024年政府工作报告",
    "二〇二四年",
    "一九四九年十月",
    "3月5日",
    "三月五日",
    "1-2月",
    "2021-2025年",
    "2021—2025年",
    "2024-03-05",
    "2024/3/5",
    "上午10:30",
    "第十四届全国人民代表大会第二次会议",
    "第1季度",
    "第三",
    "(一)",
    "（一）",
    "(1)",
    "（1）",
    "一、总体要求",
    "1.加快发展",
    "1、加快发展",
    "“十四五”规划",
    "十四五时期",
    "十三五",
    "90年代",
    "20世纪",
    "千家万户",
    "万众一心",
    "千方百计",
    "一带一路",
    "一国两制",
    "统一大市场",
    "一批项目",
    "一个中心",
    "城乡二元结构",
    "零部件",
    "坚持“两个毫不动摇”",
    "“四个全面”战略布局",
    "歼-35A战机",
    "运-20飞机",
    "三次产业",
    "“5+4+2”现代产业",
    "“1+1+N”体系",
    "“1·24”事故",
    "四大产业［7］增加值",
    "第二次会议",
    "1 9 9 8 年",
    "20 世纪",
    "数万人",
    "第一个五年计划",
    "三年行动计划",
    "自贸区3.0版",
    "京ICP备08005356号",
    "备案号110102005860",
    "in 2024",
    "In 2024, the economy recovered",
    "on March 5",
    "on 5 March",
    "March 5, 2024",
    "the 14th Five-Year Plan",
    "the Five-Year Plan",
    "1st, 2nd and 3rd",
    "G20 summit",
    "PM2.5 density",
    "COVID-19",
    "5G networks",
    "No. 1 central document",
    "Article 5",
    "Version 3.0",
    "1. Striving to modernize",
    "完成目标任务",
    "形成一成不变的格局",
    "把分散的标准统一成为一个",
    "三五成群",
    "(1) Expanding demand",
    "one of the goals",
    "",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    assert parse_quantities(text) == [], f"{text!r}: {rows(text)}"


def test_years_and_dates_next_to_real_quantities() -> None:
    text = "2024年3月5日，报告提出2024年增长5%左右，2021—2025年累计投资1.2万亿元。"
    check(text, [(5, None, "percent", "around"), (1.2e12, None, "yuan", "exact")])
    check("In 2024, GDP grew 5.2 percent, March 5 report says", [(5.2, None, "percent", "exact")])


# --------------------------------------------------------------------------------------------
# Spans, raw text, qualifiers, currencies


def only(text: str) -> Quantity:
    qs = parse_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


def test_span_covers_qualifiers_number_and_unit() -> None:
    text = "失业率控制在5.5%以内，"
    q = only(text)
    assert q.raw == "控制在5.5%以内" == text[q.start : q.end]
    assert text[q.number_start : q.number_end] == "5.5"
    assert q.qualifiers == ("控制在", "以内")


def test_span_of_english_quantity() -> None:
    text = "GDP growth of around 5 percent this year"
    q = only(text)
    assert q.raw == "around 5 percent"
    assert text[q.number_start : q.number_end] == "5"
    assert q.qualifiers == ("around",)


def test_spans_are_in_the_original_full_width_text() -> None:
    text = "增长　６．５％－７％　以上"
    q = only(text)
    # for a range the numeric span runs from the first digit of the low end to the last of the high end
    assert text[q.number_start : q.number_end] == "６．５％－７"
    assert q.raw == "６．５％－７％　以上"
    assert (q.value, q.value_high, q.comparator) == (6.5, 7, "range")


def test_range_span_and_between() -> None:
    text = "growth of between 6 and 6.5 percent"
    q = only(text)
    assert q.raw == "between 6 and 6.5 percent"
    assert q.qualifiers == ("between",)


def test_currency() -> None:
    assert only("3.9万亿元").currency == "CNY"
    assert only("1 trillion yuan").currency == "CNY"
    assert only("$3 billion").currency == "USD"
    assert only("1200亿美元").currency == "USD"
    assert only("5%").currency is None


def test_rate_denominator() -> None:
    assert only("16.8万元/人").per == "persons"
    assert only("300 yuan per capita").per == "persons"
    assert only("300元").per is None


def test_garbled_number_exposes_neighbouring_characters() -> None:
    text = "increased by 9% year-on-year1%"
    first, second = parse_quantities(text)
    assert first.char_before == " " and first.char_after == "%"
    assert second.char_before == "r"  # glued to a word: the statement layer flags it
    assert text[second.number_start : second.number_end] == "1"


def test_quantities_are_ordered_and_do_not_overlap() -> None:
    text = "增长5%左右、6%以上，投资1.2万亿元至1.5万亿元，between 6 and 7 percent, over 3 million jobs"
    qs = parse_quantities(text)
    assert len(qs) == 5
    for a, b in zip(qs, qs[1:], strict=False):
        assert a.end <= b.start
    for q in qs:
        assert q.comparator in COMPARATORS
        assert q.raw == text[q.start : q.end]
        assert q.start <= q.number_start < q.number_end <= q.end


def test_bilingual_text() -> None:
    text = "国内生产总值增长5%左右。\nGDP growth of around 5 percent.\n城镇新增就业1200万人以上。\nOver 12 million new urban jobs."
    assert rows(text) == [
        (5, None, "percent", "around"),
        (5, None, "percent", "around"),
        (1.2e7, None, "persons", "at_least"),
        (1.2e7, None, "persons", "at_least"),
    ]


def test_lang_narrows_numerals() -> None:
    assert rows("两年 and two years", lang="zh") == [(2, None, "years", "exact")]
    assert rows("两年 and two years", lang="en") == [(2, None, "years", "exact")]
    assert len(parse_quantities("两年 and two years")) == 2


def test_unknown_lang_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown lang 'fr'"):
        parse_quantities("5%", lang="fr")


@pytest.mark.parametrize(
    "text",
    [
        "%%%%",
        "万亿元",
        "百分之",
        "......5......",
        "－－－",
        "5%" * 1000,
        "1" * 5000,
        "一" * 3000 + "人",
        "二〇二四二〇二四二〇二四年",
        "\x00\x01\ufeff5%",
        "5/0",
        "1,2,3,4",
        "between and percent",
        "約５％",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    for q in parse_quantities(text):
        assert q.raw == text[q.start : q.end]


@pytest.mark.parametrize(
    "text",
    [
        "1万2" * 20000,
        "1 " * 50000,
        "一" * 100000,
        "1,000" * 20000,
        "5%-" * 30000,
        "5、" * 30000 + "左右",
        "一万" * 30000,
    ],
)
def test_long_pathological_input_is_fast(text: str) -> None:
    t0 = time.perf_counter()
    parse_quantities(text)
    assert time.perf_counter() - t0 < 5


def test_parse_number_is_reexported() -> None:
    assert parse_number("一千二百万") == 1.2e7


# --------------------------------------------------------------------------------------------
# The national corpus: speed and sanity (skipped when ../shared is absent)


@pytest.fixture(scope="module")
def national_corpus() -> list[str]:
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    path = shared / "corpus" / "national-gwr-1954-2025.jsonl"
    if not path.exists():
        pytest.skip("../shared not present")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["content"] for line in fh if line.strip()]


def test_whole_national_corpus_is_fast_and_sane(national_corpus: list[str]) -> None:
    t0 = time.perf_counter()
    found = [(text, parse_quantities(text)) for text in national_corpus]
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, f"{elapsed:.1f}s for the national corpus"
    total = sum(len(qs) for _, qs in found)
    assert total > 1000
    for text, qs in found:
        for a, b in zip(qs, qs[1:], strict=False):
            assert a.end <= b.start
        for q in qs:
            assert q.raw == text[q.start : q.end]
            assert q.unit is None or q.unit in UNITS
            # no year was reported as a duration
            assert not (q.unit == "years" and 1900 <= q.value <= 2100)


@pytest.mark.parametrize("text", ["经济增长8 .8 %", "经济增长8. 8%", "经济增长8 . 8 %"])
def test_decimal_point_split_off_by_scraping(text):
    (q,) = parse_quantities(text)
    assert (q.value, q.unit) == (8.8, "percent")


def test_sentence_end_after_a_number_is_not_a_decimal_point():
    values = [q.value for q in parse_quantities("共建成8. 下一步增长5%")]
    assert values == [8.0, 5.0]


# --- the fast paths must find exactly what the plain regexes find ----------------------------------

_FUZZ_ALPHABET = list(
    "0123456789一二两三十百千万亿零〇分之点多余年人元%. ,、-至to$¥USrmbRMBſKtensixfoz第约近超过"
)
_FUZZ_WORDS = [
    "five",
    "Twenty-one",
    "nine",
    "RMB",
    "US$",
    "百分之",
    "不超过",
    "about ",
    "No. ",
    "more than ",
    "\n",
]


def _fuzz_texts(n: int, seed: int) -> list[str]:
    import random

    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [
            rnd.choice(_FUZZ_WORDS) if rnd.random() < 0.15 else rnd.choice(_FUZZ_ALPHABET) for _ in range(40)
        ]
        out.append("".join(parts))
    return out


def test_atom_scan_matches_plain_finditer() -> None:
    """Trying the atom regex only at candidate starts finds what finditer over every position finds."""
    from zhengce.extract.quantities import _ATOM, _atom_matches

    for t in _fuzz_texts(3000, seed=7):
        assert [m.span() for m in _atom_matches(t)] == [m.span() for m in _ATOM.finditer(t)], t


def test_window_prefilter_never_hides_a_qualifier_or_label() -> None:
    """Whenever the cheap last-character test says no, the lead-qualifier and label regexes agree."""
    from zhengce.extract.quantities import (
        _LABEL_BEFORE,
        _LABEL_FINALS,
        _LEAD_FINALS,
        _LEAD_RE,
        _may_end_with,
    )

    for t in _fuzz_texts(2000, seed=11):
        for hi in range(len(t) + 1):
            lo = max(0, hi - 24)
            if not _may_end_with(t, lo, hi, _LEAD_FINALS):
                assert _LEAD_RE.search(t, lo, hi) is None, (t, hi)
            if not _may_end_with(t, lo, hi, _LABEL_FINALS):
                assert _LABEL_BEFORE.search(t[lo:hi]) is None, (t, hi)


def test_qualifiers_and_labels_still_found_through_the_prefilter() -> None:
    check("力争控制在3%以内", [(3, None, "percent", "at_most")])
    check("不超过 5%", [(5, None, "percent", "at_most")])
    check("grew by ABOUT 5 percent", [(5, None, "percent", "around")], "en")
    assert parse_quantities("第3项", "zh") == []
    assert parse_quantities("see Table 4 above", "en") == []
