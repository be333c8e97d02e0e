"""The ``zhengce`` command: a thin face over :mod:`zhengce.corpus`.

Each command parses its arguments, calls one Corpus method and prints the result with the shared
``--format`` convention. Errors a user can act on are one line on standard error and exit 2;
a batch in which some files failed exits 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import pandas as pd
import typer
from rich.console import Console

from .corpus import TABLES, Corpus, IngestResult, ZhengceError, default_workers
from .output import FORMATS, console, write_rows

app = typer.Typer(
    help="zhengce (政策): China's policy documents as data you can search, compare and track.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

DbOpt = Annotated[
    str | None,
    typer.Option("--db", envvar="ZHENGCE_DB", help="Database file [default: ./zhengce.duckdb]", show_default=False),
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help=f"{'|'.join(FORMATS)} [default: table on a terminal, else csv]"),
]
OutOpt = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file instead of stdout")]


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def corpus(db: str | None, *, read_only: bool = False) -> Iterator[Corpus]:
    try:
        c = Corpus(db, read_only=read_only)
    except ZhengceError as exc:
        fail(str(exc))
    try:
        yield c
    except ZhengceError as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc))
    finally:
        c.close()


@contextmanager
def _sigterm_requests_stop() -> Iterator[Callable[[], bool]]:
    """SIGTERM (a `kill`, a container stopping) asks the ingest to stop between documents, so the
    one being written is committed, the worker processes are shut down, and none is orphaned."""
    import signal

    asked: list[int] = []

    def handler(signum: int, frame: Any) -> None:
        asked.append(signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (a test runner's worker): nothing to install
        yield lambda: False
        return
    try:
        yield lambda: bool(asked)
    finally:
        signal.signal(signal.SIGTERM, previous)


def reader(db: str | None) -> Any:
    """The corpus for a command that only reads: opened read-only, and never created by a typo."""
    from .store import default_path

    path = Path(db or default_path())
    if not path.exists():
        fail(f"no database at {path}: ingest documents first (`zhengce ingest PATH... --db {path}`)")
    return corpus(str(path), read_only=True)


def _is_table(fmt: str | None, out: str | None) -> bool:
    """Whether rows go out as a table (and so may be narrowed to the columns a person reads)."""
    from .output import resolve_format

    try:
        return resolve_format(fmt, out) == "table"
    except ValueError as exc:
        fail(str(exc))


def show_rows(df: pd.DataFrame, fmt: str | None, out: str | None = None, title: str | None = None) -> None:
    try:
        write_rows(df, fmt, out, title=title)
    except (ValueError, OSError) as exc:
        fail(str(exc))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, .zip archives, .jsonl/.csv corpora")],
    db: DbOpt = None,
    jurisdiction: Annotated[str | None, typer.Option(help="national, or a province (上海 / Shanghai)")] = None,
    year: Annotated[int | None, typer.Option(help="Year of the document(s)")] = None,
    kind: Annotated[str | None, typer.Option(help="government_work_report|news|speech|other")] = None,
    lang: Annotated[str | None, typer.Option(help="zh|en|bilingual")] = None,
    title: Annotated[str | None, typer.Option(help="Title of the document")] = None,
    translation_of: Annotated[
        str | None, typer.Option("--translation-of", help="This document translates DOC: align the two")
    ] = None,
    force: Annotated[bool, typer.Option(help="Process documents again even if already stored")] = False,
    text_field: Annotated[str | None, typer.Option(help="JSONL/CSV: field holding the text")] = None,
    title_field: Annotated[str | None, typer.Option(help="JSONL/CSV: field holding the title")] = None,
    year_field: Annotated[str | None, typer.Option(help="JSONL/CSV: field holding the year")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Refuse files larger than this")] = 64.0,
    workers: Annotated[
        int | None, typer.Option(help="Processes for the pipeline [default: $ZHENGCE_WORKERS or the cores, max 4]")
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Read documents, process them and store them. Re-ingesting a stored document changes nothing."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .readers import ReadOptions

    options = ReadOptions(
        text_field=text_field, title_field=title_field, year_field=year_field, max_bytes=int(max_mb * 1024 * 1024)
    )
    show_progress = err.is_terminal
    with corpus(db) as c:
        # The console script guards its entry point, so worker processes are safe here even
        # where the Python API (see Corpus) would default to one process.
        c.workers = max(1, workers) if workers is not None else default_workers()
        progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
            TimeElapsedColumn(), console=err, transient=True, disable=not show_progress,
        )  # fmt: skip
        with progress:
            task = progress.add_task("ingesting", total=None)

            def on_result(r: IngestResult) -> None:
                progress.update(task, advance=1, description=_short(r.source))

            with _sigterm_requests_stop() as stopping:
                report = c.ingest(
                    paths, jurisdiction=jurisdiction, year=year, kind=kind, lang=lang, title=title,
                    translation_of=translation_of, force=force, read_options=options, on_result=on_result,
                    stop=stopping,
                )  # fmt: skip
        rows = pd.DataFrame(
            [
                {"status": r.status, "source": r.source, "id": r.doc_id, "title": r.title, "message": r.message}
                for r in report.results
            ],
            columns=["status", "source", "id", "title", "message"],
        )
        counts = report.summary()
        line = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "nothing found"
        if (fmt or ("table" if sys.stdout.isatty() else None)) == "table":
            # a person gets the counts and the reasons; every file's row is one --format away
            summary = pd.DataFrame(
                [{"status": s, "documents": n} for s, n in counts.items() if n], columns=["status", "documents"]
            )
            show_rows(summary, "table", title=f"ingest → {c.path}")
            if report.failed:
                failed = rows[rows.status == "failed"][["source", "message"]].rename(columns={"message": "reason"})
                show_rows(failed, "table", title="failed")
        else:
            if fmt:
                show_rows(rows, fmt)
            for r in report.failed:
                err.print(f"[red]failed[/] {r.source}: {r.message}", highlight=False, soft_wrap=True)
        err.print(f"{line} → {c.path}", highlight=False)
        if report.stopped:
            err.print("stopped on request (SIGTERM) before every file was read; run the same command "
                      "again to go on: what is stored is skipped as unchanged", highlight=False, soft_wrap=True)  # fmt: skip
            raise typer.Exit(143)
        if report.failed:
            raise typer.Exit(1)


@app.command()
def docs(
    db: DbOpt = None,
    jurisdiction: Annotated[str | None, typer.Option(help="national, or a province")] = None,
    year: Annotated[int | None, typer.Option()] = None,
    kind: Annotated[str | None, typer.Option()] = None,
    lang: Annotated[str | None, typer.Option(help="zh|en")] = None,
    fmt: FormatOpt = None,
    out: OutOpt = None,
) -> None:
    """List stored documents."""
    with reader(db) as c:
        df = c.documents(jurisdiction=jurisdiction, year=year, kind=kind, lang=lang)
        if _is_table(fmt, out):
            df = df[["id", "title", "year", "jurisdiction", "kind", "languages", "n_chars", "n_sentences"]]
        show_rows(df, fmt, out, title=f"{len(df)} documents in {c.path}")


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id (or prefix), title, source path or file name")],
    db: DbOpt = None,
    structure: Annotated[bool, typer.Option("--structure", help="The tree of parts, tasks and headings")] = False,
    sentences: Annotated[bool, typer.Option("--sentences", help="Every sentence with its span")] = False,
    bilingual: Annotated[bool, typer.Option("--bilingual", help="Chinese and English side by side")] = False,
    fmt: FormatOpt = None,
) -> None:
    """Show one document: its metadata and text, structure, sentences or bilingual alignment."""
    from .render import render_bilingual, render_header, render_structure

    with reader(db) as c:
        d = c.document(doc)
        if structure:
            if fmt and fmt != "table":
                show_rows(c.blocks(d.id), fmt)
            else:
                render_structure(d, console())
        elif sentences:
            df = c.sentences(d.id)
            show_rows(df, fmt, title=d.title)
        elif bilingual:
            if fmt and fmt != "table":
                from .bilingual import export_bilingual

                try:
                    export_bilingual(c, d.id, fmt, None)  # the same pairs `export --bilingual` writes
                except ValueError as exc:
                    fail(str(exc))
            else:
                render_bilingual(c, d, console())
        elif fmt and fmt != "table":
            docs = c.documents()
            show_rows(docs[docs["id"] == d.id], fmt)  # the metadata row; the text is one `export` away
        else:
            render_header(d, console())


@app.command()
def export(
    what: Annotated[str, typer.Argument(help=f"A table ({', '.join(TABLES)}) or a document")],
    db: DbOpt = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document's rows")] = None,
    bilingual: Annotated[bool, typer.Option("--bilingual", help="A document's aligned sentence pairs")] = False,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="csv|json|jsonl|parquet (+ tmx|html with --bilingual) [default: from -o, else csv]"),
    ] = None,
    out: OutOpt = None,
) -> None:
    """Export a table (documents, blocks, sentences, statements, beads) or one document."""
    from .output import format_for_path

    suffix = Path(out).suffix.lower() if out else ""
    fmt = fmt or ({".tmx": "tmx", ".html": "html", ".htm": "html"}.get(suffix) if bilingual else None)
    fmt = fmt or format_for_path(out) or "csv"
    with reader(db) as c:
        if what in TABLES and not bilingual:
            show_rows(c.table(what, doc), fmt, out)
            return
        ref = what
        if bilingual:
            from .bilingual import export_bilingual

            try:
                export_bilingual(c, ref, fmt, out)
            except ValueError as exc:
                fail(str(exc))
            return
        show_rows(c.sentences(ref), fmt, out)


StmtFmtOpt = Annotated[str | None, typer.Option("--format", "-f", help="table|csv|json|jsonl|parquet")]


def _statement_command(kind: list[str] | None, indicator, jurisdiction, year, doc, suspect, db, fmt, out, title):
    with reader(db) as c:
        df = c.statements(kind=kind, indicator=indicator, jurisdiction=jurisdiction, year=year, doc=doc,
                          suspect=suspect)  # fmt: skip
        if _is_table(fmt, out):
            from .scoreboard import describe

            view = df.assign(
                doc=df["doc"].map(lambda s: Path(str(s).split("::")[-1].split("#L")[0]).name),
                target=[describe(*r) for r in df[["comparator", "value", "value_high", "unit"]].itertuples(index=False)],
                suspect=df["suspect"].map(lambda x: "⚠" if x else ""),
            )
            df = view[["jurisdiction", "year", "kind", "indicator", "target", "suspect", "text", "doc"]]
        show_rows(df, fmt, out, title=title)


@app.command()
def targets(
    db: DbOpt = None,
    kind: Annotated[str, typer.Option(help="target|outcome|all")] = "target",
    indicator: Annotated[str | None, typer.Option(help="e.g. gdp_growth (see `zhengce indicators`)")] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="national, or a province")] = None,
    year: Annotated[int | None, typer.Option(help="The year the value is about")] = None,
    doc: Annotated[str | None, typer.Option(help="Only this document")] = None,
    fmt: StmtFmtOpt = None,
    out: OutOpt = None,
) -> None:
    """Targets (and, with --kind outcome|all, outcomes), each with its source clause."""
    kinds = {"target": ["target"], "outcome": ["outcome"], "all": ["target", "outcome"]}.get(kind)
    if kinds is None:
        fail(f"--kind must be target, outcome or all, not {kind!r}")
    _statement_command(kinds, indicator, jurisdiction, year, doc, None, db, fmt, out, title=f"{kind}s")


@app.command()
def facts(
    db: DbOpt = None,
    kind: Annotated[str | None, typer.Option(help="target|outcome|statistic")] = None,
    indicator: Annotated[str | None, typer.Option()] = None,
    jurisdiction: Annotated[str | None, typer.Option()] = None,
    year: Annotated[int | None, typer.Option()] = None,
    doc: Annotated[str | None, typer.Option(help="Only this document")] = None,
    suspect: Annotated[bool, typer.Option("--suspect", help="Only values that cannot be right as written")] = False,
    fmt: StmtFmtOpt = None,
    out: OutOpt = None,
) -> None:
    """Every quantitative statement (targets, outcomes, statistics) with its source clause."""
    _statement_command([kind] if kind else None, indicator, jurisdiction, year, doc, True if suspect else None,
                       db, fmt, out, title="facts")  # fmt: skip


@app.command()
def indicators(
    db: DbOpt = None,
    all_keys: Annotated[
        bool, typer.Option("--all", help="Also the keys derived from a text's own words (zh_…, …_growth)")
    ] = False,
    fmt: FormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Indicators found, with counts of targets and outcomes (the lexicon's keys; --all for every key)."""
    with reader(db) as c:
        df = c.indicators()
        if not all_keys:
            df = df[df["known"].fillna(False).astype(bool)]
        show_rows(df, fmt, out, title=f"{len(df)} indicators")


@app.command()
def scoreboard(
    indicator: Annotated[str, typer.Argument(help="e.g. gdp_growth, cpi_growth, urban_new_jobs")],
    db: DbOpt = None,
    jurisdiction: Annotated[str, typer.Option(help="national, or a province")] = "national",
    tolerance: Annotated[float, typer.Option(min=0, help="'around' targets: allowed gap in percentage points")] = 0.5,
    relative_tolerance: Annotated[
        float, typer.Option(min=0, help="'around' targets in other units: relative gap")
    ] = 0.05,
    chart: Annotated[str | None, typer.Option(help="Also draw targets vs outcomes to FILE.png|.svg|.html")] = None,
    fmt: FormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Every year's target beside the outcome the next report states, and whether it was met."""
    with reader(db) as c:
        asked, indicator = indicator, c.indicator_key(indicator)  # 国内生产总值 / GDP_GROWTH → gdp_growth
        board = c.scoreboard(indicator, jurisdiction, tolerance=tolerance, relative_tolerance=relative_tolerance)
        if board.empty:
            near = c.suggest_indicators(asked)
            hint = f"; did you mean {' or '.join(near)}?" if near else " (see `zhengce indicators`)"
            fail(f"no targets or outcomes for {asked!r} in {jurisdiction}{hint}", 1)
        if _is_table(fmt, out):
            view = board.assign(
                outcome=[_fmt_outcome(v, u) for v, u in zip(board["outcome"], board["unit"], strict=True)],
                met=[_fmt_met(m, o, v) for m, o, v in zip(board["met"], board["outcome"], board["value"], strict=True)],
            )
            show_rows(view[["year", "target", "outcome", "met", "note", "target_text", "outcome_text"]], "table", out,
                      title=f"{indicator} — {jurisdiction}")  # fmt: skip
        else:
            show_rows(board, fmt, out)
        if chart:
            from .chart import draw

            try:
                path = draw(board, chart)
            except (ValueError, OSError) as exc:
                fail(str(exc))
            err.print(f"chart written to {path}", highlight=False)


def _fmt_met(met, outcome, value) -> str:
    """yes / no, and for a miss whether the outcome fell short or overshot."""
    if met is None or pd.isna(met):
        return ""
    if met:
        return "yes"
    return "no (above)" if outcome > value else "no (below)"


def _fmt_outcome(value, unit) -> str:
    from .scoreboard import format_value

    return format_value(None if value is None or pd.isna(value) else float(value), unit)


@app.command()
def compare(
    left: Annotated[str, typer.Argument(help="A year (2024) or a jurisdiction (national, 上海)")],
    right: Annotated[str, typer.Argument(help="A year (2025) or a jurisdiction")],
    db: DbOpt = None,
    jurisdiction: Annotated[str, typer.Option(help="For year against year")] = "national",
    year: Annotated[int | None, typer.Option(help="For jurisdiction against jurisdiction")] = None,
    changed_only: Annotated[bool, typer.Option("--changed", help="Hide targets that stayed the same")] = False,
    fmt: FormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Targets year against year (compare 2024 2025) or nation against province (compare national 上海 --year 2025)."""
    import unicodedata

    left, right = (unicodedata.normalize("NFKC", x).strip() for x in (left, right))  # ２０２４ is 2024
    if left.isdigit() and right.isdigit():
        lpair, rpair = (jurisdiction, int(left)), (jurisdiction, int(right))
    elif not left.isdigit() and not right.isdigit():
        if year is None:
            fail("comparing two jurisdictions needs --year")
        lpair, rpair = (left, year), (right, year)
    else:
        fail("compare two years (2024 2025) or two jurisdictions (national 上海 --year 2025)")
    from .jurisdictions import normalise_jurisdiction

    try:  # headers name the canonical jurisdiction (上海), however it was typed (Shanghai, 上海市)
        lpair, rpair = ((normalise_jurisdiction(j), y) for j, y in (lpair, rpair))
    except ValueError as exc:
        fail(str(exc))
    with reader(db) as c:
        df = c.compare(lpair, rpair)
        if changed_only:
            df = df[df.change != "same"]
        df = df.rename(columns={"left": f"{lpair[0]} {lpair[1]}", "right": f"{rpair[0]} {rpair[1]}"})
        if _is_table(fmt, out):
            df = df.drop(columns=["left_text", "right_text"])
        show_rows(df, fmt, out, title=f"targets: {lpair[0]} {lpair[1]} → {rpair[0]} {rpair[1]}")


@app.command()
def align(
    zh: Annotated[str, typer.Argument(help="Chinese document (id, title, file name) — or a file with --presplit")],
    en: Annotated[str, typer.Argument(help="English document — or a file with --presplit")],
    db: DbOpt = None,
    presplit: Annotated[
        bool, typer.Option("--presplit", help="Two files of one sentence per line; writes [0,1]:[0] bead lines")
    ] = False,
    encoder: Annotated[str, typer.Option(help="default|use|e5|st:/path/to/local/model")] = "default",
    out: OutOpt = None,
) -> None:
    """Align Chinese and English sentences: two stored documents, or two pre-split files."""
    from .align import get_encoder

    try:
        enc = get_encoder(encoder)
    except (ValueError, ImportError, OSError) as exc:
        fail(str(exc))
    if presplit:
        from .align.presplit import align_files

        for p in (zh, en):
            if not Path(p).is_file():
                fail(f"{p}: no such file")
        try:
            beads = align_files(zh, en, out or "-", enc)
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            fail(str(exc))
        low = sum(1 for b in beads if b.flag)
        err.print(f"{len(beads)} beads ({low} flagged for review)", highlight=False, soft_wrap=True)
        return
    with corpus(db) as c:
        beads = c.align(zh, en, enc)
        low = sum(1 for b in beads if b.flag)
        err.print(f"{len(beads)} beads stored ({low} flagged for review); see `zhengce show {zh} --bilingual`",
                  highlight=False, soft_wrap=True)  # fmt: skip
        if beads and low > len(beads) / 2:
            err.print("warning: most beads scored low: is the second document really a translation of the first?",
                      highlight=False, soft_wrap=True)  # fmt: skip


@app.command()
def aligned(
    query: Annotated[str, typer.Argument(help="A word or phrase in Chinese or English, e.g. 新质生产力 or 'AI Plus'")],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    fmt: FormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Sentences containing a phrase, each beside its aligned translation."""
    with reader(db) as c:
        df = c.aligned(query, limit=limit)
        _show_hits(df, fmt, out, ["zh", "en", "score", "doc"], f"no aligned sentence contains {query!r}",
                   f"“{query}” in aligned text")  # fmt: skip


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="A word or phrase in Chinese or English, e.g. 新质生产力")],
    db: DbOpt = None,
    year: Annotated[int | None, typer.Option(help="Only documents of this year")] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="national, or a province")] = None,
    kind: Annotated[str | None, typer.Option(help="government_work_report|news|speech|other")] = None,
    lang: Annotated[str | None, typer.Option(help="zh or en: only sentences in this language")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    fmt: FormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Sentences that contain a phrase, newest documents first, with their translation if aligned.

    A policy term from the glossary is found in all its forms and both languages.
    """
    with reader(db) as c:
        df = c.search(query, year=year, jurisdiction=jurisdiction, kind=kind, lang=lang, limit=limit)
        _show_hits(df, fmt, out, ["year", "jurisdiction", "doc", "text", "translation"],
                   f"no sentence contains {query!r}", f"“{query}”: {len(df)} sentences")  # fmt: skip


def _show_hits(df, fmt: str | None, out: str | None, table_cols: list[str], empty: str, title: str) -> None:
    """Rows found for a phrase: a narrower table on a terminal, every column in machine formats."""
    if df.empty:
        fail(empty, 1)
    if _is_table(fmt, out):
        df = df[table_cols].fillna("")
    show_rows(df, fmt, out, title=title)


@app.command()
def trend(
    query: Annotated[str, typer.Argument(help="A word or phrase, e.g. 新质生产力 or 'common prosperity'")],
    db: DbOpt = None,
    jurisdiction: Annotated[str | None, typer.Option(help="national, or a province")] = None,
    kind: Annotated[str, typer.Option(help="Document kind, or 'all'")] = "government_work_report",
    mentioned: Annotated[bool, typer.Option("--mentioned", help="Only documents that use the phrase")] = False,
    fmt: FormatOpt = None,
    out: OutOpt = None,
) -> None:
    """How often a phrase occurs in each report, year by year: when a concept appears and spreads."""
    with reader(db) as c:
        df = c.trend(query, jurisdiction=jurisdiction, kind=None if kind == "all" else kind)
        if df.empty:
            fail("no documents match those filters", 1)
        used, total = int((df["mentions"] > 0).sum()), len(df)
        if mentioned:
            df = df[df["mentions"] > 0]
        if _is_table(fmt, out):
            df = df[["year", "jurisdiction", "doc", "mentions", "sentences", "per_1000_sentences"]]
        show_rows(df, fmt, out, title=f"“{query}”: used in {used} of {total} documents")


@app.command()
def log(db: DbOpt = None, limit: Annotated[int, typer.Option(min=1)] = 50, fmt: FormatOpt = None) -> None:
    """The ingest log: every file read, with its outcome."""
    with reader(db) as c:
        show_rows(c.ingest_log(limit), fmt, title="ingest log (newest first)")


def _short(source: str, width: int = 48) -> str:
    return source if len(source) <= width else "…" + source[-(width - 1) :]


def main() -> None:  # pragma: no cover - the console entry point
    from .output import broken_pipe_guard

    with broken_pipe_guard():  # `zhengce docs | head -1` ends quietly
        app()


if __name__ == "__main__":  # pragma: no cover
    main()
