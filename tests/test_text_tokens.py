"""Tokens for search: the same scheme for documents and queries, in any mix of languages."""

from __future__ import annotations

import pytest

from zhengce.text.tokens import search_tokens, tokenize


def test_chinese_words_numbers_and_no_punctuation() -> None:
    toks = tokenize("城镇调查失业率5.5%左右，粮食产量1.3万亿斤以上。", "zh")
    assert "失业率" in toks and "5.5%" in toks and "1.3" in toks and "以上" in toks
    assert not any(t.strip("，。,.") == "" for t in toks)


def test_latin_inside_chinese_is_lowercased_and_split_from_han() -> None:
    assert tokenize("GDP增长5%左右", "zh") == ["gdp", "增长", "5%", "左右"]


def test_english_words() -> None:
    toks = tokenize("China's GDP grew 5.2% in 2023; 12,440,000 new jobs — U.S. data.", "en")
    assert toks == ["china", "gdp", "grew", "5.2%", "in", "2023", "12440000", "new", "jobs", "us", "data"]


def test_search_tokens_fold_queries_like_documents() -> None:
    doc = tokenize("国务院政府工作报告:GDP增长5%", "zh")
    query = search_tokens("國務院　ＧＤＰ增長５％")
    assert set(query) <= set(doc)
    assert "国务院" in query and "gdp" in query and "5%" in query


def test_mixed_query() -> None:
    toks = search_tokens("新质生产力 new quality productive forces 2024")
    assert toks[-5:] == ["new", "quality", "productive", "forces", "2024"]
    assert "".join(toks[:-5]) == "新质生产力"


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        tokenize("x", "fr")
    with pytest.raises(TypeError):
        search_tokens(3)  # type: ignore[arg-type]
    assert tokenize("。，——", "zh") == []
