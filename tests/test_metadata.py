"""Metadata inference on made-up titles, file names and openings, and on the real corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zhengce.metadata import find_date, infer_metadata, npc_session_year
from zhengce.model import Document, NormText


def doc_of(text: str, source: str = "/tmp/doc.txt", meta: dict[str, Any] | None = None) -> Document:
    doc = Document(id="x", source=source, text=text, meta=dict(meta or {}))
    doc.norm = NormText(text, list(range(len(text) + 1)))
    return doc


def infer(text: str, source: str = "/tmp/doc.txt", meta: dict[str, Any] | None = None, **overrides: Any) -> Document:
    doc = doc_of(text, source, meta)
    infer_metadata(doc, overrides or None)
    return doc


PROVINCIAL = """示范年份不在标题里的报告
来源：青海日报
——2030年1月12日在河北省第十六届人民代表大会第二次会议上
省长 某某
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2029年工作回顾
"""


def test_provincial_report_from_its_file_name():
    doc = infer(PROVINCIAL.replace("示范年份不在标题里的报告\n", ""), source="/data/2030年浙江省政府工作报告.docx")
    assert doc.title == "2030年浙江省政府工作报告"
    assert doc.kind == "government_work_report"
    assert doc.year == 2030 and doc.date == "2030-01-12"
    assert doc.jurisdiction == "浙江"  # the file name names the government before the date line does
    assert doc.languages == ["zh"]


def test_province_from_the_date_line_and_never_from_the_source_line():
    doc = infer(PROVINCIAL.replace("示范年份不在标题里的报告", "政府工作报告"))
    assert doc.title == "政府工作报告"
    assert doc.kind == "government_work_report"
    assert doc.jurisdiction == "河北"  # not 青海 from "来源：青海日报"
    assert doc.year == 2030


def test_zip_member_name_is_the_file_name():
    doc = infer("各位代表：\n现在，我代表市人民政府，向大会报告工作。\n", source="/x/reports.zip::2031年上海市政府工作报告.docx",
                meta={"file_name": "2031年上海市政府工作报告.docx", "format": "docx"})  # fmt: skip
    assert (doc.title, doc.year, doc.jurisdiction, doc.kind) == (
        "2031年上海市政府工作报告", 2031, "上海", "government_work_report",
    )  # fmt: skip


NATIONAL = """政府工作报告
——2030年3月5日在第十五届全国人民代表大会第三次会议上
国务院总理 某某
各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议。
"""


def test_national_report_from_its_opening():
    doc = infer(NATIONAL)
    assert doc.kind == "government_work_report"
    assert doc.jurisdiction == "national"
    assert doc.date == "2030-03-05" and doc.year == 2030


def test_report_without_title_is_recognised_by_its_salutation_and_opening():
    doc = infer("各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n一、过去一年工作回顾\n")
    assert doc.kind == "government_work_report"
    assert doc.jurisdiction == "national"
    assert doc.title is not None  # falls back to the file name
    assert doc.title == "doc"


def test_excerpt_without_a_province_is_national_and_bilingual():
    text = (
        "2030年政府工作报告(四)\n三、2030年政府工作任务\nIII. Major Tasks for 2030\n"
        "今年要集中精力推动高质量发展，扎实做好各项工作。\n"
        "We will focus on high-quality development and do all our work well this year.\n"
    )
    doc = infer(text)
    assert doc.title == "2030年政府工作报告(四)"
    assert (doc.kind, doc.year, doc.jurisdiction) == ("government_work_report", 2030, "national")
    assert doc.languages == ["en", "zh"]
    assert doc.date is None


def test_npc_resolution_is_other_with_the_session_year():
    text = "第十五届全国人民代表大会第二次会议听取和审议了国务院总理所作的政府工作报告。会议同意报告。\n"
    doc = infer(text, meta={"title": "第十五届全国人民代表大会第二次会议关于政府工作报告的决议", "format": "jsonl"},
                source="/x/national.jsonl#L4")  # fmt: skip
    assert doc.kind == "other"
    assert doc.year == 2029  # the 15th NPC opens in 2028, so its second session meets in 2029
    assert doc.jurisdiction == "national"
    dated = infer("关于政府工作报告的决议\n（2030年3月11日第十五届全国人民代表大会第四次会议通过）\n会议同意报告。\n")
    assert (dated.kind, dated.date, dated.year) == ("other", "2030-03-11", 2030)


def test_rows_of_a_tabular_file_ignore_its_file_name():
    doc = infer("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n", source="/x/gwr-1990-2030.jsonl#L7",
                meta={"file_name": "gwr-1990-2030.jsonl", "format": "jsonl", "year": 2011})  # fmt: skip
    assert doc.year == 2011  # the row's year, not a year from the collection's file name
    assert doc.title is None


def test_english_news_with_updated_on_line():
    text = (
        "Provinces set out their priorities for the year\n\n"
        "Example Finance Updated on 2030-02-03\n\n"
        "Several provinces have held economic work conferences, a reporter learned.\n"
    )
    doc = infer(text)
    assert doc.title == "Provinces set out their priorities for the year"
    assert doc.kind == "news"
    assert doc.date == "2030-02-03" and doc.year == 2030
    assert doc.jurisdiction is None
    assert doc.languages == ["en"]


def test_english_news_about_one_province_and_a_dateline():
    text = "Guangdong unveils growth plan\nMarch 5, 2030\nThe province will expand investment, officials said.\n"
    doc = infer(text)
    assert (doc.kind, doc.jurisdiction, doc.date, doc.year) == ("news", "广东", "2030-03-05", 2030)
    masthead = infer("Example Review\nSpecial issue on the Annual Sessions 2030\nLeaders met deputies.\n")
    assert masthead.kind == "news" and masthead.year == 2030 and masthead.jurisdiction is None


def test_english_report_translation_and_npc_session_year():
    text = (
        "Report on the Work of the Government\n"
        "Delivered at the Third Session of the 15th National People's Congress\n"
        "Fellow Deputies,\n"
        "On behalf of the State Council, I will now report to you on the work of the government.\n"
    )
    doc = infer(text)
    assert doc.kind == "government_work_report"
    assert doc.year == 2030
    assert doc.jurisdiction == "national"
    assert doc.languages == ["en"]


def test_coverage_of_a_report_is_news_not_a_report():
    doc = infer("一图读懂2030年政府工作报告\n本报记者 某某\n今年的报告有这些亮点。\n")
    assert doc.kind == "news"
    assert doc.year == 2030


def test_speech():
    doc = infer("在全省经济工作会议上的讲话\n（2030年2月1日）\n同志们：\n今天我们召开会议。\n")
    assert doc.kind == "speech"
    assert doc.date == "2030-02-01" and doc.year == 2030


def test_a_report_title_beats_a_speech_line():
    doc = infer("2030年内蒙古自治区政府工作报告\n——2030年1月14日自治区主席在内蒙古自治区人民代表大会上的讲话\n")
    assert (doc.kind, doc.jurisdiction) == ("government_work_report", "内蒙古")


def test_plain_text_without_signals_is_other():
    doc = infer("一些笔记\n这里记录了几件事情。\n")
    assert (doc.kind, doc.jurisdiction, doc.year, doc.date) == ("other", None, None, None)


def test_priority_overrides_then_meta_then_text():
    text = "2030年上海市政府工作报告\n——2030年1月15日在上海市人民代表大会上\n各位代表：\n"
    meta = {"title": "A title from the container", "year": "2029", "jurisdiction": "Beijing", "date": "2029-12-31"}
    from_meta = infer(text, meta=meta)
    assert from_meta.title == "A title from the container"
    assert (from_meta.year, from_meta.jurisdiction, from_meta.date) == (2029, "北京", "2029-12-31")
    over = infer(text, meta=meta, title="Mine", year="2031", jurisdiction="Zhejiang", kind="speech", lang="bilingual",
                 date="2031-01-02")  # fmt: skip
    assert (over.title, over.year, over.jurisdiction, over.kind, over.languages, over.date) == (
        "Mine", 2031, "浙江", "speech", ["en", "zh"], "2031-01-02",
    )  # fmt: skip


def test_bad_meta_values_are_ignored_but_bad_overrides_are_user_errors():
    doc = infer(NATIONAL, meta={"year": "n/a", "jurisdiction": "Atlantis", "date": "soon", "kind": "poem"})
    assert (doc.year, doc.jurisdiction, doc.date, doc.kind) == (2030, "national", "2030-03-05", "government_work_report")
    for field, value, words in [
        ("year", "twenty", "year"),
        ("jurisdiction", "Atlantis", "Atlantis"),
        ("kind", "poem", "kind"),
        ("lang", "fr", "language"),
        ("date", "tomorrow", "date"),
    ]:
        with pytest.raises(ValueError, match=words):
            infer(NATIONAL, **{field: value})


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("——2030年1月14日在某省人民代表大会上", "2030-01-14"),
        ("2030 年 3 月 5 日", "2030-03-05"),
        ("一九五七年六月二十六日在第一届全国人民代表大会第四次会议上", "1957-06-26"),
        ("March 5, 2030", "2030-03-05"),
        ("5 March 2030", "2030-03-05"),
        ("Updated on 2030-01-31", "2030-01-31"),
        ("2030/2/28", "2030-02-28"),
        ("2030年2月30日", None),  # not a date
        ("March 5", None),  # no year
        ("", None),
    ],
)
def test_find_date(text, iso):
    assert find_date(text) == iso


def test_npc_session_year():
    assert npc_session_year("第十四届全国人民代表大会第二次会议") == 2024
    assert npc_session_year("第十二届全国人民代表大会第一次会议") == 2013
    assert npc_session_year("第二届全国人民代表大会第三次会议") == 1962
    assert npc_session_year("the second session of the 14th National People's Congress") == 2024
    assert npc_session_year("上海市第十六届人民代表大会第三次会议") is None  # a provincial congress


# -- real data ----------------------------------------------------------------------------------
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _normalised(doc: Document) -> None:
    try:
        from zhengce.text.normalise import normalise
    except ImportError:
        return
    doc.norm = normalise(doc.text)


def test_national_corpus_rows():
    corpus = SHARED / "corpus" / "national-gwr-1954-2025.jsonl"
    if not corpus.exists():
        pytest.skip("../shared not present")
    reports = resolutions = 0
    for n, line in enumerate(corpus.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        meta = {"title": row["title"], "file_name": corpus.name, "format": "jsonl"}
        if row["year"]:
            meta["year"] = int(row["year"])
        doc = doc_of(row["content"], f"{corpus}#L{n}", meta)
        _normalised(doc)
        infer_metadata(doc)
        assert doc.jurisdiction == "national", row["title"]
        assert doc.languages == ["zh"], row["title"]
        if row["year"]:
            reports += 1
            assert (doc.kind, doc.year) == ("government_work_report", int(row["year"])), row["title"]
        else:
            resolutions += 1
            assert doc.kind == "other", row["title"]
            assert doc.year is not None and 1959 <= doc.year <= 2025, row["title"]
    assert (reports, resolutions) == (52, 20)


def test_provincial_reports():
    archive = SHARED / "corpus" / "provincial-gwr-2025-docx.zip"
    if not archive.exists():
        pytest.skip("../shared not present")
    from zhengce.jurisdictions import find_jurisdiction
    from zhengce.readers import read_paths

    seen = set()
    for item in read_paths([str(archive)], None):
        assert hasattr(item, "text"), item
        doc = Document(id="x", source=item.source, text=item.text, meta=dict(item.meta))
        _normalised(doc)
        infer_metadata(doc)
        expected = find_jurisdiction(item.meta["file_name"])
        assert doc.jurisdiction == expected and expected not in (None, "national"), item.source
        assert (doc.kind, doc.year, doc.languages) == ("government_work_report", 2025, ["zh"]), item.source
        assert doc.date is not None and doc.date.startswith("2025-01-"), item.source
        seen.add(doc.jurisdiction)
    assert len(seen) == 31
