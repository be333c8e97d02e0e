"""One convention for everything that lists rows: table, csv, json, jsonl or parquet.

Machine formats go to standard output (or a file) and nothing else does, so that
``zhengce docs --format csv > docs.csv`` and ``| jq`` work; messages go to standard error.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import pandas as pd
from rich.console import Console

FORMATS = ("table", "csv", "json", "jsonl", "parquet")


def default_format() -> str:
    """A table for a person at a terminal, CSV for a pipe (spreadsheets and pandas read it)."""
    return "table" if sys.stdout.isatty() else "csv"


def write_rows(df: pd.DataFrame, fmt: str | None, out: str | Path | None = None, *, title: str | None = None) -> None:
    fmt = fmt or default_format()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None or str(out) == "-":
            if sys.stdout.isatty():
                raise ValueError("parquet is binary: give an output file with -o FILE.parquet")
            df.to_parquet(sys.stdout.buffer, index=False)
        else:
            df.to_parquet(out, index=False)
        return
    if fmt == "table":
        _print_table(df, title, out)
        return
    if fmt == "csv":
        text = df.to_csv(index=False)
    elif fmt == "json":
        text = json.dumps(records(df), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(df))
    if out is None or str(out) == "-":
        sys.stdout.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain JSON-ready dicts: NaN becomes null, numpy scalars become Python ones."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: _plain(v) for k, v in row.items()})
    return out


def _plain(v: Any) -> Any:
    if v is None:
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


def _print_table(df: pd.DataFrame, title: str | None, out: str | Path | None) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in df.columns:
        table.add_column(str(col), overflow="fold")
    for row in records(df):
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    if out is None or str(out) == "-":
        console().print(table)
    else:
        with open(out, "w", encoding="utf-8") as fh:
            Console(file=fh, width=200).print(table)
