"""The domain, as plain dataclasses.

Every derived item (block, sentence, statement) carries a span ``(start, end)`` in the
*original* text of its document, so that whatever zhengce shows can be traced back to the
exact characters the user ingested. Processing happens on a normalised view
(:class:`NormText`) whose offset map turns normalised positions back into original ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("government_work_report", "news", "speech", "other")
LANGS = ("zh", "en", "bilingual")


@dataclass
class RawDocument:
    """What a reader hands to the pipeline: decoded text plus whatever metadata the container knew.

    ``source`` names the file; for items inside a container it is ``path::member`` (zip) or
    ``path#L12`` (a JSONL/CSV row) so that an error or a search hit names the exact place.
    """

    source: str
    text: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadError:
    """A file (or a row of one) that could not be read; the batch goes on without it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class NormText:
    """A normalised view of an original text.

    ``offsets[i]`` is the index in the original of normalised character ``i``;
    ``offsets[len(text)]`` is the original's length, so half-open spans map cleanly.
    """

    text: str
    offsets: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalised span to a half-open original span."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Block:
    """A node of the structure tree: part (一、), task ((一)), item (1.), heading or paragraph."""

    id: int
    kind: str  # "title" | "part" | "task" | "item" | "heading" | "paragraph"
    level: int  # 0 = title/top, 1 = part, 2 = task, 3 = item, paragraphs one deeper than their parent
    start: int  # span in the original text
    end: int
    parent: int | None = None
    number: str | None = None  # the label as written: "三", "(一)", "1", "III"
    ordinal: int | None = None  # the label as a number: 3, 1, 1, 3
    title: str | None = None  # heading text without its label
    lang: str = "zh"
    duplicate_of: int | None = None  # id of an earlier block with the same text
    norm_start: int = 0  # the same span in the normalised text (doc.norm.text)
    norm_end: int = 0


@dataclass
class Sentence:
    id: int  # index within the document, in document order
    block: int | None
    lang: str
    start: int  # span in the original text
    end: int
    text: str  # normalised text (NFKC, simplified characters) used for matching and search
    tokens: list[str] = field(default_factory=list)
    norm_start: int = 0  # the same span in the normalised text (doc.norm.text)
    norm_end: int = 0


@dataclass
class Bead:
    """An alignment unit: zero or more Chinese sentences paired with zero or more English ones."""

    zh: list[int]
    en: list[int]
    score: float
    flag: str | None = None  # "low_score" when a reader should check it


@dataclass
class Statement:
    """A quantitative (or qualitative) claim with its source clause."""

    kind: str  # "target" | "outcome" | "statistic"
    indicator: str  # canonical key such as "gdp_growth"; derived keys are marked by indicator_known
    comparator: str  # "around" | "at_least" | "at_most" | "range" | "exact" | "qualitative"
    value: float | None
    unit: str | None
    text: str  # the clause as written (normalised)
    start: int  # span of the clause in the original text
    end: int
    value_high: float | None = None
    direction: str | None = None  # "increase" | "decrease" | "level"
    year: int | None = None  # the year the value is about (a target's plan year, an outcome's year)
    jurisdiction: str | None = None
    sentence: int | None = None
    indicator_known: bool = True
    suspect: bool = False
    suspect_reason: str | None = None
    suggested_value: float | None = None
    confidence: float = 1.0


@dataclass
class Document:
    id: str  # content hash of the original text
    source: str
    text: str  # the original text as decoded
    title: str | None = None
    date: str | None = None  # ISO date when known
    year: int | None = None
    jurisdiction: str | None = None  # "national" or a province's short name ("上海")
    kind: str = "other"
    languages: list[str] = field(default_factory=list)
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    norm: NormText | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    beads: list[Bead] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    translation_of: str | None = None  # id of the document this one translates

    def original(self, start: int, end: int) -> str:
        return self.text[start:end]
