"""The indicator lexicon: data file loading, longest-first matching, derived keys."""

from __future__ import annotations

import pytest

from zhengce.extract.lexicon import LexiconError, derived_key, load_lexicon, parse_lexicon

# keys the gold sets and the scoreboard rely on
REQUIRED = [
    "gdp_growth", "cpi_growth", "retail_price_growth", "urban_new_jobs", "urban_surveyed_unemployment",
    "urban_registered_unemployment", "grain_output", "energy_intensity", "co2_intensity", "income_growth",
    "fiscal_revenue_growth", "fixed_asset_investment_growth", "retail_sales_growth", "foreign_trade_growth",
    "industrial_value_added_growth", "rd_intensity", "balance_of_payments", "eco_environment_quality",
    "major_pollutant_emissions", "rural_poverty_reduction", "deficit_ratio", "local_special_bonds",
    "ultra_long_special_treasury_bonds",
]  # fmt: skip


def keys(text: str, lang: str = "zh") -> list[str]:
    return [m.key for m in load_lexicon().find(text, lang)]


def test_shipped_lexicon_has_the_canonical_keys():
    lex = load_lexicon()
    missing = [k for k in REQUIRED if k not in lex]
    assert not missing
    for key in REQUIRED:
        ind = lex.get(key)
        assert ind.zh or ind.zh_re, key  # every key can be found in Chinese text
        assert ind.direction in ("increase", "decrease", "level")


def test_longest_phrase_wins():
    assert keys("单位地区生产总值能耗下降2%") == ["energy_intensity"]
    assert keys("城镇调查失业率5%左右") == ["urban_surveyed_unemployment"]
    assert keys("农村居民人均可支配收入增长7%") == ["rural_income_growth"]
    assert keys("进出口增长4%，出口增长3%") == ["foreign_trade_growth", "export_growth"]


def test_mentions_are_in_text_order_with_spans():
    text = "单位生产总值能耗和主要污染物排放量继续下降"
    found = load_lexicon().find(text)
    assert [m.key for m in found] == ["energy_intensity", "major_pollutant_emissions"]
    for m in found:
        assert text[m.start : m.end] == m.phrase


def test_regex_entries_cover_wordings_phrases_cannot():
    assert keys("研发经费投入相当于地区生产总值的比例达到3%") == ["rd_intensity"]
    assert keys("能源、生态环境质量等指标完成国家下达任务") == ["resource_environment_indicators"]


def test_english_matches_whole_words_ignoring_case():
    assert keys("GDP grew by 5 percent", "en") == ["gdp_growth"]
    assert keys("Exports rose", "en") == ["export_growth"]  # plural of "export"
    assert keys("the exporter index", "en") == []  # not inside a longer word
    assert keys("a surveyed urban unemployment rate of 5.5 percent", "en") == ["urban_surveyed_unemployment"]


def test_level_keys_exist_for_amount_readings():
    lex = load_lexicon()
    assert lex.get("gdp_growth").level == "gdp"
    assert lex.get("gdp").unit == "yuan"


def test_parse_errors_name_the_source_and_table():
    with pytest.raises(LexiconError, match=r"mine\.toml: not valid TOML"):
        parse_lexicon("[a\n", "mine.toml")
    with pytest.raises(LexiconError, match=r"\[gdp_growth\] has unknown field\(s\) colour"):
        parse_lexicon('[gdp_growth]\nzh = ["国内生产总值"]\ncolour = "red"\n', "mine.toml")
    with pytest.raises(LexiconError, match="direction 'up'"):
        parse_lexicon('[x]\nzh = ["某"]\ndirection = "up"\n')
    with pytest.raises(LexiconError, match="not a valid regex"):
        parse_lexicon('[x]\nzh_re = ["(unclosed"]\n')
    with pytest.raises(LexiconError, match="level key 'nowhere'"):
        parse_lexicon('[x]\nzh = ["某"]\nlevel = "nowhere"\n')
    with pytest.raises(LexiconError, match="not snake_case"):
        parse_lexicon('[GDP]\nzh = ["国内生产总值"]\n')


def test_custom_lexicon_file(tmp_path):
    path = tmp_path / "lex.toml"
    path.write_text('[tea_output]\nzh = ["茶叶产量"]\nen = ["tea output"]\nunit = "tonnes"\n', encoding="utf-8")
    lex = load_lexicon(path)
    assert [m.key for m in lex.find("茶叶产量增长5%")] == ["tea_output"]
    with pytest.raises(LexiconError, match="cannot read lexicon"):
        load_lexicon(tmp_path / "absent.toml")


def test_derived_keys_are_stable_and_readable():
    assert derived_key("技术合同成交额") == derived_key("技术合同成交额")
    assert derived_key("技术合同成交额") == "zh_技术合同成交额"
    assert derived_key("“快递”业务量", "growth") == "zh_快递业务量_growth"  # punctuation dropped
    assert derived_key("技术合同成交额") != derived_key("快递业务量")
    assert derived_key("private investment", "growth") == "private_investment_growth"
    assert derived_key("the share of clean energy", "share") == "clean_energy_share"
    assert derived_key("the number of the new firms") == "number_new_firms"
    assert derived_key("", "share") == "unnamed_share"


def test_pattern_mentions_found_with_and_without_the_combined_shortcut() -> None:
    """Patterns are still found one by one, whether or not they could be combined into one test."""
    plain = parse_lexicon(
        '[a]\nzh_re = ["甲(?:乙|丙)丁"]\n[b]\nzh_re = ["戊[^，]{0,3}己"]\n[c]\nen = ["steel output"]\n'
        'en_re = ["crude (?:steel|iron) output", "grain (?:harvest|yield)"]\n'
    )
    grouped = parse_lexicon('[a]\nzh_re = ["(甲)(?:乙|丙)丁"]\n[b]\nzh_re = ["戊[^，]{0,3}己"]\n')
    for lex in (plain, grouped):
        assert [(m.key, m.phrase) for m in lex.find("看甲丙丁和戊一二己，再看甲乙丁")] == [
            ("a", "甲丙丁"),
            ("b", "戊一二己"),
            ("a", "甲乙丁"),
        ]
        assert lex.find("什么都没有") == []
    assert [(m.key, m.phrase) for m in plain.find("Crude Iron output and steel outputs rose", "en")] == [
        ("c", "Crude Iron output"),
        ("c", "steel output"),
    ]


def test_phrase_lookup_only_at_first_characters_keeps_longest_match() -> None:
    lex = parse_lexicon('[a]\nzh = ["生产总值"]\n[b]\nzh = ["地区生产总值能耗"]\n[c]\nzh = ["能耗"]\n')
    assert [(m.key, m.start) for m in lex.find("单位地区生产总值能耗下降，生产总值增长")] == [("b", 2), ("a", 13)]
