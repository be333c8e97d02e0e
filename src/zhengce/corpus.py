"""The Python API: a :class:`Corpus` over one store.

Everything a user can do from the CLI, the REST API or the web UI is a method here; those faces
only parse arguments and print. Methods that list things return pandas DataFrames (ready for a
notebook or a spreadsheet); methods that return one thing return the domain dataclasses.
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from . import pipeline
from .model import KINDS, Document, RawDocument, ReadError
from .store import Store, StoreError, open_store


class ZhengceError(Exception):
    """An error the user can act on; the CLI prints it as one line."""


@dataclass
class IngestResult:
    source: str
    status: str  # "ingested" | "updated" | "unchanged" | "failed" | "skipped"
    doc_id: str | None = None
    title: str | None = None
    message: str | None = None


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    stopped: bool = False  # the caller's ``stop`` asked to end before every file was read

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    def summary(self) -> dict[str, int]:
        return {s: self.count(s) for s in ("ingested", "updated", "unchanged", "skipped", "failed")}


class Corpus:
    """A collection of processed documents in one DuckDB file."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        workers: int | None = None,
        extract: bool = True,
    ) -> None:
        if workers is None:
            workers = default_workers() if _workers_are_safe() else 1
        self.workers = workers
        self.extract = extract  # False skips statement extraction (benchmarks measure its cost)
        try:
            self.store: Store = open_store(path, read_only=read_only)
        except StoreError as exc:
            raise ZhengceError(str(exc)) from exc
        self.path = self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        jurisdiction: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        lang: str | None = None,
        title: str | None = None,
        translation_of: str | None = None,
        force: bool = False,
        read_options: Any = None,
        on_result: Callable[[IngestResult], None] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> IngestReport:
        """Read, process and store every document found under ``paths``.

        A file that cannot be read or processed is reported and skipped; what is already stored
        is never touched by a failure. A document whose content is already stored (by the same
        pipeline version) is reported "unchanged" and not processed again unless ``force``.
        """
        from .readers import Skipped, read_paths

        overrides = _overrides(jurisdiction=jurisdiction, year=year, kind=kind, lang=lang, title=title)
        original_id = self.resolve(translation_of) if translation_of else None
        report = IngestReport()

        def emit(result: IngestResult) -> None:
            report.results.append(result)
            self.store.log(result.source, result.status, result.message, result.doc_id)
            if on_result:
                on_result(result)

        # Documents are processed in worker processes (the stages are pure CPU work) and written
        # here, one transaction each, in the order they were read. At most `window` are in flight.
        queue: deque[Callable[[], IngestResult]] = deque()
        seen: set[str] = set()
        pool = _Pool(self.workers, extract=self.extract)
        window = max(2, 2 * self.workers)
        try:
            for item in read_paths([str(p) for p in paths], read_options):
                if stop is not None and stop():
                    report.stopped = True
                    break  # asked to stop: finish what is in flight, read nothing more
                if isinstance(item, Skipped):
                    queue.append(partial(IngestResult, item.source, "skipped", message=item.reason))
                elif isinstance(item, ReadError):
                    queue.append(partial(IngestResult, item.source, "failed", message=item.message))
                else:
                    queue.append(self._plan(item, overrides, force, original_id, seen, pool))
                while len(queue) > window:
                    emit(queue.popleft()())
            while queue:
                emit(queue.popleft()())
        finally:
            pool.close()
        return report

    def _plan(
        self,
        raw: RawDocument,
        overrides: dict[str, Any],
        force: bool,
        original_id: str | None,
        seen: set[str],
        pool: _Pool,
    ) -> Callable[[], IngestResult]:
        """Decide what to do with one document now; return what finishes it later."""
        doc_id = pipeline.content_id(raw.text)
        stored = self.store.document_status(doc_id)
        if stored and not overrides:
            overrides = stored[1]  # ingesting again without options keeps the ones given before
        if doc_id in seen or (stored == (pipeline.PIPELINE_VERSION, overrides) and not force and not original_id):
            title = (self.store.document_row(doc_id) or {}).get("title") if doc_id not in seen else None
            note = "same content as an earlier file in this batch" if doc_id in seen else None
            return lambda: IngestResult(raw.source, "unchanged", doc_id, title, note)
        seen.add(doc_id)
        if len(raw.text) > pipeline.MAX_CHARS:
            message = (
                f"document has {len(raw.text):,} characters, more than the {pipeline.MAX_CHARS:,} zhengce "
                f"processes as one document: split it into smaller files"
            )
            return partial(IngestResult, raw.source, "failed", doc_id, message=message)
        if overrides:
            raw.meta["overrides"] = overrides
        future = pool.submit(raw, overrides)

        def finish() -> IngestResult:
            try:
                doc = future.result()
            except Exception as exc:  # a bug in a stage must not abort the batch
                return IngestResult(raw.source, "failed", doc_id, message=f"processing failed: {type(exc).__name__}: {exc}")
            if original_id:
                doc.translation_of = original_id
            # the same file with new content replaces its earlier version instead of joining it
            older = [i for i in self.store.ids_with_source(raw.source) if i != doc.id]
            self.store.write_document(doc, pipeline.PIPELINE_VERSION, replaces=older)
            if original_id:
                self.align(original_id, doc.id)
            note = f"replaces the earlier version ({', '.join(older)})" if older else None
            status = "updated" if stored or older else "ingested"
            return IngestResult(raw.source, status, doc.id, doc.title, note)

        return finish

    # -- documents ------------------------------------------------------------------------
    def resolve(self, ref: str) -> str:
        """A document id from an id, id prefix, title, source path or file name."""
        from .text.normalise import normalise, to_simplified

        ref = ref.strip()
        rows = self.store.find_documents(ref)
        if not rows and len(ref) >= 2:
            # a part of a title, or (Chinese) its characters in order: "2011年政府工作报告" for
            # "2011年中华人民共和国国务院政府工作报告". Both are tried before deciding, so that a
            # name matching one title as a fragment and another in order is reported ambiguous.
            folded = to_simplified(normalise(ref).text)
            rows = self.store.search_titles(folded, limit=50)
            if _CJK_CHAR.search(folded) and len(folded) >= 4:
                rows += self.store.search_titles_in_order(folded, limit=50)
        if not rows:
            raise ZhengceError(f"no document matches {ref!r} (try `zhengce docs` for ids and titles)")
        ids = list(dict.fromkeys(r["id"] for r in rows))
        if len(ids) > 1:
            from .jurisdictions import PROVINCES

            # "2025年政府工作报告" names no province: the national report is meant
            if not any(j.short in ref for j in PROVINCES):
                national = list(dict.fromkeys(r["id"] for r in rows if r["jurisdiction"] == "national"))
                if len(national) == 1:
                    return national[0]
            first = {r["id"]: r for r in rows}
            names = "; ".join(f"{i} {first[i]['title'] or first[i]['source']}" for i in ids[:6])
            more = f" (and {len(ids) - 6} more)" if len(ids) > 6 else ""
            raise ZhengceError(f"{ref!r} matches {len(ids)} documents: {names}{more} — use an id or a longer name")
        return rows[0]["id"]

    def documents(
        self,
        *,
        jurisdiction: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        lang: str | None = None,
    ) -> pd.DataFrame:
        where: dict[str, Any] = {"year": year, "kind": kind}
        if jurisdiction:
            where["jurisdiction"] = _jurisdiction(jurisdiction)
        rows = self.store.documents(where)
        if lang:
            _check_choice("language", [lang], ("zh", "en", "bilingual"))
            wanted = {"zh", "en"} if lang == "bilingual" else {lang}
            rows = [r for r in rows if wanted <= set((r["languages"] or "").split(","))]
        return pd.DataFrame(rows, columns=_DOC_LIST_COLUMNS) if rows else pd.DataFrame(columns=_DOC_LIST_COLUMNS)

    def document(self, ref: str) -> Document:
        """A stored document with its structure, sentences, statements and alignment."""
        doc_id = self.resolve(ref)
        row = self.store.document_row(doc_id)
        assert row is not None
        doc = Document(
            id=row["id"],
            source=row["source"],
            text=row["text"],
            title=row["title"],
            date=row["date"],
            year=row["year"],
            jurisdiction=row["jurisdiction"],
            kind=row["kind"],
            languages=[x for x in (row["languages"] or "").split(",") if x],
            encoding=row["encoding"],
            translation_of=row["translation_of"],
        )
        doc.blocks = self.store.blocks(doc_id)
        doc.sentences = self.store.sentences(doc_id)
        doc.statements = self.store.statements(doc_id)
        doc.beads = self.store.beads(doc_id)
        return doc

    def sentences(self, ref: str | None = None, *, lang: str | None = None) -> pd.DataFrame:
        params: list[Any] = []
        clause = []
        if ref:
            clause.append("doc_id = ?")
            params.append(self.resolve(ref))
        if lang:
            clause.append("lang = ?")
            params.append(lang)
        where = ("WHERE " + " AND ".join(clause)) if clause else ""
        return self.store.frame(
            f'SELECT doc_id, id, block, lang, start, "end", text FROM sentences {where} ORDER BY doc_id, id', params
        )

    def blocks(self, ref: str | None = None) -> pd.DataFrame:
        params: list[Any] = []
        where = ""
        if ref:
            where = "WHERE doc_id = ?"
            params.append(self.resolve(ref))
        return self.store.frame(
            f'SELECT doc_id, id, parent, kind, level, number, ordinal, title, lang, start, "end", duplicate_of '
            f"FROM blocks {where} ORDER BY doc_id, id",
            params,
        )

    def table(self, name: str, ref: str | None = None) -> pd.DataFrame:
        """A whole table for export: documents, blocks, sentences, statements or beads."""
        if name == "documents":
            return self.documents()
        if name == "sentences":
            return self.sentences(ref)
        if name == "blocks":
            return self.blocks(ref)
        if name == "statements":
            where, params = ("WHERE doc_id = ?", [self.resolve(ref)]) if ref else ("", [])
            return self.store.frame(f"SELECT * FROM statements {where} ORDER BY doc_id, id", params)
        if name == "beads":
            where, params = ("WHERE doc_zh = ? OR doc_en = ?", [self.resolve(ref)] * 2) if ref else ("", [])
            return self.store.frame(f"SELECT * FROM beads {where} ORDER BY doc_zh, doc_en, seq", params)
        raise ZhengceError(f"unknown table {name!r}: choose from {', '.join(TABLES)}")

    def ingest_log(self, limit: int = 100) -> pd.DataFrame:
        return pd.DataFrame(self.store.ingest_log(limit))

    def stats(self) -> dict[str, int]:
        return self.store.counts()

    # -- statements, targets, scoreboard --------------------------------------------------
    def statements(
        self,
        *,
        kind: str | Iterable[str] | None = None,
        indicator: str | None = None,
        jurisdiction: str | None = None,
        year: int | None = None,
        doc: str | None = None,
        suspect: bool | None = None,
    ) -> pd.DataFrame:
        """Quantitative statements with their source clause, one row each (see STATEMENT_COLUMNS).

        ``year`` is the year a value is about: a target's plan year, an outcome's review year;
        ``report_year`` is the year of the document that states it.
        """
        clause: list[str] = []
        params: list[Any] = []
        if kind:
            kinds = [kind] if isinstance(kind, str) else list(kind)
            _check_choice("statement kind", kinds, STATEMENT_KINDS)
            clause.append(f"s.kind IN ({', '.join('?' for _ in kinds)})")
            params.extend(kinds)
        for col, value in (("indicator", indicator), ("year", year)):
            if value is not None:
                clause.append(f"s.{col} = ?")
                params.append(value)
        if jurisdiction:
            clause.append("s.jurisdiction = ?")
            params.append(_jurisdiction(jurisdiction))
        if doc:
            clause.append("s.doc_id = ?")
            params.append(self.resolve(doc))
        if suspect is not None:
            clause.append("s.suspect = ?")
            params.append(suspect)
        where = ("WHERE " + " AND ".join(clause)) if clause else ""
        cols = ", ".join(f's."{c}"' if c not in ("doc", "report_year") else _STATEMENT_EXPR[c] for c in STATEMENT_COLUMNS)
        return self.store.frame(
            f"SELECT {cols} FROM statements s JOIN documents d ON d.id = s.doc_id {where} "
            f"ORDER BY s.jurisdiction, s.year, d.source, s.start",
            params,
        )

    def scoreboard(
        self,
        indicator: str,
        jurisdiction: str = "national",
        *,
        tolerance: float | None = None,
        relative_tolerance: float | None = None,
    ) -> pd.DataFrame:
        """Every year's target for an indicator beside the outcome the next report gives."""
        from . import scoreboard as sb

        j = _jurisdiction(jurisdiction)
        df = self._weighted(self.statements(kind=["target", "outcome"], indicator=indicator, jurisdiction=j))
        return sb.scoreboard(
            df, indicator, j,
            tolerance=sb.DEFAULT_TOLERANCE if tolerance is None else tolerance,
            relative_tolerance=sb.DEFAULT_RELATIVE_TOLERANCE if relative_tolerance is None else relative_tolerance,
        )  # fmt: skip

    def compare(self, left: tuple[str, int], right: tuple[str, int]) -> pd.DataFrame:
        """Targets of two (jurisdiction, year) pairs side by side: added, dropped, changed, same."""
        from .scoreboard import compare_targets

        left = (_jurisdiction(left[0]), int(left[1]))
        right = (_jurisdiction(right[0]), int(right[1]))
        targets = self._weighted(self.statements(kind="target"))
        for j, y in (left, right):
            if not ((targets.jurisdiction == j) & (targets.year == y)).any():
                # comparing against nothing would list every target as added or dropped
                raise ZhengceError(f"no targets stored for {j} {y}: is its report ingested? (see `zhengce docs`)")
        df = compare_targets(targets, left, right)
        if left[1] == right[1] and left[0] != right[0]:  # place against place: no "added" or "dropped"
            words = {"added": f"only {right[0]}", "dropped": f"only {left[0]}", "changed": "differs"}
            df["change"] = df["change"].map(lambda c: words.get(c, c))
        return df

    def indicator_key(self, name: str) -> str:
        """The indicator key a user means: a key as is (any case), or a phrase the lexicon knows
        ("国内生产总值", "GDP", "urban new jobs" → gdp_growth, urban_new_jobs). Unknown names come
        back unchanged; :meth:`suggest_indicators` offers the nearest keys."""
        from .extract.lexicon import load_lexicon

        key = name.strip()
        lexicon = load_lexicon()
        if key in lexicon or key.lower() in lexicon:
            return key if key in lexicon else key.lower()
        for lang in ("zh", "en"):
            found = lexicon.find(key, lang)
            if len(found) == 1 and found[0].end - found[0].start == len(key):
                return found[0].key
        return key

    def suggest_indicators(self, name: str, n: int = 3) -> list[str]:
        import difflib

        known = [k for k in self.indicators()["indicator"] if isinstance(k, str)]
        return difflib.get_close_matches(name.lower(), known, n=n, cutoff=0.6)

    def _weighted(self, statements: pd.DataFrame) -> pd.DataFrame:
        """Statements with ``doc_weight``: how full a report their document is (a government work
        report's sentences in one language; other kinds rank below any report)."""
        docs = self.store.frame("SELECT id AS doc_id, kind, n_sentences, languages FROM documents")
        # a bilingual document holds each sentence twice: count one language's worth
        n_langs = docs["languages"].fillna("").str.count(",") + 1
        weight = docs["n_sentences"].fillna(0) / n_langs + (docs["kind"] == "government_work_report") * 1_000_000
        return statements.merge(docs.assign(doc_weight=weight)[["doc_id", "doc_weight"]], on="doc_id", how="left")

    def indicators(self) -> pd.DataFrame:
        """Indicators with how many targets and outcomes mention them."""
        return self.store.frame(
            "SELECT indicator, any_value(indicator_known) AS known, "
            "count(*) FILTER (WHERE kind = 'target') AS targets, "
            "count(*) FILTER (WHERE kind = 'outcome') AS outcomes, count(*) AS statements "
            "FROM statements GROUP BY indicator ORDER BY statements DESC, indicator"
        )

    # -- alignment ------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        year: int | None = None,
        jurisdiction: str | None = None,
        kind: str | None = None,
        lang: str | None = None,
        limit: int = 50,
    ) -> pd.DataFrame:
        """Sentences containing ``query`` (or any form of the glossary term it names), newest
        documents first, each with its aligned translation where there is one."""
        forms = _query_forms(query)
        _check_choice("language", [lang] if lang else [], ("zh", "en"))
        _check_choice("document kind", [kind] if kind else [], KINDS)
        filters = {"year": year, "kind": kind, "jurisdiction": _jurisdiction(jurisdiction) if jurisdiction else None}
        rows = self.store.search_sentences(forms, filters, lang=lang, limit=limit)
        cols = ["doc", "doc_id", "year", "jurisdiction", "kind", "sentence", "lang", "text", "translation"]
        return pd.DataFrame([{**r, "doc": r["title"]} for r in rows], columns=cols)

    def trend(
        self, query: str, *, jurisdiction: str | None = None, kind: str | None = "government_work_report"
    ) -> pd.DataFrame:
        """How often a term occurs in each document, year by year: when a concept appears, how it
        spreads, and where (every selected document is listed, those without it as 0)."""
        forms = _query_forms(query)
        _check_choice("document kind", [kind] if kind else [], KINDS)
        filters = {"kind": kind, "jurisdiction": _jurisdiction(jurisdiction) if jurisdiction else None}
        cols = ["year", "jurisdiction", "doc", "doc_id", "mentions", "sentences", "per_1000_sentences"]
        out = [
            {
                **r,
                "doc": r["title"],
                "per_1000_sentences": round(1000 * r["sentences"] / r["n_sentences"], 2) if r["n_sentences"] else 0.0,
            }
            for r in self.store.count_mentions(forms, filters)
        ]
        return pd.DataFrame(out, columns=cols)

    def aligned(self, query: str, *, limit: int = 20) -> pd.DataFrame:
        """Sentences containing ``query`` in either language, each beside its aligned translation."""
        from .bilingual import lookup

        try:
            return lookup(self, query, limit=limit)
        except ValueError as exc:
            raise ZhengceError(str(exc)) from exc

    def align(self, zh_ref: str, en_ref: str, encoder: Any = None) -> list[Any]:
        """Align a Chinese document with its English translation and store the beads."""
        from .align import align_pair

        zh, en = self.document(zh_ref), self.document(en_ref)
        if zh.id == en.id:
            raise ZhengceError(
                f"{zh_ref!r} and {en_ref!r} are the same document: align needs a Chinese document and its "
                "English translation (an interleaved bilingual document is aligned when it is ingested)"
            )
        langs = (_main_language(zh), _main_language(en))
        if langs == ("en", "zh"):
            zh, en = en, zh  # given the other way round: the order of the arguments is not the point
        elif langs != ("zh", "en"):
            raise ZhengceError(
                f"align needs one Chinese and one English document; {zh_ref!r} is mostly {langs[0] or 'empty'} "
                f"and {en_ref!r} mostly {langs[1] or 'empty'}"
            )
        beads = align_pair(zh, en, encoder)
        self.store.write_beads(zh.id, en.id, beads)
        return beads


class _Pool:
    """Worker processes for the pipeline, started only when a second document needs processing.

    A single document (the common case in tests and small ingests) is processed inline, so it
    pays no start-up cost. Workers come from a fork server: forking this process directly would
    copy the open database connection and its threads.
    """

    def __init__(self, workers: int, **process_kwargs: Any) -> None:
        self.workers = workers
        self.kwargs = process_kwargs
        self.executor: Any = None
        self.submitted = 0
        self.broken = False  # the workers died (e.g. an unguarded script): process inline from now on

    def submit(self, raw: RawDocument, overrides: dict[str, Any]) -> Any:
        self.submitted += 1
        if self.workers <= 1 or self.submitted == 1 or self.broken:
            return _Done(raw, overrides, self.kwargs)
        if self.executor is None:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            if "forkserver" in mp.get_all_start_methods():
                ctx = mp.get_context("forkserver")
                # The fork server imports the caller's __main__ by default, which re-runs a user's
                # unguarded script (and its zhengce.open) in the server. Preload only the pipeline.
                ctx.set_forkserver_preload(["zhengce.pipeline"])
            else:
                ctx = mp.get_context("spawn")  # macOS/Windows: scripts need `if __name__ == "__main__":`
            self.executor = ProcessPoolExecutor(self.workers, mp_context=ctx)
        return _Pooled(self, self.executor.submit(pipeline.process, raw, overrides, **self.kwargs), raw, overrides)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)


class _Pooled:
    """A worker's future that falls back to processing inline when the worker pool has broken."""

    def __init__(self, pool: _Pool, future: Any, raw: RawDocument, overrides: dict[str, Any]) -> None:
        self.pool, self.future, self.raw, self.overrides = pool, future, raw, overrides

    def result(self) -> Document:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.future.result()
        except BrokenProcessPool:
            if not self.pool.broken:
                self.pool.broken = True
                warnings.warn(
                    "zhengce: the worker processes stopped (a script calling zhengce needs "
                    '`if __name__ == "__main__":`); processing the rest in this process',
                    RuntimeWarning,
                    stacklevel=2,
                )
            return pipeline.process(self.raw, self.overrides, **self.pool.kwargs)


class _Done:
    """An inline 'future': processes when asked for the result, raising as a future would."""

    def __init__(self, raw: RawDocument, overrides: dict[str, Any], kwargs: dict[str, Any]) -> None:
        self.raw, self.overrides, self.kwargs = raw, overrides, kwargs

    def result(self) -> Document:
        return pipeline.process(self.raw, self.overrides, **self.kwargs)


STATEMENT_KINDS = ("target", "outcome", "statistic")


def _check_choice(what: str, given: Iterable[str], allowed: Iterable[str]) -> None:
    """A filter value that can never match is a typo: say so rather than return nothing."""
    allowed = tuple(allowed)
    for value in given:
        if value not in allowed:
            raise ZhengceError(f"unknown {what} {value!r}: choose from {', '.join(allowed)}")


def _main_language(doc: Document) -> str | None:
    """The language most of a document's sentences are in ("zh" or "en"), None when it has none."""
    counts: dict[str, int] = {}
    for sentence in doc.sentences:
        counts[sentence.lang] = counts.get(sentence.lang, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _query_forms(query: str) -> list[str]:
    from .glossary import query_forms

    try:
        return query_forms(query)
    except ValueError as exc:
        raise ZhengceError(str(exc)) from exc


def default_workers() -> int:
    """``$ZHENGCE_WORKERS``, else one process per core, at most four."""
    env = os.environ.get("ZHENGCE_WORKERS")
    if env and env.isdigit():
        return max(1, int(env))
    return max(1, min(4, os.cpu_count() or 1))


def _workers_are_safe() -> bool:
    """Whether worker processes can start without re-running the caller's script.

    Fork-server and spawn workers import the ``__main__`` file; a script without
    ``if __name__ == "__main__":`` would run again in each worker (and fail on the database
    lock). Interactive sessions, notebooks, ``python -c`` and ``python -m`` are safe; for a
    script, the API uses one process unless told otherwise (``workers=`` or $ZHENGCE_WORKERS).
    """
    if os.environ.get("ZHENGCE_WORKERS"):
        return True
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__file__", None) is None:
        return True
    spec_name = getattr(getattr(main, "__spec__", None), "name", None)
    return bool(spec_name) and (spec_name == "__main__" or spec_name.endswith(".__main__"))


TABLES = ("documents", "blocks", "sentences", "statements", "beads")
_DOC_LIST_COLUMNS = [
    "id", "title", "year", "jurisdiction", "kind", "languages", "date", "n_chars", "n_sentences",
    "source", "file_name", "encoding", "translation_of", "pipeline_version", "ingested_at",
]  # fmt: skip


STATEMENT_COLUMNS = [
    "doc", "doc_id", "report_year", "jurisdiction", "year", "kind", "indicator", "comparator", "value",
    "value_high", "unit", "direction", "text", "start", "end", "sentence", "suspect", "suspect_reason",
    "suggested_value", "confidence", "indicator_known",
]  # fmt: skip
_STATEMENT_EXPR = {"doc": "d.source AS doc", "report_year": "d.year AS report_year"}


def _jurisdiction(name: str) -> str:
    from .jurisdictions import normalise_jurisdiction

    try:
        return normalise_jurisdiction(name)
    except ValueError as exc:
        raise ZhengceError(str(exc)) from exc


def _overrides(**values: Any) -> dict[str, Any]:
    out = {k: v for k, v in values.items() if v is not None}
    if "year" in out and not 1900 <= int(out["year"]) <= 2200:
        raise ZhengceError(f"year {out['year']} is not a plausible year for a policy document (1900–2200)")
    if "jurisdiction" in out:
        out["jurisdiction"] = _jurisdiction(out["jurisdiction"])
    if "kind" in out:
        _check_choice("kind", [out["kind"]], KINDS)
    if "lang" in out and out["lang"] not in ("zh", "en", "bilingual"):
        raise ZhengceError(f"unknown language {out['lang']!r}: choose zh, en or bilingual")
    return out


def open(path: str | Path | None = None, *, read_only: bool = False, workers: int | None = None) -> Corpus:  # noqa: A001
    """Open (or create) a zhengce database; the default is ``$ZHENGCE_DB`` or ./zhengce.duckdb."""
    return Corpus(path, read_only=read_only, workers=workers)
