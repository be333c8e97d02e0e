"""The README's Python API example must run as written.

It is the first thing a user copies into a notebook, so it is executed verbatim here (in a
temporary directory holding a copy of examples/) and its results are checked, rather than
trusting that the code and the README still agree.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def _python_api_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "README's Python API section has no python code block"
    return match.group(1)


def test_readme_python_api_example_runs(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZHENGCE_DB", raising=False)
    ns: dict = {}
    exec(compile(_python_api_block(), "README.md", "exec"), ns)  # noqa: S102
    assert (tmp_path / "zhengce.duckdb").exists()
    assert ns["report"].summary()["ingested"] == 5
    assert isinstance(ns["docs"], pd.DataFrame) and len(ns["docs"]) == 4
    assert ns["doc"].sentences and ns["doc"].statements
    targets = ns["targets"]
    assert {"gdp_growth", "cpi_growth"} <= set(targets["indicator"])
    assert set(targets["kind"]) == {"target"}
    assert "gdp_growth" in set(ns["board"]["indicator"])
    ns["corpus"].close()


def test_open_is_exported_without_importing_the_pipeline():
    import subprocess
    import sys

    code = "import sys, zhengce; assert callable(zhengce.open); print('zhengce.corpus' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
