"""Shared fixtures: where ../shared is, and skipping cleanly when a fresh clone has none."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared not present ({SHARED}): the real-corpus tests need it")
    return SHARED


def ingested_db(folder: Path, texts: dict[str, str]) -> Path:
    """A database holding ``texts`` (file name -> content), written to ``folder`` and ingested."""
    import zhengce

    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "test.duckdb"
    with zhengce.open(path, workers=1) as c:
        c.ingest([p for p in sorted(folder.iterdir()) if p.suffix == ".txt"])
    return path
