"""The block tree on small made-up reports (zh, en, bilingual) and on the real 2024 national report."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from zhengce.model import Block, NormText
from zhengce.structure import build_blocks, outline


def identity(s: str) -> NormText:
    return NormText(s, list(range(len(s) + 1)))


def nfkc_with_offsets(original: str) -> NormText:
    """A stand-in for the real normaliser: per-character NFKC plus dropped indents, so offsets differ."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(original):
        if ch == "\u3000":
            continue
        for c in unicodedata.normalize("NFKC", ch):
            chars.append(c)
            offsets.append(i)
    offsets.append(len(original))
    return NormText("".join(chars), offsets)


def kinds(blocks: list[Block], kind: str) -> list[Block]:
    return [b for b in blocks if b.kind == kind]


def children(blocks: list[Block], parent: Block) -> list[Block]:
    return [b for b in blocks if b.parent == parent.id]


ZH_REPORT = """示范市政府工作报告
——2030年1月10日在示范市第九届人民代表大会第二次会议上
市长 某某
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2029年工作回顾
过去一年，全市经济平稳运行，地区生产总值增长六个百分点。
一、二、三产业增加值分别增长3%、5%、6%，结构继续优化。
回顾过去一年
我们深刻体会到，必须坚持稳中求进。
二、2030年主要任务
今年要重点做好以下工作。
（一）扩大有效需求，稳住经济大盘。实施消费提振行动，发放消费券，扩大服务消费。
推进重大项目建设。新开工项目一百个以上。
1.3万亿元投资计划全面启动，带动社会投资。
（二）培育新兴产业，建设现代化产业体系。推动制造业升级，发展数字经济。
1.建设智能制造示范工厂。
2.推动中小企业数字化转型。
3.扩大工业互联网应用。
2031.这一行以年份开头，不是条目。
（七）这个标签打乱了次序，应当是普通段落。
（三）保障和改善民生。稳定就业，提高居民收入。
这是一个非常长的单独成行的句子但是没有任何标点符号它显然不是标题只是写得很随意的一段文字而已
三、加强政府自身建设
坚持依法行政。
"""


@pytest.fixture(scope="module")
def zh_blocks() -> list[Block]:
    return build_blocks(identity(ZH_REPORT), "示范市政府工作报告")


def test_parts_tasks_items_and_their_titles(zh_blocks):
    parts = kinds(zh_blocks, "part")
    assert [(p.number, p.ordinal, p.title) for p in parts] == [
        ("一", 1, "2029年工作回顾"),
        ("二", 2, "2030年主要任务"),
        ("三", 3, "加强政府自身建设"),
    ]
    assert all(p.level == 1 and p.parent is None for p in parts)
    tasks = kinds(zh_blocks, "task")
    assert [(t.number, t.ordinal, t.title) for t in tasks] == [
        ("(一)", 1, "扩大有效需求，稳住经济大盘"),
        ("(二)", 2, "培育新兴产业，建设现代化产业体系"),
        ("(三)", 3, "保障和改善民生"),
    ]
    assert all(t.level == 2 and t.parent == parts[1].id for t in tasks)
    items = kinds(zh_blocks, "item")
    assert [(i.ordinal, i.title) for i in items] == [
        (1, "建设智能制造示范工厂"),
        (2, "推动中小企业数字化转型"),
        (3, "扩大工业互联网应用"),
    ]
    assert all(i.level == 3 and i.parent == tasks[1].id for i in items)


def test_task_span_covers_its_whole_paragraph_and_following_paragraphs_are_children(zh_blocks):
    first = kinds(zh_blocks, "task")[0]
    assert ZH_REPORT[first.start : first.end] == "（一）扩大有效需求，稳住经济大盘。实施消费提振行动，发放消费券，扩大服务消费。"
    kids = children(zh_blocks, first)
    assert [ZH_REPORT[k.start : k.end][:6] for k in kids] == ["推进重大项目", "1.3万亿元"]
    assert all(k.kind == "paragraph" and k.level == 3 for k in kids)


def test_false_labels_stay_paragraphs(zh_blocks):
    def block_starting(prefix: str) -> Block:
        return next(b for b in zh_blocks if ZH_REPORT[b.start : b.end].startswith(prefix))

    assert block_starting("一、二、三产业").kind == "paragraph"  # an enumeration in a sentence
    assert block_starting("1.3万亿元").kind == "paragraph"  # a number
    assert block_starting("2031.").kind == "paragraph"  # a year
    assert block_starting("（七）").kind == "paragraph"  # breaks the (一)(二)(三) sequence
    assert block_starting("这是一个非常长").kind == "paragraph"  # too long to be a heading


def test_title_front_matter_heading_and_languages(zh_blocks):
    assert zh_blocks[0].kind == "title" and zh_blocks[0].level == 0
    assert zh_blocks[0].title == "示范市政府工作报告"
    # the date and speaker lines before the salutation are not headings
    assert [b.kind for b in zh_blocks[1:5]] == ["paragraph"] * 4
    heading = next(b for b in zh_blocks if b.kind == "heading")
    assert heading.title == "回顾过去一年"
    part1 = kinds(zh_blocks, "part")[0]
    assert heading.parent == part1.id and heading.level == 2
    after = zh_blocks[heading.id + 1]
    assert after.parent == heading.id and after.level == 3
    assert {b.lang for b in zh_blocks} == {"zh"}


def test_spans_point_into_the_original_through_the_offset_map():
    original = "一、总体要求\n\u3000\u3000（一）稳定增长，扩大内需。今年继续发力。\n\u3000\u3000（二）深化改革。推进重点领域改革。\n"
    norm = nfkc_with_offsets(original)
    assert "(一)" in norm.text and "\u3000" not in norm.text
    blocks = build_blocks(norm)
    tasks = kinds(blocks, "task")
    assert [t.title for t in tasks] == ["稳定增长,扩大内需", "深化改革"]
    assert original[tasks[0].start : tasks[0].end] == "（一）稳定增长，扩大内需。今年继续发力。"
    assert norm.text[tasks[0].norm_start : tasks[0].norm_end] == "(一)稳定增长,扩大内需。今年继续发力。"
    part = kinds(blocks, "part")[0]
    assert original[part.start : part.end] == "一、总体要求"


EN_REPORT = """Report on the Work of the Government
Review of work in 2029
The economy held steady last year and employment was stable.
III. Major Tasks for 2030
1. Expanding domestic demand
We will boost consumption and expand effective investment.
2. Deepening reform
We will press ahead with reform in key areas.
IV. Strengthening the government
We will govern by law.
"""


def test_english_roman_parts_and_numbered_headings():
    blocks = build_blocks(identity(EN_REPORT))
    assert blocks[0].kind == "title"
    parts = kinds(blocks, "part")
    assert [(p.number, p.ordinal, p.title) for p in parts] == [
        ("III", 3, "Major Tasks for 2030"),
        ("IV", 4, "Strengthening the government"),
    ]
    tasks = kinds(blocks, "task")
    assert [(t.ordinal, t.title, t.level, t.parent) for t in tasks] == [
        (1, "Expanding domestic demand", 2, parts[0].id),
        (2, "Deepening reform", 2, parts[0].id),
    ]
    heading = next(b for b in blocks if b.kind == "heading")
    assert heading.title == "Review of work in 2029"
    assert {b.lang for b in blocks} == {"en"}
    para = next(b for b in blocks if EN_REPORT[b.start : b.end].startswith("We will boost"))
    assert para.parent == tasks[0].id


BILINGUAL = """2030年政府工作报告(节选)
三、2030年政府工作任务
III. Major Tasks for 2030
(一)扩大国内需求,增强经济活力。坚持把扩大内需作为战略基点,提振消费和投资。
1. Expanding domestic demand and invigorating the economy
We will treat domestic demand as the strategic basis and boost consumption and investment.
促进消费稳定增长。多渠道增加居民收入,扩大服务消费。
促进消费稳定增长。多渠道增加居民收入,扩大服务消费。
We will promote steady growth in consumption.
(二)推进科技创新,培育发展新动能。加强基础研究,支持企业创新。
2. Advancing innovation and fostering new drivers of growth
We will strengthen basic research and support innovation by enterprises.
"""


def test_bilingual_english_labels_render_the_chinese_ones():
    blocks = build_blocks(identity(BILINGUAL), "2030年政府工作报告(节选)")
    parts = kinds(blocks, "part")
    assert [(p.number, p.lang, p.level) for p in parts] == [("三", "zh", 1), ("III", "en", 1)]
    tasks = kinds(blocks, "task")
    assert [(t.number, t.ordinal, t.lang) for t in tasks] == [
        ("(一)", 1, "zh"),
        ("1", 1, "en"),
        ("(二)", 2, "zh"),
        ("2", 2, "en"),
    ]
    assert {t.level for t in tasks} == {2}  # the English headings get the Chinese tasks' level
    assert {t.parent for t in tasks} == {parts[0].id}
    assert tasks[1].title == "Expanding domestic demand and invigorating the economy"
    # paragraphs of both languages hang under the Chinese task
    en_para = next(b for b in blocks if BILINGUAL[b.start : b.end].startswith("We will treat"))
    zh_para = next(b for b in blocks if BILINGUAL[b.start : b.end].startswith("促进消费"))
    assert en_para.parent == tasks[0].id and en_para.lang == "en"
    assert zh_para.parent == tasks[0].id and zh_para.lang == "zh"


def test_duplicate_paragraph_points_to_its_first_copy():
    blocks = build_blocks(identity(BILINGUAL))
    copies = [b for b in blocks if BILINGUAL[b.start : b.end].startswith("促进消费")]
    assert len(copies) == 2
    assert copies[0].duplicate_of is None
    assert copies[1].duplicate_of == copies[0].id
    # short repeated lines ("各位代表！") are not duplicates
    rep = "各位代表！\n这是第一段比较长的正文内容，用来说明问题。\n各位代表！\n"
    assert all(b.duplicate_of is None for b in build_blocks(identity(rep)))
    # whitespace does not matter
    ws = "今年的工作任务十分繁重，我们必须迎难而上。\n今年的工作任务 十分繁重，我们必须迎难而上。\n"
    assert build_blocks(identity(ws))[1].duplicate_of == 0


def test_blank_line_layout_joins_soft_wrapped_lines():
    text = (
        "一、过去一年的工作\n\n\n"
        "我国第一部《\n示范法\n》开始实施。细颗粒物(PM\n2.5\n)浓度继续下降。\n\n"
        "(一)加强法治建设。完善法律体系。\n\n"
        "(二)改善生态环境。\n三是加强污染治理。\n\n"
    )
    blocks = build_blocks(identity(text))
    # after a full stop a single newline is kept: the paragraph under (二) is its own block
    assert [b.kind for b in blocks] == ["part", "paragraph", "task", "task", "paragraph"]
    assert blocks[4].parent == blocks[3].id
    para = blocks[1]
    assert text[para.start : para.end].startswith("我国第一部《\n示范法\n》")
    assert text[para.start : para.end].endswith("浓度继续下降。")
    # in a line-per-paragraph layout, lines stay separate
    assert len(build_blocks(identity("第一段正文。\n第二段正文。\n第三段正文。\n"))) == 3


def test_headings_stand_in_for_parts_when_tasks_restart():
    text = (
        "各位代表：\n"
        "2029年工作回顾\n"
        "(一)经济运行稳中向好。全年增长五个百分点。\n"
        "(二)改革持续深化。重点领域取得突破。\n"
        "2030年工作安排\n"
        "(一)扩大内需。提振消费。\n"
        "(二)发展产业。建设园区。\n"
        "(三)改善民生。稳定就业。\n"
    )
    blocks = build_blocks(identity(text))
    heads = kinds(blocks, "heading")
    assert [h.title for h in heads] == ["2029年工作回顾", "2030年工作安排"]
    assert all(h.level == 1 and h.parent is None for h in heads)
    tasks = kinds(blocks, "task")
    assert [t.parent for t in tasks] == [heads[0].id] * 2 + [heads[1].id] * 3


def test_headings_inside_a_running_task_sequence_nest_in_the_task():
    text = (
        "(一)去年经济战线上的成绩。\n"
        "先说工业的情况\n"
        "工业生产增长较快。\n"
        "再说农业的情况\n"
        "农业获得丰收。\n"
        "(二)今年的计划安排。\n"
        "各部门要抓紧落实。\n"
    )
    blocks = build_blocks(identity(text))
    tasks = kinds(blocks, "task")
    assert [t.ordinal for t in tasks] == [1, 2] and all(t.parent is None for t in tasks)
    heads = kinds(blocks, "heading")
    assert [h.parent for h in heads] == [tasks[0].id, tasks[0].id]
    assert heads[0].level == 3


def test_appendix_lists_do_not_continue_the_report_parts():
    text = (
        "一、工作回顾\n去年成绩显著。\n"
        "二、今年任务\n今年继续努力。\n"
        "附件1\n"
        "十件民生实事\n"
        "一、提供养老服务\n二、改善学校条件\n三、修建乡村道路\n"
        "附件2 名词解释\n"
        "1.示范工程:一项示范性的工程。\n2.两个清单:权力清单和责任清单。\n"
    )
    blocks = build_blocks(identity(text))
    assert [p.title for p in kinds(blocks, "part")] == ["工作回顾", "今年任务"]
    annex1, annex2 = (b for b in blocks if b.kind == "heading" and b.title and b.title.startswith("附件"))
    assert annex1.parent is None and annex2.parent is None
    sub = next(b for b in blocks if b.title == "十件民生实事")
    assert sub.parent == annex1.id
    items = kinds(blocks, "item")
    assert [(i.number, i.parent) for i in items] == [
        ("一", sub.id), ("二", sub.id), ("三", sub.id), ("1", annex2.id), ("2", annex2.id),
    ]  # fmt: skip


def test_a_decimal_looking_label_inside_a_list_is_an_item():
    text = "名词解释\n1.甲项:说明。\n2.乙项:说明。\n3.6个专项:说明。\n4.丁项:说明。\n"
    items = kinds(build_blocks(identity(text)), "item")
    assert [i.ordinal for i in items] == [1, 2, 3, 4]
    assert items[2].title == "6个专项:说明"


def test_outline_renders_the_tree():
    text = "一、总体要求\n说明。\n(一)稳增长。内容。\n补充。\n"
    blocks = build_blocks(identity(text))
    assert outline(blocks, text) == ["一 总体要求  [1 ¶]", "  (一) 稳增长  [1 ¶]"]
    lines = outline(blocks, text, paragraphs=True)
    assert lines[1] == "  ¶ 说明。" and lines[-1] == "    ¶ 补充。"


def test_empty_and_blank_texts_have_no_blocks():
    assert build_blocks(identity("")) == []
    assert build_blocks(identity("\n \u3000\n\u200b\n")) == []


# -- real data ----------------------------------------------------------------------------------
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_the_2024_national_report_has_its_ten_tasks_under_part_three():
    corpus = SHARED / "corpus" / "national-gwr-1954-2025.jsonl"
    if not corpus.exists():
        pytest.skip("../shared not present")
    row = next(r for r in map(json.loads, corpus.read_text(encoding="utf-8").splitlines()) if r["year"] == "2024")
    try:
        from zhengce.text.normalise import normalise

        norm = normalise(row["content"])
    except ImportError:
        norm = nfkc_with_offsets(row["content"])
    blocks = build_blocks(norm, row["title"])
    part3 = next(b for b in blocks if b.kind == "part" and b.ordinal == 3)
    assert part3.title == "2024年政府工作任务"
    tasks = [b for b in blocks if b.kind == "task" and b.parent == part3.id]
    assert [t.number for t in tasks] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "(九)", "(十)"]
    nfkc = unicodedata.normalize
    assert tasks[0].title == nfkc("NFKC", "大力推进现代化产业体系建设，加快发展新质生产力")
    assert tasks[9].title == nfkc("NFKC", "切实保障和改善民生，加强和创新社会治理")
    assert row["content"][tasks[0].start : tasks[0].end].startswith("（一）大力推进")
    assert [b.number for b in blocks if b.kind == "part"] == ["一", "二", "三"]


def test_a_numbered_list_of_clauses_inside_a_task_is_not_taken_for_parts():
    text = (
        "示例政府工作报告\n"
        "（一）关于经济形势\n经济运行平稳。\n"
        "（二）关于价格改革\n今年要做好以下几件事：\n"
        "一、合理调整农副产品收购价格，逐步放开其余品种；\n"
        "二、适当提高短途运价，以利于调整运输结构；\n"
        "三、适当拉开质量差价和地区差价，减少和淘汰质次价高、不适合市场需要的产品，促进优质产品的增长。\n"
    )
    blocks = build_blocks(identity(text), "示例政府工作报告")
    assert [b.number for b in blocks if b.kind == "part"] == []
    assert [b.ordinal for b in blocks if b.kind == "task"] == [1, 2]
    assert [b.ordinal for b in blocks if b.kind == "item"] == [1, 2, 3]
