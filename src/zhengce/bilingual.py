"""Aligned Chinese–English text as rows, JSON lines, TMX and a standalone HTML reader.

A bead links sentence ids; this module turns beads back into text (always sliced from the
original documents, so what a reader sees is what was ingested) and writes the exchange formats
translators and evaluators use.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from .model import Bead, Document

if TYPE_CHECKING:
    from .corpus import Corpus

BILINGUAL_FORMATS = ("jsonl", "json", "csv", "tmx", "html")
HEADING_KINDS = ("title", "part", "task", "heading")


@dataclass
class Pair:
    zh: str
    en: str
    score: float
    flag: str | None
    heading: bool
    zh_ids: list[int]
    en_ids: list[int]


def pairs(doc_zh: Document, doc_en: Document, beads: list[Bead]) -> list[Pair]:
    """Beads as text pairs in document order; Chinese joined as written, English with spaces."""
    zh = {s.id: s for s in doc_zh.sentences}
    en = {s.id: s for s in doc_en.sentences}
    blocks = {b.id: b for b in doc_zh.blocks}
    out = []
    for bead in beads:
        zh_sents = [zh[i] for i in bead.zh if i in zh]
        en_sents = [en[i] for i in bead.en if i in en]
        heading = False
        if zh_sents:
            first = zh_sents[0]
            block = blocks.get(first.block) if first.block is not None else None
            heading = bool(block and block.kind in HEADING_KINDS and first.norm_start == block.norm_start)
        out.append(
            Pair(
                zh="".join(doc_zh.text[s.start : s.end] for s in zh_sents),
                en=" ".join(doc_en.text[s.start : s.end] for s in en_sents),
                score=round(float(bead.score), 4),
                flag=bead.flag,
                heading=heading,
                zh_ids=list(bead.zh),
                en_ids=list(bead.en),
            )
        )
    return out


def document_pairs(corpus: Corpus, ref: str) -> tuple[Document, Document, list[Pair]]:
    """The aligned pairs of a bilingual document, or of a document and its stored translation."""
    doc = corpus.document(ref)
    links = corpus.store.bead_pairs(doc.id)
    if not links:
        raise ValueError(
            f"{doc.title or doc.id} has no alignment: ingest an interleaved bilingual document, or align a "
            f"translation pair with `zhengce align ZH_DOC EN_DOC`"
        )
    zh_id, en_id = links[0]
    doc_zh = doc if doc.id == zh_id else corpus.document(zh_id)
    doc_en = doc if doc.id == en_id else corpus.document(en_id)
    return doc_zh, doc_en, pairs(doc_zh, doc_en, corpus.store.beads(zh_id, en_id))


def export_bilingual(corpus: Corpus, ref: str, fmt: str, out: str | Path | None) -> None:
    if fmt not in BILINGUAL_FORMATS:
        raise ValueError(f"unknown bilingual format {fmt!r}: choose from {', '.join(BILINGUAL_FORMATS)}")
    doc_zh, doc_en, items = document_pairs(corpus, ref)
    if fmt in ("jsonl", "json", "csv"):
        import pandas as pd

        from .output import write_rows

        rows = [{"zh": p.zh, "en": p.en, "score": p.score, "flag": p.flag, "zh_ids": p.zh_ids, "en_ids": p.en_ids}
                for p in items]  # fmt: skip
        write_rows(pd.DataFrame(rows, columns=["zh", "en", "score", "flag", "zh_ids", "en_ids"]), fmt, out)
        return
    text = to_tmx(items, doc_zh) if fmt == "tmx" else to_html(items, doc_zh.title or doc_zh.id)
    if out is None or str(out) == "-":
        sys.stdout.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")


def to_tmx(items: list[Pair], doc: Document) -> str:
    """TMX 1.4 with one translation unit per bead that has both sides."""
    units = []
    for p in items:
        if not (p.zh and p.en):
            continue
        units.append(
            f"    <tu><prop type=\"x-score\">{p.score}</prop>\n"
            f"      <tuv xml:lang=\"zh-CN\"><seg>{escape(p.zh)}</seg></tuv>\n"
            f"      <tuv xml:lang=\"en\"><seg>{escape(p.en)}</seg></tuv>\n    </tu>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'  <header creationtool="zhengce" creationtoolversion="0.1" datatype="plaintext" segtype="sentence" '
        f'adminlang="en" srclang="zh-CN" o-tmf="zhengce" note={quoteattr(doc.title or doc.id)}/>\n'
        "  <body>\n" + "\n".join(units) + "\n  </body>\n</tmx>\n"
    )


def to_html(items: list[Pair], title: str) -> str:
    """A two-column reader: one file, no external assets, every text escaped."""
    rows = []
    for p in items:
        cls = ' class="h"' if p.heading else (' class="low"' if p.flag else "")
        rows.append(
            f"<tr{cls}><td lang=\"zh\">{html.escape(p.zh)}</td><td lang=\"en\">{html.escape(p.en)}</td>"
            f"<td class=\"s\">{p.score:.2f}</td></tr>"
        )
    style = (
        "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}"
        "table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:6px 10px;"
        "border-bottom:1px solid #eee;line-height:1.5}td[lang=zh]{width:45%}td.s{color:#999;font-size:12px}"
        "tr.h td{font-weight:bold;background:#f4f6fa}tr.low td{background:#fff6e5}"
    )
    return (
        f"<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
        f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>"
        "<p>Chinese and English side by side, one aligned unit per row; rows shaded orange have a low "
        "alignment score and are worth checking.</p>"
        f"<table><thead><tr><th>中文</th><th>English</th><th>score</th></tr></thead><tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table></body></html>\n"
    )


def lookup(corpus: Corpus, query: str, *, limit: int = 20):  # -> pandas.DataFrame
    """Sentences containing ``query`` in either language, each with its aligned counterpart."""
    import pandas as pd

    from .glossary import query_forms

    # A glossary term is looked up in all its forms, so "new quality productive forces" also
    # finds a Chinese sentence whose translation words it differently.
    forms = query_forms(query)
    where = " OR ".join(["contains(lower(s.text), lower(?))"] * len(forms))
    hits = corpus.store.query(
        "SELECT b.doc_zh, b.doc_en, b.seq, s.doc_id, s.id, s.lang FROM sentences s "
        "JOIN beads b ON (b.doc_zh = s.doc_id AND s.lang = 'zh' AND list_contains(b.zh, s.id)) "
        "OR (b.doc_en = s.doc_id AND s.lang = 'en' AND list_contains(b.en, s.id)) "
        f"WHERE {where} ORDER BY s.doc_id, s.id LIMIT ?",
        [*forms, limit * 4],
    )
    rows, seen, docs = [], set(), {}
    for h in hits:
        key = (h["doc_zh"], h["doc_en"], h["seq"])
        if key in seen:
            continue
        seen.add(key)
        for d in (h["doc_zh"], h["doc_en"]):
            if d not in docs:
                docs[d] = corpus.document(d)
        bead = corpus.store.beads(h["doc_zh"], h["doc_en"])[h["seq"]]
        if not bead.zh or not bead.en:
            continue  # an untranslated sentence (a duplicated paragraph's second copy) has no pair to show
        (p,) = pairs(docs[h["doc_zh"]], docs[h["doc_en"]], [bead])
        rows.append({"zh": p.zh, "en": p.en, "score": p.score, "matched": h["lang"],
                     "doc": docs[h["doc_zh"]].title or h["doc_zh"], "doc_id": h["doc_zh"]})  # fmt: skip
        if len(rows) >= limit:
            break
    return pd.DataFrame(rows, columns=["zh", "en", "score", "matched", "doc", "doc_id"])

