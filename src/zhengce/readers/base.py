"""Types shared by every reader: the options, the error a reader raises, and the skip record.

They live apart from ``__init__`` so that format modules can import them without importing the
dispatcher (which imports the format modules).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from ..model import RawDocument, ReadError

MB = 1024 * 1024


class ReaderError(Exception):
    """A problem with one input that the user can act on; the dispatcher turns it into a ReadError.

    Format modules raise it instead of returning errors so that a reader's happy path stays a
    plain function; the message must make sense after ``"<source>: "``.
    """


@dataclass
class ReadOptions:
    """How to read a batch. Field names apply to JSONL/CSV rows; ``None`` means the default name.

    The byte limits exist so that one oversized or malicious input cannot exhaust memory: a
    file larger than ``max_bytes`` is refused before it is read, and an archive whose members
    expand past ``max_archive_bytes`` is refused before anything is extracted.
    """

    text_field: str | None = None
    title_field: str | None = None
    year_field: str | None = None
    url_field: str | None = None
    date_field: str | None = None
    jurisdiction_field: str | None = None
    max_bytes: int = 64 * MB
    max_archive_bytes: int = 200 * MB


@dataclass
class Skipped:
    """A file deliberately not read (unsupported type inside a folder or archive).

    Not an error: a folder of reports that also holds images should ingest cleanly, but the
    user still deserves to see what was left out.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: skipped ({self.reason})"


Item: TypeAlias = RawDocument | ReadError | Skipped


def format_mb(n: int | float) -> str:
    """Sizes in messages: ``80.0 MB`` for measured sizes, ``64 MB`` for round limits."""
    value = n / MB
    return f"{value:g} MB" if value == int(value) else f"{value:.1f} MB"


def too_big_message(size: int, limit: int) -> str:
    """The one wording for "file over the limit", so files and archive members read alike."""
    return f"file is {size / MB:.1f} MB; the limit is {format_mb(limit)} (--max-mb)"


def require_text(text: str, detail: str = "") -> str:
    """Refuse a document with no text: an empty row in the store helps nobody and hides the problem."""
    if not text or text.isspace():
        raise ReaderError(f"empty file ({detail})" if detail else "empty file")
    return text
