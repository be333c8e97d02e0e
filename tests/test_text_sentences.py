"""Sentence splitting in Chinese and English, with every rule the splitter promises."""

from __future__ import annotations

import pytest

from zhengce.text.normalise import normalise
from zhengce.text.sentences import split_sentences


def zh(text: str, **kw: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, "zh", **kw)]


def en(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, "en")]


# --- Chinese ----------------------------------------------------------------------------------


def test_zh_terminators_and_line_ends() -> None:
    assert zh("经济稳步增长。就业总体稳定！还有问题吗？有的?当然!\n第二段没有句号") == [
        "经济稳步增长。",
        "就业总体稳定！",
        "还有问题吗？",
        "有的?",
        "当然!",
        "第二段没有句号",
    ]


def test_zh_spans_are_trimmed_and_positions_are_absolute() -> None:
    text = "前言。  甲句。 \n  乙句。"
    spans = split_sentences(text, "zh", 3)
    assert [text[s:e] for s, e in spans] == ["甲句。", "乙句。"]
    assert spans[0][0] == 5


def test_zh_sub_range() -> None:
    text = "第一句。第二句。第三句。"
    assert [text[s:e] for s, e in split_sentences(text, "zh", 4, 8)] == ["第二句。"]


def test_zh_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    assert zh("他说：“我们要加油。”然后大家鼓掌。") == ["他说：“我们要加油。”", "然后大家鼓掌。"]
    assert zh("(详见附件一。)下一句开始了。") == ["(详见附件一。)", "下一句开始了。"]


def test_zh_short_quote_mid_sentence_is_not_split() -> None:
    assert zh("打造“中国制造”品牌。提升质量。") == ["打造“中国制造”品牌。", "提升质量。"]
    assert zh("他提出“稳中求进！”的总基调。") == ["他提出“稳中求进！”的总基调。"]


def test_zh_long_quotation_is_split_inside() -> None:
    text = (
        "文章写道“我们的事业是正义的，正义的事业任何敌人都攻不破。我们一定能够完成各项任务，取得更大胜利。”"
    )
    assert zh(text) == [
        "文章写道“我们的事业是正义的，正义的事业任何敌人都攻不破。",
        "我们一定能够完成各项任务，取得更大胜利。”",
    ]


def test_zh_ellipsis_ends_a_sentence() -> None:
    assert zh("困难还有很多……我们必须正视。") == ["困难还有很多……", "我们必须正视。"]
    assert zh("他说：“还有很多……”我们点头。") == ["他说：“还有很多……”", "我们点头。"]


def test_zh_heading_label_then_paragraph() -> None:
    text = "(一)大力推进现代化产业体系建设,加快发展新质生产力。充分发挥创新主导作用,推动产业创新。"
    assert zh(text) == [
        "(一)大力推进现代化产业体系建设,加快发展新质生产力。",
        "充分发挥创新主导作用,推动产业创新。",
    ]


def test_zh_semicolon_splits_clauses() -> None:
    assert zh("过去的经济基础很薄弱；现在我们已经有了较好的条件。") == [
        "过去的经济基础很薄弱；",
        "现在我们已经有了较好的条件。",
    ]


def test_zh_semicolon_list_under_a_colon_stays_one_sentence() -> None:
    text = "今年的主要预期目标是：经济增长5%左右；新增就业1000万人以上；物价涨幅3%左右。下一句。"
    assert zh(text) == [
        "今年的主要预期目标是：经济增长5%左右；新增就业1000万人以上；物价涨幅3%左右。",
        "下一句。",
    ]
    # the same after normalisation (full-width ：； become ASCII)
    n = normalise(text).text
    assert len(split_sentences(n, "zh")) == 2
    assert zh(text, semicolons="always")[:2] == [
        "今年的主要预期目标是：经济增长5%左右；",
        "新增就业1000万人以上；",
    ]
    assert zh("前半句；后半句。", semicolons="never") == ["前半句；后半句。"]


def test_zh_semicolon_inside_brackets_or_quotes_is_not_a_boundary() -> None:
    assert zh("有关指标(含甲项；乙项)均已完成。") == ["有关指标(含甲项；乙项)均已完成。"]


def test_zh_full_stop_after_han_from_fullwidth_period() -> None:
    # ． normalises to "." — after a Han character it is a full stop, inside a number it is not
    assert zh(normalise("增长5.2%．下一句．").text) == ["增长5.2%.", "下一句."]


# --- English ----------------------------------------------------------------------------------


def test_en_basic_and_line_ends() -> None:
    assert en('Growth was stable. Jobs rose! Why? "Because" we worked.\nA new line') == [
        "Growth was stable.",
        "Jobs rose!",
        "Why?",
        '"Because" we worked.',
        "A new line",
    ]


def test_en_question_with_lost_space() -> None:
    assert en("What comes in 2024?What are the paths?") == ["What comes in 2024?", "What are the paths?"]
    assert en("The U.S.A. Team won.") == ["The U.S.A. Team won."]


def test_en_quote_after_period_and_digit_start() -> None:
    assert en('He said "we will." Then he left. 2024 was a good year.') == [
        'He said "we will."',
        "Then he left.",
        "2024 was a good year.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade with the U.S. Government and the U.K. Treasury grew.",
        "Mr. Li and Mrs. Wang met Dr. Zhang at St. Paul's.",
        "See No. 1 Document for details.",
        "Big cities, e.g. Shanghai, and some regions, i.e. Guangdong, grew.",
        "Steel, coal, etc. were affected.",
        "Talks ran from Jan. 5 to Feb. 9 this year.",
        "Huawei Technologies Co. Ltd. Shenzhen and Apple Inc. Cupertino signed.",
        "It was China vs. India in the final.",
        "GDP grew by 5.2% and CPI by 0.2% last year.",
        "The speech by Xi J. Ping was reported.",
    ],
)
def test_en_never_split_inside(sentence: str) -> None:
    assert en(sentence) == [sentence]


def test_en_etc_at_sentence_end_splits() -> None:
    assert en("We grew steel, coal, etc. The rest fell.") == ["We grew steel, coal, etc.", "The rest fell."]


def test_en_section_labels_at_line_start() -> None:
    assert en("1. Striving to modernize the industrial system\nIII. Major Tasks for 2024") == [
        "1. Striving to modernize the industrial system",
        "III. Major Tasks for 2024",
    ]
    assert en("2. Expanding domestic demand. We will act.") == [
        "2. Expanding domestic demand.",
        "We will act.",
    ]


def test_en_semicolon_is_not_a_boundary_and_chinese_stop_is() -> None:
    assert en("We will improve services; we will support exporters.") == [
        "We will improve services; we will support exporters."
    ]
    assert en("The rate rose to 66.2%。Next we look at jobs.") == [
        "The rate rose to 66.2%。",
        "Next we look at jobs.",
    ]


def test_bilingual_decides_per_line() -> None:
    text = "一、总体要求。今年要稳中求进。\nI. General Requirements. We will make progress."
    spans = split_sentences(text, "bilingual")
    assert [text[s:e] for s, e in spans] == [
        "一、总体要求。",
        "今年要稳中求进。",
        "I. General Requirements.",
        "We will make progress.",
    ]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        split_sentences("x", "de")
    with pytest.raises(ValueError, match="outside text"):
        split_sentences("abc", "en", 2, 9)
    with pytest.raises(ValueError, match="semicolons"):
        split_sentences("abc", "zh", semicolons="sometimes")
    assert split_sentences("", "zh") == []
    assert split_sentences(" \n \n", "en") == []
