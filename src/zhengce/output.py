"""One convention for everything that lists rows: table, csv, tsv, json, jsonl or parquet.

Machine formats go to standard output (or a file) and nothing else does, so that
``zhengce docs --format csv > docs.csv`` and ``| jq`` work; messages go to standard error.

Before writing, columns get the types their meaning calls for, whatever the rows happen to
hold: an integer column with a missing value stays an integer (``2023``, not ``2023.0``), and
a column that is entirely empty (or a table with no rows) still has a type in Parquet.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import pandas as pd
from rich.console import Console

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "parquet")

#: File extensions that say which format a file holds.
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}

#: Columns that hold whole numbers (a float column of these names is an integer one with gaps).
INT_COLUMNS = frozenset({
    "year", "report_year", "start", "end", "norm_start", "norm_end", "id", "sentence", "seq",
    "n_chars", "n_sentences", "mentions", "sentences", "block", "level", "ordinal", "parent",
    "duplicate_of",
})  # fmt: skip
#: Measurements: never turned into integers, even when every value happens to be whole.
FLOAT_COLUMNS = frozenset({
    "value", "value_high", "suggested_value", "score", "confidence", "per_1000_sentences", "outcome",
})  # fmt: skip
BOOL_COLUMNS = frozenset({"suspect", "indicator_known", "known", "met"})
DATETIME_COLUMNS = frozenset({"ingested_at", "logged_at"})
#: ``id`` is a string in some tables (documents) and an integer in others: an empty ``id``
#: column is left a string rather than guessed.
_AMBIGUOUS_WHEN_EMPTY = frozenset({"id"})


class OutputError(ValueError):
    """A problem a user can fix: a format that contradicts the file name, a missing folder."""


def default_format() -> str:
    """A table for a person at a terminal, CSV for a pipe (spreadsheets and pandas read it)."""
    return "table" if sys.stdout.isatty() else "csv"


def format_for_path(out: str | Path | None) -> str | None:
    """The format a file name's extension names (``x.parquet`` → parquet), or None."""
    if out is None or str(out) == "-":
        return None
    return EXTENSIONS.get(Path(str(out)).suffix.lower())


def resolve_format(fmt: str | None, out: str | Path | None = None) -> str:
    """The format to write: the one asked for, else the output file's extension, else the default.

    A format that contradicts a known extension (``--format csv -o x.parquet``) is an error
    rather than a file whose name lies about its content."""
    if fmt is not None and fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    implied = format_for_path(out)
    if fmt is None:
        return implied or default_format()
    if implied is not None and implied != fmt:
        suffix = Path(str(out)).suffix
        raise OutputError(
            f"format {fmt} does not match the output file {out} (a {suffix} file holds {implied}): "
            f"drop --format, or use --format {implied}, or name the file *.{_suffix_for(fmt)}"
        )
    return fmt


def _suffix_for(fmt: str) -> str:
    return "txt" if fmt == "table" else fmt


def write_rows(df: pd.DataFrame, fmt: str | None, out: str | Path | None = None, *, title: str | None = None) -> None:
    fmt = resolve_format(fmt, out)
    to_stdout = out is None or str(out) == "-"
    if not to_stdout:
        _check_folder(out)
    if fmt == "parquet":
        if to_stdout and sys.stdout.isatty():
            raise OutputError("parquet is binary: give an output file with -o FILE.parquet")
        table = typed(df, for_parquet=True)
        if to_stdout:
            with broken_pipe_guard():
                table.to_parquet(sys.stdout.buffer, index=False)
                sys.stdout.buffer.flush()
        else:
            with _writing(out):
                table.to_parquet(out, index=False)
        return
    df = typed(df)
    if fmt == "table":
        _print_table(df, title, out)
        return
    if fmt in ("csv", "tsv"):
        text = df.to_csv(index=False, sep="\t" if fmt == "tsv" else ",")
    elif fmt == "json":
        text = json.dumps(records(df), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(df))
    if to_stdout:
        with broken_pipe_guard():
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        with _writing(out):
            Path(out).write_text(text, encoding="utf-8")


def typed(df: pd.DataFrame, *, for_parquet: bool = False) -> pd.DataFrame:
    """``df`` with the column types its rows should have (a copy; ``df`` is left alone).

    - a float column named like an integer (``year``, ``start``, ``n_chars`` …) whose values
      are all whole numbers becomes a nullable integer, so a missing year does not turn
      ``2023`` into ``2023.0``; measurements (``value``, ``score`` …) stay floats;
    - an object column holding only integers and missing values becomes a nullable integer;
    - with ``for_parquet``, a column with no values at all gets the type its name implies
      (integer, float, boolean, timestamp), else string — never Arrow's ``null`` type.
    """
    changes: dict[Any, pd.Series] = {}
    for name in df.columns:
        col = df[name]
        if not isinstance(col, pd.Series):  # duplicate column names: leave them be
            continue
        key = str(name)
        values = col.dropna()
        if values.empty:
            if for_parquet and col.dtype == object:
                changes[name] = col.astype(_empty_dtype(key))
            elif key in INT_COLUMNS and pd.api.types.is_float_dtype(col.dtype):
                changes[name] = col.astype("Int64")
            continue
        if pd.api.types.is_float_dtype(col.dtype):
            if _int_like(key) and _all_whole(values):
                changes[name] = col.astype("Int64")
        elif col.dtype == object and all(_is_int(v) for v in values):
            changes[name] = col.astype("Int64")
    return _replace(df, changes)


def _replace(df: pd.DataFrame, changes: dict[Any, pd.Series]) -> pd.DataFrame:
    if not changes:
        return df
    out = df.copy()
    for name, col in changes.items():
        out[name] = col
    return out


def _int_like(name: str) -> bool:
    if name in FLOAT_COLUMNS:
        return False
    return name in INT_COLUMNS or name.startswith("n_") or name.endswith(("_year", "_start", "_end"))


def _empty_dtype(name: str) -> str:
    if name in FLOAT_COLUMNS:
        return "float64"
    if name in BOOL_COLUMNS:
        return "boolean"
    if name in DATETIME_COLUMNS:
        return "datetime64[us]"
    if name not in _AMBIGUOUS_WHEN_EMPTY and _int_like(name):
        return "Int64"
    return "string"


def _all_whole(values: pd.Series) -> bool:
    try:
        arr = values.to_numpy(dtype="float64")
    except (TypeError, ValueError):
        return False
    return bool(np.isfinite(arr).all() and (arr == np.round(arr)).all() and (abs(arr) < 2**53).all())


def _is_int(v: Any) -> bool:
    return isinstance(v, int | np.integer) and not isinstance(v, bool | np.bool_)


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain JSON-ready dicts: NaN becomes null, numpy scalars become Python ones."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: _plain(v) for k, v in row.items()})
    return out


def _plain(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "tolist"):  # numpy scalars and arrays
        v = v.tolist()
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    if v is pd.NaT:
        return None
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def console() -> Console:
    """A terminal gets its own width; a pipe or a file (a log, a CI run) gets a wide fixed one
    instead of Rich's 80 columns, which folds Chinese titles into towers."""
    return Console(width=None if sys.stdout.isatty() else 160)


# -- standard output that may close early, files that may not be writable -------------------
def exit_quietly_on_broken_pipe() -> NoReturn:
    """The reader of standard output went away (``zhengce docs | head -1``): stop at once, with
    the exit status a process killed by SIGPIPE has (141) and no message.

    Standard output is pointed at the null device first, so Python's own flush at exit does
    not complain a second time."""
    try:
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture buffer)
        pass
    raise SystemExit(141)


@contextmanager
def broken_pipe_guard() -> Iterator[None]:
    """Run a block that writes to standard output; a closed pipe ends the process quietly."""
    try:
        yield
    except BrokenPipeError:
        exit_quietly_on_broken_pipe()


def _check_folder(out: str | Path) -> None:
    parent = Path(str(out)).parent
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise OutputError(f"cannot write {out}: the folder {parent} {what}")


@contextmanager
def _writing(out: str | Path) -> Iterator[None]:
    """Name the file in any error from writing it (``[Errno 13] Permission denied`` alone says
    nothing about which file)."""
    try:
        yield
    except OSError as exc:
        if str(out) in str(exc):
            raise
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write {out}: {reason}") from exc


def _print_table(df: pd.DataFrame, title: str | None, out: str | Path | None) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in df.columns:
        table.add_column(str(col), overflow="fold")
    for row in records(df):
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    if out is None or str(out) == "-":
        with broken_pipe_guard():
            console().print(table)
            sys.stdout.flush()
    else:
        with _writing(out), open(out, "w", encoding="utf-8") as fh:
            Console(file=fh, width=200).print(table)
