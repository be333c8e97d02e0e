"""Pre-split sentence files (one sentence per line) and the bead lines Vecalign and Bertalign write.

A bead line is ``[zh ids]:[en ids]`` with 0-based line numbers, e.g. ``[0,1]:[0]`` or ``[3]:[]``.
Line numbers are the only link between the files and the beads, so every line counts as a
sentence, blank ones included (a blank line can only stay unpaired; it costs nothing to do so).
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..model import Bead
from .encoders import Encoder
from .errors import AlignError


def read_presplit(path: str | Path) -> list[str]:
    """The sentences of a one-sentence-per-line UTF-8 file (a byte-order mark is tolerated)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise AlignError(f"{p}: file not found") from None
    except IsADirectoryError:
        raise AlignError(f"{p}: is a directory, expected a file with one sentence per line") from None
    except OSError as exc:
        raise AlignError(f"{p}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AlignError(f"{p}: not UTF-8 text (byte {exc.start}); convert it to UTF-8 first") from None
    # Only \n, \r\n and \r end a line, as for any tool reading the file line by line;
    # str.splitlines would also split at U+2028, U+0085 or a form feed inside a sentence and
    # shift every line number after it.
    lines = [line.rstrip("\r\n") for line in io.StringIO(text, newline=None)]
    if not any(line.strip() for line in lines):
        raise AlignError(f"{p}: no sentences (the file is empty or blank)")
    return [line.strip() for line in lines]


def _ids(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def format_beads(beads: Iterable[Bead]) -> str:
    """Beads as ``[0,1]:[0]`` lines, one per bead, in order, ending with a newline."""
    return "".join(f"{_ids(b.zh)}:{_ids(b.en)}\n" for b in beads)


def parse_beads(text: str, source: str = "<beads>") -> list[Bead]:
    """Read ``[0,1]:[0]`` lines back (scores are not part of the format and come back as 0)."""
    out = []
    for no, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            left, right = line.split(":")
            zh, en = json.loads(left), json.loads(right)
            if not (isinstance(zh, list) and isinstance(en, list)):
                raise ValueError
            out.append(Bead([int(i) for i in zh], [int(j) for j in en], 0.0))
        except ValueError:
            raise AlignError(f"{source} line {no}: not a bead line like [0,1]:[0]: {line[:60]!r}") from None
    return out


def align_files(
    zh_path: str | Path,
    en_path: str | Path,
    out: str | Path | TextIO | None = None,
    encoder: Encoder | str | None = None,
) -> list[Bead]:
    """Align two pre-split files and write the bead lines to ``out`` (a path, a stream, or "-"/None for stdout)."""
    from .dp import align

    zh = read_presplit(zh_path)
    en = read_presplit(en_path)
    beads = align(zh, en, encoder)
    text = format_beads(beads)
    if out is None or out == "-":
        sys.stdout.write(text)
    elif isinstance(out, str | Path):
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise AlignError(f"{out}: cannot write the alignment: {exc.strerror or exc}") from None
    else:
        out.write(text)
    return beads
