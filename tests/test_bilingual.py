"""Bilingual documents end to end: ingest, beads, side-by-side exports, cross-lingual lookup."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

import zhengce.corpus as zc
from zhengce.cli import app

# Interleaved: each Chinese paragraph, then its English line(s). One paragraph appears twice with a
# single translation, as scraped bilingual pages often have.
BILINGUAL = """示例双语报告
一、今年的主要任务
I. Major Tasks for This Year
我们要加快发展数字经济。实施“人工智能+”行动，建设算力网络。
We will speed up the growth of the digital economy.
We will launch an AI Plus initiative and build a computing network.
粮食产量保持在1.3万亿斤以上。
Grain output will stay above 1.3 trillion jin.
粮食产量保持在1.3万亿斤以上。
城镇新增就业1200万人以上，城镇调查失业率5.5%左右。
We aim to add over 12 million urban jobs, with surveyed urban unemployment at around 5.5 percent.
我们要加强生态环境保护，推进美丽中国建设。
We will step up ecological protection and advance the Beautiful China initiative.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bi")
    (tmp / "bilingual.txt").write_text(BILINGUAL, encoding="utf-8")
    c = zc.open(tmp / "bi.duckdb")
    report = c.ingest([tmp / "bilingual.txt"])
    assert report.count("ingested") == 1, report.results
    yield c, tmp
    c.close()


def test_interleaved_document_is_aligned_on_ingest(corpus):
    c, _ = corpus
    doc = c.document("bilingual.txt")
    assert doc.languages == ["en", "zh"]
    zh = {s.id: s.text for s in doc.sentences if s.lang == "zh"}
    en = {s.id: s.text for s in doc.sentences if s.lang == "en"}
    pairs = {("".join(zh[i] for i in b.zh), " ".join(en[i] for i in b.en)) for b in doc.beads}
    assert ("粮食产量保持在1.3万亿斤以上。", "Grain output will stay above 1.3 trillion jin.") in pairs
    # the repeated paragraph has no translation of its own
    assert ("粮食产量保持在1.3万亿斤以上。", "") in pairs
    # every sentence is in exactly one bead
    ids = sorted(i for b in doc.beads for i in b.zh + b.en)
    assert ids == sorted(s.id for s in doc.sentences)


def test_jsonl_export_is_what_the_scorer_reads(corpus, tmp_path):
    c, _ = corpus
    from zhengce.bilingual import export_bilingual

    out = tmp_path / "beads.jsonl"
    export_bilingual(c, "bilingual.txt", "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"zh", "en", "score"} <= set(rows[0])
    jobs = next(r for r in rows if "城镇新增就业" in r["zh"])
    assert "12 million urban jobs" in jobs["en"]


def test_tmx_and_html(corpus, tmp_path):
    c, _ = corpus
    from zhengce.bilingual import export_bilingual

    export_bilingual(c, "bilingual.txt", "tmx", tmp_path / "a.tmx")
    root = ET.parse(tmp_path / "a.tmx").getroot()
    units = root.findall("./body/tu")
    assert units and all(len(u.findall("tuv")) == 2 for u in units)
    export_bilingual(c, "bilingual.txt", "html", tmp_path / "a.html")
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "“人工智能+”" in page and "<script" not in page and "http" not in page


def test_lookup_in_either_language(corpus):
    c, _ = corpus
    hits = c.aligned("AI Plus")
    assert len(hits) == 1 and "人工智能+" in hits.iloc[0]["zh"]
    hits = c.aligned("人工智能+")
    assert "AI Plus" in hits.iloc[0]["en"]
    with pytest.raises(zc.ZhengceError):
        c.aligned("   ")


def _translation_pair(tmp_path, zh_line: str, en_line: str):
    """A two-sentence Chinese report and its translation, ingested as a pair and aligned."""
    (tmp_path / "zh.txt").write_text(f"示例报告\n{zh_line}\n粮食产量保持在1.3万亿斤以上。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        f"Sample report\n{en_line}\nGrain output will stay above 1.3 trillion jin.\n", encoding="utf-8"
    )
    c = zc.open(tmp_path / "t.duckdb")
    c.ingest([tmp_path / "zh.txt"])
    c.ingest([tmp_path / "en.txt"], translation_of="zh.txt")
    return c


def test_lookup_leaves_out_the_untranslated_copy_of_a_repeated_sentence(corpus):
    c, _ = corpus
    hits = c.aligned("1.3万亿斤")
    assert list(hits["en"]) == ["Grain output will stay above 1.3 trillion jin."]


def test_lookup_finds_a_glossary_term_in_its_other_language(tmp_path):
    """The English query matches no English sentence word for word; the glossary knows the term."""
    with _translation_pair(tmp_path, "要加快发展新质生产力。", "We will develop new-quality productive forces faster.") as c:
        hits = c.aligned("new quality productive forces")
    assert list(hits["zh"]) == ["要加快发展新质生产力。"]
    assert list(hits["en"]) == ["We will develop new-quality productive forces faster."]


def test_translation_pair_via_ingest(tmp_path):
    with _translation_pair(tmp_path, "我们要加快发展数字经济。", "We will speed up the growth of the digital economy.") as c:
        en = c.document("en.txt")
        assert en.translation_of == c.resolve("zh.txt")
        hits = c.aligned("Grain output")
        assert hits.iloc[0]["zh"] == "粮食产量保持在1.3万亿斤以上。"


def test_align_takes_either_order_refuses_nonsense_and_replaces_the_earlier_alignment(tmp_path):
    with _translation_pair(tmp_path, "我们要加快发展数字经济。", "We will speed up the growth of the digital economy.") as c:
        forward = [(b.zh, b.en) for b in c.store.beads(c.resolve("zh.txt"), c.resolve("en.txt"))]
        backward = c.align("en.txt", "zh.txt")  # the other way round: same alignment, same place
        assert [(b.zh, b.en) for b in backward] == forward
        assert c.store.beads(c.resolve("en.txt"), c.resolve("zh.txt")) == []
        with pytest.raises(zc.ZhengceError, match="same document"):
            c.align("zh.txt", "zh.txt")
        (tmp_path / "en2.txt").write_text("Another report\nIt says other things.\n", encoding="utf-8")
        c.ingest([tmp_path / "en2.txt"])
        with pytest.raises(zc.ZhengceError, match="one Chinese and one English"):
            c.align("en.txt", "en2.txt")


def test_presplit_cli(tmp_path):
    (tmp_path / "zh.txt").write_text("我们要加快发展数字经济。\n粮食产量保持在1.3万亿斤以上。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "We will speed up the growth of the digital economy.\nGrain output will stay above 1.3 trillion jin.\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(app, ["align", "--presplit", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt")])
    assert r.exit_code == 0, r.output
    assert r.stdout.split() == ["[0]:[0]", "[1]:[1]"]
    assert r.stderr.strip() == "2 beads (0 flagged for review)"
