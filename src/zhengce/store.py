"""The embedded DuckDB store: the only module that speaks SQL.

One file holds everything (documents, their structure, sentences, alignments and statements,
plus an ingest log), so a user can copy it, open it in DuckDB or pandas, or delete it to start
over. The schema carries a version; :func:`migrate` brings an older file up to date in place.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .model import Bead, Block, Document, Sentence, Statement

DEFAULT_DB = "zhengce.duckdb"
SCHEMA_VERSION = 1


class StoreError(Exception):
    """A problem with the database file that the user can act on."""


def default_path() -> str:
    return os.environ.get("ZHENGCE_DB") or DEFAULT_DB


# Each migration takes the schema from version N-1 to N. Never edit a released one: add another.
MIGRATIONS: list[str] = [
    # 1: the foundation
    """
    CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        file_name VARCHAR,
        title VARCHAR,
        date VARCHAR,
        year INTEGER,
        jurisdiction VARCHAR,
        kind VARCHAR,
        languages VARCHAR,
        encoding VARCHAR,
        n_chars INTEGER,
        n_sentences INTEGER,
        text VARCHAR,
        norm_text VARCHAR,
        meta JSON,
        translation_of VARCHAR,
        pipeline_version VARCHAR,
        ingested_at TIMESTAMP
    );
    CREATE TABLE blocks (
        doc_id VARCHAR NOT NULL, id INTEGER NOT NULL, parent INTEGER, kind VARCHAR, level INTEGER,
        number VARCHAR, ordinal INTEGER, title VARCHAR, lang VARCHAR, start INTEGER, "end" INTEGER,
        norm_start INTEGER, norm_end INTEGER, duplicate_of INTEGER,
        PRIMARY KEY (doc_id, id)
    );
    CREATE TABLE sentences (
        doc_id VARCHAR NOT NULL, id INTEGER NOT NULL, block INTEGER, lang VARCHAR,
        start INTEGER, "end" INTEGER, norm_start INTEGER, norm_end INTEGER, text VARCHAR, tokens VARCHAR,
        PRIMARY KEY (doc_id, id)
    );
    CREATE TABLE beads (
        doc_zh VARCHAR NOT NULL, doc_en VARCHAR NOT NULL, seq INTEGER NOT NULL,
        zh INTEGER[], en INTEGER[], score DOUBLE, flag VARCHAR,
        PRIMARY KEY (doc_zh, doc_en, seq)
    );
    CREATE TABLE statements (
        doc_id VARCHAR NOT NULL, id INTEGER NOT NULL, kind VARCHAR, indicator VARCHAR,
        indicator_known BOOLEAN, comparator VARCHAR, value DOUBLE, value_high DOUBLE, unit VARCHAR,
        direction VARCHAR, year INTEGER, jurisdiction VARCHAR, sentence INTEGER,
        start INTEGER, "end" INTEGER, text VARCHAR, suspect BOOLEAN, suspect_reason VARCHAR,
        suggested_value DOUBLE, confidence DOUBLE,
        PRIMARY KEY (doc_id, id)
    );
    CREATE SEQUENCE ingest_log_seq;
    CREATE TABLE ingest_log (
        id BIGINT DEFAULT nextval('ingest_log_seq'), logged_at TIMESTAMP, source VARCHAR, doc_id VARCHAR,
        status VARCHAR, message VARCHAR
    );
    """,
]

DOC_COLUMNS = [
    "id", "source", "file_name", "title", "date", "year", "jurisdiction", "kind", "languages",
    "encoding", "n_chars", "n_sentences", "translation_of", "pipeline_version", "ingested_at",
]  # fmt: skip
CHILD_TABLES = ("blocks", "sentences", "statements")


class Store:
    """A DuckDB file with zhengce's schema. Open with :func:`open_store`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                parent = Path(self.path).expanduser().resolve().parent
                if not parent.exists():
                    raise StoreError(f"{self.path}: folder {parent} does not exist")
            self.con = _connect(self.path, read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                pid = re.search(r"PID (\d+)", str(exc))
                who = f"process {pid.group(1)}" if pid else "another process"
                raise StoreError(
                    f"{self.path}: {who} is writing this database (an ingest?); try again when it has "
                    "finished (DuckDB lets one process write, and nobody read meanwhile)"
                ) from exc
            raise StoreError(f"{self.path}: cannot open the database ({_first_line(exc)})") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a zhengce database ({_first_line(exc)})") from exc
        if not read_only:
            self.migrate()
        elif self.schema_version() != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {self.schema_version()}; open it writable to migrate")

    # -- schema ---------------------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'zhengce_meta'"
        ).fetchone()[0]
        if not has_meta:
            return 0
        row = self.con.execute("SELECT value FROM zhengce_meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made by a newer zhengce (schema {version} > {SCHEMA_VERSION}); upgrade zhengce"
            )
        if version == SCHEMA_VERSION:
            return
        if version == 0:
            tables = self.con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path}: a DuckDB file that is not a zhengce database")
        with self.transaction():
            if version == 0:
                self.con.execute("CREATE TABLE zhengce_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            for ddl in MIGRATIONS[version:]:
                self.con.execute(ddl)
            self.con.execute(
                "INSERT OR REPLACE INTO zhengce_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    # -- writing --------------------------------------------------------------------------
    def document_status(self, doc_id: str) -> tuple[str, dict[str, Any]] | None:
        """(pipeline version, overrides) of a stored document, or None when it is not stored."""
        row = self.con.execute(
            "SELECT pipeline_version, json_extract(meta, '$.overrides') FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if not row:
            return None
        return row[0], (json.loads(row[1]) if row[1] else {})

    def write_document(self, doc: Document, pipeline_version: str, replaces: Sequence[str] = ()) -> None:
        """Store a processed document and everything derived from it, in one transaction.

        A document already stored under the same id is replaced whole, so re-processing after a
        pipeline upgrade never leaves stale sentences or statements behind; ``replaces`` names
        earlier versions (an edited file's old content) removed in the same transaction.
        """
        with self.transaction():
            self._delete(doc.id)
            for old in replaces:
                self._delete(old)
            self.con.execute(
                f"INSERT INTO documents ({', '.join(_q(c) for c in DOC_COLUMNS)}, text, norm_text, meta) "
                f"VALUES ({', '.join('?' for _ in DOC_COLUMNS)}, ?, ?, ?)",
                [
                    doc.id, doc.source, _file_name(doc.source), doc.title, doc.date, doc.year,
                    doc.jurisdiction, doc.kind, ",".join(doc.languages), doc.encoding, len(doc.text),
                    len(doc.sentences), doc.translation_of, pipeline_version, _now(),
                    doc.text, doc.norm.text if doc.norm else None, json.dumps(doc.meta, ensure_ascii=False, default=str),
                ],
            )  # fmt: skip
            self._insert_rows("blocks", doc.id, doc.blocks, _BLOCK_SCHEMA)
            self._insert_rows("sentences", doc.id, doc.sentences, _SENT_SCHEMA, tokens=lambda s: " ".join(s.tokens))
            self._insert_rows("statements", doc.id, doc.statements, _STATEMENT_SCHEMA, id=lambda _: None)
            if doc.beads:
                self._write_beads(doc.id, doc.id, doc.beads)

    def write_beads(self, doc_zh: str, doc_en: str, beads: Sequence[Bead]) -> None:
        with self.transaction():
            self._write_beads(doc_zh, doc_en, beads)

    def _write_beads(self, doc_zh: str, doc_en: str, beads: Sequence[Bead]) -> None:
        # the pair's earlier alignment goes, in either orientation (an alignment made with the
        # documents swapped is replaced too, not kept beside the new one)
        self.con.execute(
            "DELETE FROM beads WHERE (doc_zh = ? AND doc_en = ?) OR (doc_zh = ? AND doc_en = ?)",
            [doc_zh, doc_en, doc_en, doc_zh],
        )
        rows = [
            {"doc_zh": doc_zh, "doc_en": doc_en, "seq": i, "zh": b.zh, "en": b.en, "score": b.score, "flag": b.flag}
            for i, b in enumerate(beads)
        ]
        self._insert_arrow("beads", pa.Table.from_pylist(rows, schema=_BEAD_SCHEMA))

    def _insert_rows(self, table_name: str, doc_id: str, items: Sequence[Any], schema: pa.Schema, **derived: Any) -> None:
        """Insert dataclass instances column by column (``dataclasses.asdict`` deep-copies and is slow).

        ``derived`` maps a column to a function of the item; ``id`` mapped to anything numbers the rows.
        """
        if not items:
            return
        columns: dict[str, list[Any]] = {"doc_id": [doc_id] * len(items)}
        for f in schema:
            if f.name == "doc_id":
                continue
            if f.name == "id" and "id" in derived:
                columns["id"] = list(range(len(items)))
            elif f.name in derived:
                columns[f.name] = [derived[f.name](x) for x in items]
            else:
                columns[f.name] = [getattr(x, f.name) for x in items]
        self._insert_arrow(table_name, pa.table(columns, schema=schema))

    def _insert_arrow(self, table_name: str, arrow: pa.Table) -> None:
        """Insert an Arrow table in one statement: far faster than row-by-row executemany."""
        cols = ", ".join(_q(name) for name in arrow.schema.names)
        self.con.register("_zhengce_rows", arrow)
        try:
            self.con.execute(f"INSERT INTO {table_name} ({cols}) SELECT {cols} FROM _zhengce_rows")
        finally:
            self.con.unregister("_zhengce_rows")

    def _delete(self, doc_id: str) -> None:
        for t in CHILD_TABLES:
            self.con.execute(f"DELETE FROM {t} WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM beads WHERE doc_zh = ? OR doc_en = ?", [doc_id, doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def ids_with_source(self, source: str) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM documents WHERE source = ?", [source]).fetchall()]

    def delete_document(self, doc_id: str) -> None:
        with self.transaction():
            self._delete(doc_id)

    def set_translation(self, doc_id: str, translation_of: str | None) -> None:
        self.con.execute("UPDATE documents SET translation_of = ? WHERE id = ?", [translation_of, doc_id])

    def log(self, source: str, status: str, message: str | None = None, doc_id: str | None = None) -> None:
        self.con.execute(
            "INSERT INTO ingest_log (logged_at, source, doc_id, status, message) VALUES (?, ?, ?, ?, ?)",
            [_now(), source, doc_id, status, message],
        )

    # -- reading --------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def frame(self, sql: str, params: Sequence[Any] | None = None):  # -> pandas.DataFrame
        return self.con.execute(sql, params or []).df()

    def documents(self, where: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        clause, params = _where(where or {})
        cols = ", ".join(_q(c) for c in DOC_COLUMNS)
        return self.query(f"SELECT {cols} FROM documents {clause} ORDER BY year NULLS LAST, jurisdiction, title", params)

    def document_row(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM documents WHERE id = ?", [doc_id])
        return rows[0] if rows else None

    def find_documents(self, ref: str) -> list[dict[str, Any]]:
        """Documents named by id (or an id prefix), exact title, source path or file name."""
        cols = ", ".join(_q(c) for c in DOC_COLUMNS)
        base = Path(ref).name
        resolved = str(Path(ref).expanduser().resolve()) if ref else ref
        return self.query(
            f"SELECT {cols} FROM documents WHERE id = ? OR starts_with(id, ?) OR title = ? OR source = ? "
            f"OR source = ? OR file_name = ? ORDER BY id",
            [ref, ref if len(ref) >= 4 else "\x00", ref, ref, resolved, base],
        )

    def search_titles(self, fragment: str, limit: int = 10) -> list[dict[str, Any]]:
        """Documents whose title or file name contains ``fragment`` (a fallback for naming documents)."""
        cols = ", ".join(_q(c) for c in DOC_COLUMNS)
        return self.query(
            f"SELECT {cols} FROM documents WHERE contains(title, ?) OR contains(file_name, ?) ORDER BY year, title LIMIT ?",
            [fragment, fragment, limit],
        )

    def search_titles_in_order(self, ref: str, limit: int = 10) -> list[dict[str, Any]]:
        """Documents whose title holds the characters of ``ref`` in order, gaps allowed.

        People name a report the short way ("2011年政府工作报告") while the corpus title is the
        formal one ("2011年中华人民共和国国务院政府工作报告"); a contiguous fragment misses that.
        """
        cols = ", ".join(_q(c) for c in DOC_COLUMNS)
        pattern = ".*".join(re.escape(ch) for ch in ref if not ch.isspace())
        return self.query(
            f"SELECT {cols} FROM documents WHERE regexp_matches(title, ?) ORDER BY year, title LIMIT ?",
            [pattern, limit],
        )

    def search_sentences(
        self, forms: Sequence[str], filters: dict[str, Any], lang: str | None = None, limit: int = 50
    ) -> list[dict[str, Any]]:
        """Sentences containing any of ``forms`` (case-insensitive), newest documents first, each
        with the text of its aligned counterpart when the sentence belongs to a bead."""
        match = " OR ".join(["contains(lower(s.text), lower(?))"] * len(forms))
        clause, params = _where({f"d.{k}": v for k, v in filters.items()}, qualified=True)
        extra = (" AND " + clause.removeprefix("WHERE ")) if clause else ""
        if lang:
            extra += " AND s.lang = ?"
            params.append(lang)
        return self.query(
            "SELECT d.id AS doc_id, d.title, d.year, d.jurisdiction, d.kind, s.id AS sentence, s.lang, s.text, "
            "CASE WHEN b.seq IS NULL THEN NULL "
            "WHEN s.lang = 'zh' THEN (SELECT string_agg(t.text, ' ' ORDER BY t.id) FROM sentences t "
            "  WHERE t.doc_id = b.doc_en AND list_contains(b.en, t.id)) "
            "ELSE (SELECT string_agg(t.text, '' ORDER BY t.id) FROM sentences t "
            "  WHERE t.doc_id = b.doc_zh AND list_contains(b.zh, t.id)) END AS translation "
            "FROM sentences s JOIN documents d ON d.id = s.doc_id "
            "LEFT JOIN beads b ON (b.doc_zh = s.doc_id AND s.lang = 'zh' AND list_contains(b.zh, s.id)) "
            "OR (b.doc_en = s.doc_id AND s.lang = 'en' AND list_contains(b.en, s.id)) "
            f"WHERE ({match}){extra} ORDER BY d.year DESC NULLS LAST, d.jurisdiction, d.title, s.id LIMIT ?",
            [*forms, *params, limit],
        )

    def count_mentions(self, forms: Sequence[str], filters: dict[str, Any]) -> list[dict[str, Any]]:
        """For every document the filters select, how often ``forms`` occur (0 included), by year."""
        clause, params = _where({f"d.{k}": v for k, v in filters.items()}, qualified=True)
        hits = " + ".join(
            ["(length(lower(s.text)) - length(replace(lower(s.text), lower(?), ''))) // length(?)"] * len(forms)
        )
        form_params = [x for f in forms for x in (f, f)]
        return self.query(
            "SELECT d.id AS doc_id, d.title, d.year, d.jurisdiction, d.kind, "
            "coalesce(m.mentions, 0) AS mentions, coalesce(m.sentences, 0) AS sentences, d.n_sentences "
            "FROM documents d LEFT JOIN (SELECT doc_id, sum(hits) AS mentions, count(*) AS sentences "
            f"FROM (SELECT s.doc_id, {hits} AS hits FROM sentences s) WHERE hits > 0 GROUP BY doc_id) m "
            f"ON m.doc_id = d.id {clause} ORDER BY d.year NULLS LAST, d.jurisdiction, d.title",
            [*form_params, *params],
        )

    def blocks(self, doc_id: str) -> list[Block]:
        rows = self.query("SELECT * EXCLUDE (doc_id) FROM blocks WHERE doc_id = ? ORDER BY id", [doc_id])
        return [Block(**r) for r in rows]

    def sentences(self, doc_id: str) -> list[Sentence]:
        rows = self.query("SELECT * EXCLUDE (doc_id) FROM sentences WHERE doc_id = ? ORDER BY id", [doc_id])
        out = []
        for r in rows:
            r["tokens"] = r["tokens"].split(" ") if r["tokens"] else []
            out.append(Sentence(**r))
        return out

    def statements(self, doc_id: str) -> list[Statement]:
        rows = self.query(
            "SELECT * EXCLUDE (doc_id, id) FROM statements WHERE doc_id = ? ORDER BY id", [doc_id]
        )
        return [Statement(**r) for r in rows]

    def beads(self, doc_zh: str, doc_en: str | None = None) -> list[Bead]:
        rows = self.query(
            "SELECT zh, en, score, flag FROM beads WHERE doc_zh = ? AND doc_en = ? ORDER BY seq",
            [doc_zh, doc_en or doc_zh],
        )
        return [Bead(zh=list(r["zh"]), en=list(r["en"]), score=r["score"], flag=r["flag"]) for r in rows]

    def bead_pairs(self, doc_id: str) -> list[tuple[str, str]]:
        """(zh document, en document) pairs that have beads and involve this document."""
        rows = self.con.execute(
            "SELECT DISTINCT doc_zh, doc_en FROM beads WHERE doc_zh = ? OR doc_en = ?", [doc_id, doc_id]
        ).fetchall()
        return [(a, b) for a, b in rows]

    def ingest_log(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM ingest_log ORDER BY id DESC LIMIT ?", [limit])

    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("documents", "blocks", "sentences", "beads", "statements"):
            out[t] = self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        return out


LOCK_WAIT_SECONDS = 10.0


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Connect, waiting a little while another process holds the file's lock.

    A short ingest (or the end of a long one) releases the lock within seconds; waiting here
    spares a user who reads while it runs a confusing error. A lock held longer still fails.
    """
    import time

    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.25)


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    return Store(path or default_path(), read_only=read_only)


# -- helpers ------------------------------------------------------------------------------
_BLOCK_SCHEMA = pa.schema(
    [("doc_id", pa.string()), ("id", pa.int32()), ("parent", pa.int32()), ("kind", pa.string()),
     ("level", pa.int32()), ("number", pa.string()), ("ordinal", pa.int32()), ("title", pa.string()),
     ("lang", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("norm_start", pa.int32()),
     ("norm_end", pa.int32()), ("duplicate_of", pa.int32())]
)  # fmt: skip
_SENT_SCHEMA = pa.schema(
    [("doc_id", pa.string()), ("id", pa.int32()), ("block", pa.int32()), ("lang", pa.string()),
     ("start", pa.int32()), ("end", pa.int32()), ("norm_start", pa.int32()), ("norm_end", pa.int32()),
     ("text", pa.string()), ("tokens", pa.string())]
)  # fmt: skip
_STATEMENT_SCHEMA = pa.schema(
    [("doc_id", pa.string()), ("id", pa.int32()), ("kind", pa.string()), ("indicator", pa.string()),
     ("indicator_known", pa.bool_()), ("comparator", pa.string()), ("value", pa.float64()),
     ("value_high", pa.float64()), ("unit", pa.string()), ("direction", pa.string()), ("year", pa.int32()),
     ("jurisdiction", pa.string()), ("sentence", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
     ("text", pa.string()), ("suspect", pa.bool_()), ("suspect_reason", pa.string()),
     ("suggested_value", pa.float64()), ("confidence", pa.float64())]
)  # fmt: skip
_BEAD_SCHEMA = pa.schema(
    [("doc_zh", pa.string()), ("doc_en", pa.string()), ("seq", pa.int32()), ("zh", pa.list_(pa.int32())),
     ("en", pa.list_(pa.int32())), ("score", pa.float64()), ("flag", pa.string())]
)  # fmt: skip


def _q(name: str) -> str:
    return f'"{name}"'


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _file_name(source: str) -> str:
    """The name a user knows a document by: the archive member's or the file's, without a row marker."""
    inner = source.split("::")[-1]
    return Path(inner.rsplit("#L", 1)[0]).name


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _where(filters: dict[str, Any], qualified: bool = False) -> tuple[str, list[Any]]:
    """A WHERE clause for equality filters (a list means IN); ``qualified`` keys are "alias.column"."""
    parts: list[str] = []
    params: list[Any] = []
    for key, value in filters.items():
        if value is None:
            continue
        name = ".".join(_q(k) for k in key.split(".", 1)) if qualified else _q(key)
        if isinstance(value, Iterable) and not isinstance(value, str):
            value = list(value)
            parts.append(f"{name} IN ({', '.join('?' for _ in value)})")
            params.extend(value)
        else:
            parts.append(f"{name} = ?")
            params.append(value)
    return ("WHERE " + " AND ".join(parts)) if parts else "", params
