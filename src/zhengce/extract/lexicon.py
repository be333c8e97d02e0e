"""The bilingual lexicon of indicators: which words name which quantity.

The phrases live in a data file (``zhengce/data/indicators.toml``) rather than in code, so that
adding a province's way of saying "fixed-asset investment" is an edit to data that anyone can
review. This module loads that file and finds indicator mentions in a clause.

Matching is longest-first and non-overlapping: "单位地区生产总值能耗" is energy intensity, not
GDP, even though it contains "地区生产总值". Chinese phrases match anywhere; English phrases
match on word boundaries and ignore case.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DIRECTIONS = ("increase", "decrease", "level")


class LexiconError(ValueError):
    """The lexicon file is missing, unreadable or names something it should not."""


@dataclass(frozen=True)
class Indicator:
    key: str
    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    zh_re: tuple[str, ...] = ()
    en_re: tuple[str, ...] = ()
    unit: str | None = None
    direction: str | None = None
    level: str | None = None  # key used when the same words carry an amount instead of a rate
    generic: bool = False  # a catch-all that yields to any specific indicator in the clause


@dataclass(frozen=True)
class Mention:
    """An indicator named in a text: ``text[start:end]`` is the phrase that named it."""

    key: str
    start: int
    end: int
    phrase: str


_FIELDS = {"zh", "en", "zh_re", "en_re", "unit", "direction", "level", "generic"}


def _indicator(key: str, spec: object, source: str) -> Indicator:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise LexiconError(f"{source}: indicator key {key!r} is not snake_case")
    if not isinstance(spec, dict):
        raise LexiconError(f"{source}: [{key}] must be a table")
    unknown = set(spec) - _FIELDS
    if unknown:
        raise LexiconError(f"{source}: [{key}] has unknown field(s) {', '.join(sorted(unknown))}")

    def strings(name: str) -> tuple[str, ...]:
        value = spec.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise LexiconError(f"{source}: [{key}].{name} must be a list of non-empty strings")
        return tuple(value)

    direction = spec.get("direction")
    if direction is not None and direction not in DIRECTIONS:
        raise LexiconError(f"{source}: [{key}].direction {direction!r} is not one of {', '.join(DIRECTIONS)}")
    for name in ("zh_re", "en_re"):
        for pattern in strings(name):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise LexiconError(f"{source}: [{key}].{name} {pattern!r} is not a valid regex: {exc}") from None
    return Indicator(
        key=key,
        zh=strings("zh"),
        en=strings("en"),
        zh_re=strings("zh_re"),
        en_re=strings("en_re"),
        unit=spec.get("unit"),
        direction=direction,
        level=spec.get("level"),
        generic=bool(spec.get("generic", False)),
    )


class Lexicon:
    """Indicators by key, with a phrase index for fast matching.

    Chinese phrases are indexed by their first character, so a clause is scanned once and only
    the few phrases that can start at each position are tried; a regex alternation of several
    hundred phrases would be many times slower on a whole corpus.
    """

    def __init__(self, indicators: dict[str, Indicator]):
        self.indicators = indicators
        for ind in indicators.values():
            if ind.level and ind.level not in indicators:
                raise LexiconError(f"indicator {ind.key!r} names level key {ind.level!r}, which is not defined")
        self._zh: dict[str, list[tuple[str, str]]] = {}
        self._en: dict[str, list[tuple[str, str]]] = {}
        for ind in indicators.values():
            for phrase in ind.zh:
                self._zh.setdefault(phrase[0], []).append((phrase, ind.key))
            for phrase in ind.en:
                low = phrase.lower()
                self._en.setdefault(low[0], []).append((low, ind.key))
        for index in (self._zh, self._en):
            for entries in index.values():
                entries.sort(key=lambda e: -len(e[0]))
        self._zh_re = [(re.compile(p), ind.key) for ind in indicators.values() for p in ind.zh_re]
        self._en_re = [(re.compile(p, re.I), ind.key) for ind in indicators.values() for p in ind.en_re]
        # Speed only, same answers: find() looks up phrases only where a first character of one
        # stands, and runs the patterns one by one only when all of them together match somewhere.
        self._zh_first = _char_class(self._zh)
        self._en_first = _char_class(self._en)
        self._zh_gate = _any_of([p for p, _ in self._zh_re])
        self._en_gate = _any_of([p for p, _ in self._en_re])

    def __contains__(self, key: object) -> bool:
        return key in self.indicators

    def __len__(self) -> int:
        return len(self.indicators)

    def get(self, key: str) -> Indicator | None:
        return self.indicators.get(key)

    def compose(self, attribute: str, context: str) -> Mention | None:
        """The indicator a bare attribute ("总产量", "年产量") names when its topic was said earlier.

        Chinese states the topic once and then its attributes: "粮食连续五年增产，总产量10570亿斤".
        A phrase of the lexicon that ends with ``attribute`` and whose head ("粮食") occurs in
        ``context`` names the indicator; the head nearest the end of ``context`` wins. The
        mention's span is that of the head in ``context``.
        """
        if not attribute:
            return None
        best: Mention | None = None
        for ind in self.indicators.values():
            for phrase in ind.zh:
                if len(phrase) <= len(attribute) or not phrase.endswith(attribute):
                    continue
                head = phrase[: -len(attribute)]
                pos = context.rfind(head)
                if pos >= 0 and (best is None or pos > best.start):
                    best = Mention(ind.key, pos, pos + len(head), phrase)
        return best

    def find(self, text: str, lang: str = "zh") -> list[Mention]:
        """Indicator mentions in ``text``, non-overlapping, longest first, in text order."""
        english = lang == "en"
        hay = text.lower() if english else text
        index = self._en if english else self._zh
        first = self._en_first if english else self._zh_first
        found: list[Mention] = []
        for c in first.finditer(hay) if first is not None else ():
            i = c.start()
            entries = index[hay[i]]
            if english and i and hay[i - 1].isalnum():
                continue
            for phrase, key in entries:
                if hay.startswith(phrase, i):
                    end = i + len(phrase)
                    if english and end < len(hay) and hay[end].isalnum() and not _plural(hay, end):
                        continue
                    found.append(Mention(key, i, end, text[i:end]))
                    break  # entries are longest first; shorter ones here would overlap anyway
        gate = self._en_gate if english else self._zh_gate
        for pattern, key in (self._en_re if english else self._zh_re) if gate is None or gate.search(text) else ():
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append(Mention(key, m.start(), m.end(), m.group(0)))
        return _longest_first(found)


def _char_class(index: dict[str, list[tuple[str, str]]]) -> re.Pattern[str] | None:
    """A pattern matching any one of the index's first characters (None for an empty index)."""
    if not index:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in index) + "]")


def _any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches wherever any of ``patterns`` does, to rule them all out at once.

    None (no shortcut) when there is nothing to combine, or when combining could change what a
    pattern means: its own groups (a backreference would point elsewhere) or flags that differ.
    """
    if len(patterns) < 2 or any(p.groups for p in patterns) or len({p.flags for p in patterns}) > 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None  # e.g. inline global flags, which are only allowed at the start


def _plural(hay: str, end: int) -> bool:
    """'export' should still match 'exports': a trailing s (and nothing more) is allowed."""
    return hay[end] == "s" and (end + 1 == len(hay) or not hay[end + 1].isalnum())


def _longest_first(found: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= s or m.start >= e for s, e in taken):
            kept.append(m)
            taken.append((m.start, m.end))
    kept.sort(key=lambda m: m.start)
    return kept


def parse_lexicon(text: str, source: str = "<lexicon>") -> Lexicon:
    """A lexicon from TOML text; errors name the source and the offending table."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: not valid TOML: {exc}") from None
    return Lexicon({key: _indicator(key, spec, source) for key, spec in data.items()})


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon in ``path``, or the one shipped with the package (loaded once, then cached)."""
    if path is None:
        return _default_lexicon()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{p}: cannot read lexicon: {exc.strerror or exc}") from None
    return parse_lexicon(text, str(p))


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    ref = resources.files("zhengce") / "data" / "indicators.toml"
    return parse_lexicon(ref.read_text(encoding="utf-8"), "zhengce/data/indicators.toml")


_STOP_EN = {"the", "a", "an", "of", "and", "in", "to", "for", "by", "with", "on", "at", "its", "their", "this",
            "that", "was", "were", "is", "are", "be", "been", "will", "has", "have", "had", "from", "as"}

_ASCII_WORD = re.compile(r"[a-z][a-z0-9]*")
_NOT_CJK = re.compile(r"[^\u3400-\u9fff]")


def derived_key(words: str, suffix: str | None = None) -> str:
    """A stable key for an indicator the lexicon lacks, made from the words that named it.

    English words become a snake_case slug ("private investment" -> "private_investment");
    Chinese words are kept as written after ``zh_`` ("zh_技术合同成交额"), so the same wording in
    two documents yields the same key and a reader can tell what it counts. (A hash was stable
    too, but ``zh_32af5bed`` told an analyst nothing.)
    """
    ascii_words = [w for w in _ASCII_WORD.findall(words.lower()) if w not in _STOP_EN and w != suffix]
    cjk = _NOT_CJK.sub("", words)
    if cjk:
        key = "zh_" + cjk
    elif ascii_words:
        key = "_".join(ascii_words[-6:])
    else:
        key = "unnamed"
    if suffix and not key.endswith("_" + suffix):
        key = f"{key}_{suffix}"
    return key
