"""search and trend: phrases across documents, in either language, year by year."""

from __future__ import annotations

import pytest
from conftest import ingested_db
from typer.testing import CliRunner

import zhengce.corpus as zc
from zhengce.cli import app

REPORTS = {
    "2029.txt": "2029年示例省政府工作报告\n\n一、2028年工作回顾\n\n经济平稳运行。数字经济加快发展。\n",
    "2030.txt": "2030年示例省政府工作报告\n\n一、2029年工作回顾\n\n因地制宜发展新质生产力。培育新质生产力，建设现代化产业体系。\n",
    "2031.txt": "2031年示例省政府工作报告\n\n一、2030年工作回顾\n\n加快发展新质生产力，推动新质生产力和数字经济融合。\n",
    "news.txt": "Example news 2031\n\nDelegates discussed new quality productive forces on Monday.\n",
}


@pytest.fixture
def db(tmp_path):
    return ingested_db(tmp_path, REPORTS)


def test_search_finds_a_glossary_term_in_both_languages_newest_first(db):
    with zc.open(db, read_only=True) as c:
        hits = c.search("新质生产力")
        assert list(hits["year"]) == [2031, 2031, 2030, 2030]
        assert {"zh", "en"} == set(hits["lang"])
        assert "Delegates discussed new quality productive forces on Monday." in set(hits["text"])
        assert list(c.search("新质生产力", lang="en")["kind"]) == ["news"]
        assert list(c.search("数字经济", year=2029)["text"]) == ["数字经济加快发展。"]
        with pytest.raises(zc.ZhengceError, match="give a word"):
            c.search("  ")


def test_trend_lists_every_report_with_its_count(db):
    with zc.open(db, read_only=True) as c:
        t = c.trend("新质生产力")
    assert list(t["year"]) == [2029, 2030, 2031]  # news is not a report: left out by default
    assert list(t["mentions"]) == [0, 2, 2]
    assert list(t["sentences"]) == [0, 2, 1]
    assert t["per_1000_sentences"].iloc[0] == 0.0 and t["per_1000_sentences"].iloc[1] > 0


def test_trend_counts_repeated_mentions_within_a_sentence(db):
    with zc.open(db, read_only=True) as c:
        t = c.trend("new quality productive forces", kind=None)  # the glossary gives the Chinese form too
    assert dict(zip(t["year"], t["mentions"], strict=False))[2029] == 0
    assert t["mentions"].sum() == 5


def test_cli_search_and_trend(db):
    r = CliRunner().invoke(app, ["search", "数字经济", "--db", str(db), "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0].startswith("doc,doc_id,year")
    assert len(r.stdout.splitlines()) == 3
    r = CliRunner().invoke(app, ["trend", "新质生产力", "--db", str(db), "--format", "csv", "--mentioned"])
    assert r.exit_code == 0, r.output
    assert [line.split(",")[0] for line in r.stdout.splitlines()[1:]] == ["2030", "2031"]
    r = CliRunner().invoke(app, ["search", "量子计算", "--db", str(db)])
    assert r.exit_code == 1 and "no sentence contains" in r.stderr


def test_filters_that_can_never_match_are_errors_not_empty_results(db):
    with zc.open(db, read_only=True) as c:
        with pytest.raises(zc.ZhengceError, match="unknown language 'fr'"):
            c.search("新质生产力", lang="fr")
        with pytest.raises(zc.ZhengceError, match="unknown document kind"):
            c.trend("新质生产力", kind="novel")
        with pytest.raises(zc.ZhengceError, match="unknown statement kind"):
            c.statements(kind="targets")
    r = CliRunner().invoke(app, ["search", "数字经济", "--db", str(db), "--limit", "-1"])
    assert r.exit_code == 2 and "--limit" in r.output
