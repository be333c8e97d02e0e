"""The acceptance run of the foundation issue, on the real corpora in ../shared (skipped without)."""

from __future__ import annotations

import pytest

import zhengce.corpus as zc
from zhengce.jurisdictions import PROVINCES


@pytest.fixture(scope="module")
def ingested(shared, tmp_path_factory):
    c = zc.open(tmp_path_factory.mktemp("db") / "corpus.duckdb")
    report = c.ingest(
        [shared / "corpus" / "national-gwr-1954-2025.jsonl", shared / "corpus" / "provincial-gwr-2025-docx.zip",
         shared / "seeds"]
    )  # fmt: skip
    yield c, report
    c.close()


def test_everything_ingests(ingested):
    c, report = ingested
    assert report.failed == []
    assert report.count("ingested") == 72 + 31 + 5


def test_national_reports_and_resolutions(ingested):
    c, _ = ingested
    national = c.documents(jurisdiction="national", kind="government_work_report")
    from_corpus = national[national.source.str.contains("national-gwr")]
    assert len(from_corpus) == 52
    assert from_corpus.year.notna().all()
    other = c.documents(kind="other")
    assert (other.source.str.contains("national-gwr")).sum() == 20


def test_provincial_reports(ingested):
    c, _ = ingested
    docs = c.documents(year=2025, kind="government_work_report")
    provincial = docs[docs.source.str.contains("provincial-gwr")]
    assert len(provincial) == 31
    assert set(provincial.jurisdiction) == {p.short for p in PROVINCES}


def test_2024_report_has_ten_tasks_under_part_three(ingested):
    c, _ = ingested
    docs = c.documents(jurisdiction="national", year=2024, kind="government_work_report")
    doc = c.document(docs[docs.source.str.contains("national-gwr")].id.iloc[0])
    part = next(b for b in doc.blocks if b.kind == "part" and b.number == "三")
    assert "2024年政府工作任务" in (part.title or "")
    tasks = [b for b in doc.blocks if b.kind == "task" and b.parent == part.id]
    assert [t.ordinal for t in tasks] == list(range(1, 11))
    assert "新质生产力" in tasks[0].title


def test_second_run_is_all_unchanged(ingested, shared):
    c, _ = ingested
    again = c.ingest([shared / "corpus" / "national-gwr-1954-2025.jsonl", shared / "corpus" / "provincial-gwr-2025-docx.zip",
                      shared / "seeds"])  # fmt: skip
    assert again.summary()["unchanged"] == 108 and again.count("ingested") == 0


def test_seed_002_is_bilingual_and_aligned(ingested):
    c, _ = ingested
    doc = c.document("002_27d4e54997f69abc.txt")
    assert doc.languages == ["en", "zh"]
    assert len(doc.beads) > 80
