"""zhengce: China's policy documents as data you can search, compare and track."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Corpus

__version__ = "0.1.0"
__all__ = ["open", "__version__"]


def open(path: str | Path | None = None, *, read_only: bool = False, workers: int | None = None) -> Corpus:  # noqa: A001
    """Open (or create) a zhengce database; the default is ``$ZHENGCE_DB`` or ./zhengce.duckdb.

    ``workers`` is how many processes run the pipeline during ingest (default: ``$ZHENGCE_WORKERS``
    or the number of cores, at most 4).

    The import happens here rather than at module level so that ``import zhengce`` (and so the
    CLI's start-up) does not pay for DuckDB, pandas and the pipeline until a corpus is opened.
    """
    from .corpus import open as _open

    return _open(path, read_only=read_only, workers=workers)
