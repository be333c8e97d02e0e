"""The shared writer: format from the file name, integer columns that stay integers, typed
Parquet schemas, a quiet exit on a closed pipe, and errors that name the file."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from zhengce.output import OutputError, resolve_format, typed, write_rows


def frame() -> pd.DataFrame:
    # built from dicts, as corpus.documents() and search() do: a missing year makes it float64
    return pd.DataFrame(
        [
            {"id": "a1", "year": 2023, "value": 5.0, "start": 0, "translation_of": None, "date": None},
            {"id": "b2", "year": None, "value": None, "start": 10, "translation_of": None, "date": None},
        ]
    )


# -- 1. the format from the extension ------------------------------------------------------
@pytest.mark.parametrize("name, fmt", [("x.parquet", "parquet"), ("s.json", "json"), ("s.jsonl", "jsonl"),
                                       ("s.csv", "csv"), ("s.tsv", "tsv"), ("S.PARQUET", "parquet")])  # fmt: skip
def test_format_follows_the_extension(tmp_path, name, fmt):
    out = tmp_path / name
    assert resolve_format(None, out) == fmt
    write_rows(frame(), None, out)
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 2
    elif fmt == "json":
        assert json.loads(out.read_text())[0]["id"] == "a1"
    elif fmt == "jsonl":
        assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a1", "b2"]
    elif fmt == "tsv":
        assert out.read_text().splitlines()[0] == "id\tyear\tvalue\tstart\ttranslation_of\tdate"
    else:
        assert out.read_text().splitlines()[0] == "id,year,value,start,translation_of,date"


def test_a_format_that_contradicts_the_extension_is_an_error(tmp_path):
    out = tmp_path / "x.parquet"
    with pytest.raises(OutputError, match=r"format csv does not match .*x\.parquet"):
        write_rows(frame(), "csv", out)
    assert not out.exists()
    with pytest.raises(ValueError, match="json"):  # the CLI reports ValueError as a one-line error
        write_rows(frame(), "jsonl", tmp_path / "x.json")


def test_an_unknown_extension_takes_the_given_or_default_format(tmp_path):
    assert resolve_format("csv", tmp_path / "x.txt") == "csv"
    assert resolve_format("table", tmp_path / "x.txt") == "table"
    assert resolve_format(None, tmp_path / "x.txt") == "csv"  # stdout is not a terminal under pytest
    assert resolve_format("json", None) == "json"
    with pytest.raises(OutputError, match="unknown format"):
        resolve_format("xml", None)


# -- 2. integers with gaps stay integers ---------------------------------------------------
def test_missing_year_does_not_make_floats(tmp_path, capsys):
    df = frame()
    assert df["year"].dtype == "float64"
    write_rows(df, "csv")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "a1,2023,5.0,0,," and lines[2] == "b2,,,10,,"
    write_rows(df, "json")
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["year"] == 2023 and isinstance(rows[0]["year"], int) and rows[1]["year"] is None
    assert rows[0]["value"] == 5.0 and isinstance(rows[0]["value"], float)
    write_rows(df, "jsonl")
    assert '"year": 2023,' in capsys.readouterr().out
    write_rows(df, "table")
    table = capsys.readouterr().out
    assert "2023" in table and "2023.0" not in table
    assert df["year"].dtype == "float64"  # the caller's frame is left alone


def test_measurements_stay_floats():
    df = pd.DataFrame({
        "value": [5.0, None], "value_high": [6.0, None], "suggested_value": [1.0, None], "score": [1.0, None],
        "confidence": [1.0, None], "per_1000_sentences": [2.0, None], "outcome": [5.0, None], "ratio": [3.0, None],
        "year": [2024.0, None], "n_chars": [10.0, None], "report_year": [2025.0, None], "sentence": [3.0, 4.0],
    })  # fmt: skip
    t = typed(df)
    for col in ("value", "value_high", "suggested_value", "score", "confidence", "per_1000_sentences", "outcome",
                "ratio"):  # fmt: skip
        assert t[col].dtype == "float64", col
    for col in ("year", "n_chars", "report_year", "sentence"):
        assert t[col].dtype == "Int64", col


def test_a_fractional_integer_named_column_is_not_truncated():
    t = typed(pd.DataFrame({"year": [2023.5, None]}))
    assert t["year"].dtype == "float64"


def test_object_column_of_ints_and_none_becomes_integer(capsys):
    df = pd.DataFrame({"mentions": pd.Series([3, None], dtype=object), "flag": pd.Series([True, None], dtype=object)})
    t = typed(df)
    assert t["mentions"].dtype == "Int64" and t["flag"].dtype == object
    write_rows(df, "csv")
    assert capsys.readouterr().out.splitlines()[1:] == ["3,True", ","]


def test_nullable_values_from_duckdb_become_null_in_json(capsys):
    df = pd.DataFrame({"year": pd.array([2023, None], dtype="Int32"), "suspect": pd.array([True, None], dtype="boolean")})
    write_rows(df, "jsonl")
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == [
        {"year": 2023, "suspect": True},
        {"year": None, "suspect": None},
    ]


# -- 3. Parquet schemas that do not depend on the rows ------------------------------------
def test_parquet_types_do_not_depend_on_the_data(tmp_path):
    out = tmp_path / "docs.parquet"
    write_rows(frame(), "parquet", out)
    schema = pq.read_schema(out)
    assert pa.types.is_integer(schema.field("year").type)
    assert pa.types.is_integer(schema.field("start").type)
    assert pa.types.is_floating(schema.field("value").type)
    for col in ("translation_of", "date", "id"):
        assert pa.types.is_string(schema.field(col).type) or pa.types.is_large_string(schema.field(col).type), col
    back = pd.read_parquet(out)
    assert back["year"].tolist()[0] == 2023 and pd.isna(back["year"].tolist()[1])


def test_empty_parquet_has_typed_columns(tmp_path):
    cols = ["id", "title", "year", "n_chars", "value", "score", "suspect", "met", "translation_of", "ingested_at"]
    out = tmp_path / "empty.parquet"
    write_rows(pd.DataFrame(columns=cols), None, out)
    schema = pq.read_schema(out)
    assert schema.names == cols
    assert not any(pa.types.is_null(f.type) for f in schema)
    kinds = {f.name: f.type for f in schema}
    for col in ("id", "title", "translation_of"):  # "id" is a string in documents: not guessed an integer
        assert pa.types.is_string(kinds[col]) or pa.types.is_large_string(kinds[col]), col
    assert pa.types.is_integer(kinds["year"]) and pa.types.is_integer(kinds["n_chars"])
    assert pa.types.is_floating(kinds["value"]) and pa.types.is_floating(kinds["score"])
    assert pa.types.is_boolean(kinds["suspect"]) and pa.types.is_boolean(kinds["met"])
    assert pa.types.is_timestamp(kinds["ingested_at"])
    assert pq.read_table(out).num_rows == 0


def test_empty_and_full_exports_share_a_schema(tmp_path):
    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    write_rows(frame(), None, full)
    write_rows(frame().iloc[0:0], None, empty)
    assert pq.read_schema(full).remove_metadata() == pq.read_schema(empty).remove_metadata()


# -- 4. a closed pipe ----------------------------------------------------------------------
SCRIPT = """
import sys
import pandas as pd
{call}
df = pd.DataFrame({{"id": range(1000), "text": ["政策 policy text"] * 1000}})
sys.stdin.readline()  # wait until the reader has gone
write(df, {fmt!r})
"""


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("call", ["from zhengce.output import write_rows as write",
                                  "from zhengce.cli import show_rows as write"])  # fmt: skip
def test_a_closed_pipe_exits_quietly(fmt, call):
    # like `zhengce docs | head -1` when head has already exited
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT.format(call=call, fmt=fmt)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(b"go\n", timeout=120)
    assert err.decode() == ""
    assert proc.returncode == 141


# -- 5. a folder that is not there ----------------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "table"])
def test_missing_folder_names_the_path(tmp_path, fmt):
    out = tmp_path / "nonexistent" / "dir" / f"x.{'txt' if fmt == 'table' else fmt}"
    with pytest.raises(OutputError) as info:
        write_rows(frame(), fmt, out)
    message = str(info.value)
    assert str(out) in message and str(out.parent) in message and "does not exist" in message


def test_a_file_where_the_folder_should_be(tmp_path):
    (tmp_path / "f").write_text("")
    with pytest.raises(OutputError, match="is not a folder"):
        write_rows(frame(), "csv", tmp_path / "f" / "x.csv")
