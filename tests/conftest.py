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
