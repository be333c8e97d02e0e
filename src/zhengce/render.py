"""Terminal views of one document: header, structure tree, side-by-side bilingual text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from .model import Document

if TYPE_CHECKING:
    from .corpus import Corpus

_LABEL = {"part": "bold cyan", "task": "bold", "item": "", "heading": "italic", "title": "bold magenta"}


def render_header(doc: Document, console: Console, preview_chars: int = 600) -> None:
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    for key, value in (
        ("id", doc.id), ("title", doc.title), ("year", doc.year), ("date", doc.date),
        ("jurisdiction", doc.jurisdiction), ("kind", doc.kind), ("languages", ", ".join(doc.languages)),
        ("source", doc.source), ("characters", len(doc.text)), ("blocks", len(doc.blocks)),
        ("sentences", len(doc.sentences)), ("statements", len(doc.statements)), ("beads", len(doc.beads)),
        ("translation of", doc.translation_of),
    ):  # fmt: skip
        if value not in (None, "", 0) or key in ("sentences", "blocks"):
            meta.add_row(key, str(value))
    console.print(meta)
    console.rule()
    text = doc.text[:preview_chars].strip()
    console.print(text + ("…" if len(doc.text) > preview_chars else ""), highlight=False, markup=False)
    console.rule()
    console.print(
        "[dim]more: zhengce show DOC --structure | --sentences | --bilingual[/]", highlight=False
    )


def render_structure(doc: Document, console: Console, *, paragraphs: bool = False) -> None:
    """Parts, tasks, items and headings as a tree; paragraphs are counted, not printed."""
    root = Tree(f"[bold]{doc.title or doc.id}[/]")
    nodes = {}
    for b in doc.blocks:
        if b.kind == "paragraph" and not paragraphs:
            continue
        parent = nodes.get(b.parent, root) if b.parent is not None else root
        label = (b.title or doc.text[b.start : b.end][:60]).strip()
        number = f"{b.number} " if b.number and not label.startswith(b.number) else ""
        n_par = sum(1 for x in doc.blocks if x.parent == b.id and x.kind == "paragraph")
        suffix = f" [dim]({n_par} ¶)[/]" if n_par else ""
        style = _LABEL.get(b.kind, "")
        text = f"{number}{label}".replace("[", r"\[")
        nodes[b.id] = parent.add(f"[{style}]{text}[/]{suffix}" if style else f"{text}{suffix}")
    console.print(root)


def render_bilingual(corpus: Corpus, doc: Document, console: Console) -> None:
    from .bilingual import document_pairs

    try:
        doc_zh, _, items = document_pairs(corpus, doc.id)
    except ValueError as exc:
        console.print(str(exc), highlight=False)
        return
    table = Table(show_lines=True, title=doc_zh.title, header_style="bold")
    table.add_column("中文", ratio=1, overflow="fold")
    table.add_column("English", ratio=1, overflow="fold")
    table.add_column("score", justify="right", style="dim")
    for p in items:
        style = "bold" if p.heading else ("yellow" if p.flag else None)
        table.add_row(p.zh, p.en, f"{p.score:.2f}" + (" ⚑" if p.flag else ""), style=style)
    console.print(table)
