"""Readers: files, folders and archives in, :class:`RawDocument` (or a reason why not) out.

``read_paths`` is the one entry point the pipeline needs. It never raises for a problem with
one input: a missing file, a corrupt PDF or a bad JSON line each becomes a :class:`ReadError`
naming the exact place (``path``, ``path::member``, ``path#L12``) and the batch goes on. Files
passed over on purpose (unsupported types in a folder or zip) come out as :class:`Skipped`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from ..model import RawDocument, ReadError
from .archive import Budget, read_zip
from .base import Item, ReaderError, ReadOptions, Skipped, too_big_message
from .docx import read_docx
from .encoding import decode
from .html import read_html
from .pdf import read_pdf
from .tabular import read_csv, read_jsonl
from .txt import read_text

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "Item",
    "RawDocument",
    "ReadError",
    "ReadOptions",
    "ReaderError",
    "Skipped",
    "decode",
    "read_bytes",
    "read_path",
    "read_paths",
]

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
CSV_EXTENSIONS = frozenset({".csv", ".tsv"})
SUPPORTED_EXTENSIONS = (
    TEXT_EXTENSIONS
    | HTML_EXTENSIONS
    | JSONL_EXTENSIONS
    | CSV_EXTENSIONS
    | frozenset({".pdf", ".docx", ".zip"})
)

# Types users are likely to drop in a folder of reports, with advice rather than a bare "unsupported".
_ADVICE = {
    ".doc": "old Word format; save it as .docx",
    ".wps": "WPS format; save it as .docx",
    ".xls": "spreadsheet; export the text as .csv",
    ".xlsx": "spreadsheet; export the text as .csv",
    ".rar": "RAR archive; repack it as .zip",
    ".7z": "7z archive; repack it as .zip",
}


def read_paths(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Item]:
    """Everything readable under ``paths`` (files, folders, archives, corpora), in order."""
    options = options or ReadOptions()
    for path in paths:
        yield from read_path(path, options)


def read_path(path: str | Path, options: ReadOptions | None = None) -> Iterator[Item]:
    """Items from one path. A folder is read recursively in name order, without hidden files."""
    options = options or ReadOptions()
    path = Path(path)
    try:
        is_dir = path.is_dir()
        if not is_dir:
            path.stat()
    except OSError as exc:
        yield ReadError(str(path), _os_problem(exc))
        return
    if is_dir:
        yield from _read_dir(path, options)
    else:
        yield from _read_file(path, options)


def read_bytes(
    data: bytes,
    source: str,
    name: str,
    options: ReadOptions | None = None,
    *,
    depth: int = 0,
    budget: Budget | None = None,
) -> Iterator[Item]:
    """Items from the contents of one file called ``name`` (used for files, archive members, uploads).

    The file type comes from the extension; a file with an unknown extension (which only gets
    here when the user named it: folders and archives skip those) is sniffed, else read as text.
    """
    options = options or ReadOptions()
    ext = PurePosixPath(name).suffix.lower()
    try:
        if ext not in SUPPORTED_EXTENSIONS:
            if ext in _ADVICE:
                raise ReaderError(f"unsupported file type {ext} ({_ADVICE[ext]})")
            ext = _sniff(data)
        if not data or data.isspace():  # isspace, unlike strip, does not copy a 50 MB input
            raise ReaderError("empty file")
        if ext == ".zip":
            yield from read_zip(
                data, source, options, read_bytes, SUPPORTED_EXTENSIONS, depth=depth, budget=budget
            )
        elif ext in JSONL_EXTENSIONS:
            yield from read_jsonl(data, source, name, options)
        elif ext in CSV_EXTENSIONS:
            yield from read_csv(data, source, name, options)
        elif ext in HTML_EXTENSIONS:
            yield read_html(data, source, name)
        elif ext == ".pdf":
            yield read_pdf(data, source, name)
        elif ext == ".docx":
            yield read_docx(data, source, name)
        else:
            yield read_text(data, source, name)
    except ReaderError as exc:
        yield ReadError(source, str(exc))
    except (RecursionError, MemoryError) as exc:
        yield ReadError(source, f"too complex to read ({type(exc).__name__})")
    except Exception as exc:  # a reader bug or a library choking on odd input must not end the batch
        yield ReadError(source, f"could not read ({type(exc).__name__}: {exc})")


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield ReadError(source, too_big_message(size, options.max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(source, _os_problem(exc))
        return
    yield from read_bytes(data, source, path.name, options)


# A folder of documents often carries a README or LICENSE describing it (../shared/corpus does,
# and so does examples/). Read as documents they would pollute searches and counts, so a folder
# walk passes over them; named on their own they are read like any other file.
COLLECTION_NOTES = frozenset({"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "NOTICE"})


def _read_dir(root: Path, options: ReadOptions) -> Iterator[Item]:
    """Files under ``root`` sorted by relative path; hidden files and folders are left out silently."""
    problems: list[OSError] = []
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=problems.append):
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "__MACOSX"))]
        files.extend(Path(dirpath, f) for f in filenames if not f.startswith((".", "~$")))
    for exc in problems:
        yield ReadError(str(exc.filename or root), _os_problem(exc))
    for path in sorted(files, key=lambda p: p.relative_to(root).parts):
        ext = path.suffix.lower()
        if path.stem.upper() in COLLECTION_NOTES:
            yield Skipped(str(path), "notes about the folder, not a document (name the file to ingest it)")
            continue
        if ext not in SUPPORTED_EXTENSIONS:
            reason = f"unsupported file type {ext or '(no extension)'}"
            yield Skipped(str(path), f"{reason} ({_ADVICE[ext]})" if ext in _ADVICE else reason)
            continue
        yield from _read_file(path, options)


def _sniff(data: bytes) -> str:
    """Guess a file type from its first bytes, for files named without a known extension."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx" if b"word/" in data[:65536] else ".zip"
    lowered = head[:256].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return ".html"
    return ".txt"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"
