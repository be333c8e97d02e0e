"""Ingest end to end through the Python API: batches, idempotency, failures that lose nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import zhengce.corpus as zc

REPORT_ZH = """2031年示例市政府工作报告
——2031年1月10日在示例市第九届人民代表大会第三次会议上

一、2030年工作回顾
过去一年，全市地区生产总值增长5.6%。城镇新增就业12万人。

二、2031年工作安排
今年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业10万人以上，居民消费价格涨幅3%左右。

三、2031年重点任务
（一）加快建设现代化产业体系。我们要培育新质生产力。推进制造业升级。
（二）全面推进乡村振兴。稳定粮食生产。
"""

NEWS_EN = """Delegates gather for the annual session

BEIJING, March 5 (Sample Wire) -- Lawmakers opened the annual session on Tuesday. The report set a growth target of around 5 percent for the year.

"We will keep our promises," said Li Ming, a deputy from Zhejiang Province.
"""


@pytest.fixture()
def corpus(tmp_path):
    c = zc.open(tmp_path / "test.duckdb")
    yield c
    c.close()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_ingest_folder_then_again_is_unchanged(corpus, tmp_path):
    write(tmp_path / "in" / "report.txt", REPORT_ZH)
    write(tmp_path / "in" / "news.txt", NEWS_EN)
    first = corpus.ingest([tmp_path / "in"])
    assert first.summary()["ingested"] == 2, first.results
    second = corpus.ingest([tmp_path / "in"])
    assert second.summary()["unchanged"] == 2
    assert corpus.stats()["documents"] == 2


def test_metadata_structure_and_sentences_are_stored(corpus, tmp_path):
    write(tmp_path / "report.txt", REPORT_ZH)
    corpus.ingest([tmp_path / "report.txt"])
    doc = corpus.document("report.txt")
    assert doc.year == 2031
    assert doc.kind == "government_work_report"
    assert doc.languages == ["zh"]
    parts = [b for b in doc.blocks if b.kind == "part"]
    assert [p.number for p in parts] == ["一", "二", "三"]
    tasks = [b for b in doc.blocks if b.kind == "task"]
    assert len(tasks) == 2 and all(t.parent == parts[2].id for t in tasks)
    # every sentence points at the exact original characters
    for s in doc.sentences:
        assert doc.text[s.start : s.end].strip()
    assert any("新质生产力" in s.text for s in doc.sentences)
    assert any(t for s in doc.sentences for t in s.tokens)


def test_a_broken_file_does_not_stop_the_batch_or_touch_stored_data(corpus, tmp_path):
    good = write(tmp_path / "good.txt", REPORT_ZH)
    corpus.ingest([good])
    before = corpus.sentences().to_dict("records")
    write(tmp_path / "batch" / "empty.txt", "")
    (tmp_path / "batch" / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    write(tmp_path / "batch" / "news.txt", NEWS_EN)
    lines = [json.dumps({"title": "示例报告", "content": "今年目标是增长5%左右。", "year": "2031"}, ensure_ascii=False),
             "{not json", json.dumps({"title": "另一份", "content": "城镇新增就业10万人以上。", "year": "2030"}, ensure_ascii=False)]  # fmt: skip
    write(tmp_path / "batch" / "rows.jsonl", "\n".join(lines) + "\n")
    report = corpus.ingest([tmp_path / "batch", tmp_path / "missing.txt"])
    failed = {Path(r.source.split("#")[0]).name: r.message for r in report.failed}
    assert set(failed) == {"empty.txt", "garbage.txt", "rows.jsonl", "missing.txt"}, report.results
    assert "#L2" in next(r.source for r in report.failed if "rows.jsonl" in r.source)
    assert report.count("ingested") == 3  # news + two good rows
    after = corpus.sentences()
    assert [r for r in after.to_dict("records") if r["doc_id"] == before[0]["doc_id"]] == before
    log = corpus.ingest_log()
    assert set(log.status) >= {"ingested", "failed"}


def test_overrides_win_over_inference(corpus, tmp_path):
    write(tmp_path / "news.txt", NEWS_EN)
    corpus.ingest([tmp_path / "news.txt"], jurisdiction="Zhejiang", year=2030, kind="news")
    doc = corpus.document("news.txt")
    assert (doc.jurisdiction, doc.year, doc.kind) == ("浙江", 2030, "news")
    # the same overrides again change nothing
    assert corpus.ingest([tmp_path / "news.txt"], jurisdiction="Zhejiang", year=2030, kind="news").summary()[
        "unchanged"
    ] == 1


def test_bad_override_is_a_clear_error(corpus, tmp_path):
    with pytest.raises(zc.ZhengceError, match="kind"):
        corpus.ingest([tmp_path], kind="novel")


def test_documents_filters_and_resolve(corpus, tmp_path):
    write(tmp_path / "report.txt", REPORT_ZH)
    write(tmp_path / "news.txt", NEWS_EN)
    corpus.ingest([tmp_path])
    docs = corpus.documents()
    assert len(docs) == 2
    assert list(corpus.documents(kind="government_work_report").file_name) == ["report.txt"]
    assert list(corpus.documents(lang="en").file_name) == ["news.txt"]
    doc_id = docs.id.iloc[0]
    assert corpus.resolve(doc_id[:6]) == doc_id
    with pytest.raises(zc.ZhengceError, match="no document"):
        corpus.resolve("nothing-like-this")


def test_a_title_fragment_names_a_document_when_it_is_unique(corpus, tmp_path):
    write(tmp_path / "report.txt", REPORT_ZH)
    write(tmp_path / "news.txt", NEWS_EN)
    corpus.ingest([tmp_path])
    assert corpus.document("示例市").year == 2031
    write(tmp_path / "more" / "report2.txt", REPORT_ZH.replace("示例市", "示例市第二"))
    corpus.ingest([tmp_path / "more"])
    with pytest.raises(zc.ZhengceError, match="matches 2 documents"):
        corpus.resolve("示例市")


def test_a_short_name_finds_the_formal_title_when_its_characters_come_in_order(corpus, tmp_path):
    write(tmp_path / "formal.txt", "2031年中华人民共和国示例政府工作报告\n\n国内生产总值增长5%左右。\n")
    write(tmp_path / "other.txt", "2032年示例新闻\n\n一篇新闻。\n")
    corpus.ingest([tmp_path])
    assert corpus.document("2031年政府工作报告").title == "2031年中华人民共和国示例政府工作报告"
    with pytest.raises(zc.ZhengceError, match="no document"):
        corpus.resolve("2033年政府工作报告")  # the characters must all be there, in order


def test_naming_a_document_folds_forms_prefers_national_and_never_guesses_across_latin(corpus, tmp_path):
    write(tmp_path / "n.txt", "2031年中华人民共和国示例政府工作报告\n\n国内生产总值增长5%左右。\n")
    write(tmp_path / "p.txt", "2031年上海市政府工作报告\n\n地区生产总值增长5%左右。\n")
    write(tmp_path / "e.txt", "China keeps its growth goal\n\nThe economy grew.\n")
    corpus.ingest([tmp_path])
    national = corpus.resolve("n.txt")
    assert corpus.resolve("2031年政府工作报告") == national  # no province named: the national report
    assert corpus.resolve("２０３１年政府工作報告") == national  # full-width digits, traditional 報
    assert corpus.resolve("2031年上海政府工作报告") == corpus.resolve("p.txt")
    with pytest.raises(zc.ZhengceError, match="no document"):
        corpus.resolve("tesla")  # letters of a Latin word scattered over a title are no match


def test_ingesting_again_without_options_keeps_the_earlier_overrides(corpus, tmp_path):
    write(tmp_path / "note.txt", "一篇没有年份的说明\n\n内容。\n")
    corpus.ingest([tmp_path / "note.txt"], jurisdiction="上海", year=2027)
    again = corpus.ingest([tmp_path / "note.txt"])
    assert again.summary()["unchanged"] == 1
    doc = corpus.document("note.txt")
    assert (doc.jurisdiction, doc.year) == ("上海", 2027)


def test_an_edited_file_replaces_its_earlier_version(corpus, tmp_path):
    write(tmp_path / "r.txt", "2031年示例市政府工作报告\n\n一、2031年工作安排\n今年的主要预期目标是：地区生产总值增长4.5%左右。\n")
    first = corpus.ingest([tmp_path / "r.txt"]).results[0]
    write(tmp_path / "r.txt", "2031年示例市政府工作报告\n\n一、2031年工作安排\n今年的主要预期目标是：地区生产总值增长4.8%左右。\n")
    second = corpus.ingest([tmp_path / "r.txt"]).results[0]
    assert second.status == "updated" and first.doc_id in (second.message or "")
    assert list(corpus.documents().id) == [second.doc_id]
    assert list(corpus.statements(kind="target").value) == [4.8]
    assert corpus.resolve("r.txt") == second.doc_id


def test_a_stop_request_ends_the_ingest_between_documents(corpus, tmp_path):
    for i in range(4):
        write(tmp_path / f"d{i}.txt", f"第{i}号示例文件\n\n内容{i}。\n")
    calls = []
    report = corpus.ingest([tmp_path], stop=lambda: calls.append(1) or len(calls) > 2)
    assert report.stopped and len(report.results) == 2
    assert len(corpus.documents()) == 2  # what was read before the request is stored whole
    again = corpus.ingest([tmp_path])
    assert not again.stopped and again.summary()["unchanged"] == 2 and again.summary()["ingested"] == 2


def test_a_newer_pipeline_processes_stored_documents_again_keeping_their_overrides(corpus, tmp_path, monkeypatch):
    from zhengce import pipeline

    write(tmp_path / "note.txt", "一篇说明\n\n内容。\n")
    corpus.ingest([tmp_path / "note.txt"], jurisdiction="浙江", year=2029)
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + "-next")
    again = corpus.ingest([tmp_path / "note.txt"])
    assert again.summary()["updated"] == 1
    doc = corpus.document("note.txt")
    assert (doc.jurisdiction, doc.year) == ("浙江", 2029)
    assert corpus.documents().pipeline_version.tolist() == [pipeline.PIPELINE_VERSION]


def test_a_huge_single_line_is_refused_with_a_reason(corpus, tmp_path, monkeypatch):
    from zhengce import pipeline

    monkeypatch.setattr(pipeline, "MAX_CHARS", 1000)  # the real cap is 2 million characters
    write(tmp_path / "one-line.txt", "增长5%，" * 400)
    write(tmp_path / "fine.txt", REPORT_ZH)
    report = corpus.ingest([tmp_path])
    (failed,) = report.failed
    assert failed.source.endswith("one-line.txt") and "split it" in failed.message
    assert report.count("ingested") == 1


def test_an_implausible_year_override_and_a_bilingual_filter(corpus, tmp_path):
    write(tmp_path / "a.txt", "示例报告\n\n我们要加快发展数字经济。\nWe will speed up the growth of the digital economy.\n")
    with pytest.raises(zc.ZhengceError, match="not a plausible year"):
        corpus.ingest([tmp_path], year=99999)
    corpus.ingest([tmp_path])
    assert list(corpus.documents(lang="bilingual").file_name) == ["a.txt"]
    with pytest.raises(zc.ZhengceError, match="unknown language"):
        corpus.documents(lang="fr")
