"""The CLI as a user runs it: exit codes, formats on stdout, messages on stderr."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from zhengce.cli import app

REPORT = """2031年示例省政府工作报告
一、过去一年工作回顾
全省生产总值增长5.1%。
二、2031年主要目标
今年主要预期目标是：全省生产总值增长5%左右，城镇新增就业50万人以上。
三、2031年重点工作
（一）推动科技创新。加快发展新质生产力。
（二）扩大国内需求。促进消费增长。
"""


@pytest.fixture()
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHENGCE_DB", str(tmp_path / "cli.duckdb"))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_ingest_docs_show_export(env):
    r = run("ingest", str(env / "docs"))
    assert r.exit_code == 0, r.output
    r = run("ingest", str(env / "docs"))
    assert "1 unchanged" in r.output
    r = run("docs", "--format", "json")
    docs = json.loads(r.stdout)
    assert len(docs) == 1 and docs[0]["year"] == 2031 and docs[0]["kind"] == "government_work_report"
    r = run("show", "report.txt", "--structure")
    assert r.exit_code == 0 and "推动科技创新" in r.stdout
    r = run("show", docs[0]["id"][:8], "--sentences", "--format", "jsonl")
    sents = [json.loads(line) for line in r.stdout.splitlines()]
    assert any(s["text"] == "加快发展新质生产力。" for s in sents)
    out = env / "sentences.parquet"
    r = run("export", "sentences", "--format", "parquet", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert len(pd.read_parquet(out)) == len(sents)
    r = run("export", "documents", "--format", "csv")
    assert r.stdout.splitlines()[0].startswith("id,title")


def test_failures_exit_1_and_name_the_file(env):
    (env / "docs" / "empty.txt").write_text("", encoding="utf-8")
    r = run("ingest", str(env / "docs"))
    assert r.exit_code == 1
    assert "empty.txt" in r.output and "1 failed" in r.output


def test_unknown_document_is_one_line_and_exit_2(env):
    run("ingest", str(env / "docs"))
    r = run("show", "no-such-doc")
    assert r.exit_code == 2
    assert "no document matches" in r.output and "Traceback" not in r.output


def test_bad_format_is_a_clear_error(env):
    run("ingest", str(env / "docs"))
    r = run("docs", "--format", "xml")
    assert r.exit_code == 2 and "unknown format" in r.output


def test_read_commands_do_not_create_a_database_from_a_typo(tmp_path):
    missing = tmp_path / "typo.duckdb"
    for args in (["docs"], ["targets"], ["search", "新质生产力"], ["log"]):
        r = CliRunner().invoke(app, [*args, "--db", str(missing)])
        assert r.exit_code == 2 and "no database at" in r.output, (args, r.output)
    assert not missing.exists()


def test_show_honours_the_format_in_every_view(env):
    assert run("ingest", str(env / "docs")).exit_code == 0
    r = run("show", "report.txt", "-f", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["year"] == 2031
    r = run("show", "report.txt", "-f", "xml")
    assert r.exit_code == 2 and "unknown format" in r.output


def test_indicators_lists_lexicon_keys_unless_asked_for_all(env):
    assert run("ingest", str(env / "docs")).exit_code == 0
    known = run("indicators", "-f", "jsonl").stdout.splitlines()
    every = run("indicators", "--all", "-f", "jsonl").stdout.splitlines()
    assert known and all(json.loads(line)["known"] for line in known)
    assert len(every) >= len(known)
