"""Normalisation: the canonical text, and an offset map that always leads back to the original."""

from __future__ import annotations

import random
import time

import pytest

from zhengce.text.boilerplate import Boilerplate, find_boilerplate
from zhengce.text.normalise import fold, normalise, to_simplified


def _span_of(norm_text: str, needle: str) -> tuple[int, int]:
    i = norm_text.index(needle)
    return i, i + len(needle)


def _check_map(original: str) -> None:
    n = normalise(original)
    assert len(n.offsets) == len(n.text) + 1
    assert n.offsets[-1] == len(original)
    assert all(0 <= o <= len(original) for o in n.offsets)
    assert all(a <= b for a, b in zip(n.offsets, n.offsets[1:], strict=False)), "offsets must not go back"
    for i, c in enumerate(n.text):
        o = original[n.offsets[i]]
        if c.isspace():
            # spaces and newlines come from whitespace, line/page separators, or an invisible line
            assert o.isspace() or o in "\u200b\ufeff\u2028\u2029\x0b\x0c\x85", (original, i)
        else:
            assert c in fold(o), (original, i, c, o)


# --- the canonical form -----------------------------------------------------------------------


def test_full_width_becomes_ascii_and_maps_back() -> None:
    original = "国内生产总值增长５％左右"
    n = normalise(original)
    assert n.text == "国内生产总值增长5%左右"
    s, e = _span_of(n.text, "5%")
    os_, oe = n.to_original(s, e)
    assert original[os_:oe] == "５％"


def test_nfkc_punctuation_and_kept_chinese_marks() -> None:
    n = normalise("一是，二是；三是：好！对？（注）。、“引”‘号’《书》……")
    assert n.text == "一是,二是;三是:好!对?(注)。、“引”‘号’《书》……"


def test_circled_numbers_and_superscripts_are_not_turned_into_digits() -> None:
    # "①国内" must not become "1国内", a number that is not in the text
    assert normalise("①国内生产总值，10²米").text == "①国内生产总值,10²米"


def test_expansion_maps_every_character_to_its_source() -> None:
    original = "㈠加强"
    n = normalise(original)
    assert n.text == "(一)加强"
    assert n.offsets[:3] == [0, 0, 0]
    assert n.to_original(0, 3) == (0, 1)
    assert n.to_original(3, 5) == (1, 3)


def test_odd_spaces_zero_width_and_line_endings() -> None:
    original = "\u3000\u3000第一段\u200b文字\ufeff。  \r\n第二\u2060段\t\t落。\r第三段\u00a0完。"
    n = normalise(original)
    assert n.text == "第一段文字。\n第二段 落。\n第三段 完。"
    _check_map(original)


def test_spaces_collapsed_and_trimmed_per_line_and_blank_lines() -> None:
    original = "  Title here   \n\n\n\n\nFirst   line.\t \n\n Second line.  \n\n\n"
    assert normalise(original).text == "Title here\n\nFirst line.\n\nSecond line."


def test_traditional_to_simplified_keeps_length() -> None:
    trad = "國務院政府工作報告"
    assert to_simplified(trad) == "国务院政府工作报告"
    assert len(to_simplified(trad)) == len(trad)
    n = normalise(trad)
    assert n.text == "国务院政府工作报告"
    assert n.offsets == list(range(len(trad) + 1))


def test_simplified_text_is_left_alone() -> None:
    s = "国务院关于发展经济的报告，增长百分之五。"
    assert to_simplified(s) == s


def test_fold_for_queries() -> None:
    assert fold("  ＧＤＰ　增長\u200b５％ ") == "GDP 增长5%"


def test_empty_and_bad_input() -> None:
    n = normalise("")
    assert n.text == "" and n.offsets == [0]
    n = normalise(" \n\u3000 ")
    assert n.text == "" and n.offsets == [4]
    with pytest.raises(TypeError, match="str"):
        normalise(b"bytes")  # type: ignore[arg-type]


# --- line-break repair ------------------------------------------------------------------------


def test_chinese_paragraph_broken_by_layout_is_joined() -> None:
    para = (
        "我们要坚持稳中求进的工作方针，着力扩大国内需求，推动产业结构优化升级，"
        "加快建设现代化经济体系，不断增强经济发展的内生动力和抗风险能力，确保"
        "全年主要目标任务顺利完成。"
    )
    wrapped = "\n".join(para[i : i + 24] for i in range(0, len(para), 24))
    n = normalise(wrapped)
    assert n.text == normalise(para).text
    _check_map(wrapped)


def test_number_cut_by_layout_is_joined() -> None:
    wrapped = (
        "全年国内生产总值达到一百万亿元以上，同比增长5\n.2%，城镇新增就业超过一千万人，就业形势保持\n稳定。"
    )
    assert (
        normalise(wrapped).text
        == "全年国内生产总值达到一百万亿元以上,同比增长5.2%,城镇新增就业超过一千万人,就业形势保持稳定。"
    )


def test_headings_and_finished_lines_are_not_joined() -> None:
    text = "一、过去一年的工作回顾\n过去一年我们做了很多工作。\n(二)加快建设现代化产业体系和创新体系\n各地区各部门要认真落实。"
    assert normalise(text).text == text


def test_title_block_of_short_paragraphs_is_not_joined() -> None:
    # a date line long enough to look broken, a speaker line, then the salutation: no sentence
    # ever ends, so these are separate paragraphs, not one broken sentence
    text = "——2025年1月10日在某省第十四届人民代表大会第三次会议上\n某省人民政府省长 某某\n各位代表：\n现在我向大会报告工作。"
    assert normalise(text).text.split("\n")[:3] == [
        "——2025年1月10日在某省第十四届人民代表大会第三次会议上",
        "某省人民政府省长 某某",
        "各位代表:",
    ]
    text2 = (
        "2025年1月10日在某省第十四届人民代表大会第三次会议上\n某省人民政府省长 某某\n各位代表：\n现在报告。"
    )
    assert normalise(text2).text.count("\n") == 3


def test_scraped_hyperlinks_are_rejoined() -> None:
    text = "第一届某某代表大会第一次会议听取和审议了国务院总理所作的\n政府工作报告\n。会议同意报告，认真实施《\n某某条例\n》。"
    assert (
        normalise(text).text
        == "第一届某某代表大会第一次会议听取和审议了国务院总理所作的政府工作报告。会议同意报告,认真实施《某某条例》。"
    )


def test_invisible_only_line_inside_a_paragraph_is_not_a_paragraph_break() -> None:
    text = "我们要交出一份人\n\u200b\n民满意的答卷。"
    assert normalise(text).text == "我们要交出一份人民满意的答卷。"
    _check_map(text)
    assert normalise(text.replace("\n", "\r\n")).text == "我们要交出一份人民满意的答卷。"
    # after a full stop it is still a line break, never a blank line between paragraphs
    assert normalise("第一句话。\n\u200b\n第二句话。").text == "第一句话。\n第二句话。"


def test_english_lines_broken_mid_sentence_are_joined_with_a_space() -> None:
    text = (
        "We will keep the economy running within an appropriate range and\n"
        "promote steady growth in consumption, investment and trade,\n"
        "so as to deliver a good performance.\n"
        "1. Striving to modernize the industrial system\n"
        "we note this lowercase line follows a heading.\n"
        "Short heading\n"
        "continues lowercase."
    )
    assert normalise(text).text.split("\n") == [
        "We will keep the economy running within an appropriate range and promote steady growth in "
        "consumption, investment and trade, so as to deliver a good performance.",
        "1. Striving to modernize the industrial system",
        "we note this lowercase line follows a heading.",
        "Short heading",
        "continues lowercase.",
    ]


# --- boilerplate ------------------------------------------------------------------------------

# A made-up footer in the shape of the Wikisource licence notice (not its wording).
FOOTER = "\n\n\n\n本作品是某国的\n示例\n文件，依据某法，属于\n公有领域\n。\n\n\n注：仅为测试。\n\n\nPublic domain\nPublic domain\nfalse\nfalse"


def test_licence_footer_is_stripped_from_the_view_but_not_the_original() -> None:
    body = "各位代表：\n\n今年要做好以下工作。"
    original = body + FOOTER
    n = normalise(original)
    assert n.text == "各位代表:\n\n今年要做好以下工作。"
    assert n.offsets[-1] == len(original)
    assert "公有领域" in original  # untouched
    s, e = n.to_original(0, len(n.text))
    assert original[s:e] == body


def test_footer_pattern_only_at_the_end() -> None:
    text = "本作品是一篇文章，作者声明属于公有领域。后面还有正文内容。"
    assert find_boilerplate(text) == []
    assert normalise(text).text == text.replace("，", ",")


def test_template_tail_alone_is_stripped() -> None:
    assert normalise("正文。\n\nPublic domain\nfalse\nfalse").text == "正文。"


def test_boilerplate_list_is_extensible() -> None:
    import re

    extra = Boilerplate("share_buttons", re.compile(r"分享到[:：]微信 微博"))
    spans = find_boilerplate("正文。分享到：微信 微博 结束。", [extra])
    assert spans == [(3, 12, "share_buttons")]


# --- properties -------------------------------------------------------------------------------

ALPHABET = (
    list("ab Zz.,")
    + [" ", "\t", "\n", "\n", "\r", "\r\n", "\u3000", "\u200b", "\ufeff", "\u00a0"]
    + list("５％Ａ，。；：！？（）“”《》…國務報告中文经济增长发展的一、(1)㈠①")
)


def _random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def test_offsets_are_monotonic_in_range_and_point_at_the_source_character() -> None:
    for original in _random_texts(1500):
        _check_map(original)


def _squash(s: str) -> str:
    return "".join(s.split())


def test_random_spans_map_back_to_the_same_text() -> None:
    rng = random.Random(11)
    for original in _random_texts(600, seed=3):
        if "㈠" in original:
            continue  # an expansion cut in the middle has no exact original counterpart
        n = normalise(original)
        for _ in range(10):
            s = rng.randint(0, len(n.text))
            e = rng.randint(s, len(n.text))
            os_, oe = n.to_original(s, e)
            assert 0 <= os_ <= oe <= len(original)
            assert _squash(fold(original[os_:oe])) == _squash(n.text[s:e]), (original, s, e)


def test_large_input_is_fast() -> None:
    para = "國內生產總值增長５％左右，城鎮新增就業１２００萬人以上。\u3000\u3000We will keep growth stable.\n\n\n"
    text = para * 20000  # about 1.1 million characters
    t = time.perf_counter()
    n = normalise(text)
    elapsed = time.perf_counter() - t
    assert n.text.startswith("国内生产总值增长5%左右,城镇新增就业1200万人以上。 We will")
    assert elapsed < 3.0, f"normalising 1.1M characters took {elapsed:.2f}s"
