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
    assert "gdp_growth" in set(ns["diff"]["indicator"])
    assert len(ns["hits"]) and (ns["trend"]["mentions"] > 0).any()
    ns["corpus"].close()


def test_open_is_exported_without_importing_the_pipeline():
    import subprocess
    import sys

    code = "import sys, zhengce; assert callable(zhengce.open); print('zhengce.corpus' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _run_script(tmp_path: Path, body: str) -> str:
    """Run ``body`` as a script file (not -c: only a file is re-imported by worker processes)."""
    import os
    import subprocess
    import sys

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    script = tmp_path / "analysis.py"
    script.write_text(body, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "ZHENGCE_WORKERS"}
    out = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_an_unguarded_script_asking_for_workers_still_ingests_everything(tmp_path):
    """The workers re-run the unguarded script and die; ingest finishes in the calling process."""
    stdout = _run_script(
        tmp_path,
        "import zhengce\n"
        "corpus = zhengce.open('my.duckdb', workers=2)\n"
        "print(corpus.ingest(['examples/']).summary()['ingested'], len(corpus.documents()))\n",
    )
    assert stdout.split()[-2:] == ["5", "5"]


def test_an_unguarded_script_defaults_to_one_process(tmp_path):
    stdout = _run_script(
        tmp_path,
        "import zhengce\n"
        "corpus = zhengce.open('plain.duckdb')\n"
        "print(corpus.workers, corpus.ingest(['examples/']).summary()['ingested'])\n",
    )
    assert stdout.split() == ["1", "5"]
