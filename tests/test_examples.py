"""Sanity checks on the bundled sample documents in examples/.

The demo and many tests ingest these files when ../shared is absent, so they must keep the
structural markers the pipeline relies on (part labels, tasks （一）…（五）, the targets paragraph,
interleaved zh/en lines) and stay consistent with each other: a sample that silently lost its
targets paragraph, or whose translation disagrees on a number, would make other tests pass or
fail for the wrong reason. The checks here use only the standard library, on purpose: they must
not depend on the zhengce code they exist to feed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ZH = "gwr-2025-sample-zh.txt"
EN = "gwr-2025-sample-en.txt"
BILINGUAL = "bilingual-excerpt-2025.txt"
NEWS = "news-two-sessions-en.txt"
PROVINCIAL = "2025年江苏省政府工作报告（示例）.txt"

# Character counts (not bytes) each sample is meant to have: big enough to exercise the
# pipeline, small enough to keep the demo and the tests quick.
SIZES = {
    ZH: (3800, 6500),
    EN: (12000, 20000),
    BILINGUAL: (7000, 14000),
    NEWS: (2500, 3800),
    PROVINCIAL: (1500, 2800),
}

CN_DIGITS = "一二三四五六七八九十"
ZH_PART = re.compile(rf"^([{CN_DIGITS}]+)、(.+)$")
ZH_TASK = re.compile(rf"^（([{CN_DIGITS}]+)）(.+)$")
ZH_ITEM = re.compile(r"^([0-9０-９]+)．")
EN_PART = re.compile(r"^([IVX]+)\. (.+)$")
EN_TASK = re.compile(r"^([1-9])\. (.+)$")
EN_ITEM = re.compile(r"^\(([1-9])\) ")
CJK = re.compile(r"[\u3400-\u9fff]")

ZH_NUM = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万)?")
# English numbers, skipping ordinals ("14th") and digits glued to names ("Chang'e-6").
EN_NUM = re.compile(r"(?<![\w.'-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])(?:\s+(trillion|billion|million))?")
ZH_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, None: 1.0}
EN_SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6, None: 1.0}


def read(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def nonblank(text: str) -> list[str]:
    """Lines without their indent (U+3000 included), blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def cn_ordinal(label: str) -> int:
    """一..十 as written in part and task labels (the samples never go past ten)."""
    return CN_DIGITS.index(label) + 1


def roman(label: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(label):
        v = values[ch]
        total += -v if i + 1 < len(label) and values[label[i + 1]] > v else v
    return total


def zh_numbers(text: str) -> Counter[str]:
    """Values of the numbers in a Chinese paragraph, with 万/亿 multiplied out; labels dropped."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"^\d+\.", "", text)  # item label 1．
    return Counter(f"{float(n) * ZH_SCALE[s or None]:.6g}" for n, s in ZH_NUM.findall(text))


def en_numbers(text: str) -> Counter[str]:
    text = re.sub(r"^(\(\d+\)|\d+\.) ", "", text)  # item label (1), task label 1.
    return Counter(f"{float(n.replace(',', '')) * EN_SCALE[s or None]:.6g}" for n, s in EN_NUM.findall(text))


def zh_sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[。！？])", text) if s.strip()])


def en_sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()])


def body_units(name: str) -> list[str]:
    """The paragraphs of a national sample from part one on, one unit per Chinese paragraph.

    The English file puts a task's title on its own line ("1. Title") followed by the framing
    sentence that the Chinese writes on the same line as （一）; joining the two makes the units
    of both files correspond one to one.
    """
    lines = nonblank(read(name))
    first = ZH_PART if name == ZH else EN_PART
    lines = lines[next(i for i, line in enumerate(lines) if first.match(line)) :]
    if name == ZH:
        return lines
    units: list[str] = []
    i = 0
    while i < len(lines):
        if EN_TASK.match(lines[i]):
            units.append(lines[i] + " " + lines[i + 1])
            i += 2
        else:
            units.append(lines[i])
            i += 1
    return units


def bilingual_groups() -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The excerpt as the Chinese lines and the (Chinese line, English lines after it) groups."""
    lines = read(BILINGUAL).splitlines()
    groups: list[tuple[str, list[str]]] = []
    for line in lines:
        if CJK.search(line):
            groups.append((line, []))
        else:
            assert groups, f"{BILINGUAL}: English line before any Chinese one: {line!r}"
            groups[-1][1].append(line)
    return lines, groups


# -- every file -------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SIZES))
def test_sample_is_clean_utf8_of_modest_size(name: str) -> None:
    data = (EXAMPLES / name).read_bytes()
    text = data.decode("utf-8")  # strict: a stray byte fails here with its position
    assert not text.startswith("\ufeff"), f"{name} starts with a byte-order mark"
    assert "\r" not in text, f"{name} has CR line endings"
    assert "\ufffd" not in text, f"{name} contains U+FFFD, a sign of a bad decode"
    assert text.endswith("\n") and not text.endswith("\n\n"), f"{name} should end with one newline"
    assert not [line for line in text.splitlines() if line != line.rstrip()], f"{name} has trailing spaces"
    low, high = SIZES[name]
    assert low <= len(text) <= high, f"{name} has {len(text)} characters, expected {low}..{high}"


def test_readme_describes_every_sample_and_the_licence() -> None:
    readme = read("README.md")
    samples = sorted(p.name for p in EXAMPLES.iterdir() if p.name != "README.md")
    assert samples == sorted(SIZES), "examples/ holds files the README and these tests do not know"
    for name in samples:
        assert f"`{name}`" in readme, f"README.md does not describe {name}"
    assert "None of them is an official text" in readme
    assert "Apache-2.0" in readme


def test_samples_declare_themselves_samples() -> None:
    assert "示例" in nonblank(read(ZH))[0]
    assert "(Sample)" in nonblank(read(EN))[0]
    assert "示例" in nonblank(read(BILINGUAL))[0]
    assert "示例" in nonblank(read(PROVINCIAL))[0] and "江苏" in nonblank(read(PROVINCIAL))[0]
    assert "sample written for the zhengce project" in read(NEWS)


# -- the national report in Chinese --------------------------------------------------------


def test_zh_report_front_matter() -> None:
    lines = nonblank(read(ZH))
    assert lines[0] == "2025年政府工作报告（示例）"
    assert re.search(r"2025年3月5日.*全国人民代表大会", lines[1])
    assert "国务院总理" in lines[2]
    assert "各位代表：" in lines


def test_zh_report_parts_tasks_and_items_in_order() -> None:
    lines = nonblank(read(ZH))
    parts = [(i, m) for i, line in enumerate(lines) if (m := ZH_PART.match(line))]
    assert [cn_ordinal(m.group(1)) for _, m in parts] == [1, 2, 3]
    assert [m.group(2) for _, m in parts] == [
        "2024年工作回顾",
        "2025年经济社会发展总体要求和政策取向",
        "2025年政府工作任务",
    ]
    tasks = [i for i, line in enumerate(lines) if ZH_TASK.match(line)]
    assert [cn_ordinal(ZH_TASK.match(lines[i]).group(1)) for i in tasks] == [1, 2, 3, 4, 5]
    assert tasks[0] > parts[2][0], "tasks must sit in part 三"
    # every task opens with a title sentence and has two or three paragraphs (or items) under it
    for a, b in zip(tasks, [*tasks[1:], len(lines) - 1], strict=True):
        assert "。" in lines[a], f"task line has no title sentence: {lines[a]}"
        assert 2 <= b - a - 1 <= 3, f"task {lines[a][:4]} has {b - a - 1} paragraphs"
    items = [int(unicodedata.normalize("NFKC", m.group(1))) for line in lines if (m := ZH_ITEM.match(line))]
    assert items == [1, 2, 3]
    second, third = tasks[1], tasks[2]
    assert all(ZH_ITEM.match(line) for line in lines[second + 1 : third])


def test_zh_report_targets_paragraph() -> None:
    lines = nonblank(read(ZH))
    hits = [i for i, line in enumerate(lines) if "主要预期目标是：" in line]
    assert len(hits) == 1, "exactly one targets paragraph"
    part2 = lines.index("二、2025年经济社会发展总体要求和政策取向")
    part3 = lines.index("三、2025年政府工作任务")
    assert part2 < hits[0] < part3, "the targets paragraph belongs to part 二"
    # NFKC turns the full-width ：；％ into ASCII, so the clauses are split on the ASCII marks
    clauses = unicodedata.normalize("NFKC", lines[hits[0]]).split(":", 1)[1].rstrip("。").split(";")
    assert clauses == [
        "国内生产总值增长5%左右",
        "城镇调查失业率5.5%左右",
        "城镇新增就业1200万人以上",
        "居民消费价格涨幅2%左右",
        "居民收入增长和经济增长同步",
        "国际收支保持基本平衡",
        "粮食产量1.4万亿斤左右",
        "单位国内生产总值能耗降低3%左右",
    ]
    part2_text = unicodedata.normalize("NFKC", "".join(lines[part2:part3]))
    for budget in ("赤字率拟按4%左右", "超长期特别国债1.3万亿元", "地方政府专项债券4.4万亿元"):
        assert budget in part2_text


def test_zh_report_reviews_2024_outcomes() -> None:
    lines = nonblank(read(ZH))
    start, end = lines.index("一、2024年工作回顾"), lines.index("二、2025年经济社会发展总体要求和政策取向")
    review = unicodedata.normalize("NFKC", "".join(lines[start:end]))  # full-width digits become ASCII
    outcomes = ("国内生产总值达到134.9万亿元,比上年增长5%", "城镇新增就业1256万人", "居民消费价格上涨0.2%", "粮食产量首次突破1.4万亿斤")
    for outcome in outcomes:
        assert outcome in review, outcome


def test_zh_report_has_the_typography_of_real_reports() -> None:
    text = read(ZH)
    assert sum(line.startswith("\u3000\u3000") for line in text.splitlines()) >= 10, "U+3000 indents"
    assert re.search(r"[０-９]", text), "some full-width digits"
    assert "％" in text and "%" in text, "both full-width and ASCII percent signs"
    for mark in "，。；：（）“”":
        assert mark in text, f"full-width {mark}"
    assert not re.search(r"[\u3400-\u9fff][,;:]", text), "ASCII punctuation after a Chinese character"
    for term in ("新质生产力", "人工智能+", "以旧换新"):
        assert term in text


# -- the English translation -----------------------------------------------------------------


def test_en_report_parts_and_tasks_in_order() -> None:
    lines = nonblank(read(EN))
    assert not CJK.search(read(EN)), "the English file must be English only"
    parts = [(i, m) for i, line in enumerate(lines) if (m := EN_PART.match(line))]
    assert [roman(m.group(1)) for _, m in parts] == [1, 2, 3]
    assert parts[0][1].group(2) == "Review of Our Work in 2024"
    assert parts[2][1].group(2) == "Major Tasks for 2025"
    tasks = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := EN_TASK.match(line))]
    assert [n for _, n in tasks] == [1, 2, 3, 4, 5]
    assert tasks[0][0] > parts[2][0]
    assert all(not line.endswith(".") for line in (lines[i] for i, _ in tasks)), "task titles are headings"
    assert [int(m.group(1)) for line in lines if (m := EN_ITEM.match(line))] == [1, 2, 3]


def test_translation_corresponds_paragraph_by_paragraph() -> None:
    zh, en = body_units(ZH), body_units(EN)
    assert len(zh) == len(en), f"{len(zh)} Chinese paragraphs against {len(en)} English ones"
    for z, e in zip(zh, en, strict=True):
        assert bool(ZH_PART.match(z)) == bool(EN_PART.match(e)), (z[:20], e[:40])
        assert bool(ZH_TASK.match(z)) == bool(EN_TASK.match(e)), (z[:20], e[:40])
        assert bool(ZH_ITEM.match(z)) == bool(EN_ITEM.match(e)), (z[:20], e[:40])
        assert zh_numbers(z) == en_numbers(e), f"numbers differ:\n{z}\n{e}"


def test_translation_splits_and_merges_some_sentences() -> None:
    """An aligner needs 1-2 and 2-1 beads to practise on, not only 1-1."""
    pairs = [(zh_sentences(z), en_sentences(e)) for z, e in zip(body_units(ZH), body_units(EN), strict=True)
             if not (ZH_TASK.match(z) or ZH_PART.match(z))]
    assert any(e > z for z, e in pairs), "no Chinese sentence is split in English"
    assert any(e < z for z, e in pairs), "no Chinese sentences are merged in English"
    assert sum(e == z for z, e in pairs) >= len(pairs) // 3, "most paragraphs should still be close"


# -- the bilingual excerpt -------------------------------------------------------------------


def test_bilingual_excerpt_interleaves_zh_and_en() -> None:
    lines, groups = bilingual_groups()
    assert all(line.strip() for line in lines), "no blank lines between paragraphs"
    assert 25 <= len(groups) <= 30, f"{len(groups)} Chinese paragraphs"
    title, title_en = groups[0]
    assert "示例" in title and title_en == [], "the title line has no translation"
    dupes = [i for i in range(1, len(groups)) if groups[i][0] == groups[i - 1][0]]
    assert len(dupes) == 1, "exactly one Chinese paragraph repeated twice in a row"
    assert groups[dupes[0] - 1][1] == [] and groups[dupes[0]][1], "the repeat is translated once"
    untranslated = [i for i, (_, en) in enumerate(groups) if not en]
    assert untranslated == [0, dupes[0] - 1]
    assert any(len(en) >= 3 for _, en in groups), "some paragraphs take several English lines"
    assert any(len(en) == 1 for _, en in groups[1:]), "some paragraphs take one English line"


def test_bilingual_excerpt_heading_and_task_pairs() -> None:
    _, groups = bilingual_groups()
    heads = [(ZH_PART.match(zh), en) for zh, en in groups if ZH_PART.match(zh)]
    assert [cn_ordinal(m.group(1)) for m, _ in heads] == [2, 3]
    for m, en in heads:
        assert len(en) == 1 and (em := EN_PART.match(en[0])), f"heading {m.group(0)} lacks its English"
        assert roman(em.group(1)) == cn_ordinal(m.group(1))
    tasks = [(ZH_TASK.match(zh), en) for zh, en in groups if ZH_TASK.match(zh)]
    assert len(tasks) == 5
    for m, en in tasks:
        em = EN_TASK.match(en[0])
        assert em and int(em.group(1)) == cn_ordinal(m.group(1)), f"task {m.group(1)}: {en[0][:40]}"
        assert len(en) >= 2, "a task's English title stands on its own line"


def test_bilingual_excerpt_numbers_match_across_languages() -> None:
    _, groups = bilingual_groups()
    checked = 0
    for zh, en in groups:
        if en:
            assert zh_numbers(zh) == en_numbers(" ".join(en)), f"numbers differ:\n{zh}\n{en}"
            checked += sum(zh_numbers(zh).values())
    assert checked >= 20, "the excerpt should carry a fair share of figures"


def test_bilingual_excerpt_is_taken_from_the_two_national_samples() -> None:
    """One text in three layouts, so a search or an alignment can be checked against the others."""
    translation = dict(zip(body_units(ZH), body_units(EN), strict=True))
    _, groups = bilingual_groups()
    for zh, en in groups[1:]:
        assert zh in translation, f"not in {ZH}: {zh[:30]}"
        if en:
            assert " ".join(en) == translation[zh], f"English differs from {EN} for {zh[:30]}"


# -- the news article ------------------------------------------------------------------------


def test_news_article_shape() -> None:
    text = read(NEWS)
    lines = nonblank(text)
    assert not CJK.search(text)
    assert not re.match(r"^[A-Z]{3,},", lines[0]), "the first line is a headline"
    assert lines[1].startswith("By "), "a byline"
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert re.match(rf"^[A-Z]{{3,}}, ({months}) \d{{1,2}} -- ", lines[2]), "a dateline"
    assert len(re.findall(r'"[^"]{20,}"', text)) >= 4, "several real quotations"
    attributions = re.findall(r'," (?:said [A-Z][a-z]+ [A-Z][a-z]+|(?:he|she) said)', text)
    assert len(attributions) >= 3, "quotations attributed to someone"
    assert len(re.findall(r"deputy from (\w+) Province", text)) >= 3
    assert len(re.findall(r"\bpercent\b", text)) >= 3
    for figure in ("1.3 trillion yuan", "12 million", "134.9 trillion yuan"):
        assert figure in text


# -- the provincial report -------------------------------------------------------------------


def test_provincial_report_structure_and_targets() -> None:
    lines = nonblank(read(PROVINCIAL))
    assert re.search(r"2025年1月\d+日在江苏省.*人民代表大会", "".join(lines[:4]))
    parts = [cn_ordinal(m.group(1)) for line in lines if (m := ZH_PART.match(line))]
    assert parts == [1, 2, 3]
    tasks = [cn_ordinal(m.group(1)) for line in lines if (m := ZH_TASK.match(line))]
    assert tasks == list(range(1, len(tasks) + 1)) and len(tasks) >= 3
    targets = [line for line in lines if line.startswith("今年全省经济社会发展主要预期目标是：")]
    assert len(targets) == 1
    clauses = unicodedata.normalize("NFKC", targets[0]).split(":", 1)[1].rstrip("。").split(";")
    assert clauses[0] == "地区生产总值增长5%左右"
    assert len(clauses) >= 6
    assert all(re.search(r"\d|同步|平衡|稳定", c) for c in clauses), clauses
