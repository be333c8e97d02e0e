"""The policy-term glossary: one concept per entry, with its Chinese forms and English renderings.

A report's translation fixes how a concept is read ("新质生产力" is "new quality productive
forces"), and those fixed renderings are what ties a Chinese sentence to its English one when a
sentence embedding misses the connection ("两个毫不动摇" becomes a whole English clause). The
entries live in ``zhengce/data/glossary.toml`` so that adding a term is a reviewable data edit.

Chinese forms match as substrings (longest first); English forms match on word boundaries,
ignoring case and treating a hyphen like a space ("high quality" meets "high-quality").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


class GlossaryError(ValueError):
    """The glossary file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class Term:
    key: str
    zh: tuple[str, ...]
    en: tuple[str, ...]


_FOLD = re.compile(r"[\s\-‐‑–]+")


def fold_en(text: str) -> str:
    """English text as the glossary compares it: lower case, hyphens and runs of space as one space."""
    return _FOLD.sub(" ", text.lower())


class Glossary:
    def __init__(self, terms: dict[str, Term]) -> None:
        self.terms = terms
        zh = sorted(((f, t.key) for t in terms.values() for f in t.zh), key=lambda p: -len(p[0]))
        en = sorted(((fold_en(f), t.key) for t in terms.values() for f in t.en), key=lambda p: -len(p[0]))
        self._zh_key = dict(zh)
        self._en_key = dict(en)
        self._zh = re.compile("|".join(re.escape(f) for f, _ in zh)) if zh else None
        self._en = re.compile(r"\b(?:" + "|".join(re.escape(f) for f, _ in en) + r")(?![a-z0-9])") if en else None

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, key: str) -> Term | None:
        return self.terms.get(key)

    def find(self, text: str, lang: str) -> list[str]:
        """Keys of the terms in ``text``, in order, once per occurrence."""
        if lang == "zh":
            if self._zh is None:
                return []
            return [self._zh_key[m.group(0)] for m in self._zh.finditer(text)]
        if self._en is None:
            return []
        return [self._en_key[m.group(0)] for m in self._en.finditer(fold_en(text))]

    def lookup(self, phrase: str) -> Term | None:
        """The term a phrase names exactly (a Chinese form, an English form or the key)."""
        p = phrase.strip()
        key = self._zh_key.get(p) or self._en_key.get(fold_en(p)) or (p if p in self.terms else None)
        return self.terms.get(key) if key else None


def query_forms(query: str) -> list[str]:
    """What to look for when a user types ``query``: the query itself (normalised, simplified),
    and every form of the glossary term it names, in both languages."""
    from .text.normalise import normalise, to_simplified

    q = to_simplified(normalise(query).text.strip())
    if not q:
        raise ValueError("give a word or phrase to look up")
    term = load_glossary().lookup(q)
    forms = list(dict.fromkeys([q, *(term.zh + term.en if term else ())]))
    # callers match forms as substrings: a form containing another ("…forces" holds "…force")
    # would count the same words twice
    low = [f.lower() for f in forms]
    return [f for f, lf in zip(forms, low, strict=True) if not any(o != lf and o in lf for o in low)]


def parse_glossary(text: str, source: str = "<glossary>") -> Glossary:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{source}: not valid TOML: {exc}") from None
    terms: dict[str, Term] = {}
    for key, spec in data.items():
        if not isinstance(spec, dict) or set(spec) - {"zh", "en"}:
            raise GlossaryError(f"{source}: [{key}] must be a table with only zh and en lists")
        forms = {}
        for lang in ("zh", "en"):
            value = spec.get(lang, [])
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
                raise GlossaryError(f"{source}: [{key}].{lang} must be a non-empty list of non-empty strings")
            forms[lang] = tuple(value)
        terms[key] = Term(key, forms["zh"], forms["en"])
    return Glossary(terms)


def load_glossary(path: str | Path | None = None) -> Glossary:
    """The glossary in ``path``, or the one shipped with zhengce."""
    if path is None:
        return _default_glossary()
    p = Path(path)
    try:
        return parse_glossary(p.read_text(encoding="utf-8"), str(p))
    except OSError as exc:
        raise GlossaryError(f"{p}: cannot read the glossary: {exc.strerror or exc}") from None


@lru_cache(maxsize=1)
def _default_glossary() -> Glossary:
    text = resources.files("zhengce").joinpath("data/glossary.toml").read_text(encoding="utf-8")
    return parse_glossary(text, "zhengce/data/glossary.toml")
