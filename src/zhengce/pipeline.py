"""The pipeline, stage by stage, in the order a document goes through it.

read → normalise → metadata → structure → sentences → align (bilingual) → statements → store.

Each stage is a function from one module that knows nothing of the CLI or the database; this
file only strings them together, so the whole path of a document can be read here top to bottom.
A document either passes every stage and is stored in one transaction, or it is reported as failed.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .extract.statements import extract_statements
from .metadata import infer_metadata
from .model import Document, RawDocument
from .segment import segment
from .structure import build_blocks
from .text.normalise import normalise

# Bump when a stage changes what it derives: stored documents made by an older pipeline are
# then processed again on the next ingest instead of being reported "unchanged".
PIPELINE_VERSION = "2"  # 2: extraction (topics, base years, durations, 成/翻番), structure (list lines), glossary

# The longest national report has about 58,000 characters. A "document" thirty times longer is
# almost certainly a dump or a mistake, and processing it would take minutes and gigabytes, so it
# is refused with a message instead (see Corpus.ingest).
MAX_CHARS = 2_000_000


def content_id(text: str) -> str:
    """Documents are keyed by their content, so the same text read twice is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def process(
    raw: RawDocument,
    overrides: dict[str, Any] | None = None,
    *,
    align: bool = True,
    extract: bool = True,
    encoder: Any = None,
) -> Document:
    doc = Document(
        id=content_id(raw.text), source=raw.source, text=raw.text, encoding=raw.encoding, meta=dict(raw.meta)
    )
    doc.norm = normalise(raw.text)  # 1. a normalised view with an offset map back to the original
    infer_metadata(doc, overrides)  # 2. title, date, year, jurisdiction, kind, languages
    doc.blocks = build_blocks(doc.norm, doc.title)  # 3. parts, tasks, items, headings, paragraphs
    doc.sentences = segment(doc)  # 4. sentences in each line's language, with tokens
    if align and set(doc.languages) == {"zh", "en"}:  # 5. interleaved bilingual text
        from .align import align_document  # loads numpy and, on first use, the encoder model

        doc.beads = align_document(doc, encoder)
    if extract:  # 6. targets, outcomes and other quantitative statements
        doc.statements = extract_statements(doc)
    return doc

