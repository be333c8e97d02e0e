"""Zip archives: every member read through the same dispatcher as a file on disk.

Reports are often distributed as one zip per year or per province, made on Chinese Windows,
so member names are usually GBK bytes without the UTF-8 flag; Python's zipfile shows those as
CP437 mojibake, which is undone here. Archives are untrusted input: the total expansion is
capped and each member's compression ratio checked before a single byte is extracted.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..model import ReadError
from .base import Item, ReaderError, ReadOptions, Skipped, format_mb, too_big_message
from .encoding import decode

MAX_NESTING = 2  # a zip inside a zip inside the archive given is fine; deeper is refused
MAX_RATIO = 100  # text compresses 3–15×; a member expanding 100× or more is a bomb, not a report
RATIO_MIN_BYTES = 1024 * 1024  # below this a high ratio is harmless (e.g. a small file of blanks)
JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini"})


@dataclass
class Budget:
    """Bytes an archive (with everything nested in it) may still expand to."""

    remaining: int


# The dispatcher's entry point, passed in so this module need not import the package root.
ReadMember = Callable[..., Iterator[Item]]


def read_zip(
    data: bytes,
    source: str,
    options: ReadOptions,
    read_member: ReadMember,
    supported: frozenset[str],
    depth: int = 0,
    budget: Budget | None = None,
) -> Iterator[Item]:
    """Items for every supported member, in name order; ``source`` of each is ``zip::member``.

    Refuses the whole archive (raises ReaderError) when it would expand past the budget or a
    member looks like a bomb, since nothing from such an archive is worth the risk.
    """
    if depth > MAX_NESTING:
        raise ReaderError(f"zip nested more than {MAX_NESTING} levels deep; unpack it first")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError) as exc:
        raise ReaderError(f"not a zip archive, or a damaged one ({exc})") from None
    if budget is None:
        budget = Budget(options.max_archive_bytes)
    total = sum(i.file_size for i in infos)
    if total > budget.remaining:
        raise ReaderError(
            f"refusing: archive expands to more than {format_mb(options.max_archive_bytes)} (zip bomb?)"
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_MIN_BYTES and ratio > MAX_RATIO:
            raise ReaderError(f"refusing: member {member_name(info)} expands {ratio:.0f} times (zip bomb?)")
    budget.remaining -= total

    for name, info in sorted((member_name(i), i) for i in infos):
        if is_junk(name):
            continue
        member_source = f"{source}::{name}"
        ext = PurePosixPath(name).suffix.lower()
        if ext not in supported:
            yield Skipped(member_source, f"unsupported file type {ext or '(no extension)'}")
            continue
        if info.flag_bits & 0x1:
            yield ReadError(member_source, "encrypted zip member; a password is needed to read it")
            continue
        if info.file_size > options.max_bytes:
            yield ReadError(member_source, too_big_message(info.file_size, options.max_bytes))
            continue
        try:
            with archive.open(info) as f:
                member_data = f.read()
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, EOFError, RuntimeError) as exc:
            yield ReadError(member_source, f"damaged zip member ({exc})")
            continue
        yield from read_member(member_data, member_source, name, options, depth=depth + 1, budget=budget)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name: zipfile decodes names without the UTF-8 flag as CP437, but Chinese
    Windows tools write GBK (and some tools write UTF-8 without setting the flag)."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:
            raw = b""
        if raw and not raw.isascii():
            with contextlib.suppress(ReaderError):  # not text in any encoding: keep zipfile's reading
                name, _ = decode(raw, name)
    return name.replace("\\", "/")


def is_junk(name: str) -> bool:
    """macOS resource forks, hidden files, Windows thumbnails and Word's ~$ lock files."""
    parts = PurePosixPath(name).parts
    if any(p.startswith(".") or p == "__MACOSX" for p in parts):
        return True
    base = parts[-1] if parts else name
    return base.startswith("~$") or base.lower() in JUNK_NAMES
