"""The store: schema versioning, one transaction per document, replace-not-append."""

from __future__ import annotations

import duckdb
import pytest

from zhengce.model import Bead, Block, Document, NormText, Sentence, Statement
from zhengce.store import SCHEMA_VERSION, Store, StoreError, open_store


def make_doc(doc_id: str = "abc123", text: str = "今年目标是增长5%左右。") -> Document:
    doc = Document(id=doc_id, source=f"/tmp/{doc_id}.txt", text=text, title="测试", year=2025, jurisdiction="national")
    doc.norm = NormText(text, list(range(len(text) + 1)))
    doc.blocks = [Block(id=0, kind="paragraph", level=1, start=0, end=len(text), norm_end=len(text))]
    doc.sentences = [Sentence(id=0, block=0, lang="zh", start=0, end=len(text), text=text, tokens=["今年", "目标"])]
    doc.statements = [
        Statement(kind="target", indicator="gdp_growth", comparator="around", value=5.0, unit="percent",
                  text=text, start=0, end=len(text), year=2025, jurisdiction="national")
    ]  # fmt: skip
    doc.beads = [Bead(zh=[0], en=[], score=0.0, flag="low_score")]
    return doc


def test_new_file_gets_current_schema(tmp_path):
    store = Store(tmp_path / "z.duckdb")
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
    # reopening does not migrate again or fail
    store = Store(tmp_path / "z.duckdb")
    assert store.schema_version() == SCHEMA_VERSION
    store.close()


def test_write_and_read_back_everything(tmp_path):
    store = Store(tmp_path / "z.duckdb")
    doc = make_doc()
    store.write_document(doc, "1")
    assert store.document_status(doc.id) == ("1", {})
    assert store.blocks(doc.id)[0].kind == "paragraph"
    sent = store.sentences(doc.id)[0]
    assert sent.tokens == ["今年", "目标"] and sent.text == doc.text
    st = store.statements(doc.id)[0]
    assert (st.indicator, st.value, st.comparator) == ("gdp_growth", 5.0, "around")
    assert store.beads(doc.id)[0].flag == "low_score"
    assert store.counts() == {"documents": 1, "blocks": 1, "sentences": 1, "beads": 1, "statements": 1}


def test_rewriting_a_document_replaces_its_rows(tmp_path):
    store = Store(tmp_path / "z.duckdb")
    doc = make_doc()
    store.write_document(doc, "1")
    store.write_document(doc, "2")
    assert store.counts()["sentences"] == 1
    assert store.document_status(doc.id)[0] == "2"


def test_failed_write_leaves_store_as_it_was(tmp_path):
    store = Store(tmp_path / "z.duckdb")
    good = make_doc("good1")
    store.write_document(good, "1")
    bad = make_doc("good1", text="新的文本")
    bad.sentences.append(bad.sentences[0])  # duplicate primary key: the insert fails mid-document
    with pytest.raises(duckdb.Error):
        store.write_document(bad, "1")
    # the earlier version is intact: the delete and the partial insert were rolled back together
    assert store.sentences("good1")[0].text == good.text
    assert store.counts()["documents"] == 1


def test_foreign_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a zhengce database"):
        Store(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "z.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE zhengce_meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer zhengce"):
        Store(path)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "z.duckdb")


def test_find_documents_by_id_prefix_title_and_file_name(tmp_path):
    store = Store(tmp_path / "z.duckdb")
    store.write_document(make_doc("abcdef0123456789"), "1")
    assert [r["id"] for r in store.find_documents("abcd")] == ["abcdef0123456789"]
    assert store.find_documents("测试")
    assert store.find_documents("abcdef0123456789.txt")
    assert store.find_documents("zzz") == []


def test_a_database_another_process_is_writing_gives_a_clear_error(tmp_path, monkeypatch):
    import subprocess
    import sys
    import time

    import zhengce.store as store_module

    path = tmp_path / "busy.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); time.sleep(20)"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        monkeypatch.setattr(store_module, "LOCK_WAIT_SECONDS", 0.5)
        started = time.monotonic()
        with pytest.raises(StoreError, match=rf"process {holder.pid} is writing this database"):
            open_store(path, read_only=True)
        assert time.monotonic() - started >= 0.5  # it waited for the lock before giving up
    finally:
        holder.kill()
        holder.wait()
    open_store(path, read_only=True).close()  # free again
