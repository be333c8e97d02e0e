"""Bytes to text, with the encoding detected rather than assumed.

Chinese policy text arrives as UTF-8, as GBK/GB18030 from older mainland sites and Windows
tools, as Big5 from Taiwan and Hong Kong, and now and then as UTF-16 exported by Word. A wrong
guess does not fail loudly — GB18030 decodes almost any byte string — it silently produces
mojibake, so every plausible decode is scored by how much it looks like real text (see
:mod:`.hanzi`) and the best one wins. Only a fixed-size sample is scored, so decoding stays
linear in the size of the input.
"""

from __future__ import annotations

import codecs

from .base import ReaderError
from .hanzi import common_hanzi

SAMPLE_BYTES = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls that never occur in text; tab, newlines, form feed, SUB (old DOS EOF) and ESC do.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))

_BINARY = "looks like binary data, not text"


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` (the contents of ``source``) and return ``(text, encoding name)``.

    Raises :class:`ReaderError` when the bytes are not text in any encoding we know.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec), codec

    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample or b"\x00" in data:
        return _decode_with_nuls(data, sample)

    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(2, len(sample) // 100):
        raise ReaderError(f"{_BINARY} ({controls} control bytes in the first {len(sample)})")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    candidates = ["gb18030", "big5", "cp1252"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    scored = sorted(
        ((_score(sample, c), i, c) for i, c in enumerate(candidates)), key=lambda t: (-t[0], t[1])
    )
    best_score, _, best = scored[0]
    if best_score < 0.5:
        raise ReaderError(f"{_BINARY} (not UTF-8, GB18030, Big5 or UTF-16)")
    return _full_decode(data, best), best


def _decode_with_nuls(data: bytes, sample: bytes) -> tuple[str, str]:
    """NUL bytes mean UTF-16 without a byte-order mark, or binary data.

    Parity alone is not enough (Chinese UTF-16 has NULs on both sides: 一 is U+4E00, a newline
    is U+000A), so both byte orders are scored; binary data decoded as UTF-16 is a spread of
    rare code points and unpaired surrogates and scores far below real text.
    """
    if len(data) % 2 == 0:
        score, codec = max((_score(sample, c), c) for c in ("utf-16-le", "utf-16-be"))
        if score >= 0.6:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    raise ReaderError(f"{_BINARY} (contains NUL bytes)")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReaderError(
            f"its byte-order mark says {codec} but byte {exc.start} does not decode ({exc.reason})"
        ) from None


def _full_decode(data: bytes, codec: str) -> str:
    """Decode everything with the chosen codec, tolerating a handful of stray bytes.

    A long file that is clearly GBK apart from three corrupt bytes is more useful read (with
    U+FFFD marking the damage) than refused; a file where damage is common is refused.
    """
    if codec == "big5":
        for variant in ("big5", "cp950", "big5hkscs"):
            try:
                return data.decode(variant)
            except UnicodeDecodeError:
                continue
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        damaged = text.count("\ufffd")
        if damaged > max(3, len(text) // 1000):
            raise ReaderError(
                f"detected as {codec} but {damaged} bytes do not decode (first at byte {exc.start})"
            ) from None
        return text


def _score(sample: bytes, codec: str) -> float:
    """How much ``sample`` decoded with ``codec`` looks like real text: about 1 good, below 0.5 bad.

    Frequent hanzi, ASCII text and CJK punctuation count fully; other CJK ideographs (which any
    wrong CJK guess produces in quantity) count a little; Latin-1 letters count partly so that a
    cp1252 English file with an accent is not read as Chinese; controls, private-use characters
    and undecodable bytes count against.
    """
    text = sample.decode(codec, errors="replace")
    if len(sample) == SAMPLE_BYTES:
        text = text[:-2]  # the sample may end inside a character
    if not text:
        return 0.0
    common = common_hanzi()
    good = 0.0
    bad = 0
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            if o >= 0x20 or ch in "\t\n\r\f":
                good += 1
            else:
                bad += 1
        elif ch in common:
            good += 1
        elif 0x4E00 <= o <= 0x9FFF:
            good += 0.3
        elif 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0x2010 <= o <= 0x2027:
            good += 1
        elif 0xC0 <= o <= 0xFF:
            good += 0.4
        elif ch == "\ufffd" or 0x80 <= o <= 0x9F or 0xE000 <= o <= 0xF8FF:
            bad += 1
    return (good - 5 * bad) / len(text)
