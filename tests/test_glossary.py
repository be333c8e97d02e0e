"""The policy-term glossary: finding terms in either language, looking a phrase up, bad files."""

from __future__ import annotations

import pytest

from zhengce.glossary import GlossaryError, load_glossary, parse_glossary


def test_shipped_glossary_loads_and_has_both_languages_for_every_term():
    g = load_glossary()
    assert len(g) >= 50
    assert all(t.zh and t.en for t in g.terms.values())


def test_find_in_chinese_takes_the_longest_form():
    g = parse_glossary('[a]\nzh = ["专项债", "地方政府专项债券"]\nen = ["special bonds"]\n')
    assert g.find("今年拟安排地方政府专项债券，专项债要用好。", "zh") == ["a", "a"]


def test_find_in_english_ignores_case_and_hyphens_but_needs_word_edges():
    g = parse_glossary('[hq]\nzh = ["高质量发展"]\nen = ["high-quality development"]\n')
    assert g.find("We pursued High Quality Development and high-quality developments.", "en") == ["hq"]
    assert g.find("a high-quality developer", "en") == []


def test_lookup_by_any_form_or_key():
    g = load_glossary()
    assert g.lookup("新质生产力").key == "new_quality_productive_forces"
    assert g.lookup("New-Quality Productive Forces").key == "new_quality_productive_forces"
    assert g.lookup("ai_plus").zh == ("人工智能+",)
    assert g.lookup("productive") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [("[a\n", "not valid TOML"), ('[a]\nzh = ["甲"]\n', "en must be"), ('[a]\nzh = ["甲"]\nen = ["x"]\nfr = ["y"]\n', "only zh and en")],
)
def test_malformed_glossary_names_the_problem(text, message):
    with pytest.raises(GlossaryError, match=message):
        parse_glossary(text, "my.toml")


def test_missing_glossary_file_names_the_file(tmp_path):
    with pytest.raises(GlossaryError, match="nope.toml"):
        load_glossary(tmp_path / "nope.toml")
