"""JSONL/NDJSON and CSV/TSV corpora: one document per row.

A corpus file holds many documents, so one bad row must not cost the others: each row is its
own RawDocument or ReadError, named ``path#L<line>`` so the user can open the file at the row.
The default field names fit common scraped corpora (``title``, ``url``, ``content``, ``year``);
every name can be overridden through :class:`ReadOptions`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any

from ..model import RawDocument, ReadError
from .base import ReaderError, ReadOptions
from .encoding import decode

TEXT_FALLBACKS = ("content", "text", "body", "fulltext", "full_text")
_META_DEFAULTS = {
    "title": "title",
    "year": "year",
    "url": "url",
    "date": "date",
    "jurisdiction": "jurisdiction",
}
_YEAR = re.compile(r"^\s*(\d{4})(?!\d)")


def read_jsonl(
    data: bytes, source: str, name: str, options: ReadOptions
) -> Iterator[RawDocument | ReadError]:
    """One item per non-blank line; a line that is not a JSON object is a ReadError for that line."""
    text, encoding = decode(data, source)
    fields = _Fields(options)
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        row_source = f"{source}#L{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(row_source, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield ReadError(row_source, f"expected a JSON object, got {type(row).__name__}")
            continue
        yield _row_item(row, row_source, name, "jsonl", encoding, fields)


def read_csv(data: bytes, source: str, name: str, options: ReadOptions) -> Iterator[RawDocument | ReadError]:
    """One item per data row; the header row names the fields. ``.tsv`` and ``;``-separated files work too."""
    text, encoding = decode(data, source)
    if text.startswith("\ufeff"):
        text = text[1:]
    header = text.split("\n", 1)[0]
    delimiter = _delimiter(header, name)
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, len(text) + 1)))
    reader = csv.reader(_lines(text), delimiter=delimiter)
    try:
        columns = next(reader)
    except StopIteration:
        raise ReaderError("empty file") from None
    except csv.Error as exc:
        raise ReaderError(f"unreadable CSV header ({exc})") from None
    columns = [c.strip() for c in columns]
    fields = _Fields(options)
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield ReadError(f"{source}#L{start}", f"invalid CSV row ({exc})")
            start = reader.line_num + 1
            continue
        row_source = f"{source}#L{start}"
        start = reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns):
            yield ReadError(
                row_source, f"row has {len(values)} values but the header names {len(columns)} columns"
            )
            continue
        row = dict(zip(columns, values, strict=False))
        yield _row_item(row, row_source, name, "csv", encoding, fields)


class _Fields:
    """Which field of a row holds what, after applying the user's overrides."""

    def __init__(self, options: ReadOptions) -> None:
        self.text = options.text_field
        self.meta = {
            "title": options.title_field or _META_DEFAULTS["title"],
            "year": options.year_field or _META_DEFAULTS["year"],
            "url": options.url_field or _META_DEFAULTS["url"],
            "date": options.date_field or _META_DEFAULTS["date"],
            "jurisdiction": options.jurisdiction_field or _META_DEFAULTS["jurisdiction"],
        }

    def text_of(self, row: Mapping[str, Any]) -> str:
        """The row's text; a user-named field must exist, the default falls back through common names."""
        if self.text is not None:
            if self.text not in row:
                raise ReaderError(
                    f"no field {self.text!r} (fields: {_names(row)}; choose one with --text-field)"
                )
            return _as_text(row[self.text], self.text)
        for key in TEXT_FALLBACKS:
            if key in row:
                return _as_text(row[key], key)
        raise ReaderError(
            f"no text field (looked for {', '.join(TEXT_FALLBACKS)}; fields: {_names(row)}; use --text-field)"
        )


def _row_item(
    row: Mapping[str, Any], source: str, name: str, fmt: str, encoding: str, fields: _Fields
) -> RawDocument | ReadError:
    try:
        text = fields.text_of(row)
    except ReaderError as exc:
        return ReadError(source, str(exc))
    if not text.strip():
        return ReadError(source, "empty text")
    meta: dict[str, Any] = {"file_name": PurePosixPath(name).name, "format": fmt}
    for key, field in fields.meta.items():
        value = row.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "year":
            year = _year(value)
            if year is not None:
                meta["year"] = year
        elif isinstance(value, str | int | float):
            meta[key] = value.strip() if isinstance(value, str) else str(value)
    kind = row.get("kind")
    if isinstance(kind, str) and kind.strip():
        meta["kind"] = kind.strip()
    return RawDocument(source=source, text=text, encoding=encoding, meta=meta)


def _as_text(value: Any, key: str) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    raise ReaderError(f"field {key!r} holds {type(value).__name__}, not text")


def _year(value: Any) -> int | None:
    """``2024``, ``"2024"``, ``"2024年"`` and ``"2024-03-05"`` all mean 2024; anything else is no year."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1000 <= value <= 9999 else None
    if isinstance(value, float) and value.is_integer():
        return _year(int(value))
    if isinstance(value, str):
        m = _YEAR.match(unicodedata.normalize("NFKC", value).strip().translate(_CN_DIGITS))
        return int(m.group(1)) if m else None
    return None


# "二〇二四年" / "二零二四" as a year field: the digits one by one
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def _lines(text: str) -> Iterator[str]:
    """Lines split on ``\n`` only: str.splitlines also splits on U+2028 and U+0085, which JSON
    strings and CSV fields may contain raw, and would break rows apart."""
    return iter(io.StringIO(text, newline="\n"))


def _delimiter(header: str, name: str) -> str:
    if name.lower().endswith((".tsv", ".tab")):
        return "\t"
    if "," in header:
        return ","
    for candidate in ("\t", ";", "|"):
        if candidate in header:
            return candidate
    return ","


def _names(row: Mapping[str, Any]) -> str:
    names = list(row)
    shown = ", ".join(names[:12])
    return shown + (f", … ({len(names)} in all)" if len(names) > 12 else "") if names else "none"
