"""Statements from made-up report texts: targets, outcomes, statistics, qualitative targets,
分别 splits, budget commitments, English targets, suspect values and derived keys."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from zhengce.extract.statements import extract_statements
from zhengce.model import Document
from zhengce.text.normalise import normalise

REPORT_ZH = """政府工作报告

一、2030年工作回顾

过去一年，全省生产总值增长6.1%，城镇新增就业52万人，居民消费价格上涨1.5%，居民消费价格涨幅控制在1.8%。粮食产量达到300亿斤，增产5亿斤。技术合同成交额增长12.5%。

五年来，地区生产总值年均增长6.5%，城镇化率从55%提高到60%。

二、2031年工作安排

今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右、力争达到7%，城镇新增就业50万人以上，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，居民收入增长与经济增长同步，国际收支基本平衡，城镇和农村居民人均可支配收入分别增长6%、7.5%左右。单位地区生产总值能耗下降3%以上，主要污染物排放完成国家下达目标。上述目标综合考虑了各方面因素，在实际工作中争取更好结果。

积极的财政政策要加力提效。赤字率拟按3.2%安排，拟安排地方政府专项债券500亿元、比上年增加60亿元。新建农村公路1200公里。
"""

REPORT_EN = """Report on the Work of the Government

I. Review of Our Work in 2030

Last year GDP grew by 5.3 percent and 12.1 million urban jobs were added.

II. Overall Requirements and Tasks for 2031

The main targets for development this year are: GDP growth of around 5 percent; over 12 million new urban jobs; a surveyed urban unemployment rate of around 5.5 percent; CPI increase of around 2 percent; and personal income growth in step with economic growth.
"""


def make_doc(text: str, kind: str = "government_work_report", year: int | None = 2031, where: str = "某省") -> Document:
    doc = Document(id="t", source="test.txt", text=text, kind=kind, year=year, jurisdiction=where)
    doc.norm = normalise(text)
    return doc


def find(statements, kind=None, indicator=None, value=None):
    return [
        s
        for s in statements
        if (kind is None or s.kind == kind)
        and (indicator is None or s.indicator == indicator)
        and (value is None or s.value == value)
    ]


@pytest.fixture(scope="module")
def zh_statements():
    return extract_statements(make_doc(REPORT_ZH))


def one(statements, **kw):
    found = find(statements, **kw)
    assert len(found) == 1, (kw, found)
    return found[0]


def test_target_paragraph_with_several_indicators(zh_statements):
    gdp = one(zh_statements, kind="target", indicator="gdp_growth")
    assert (gdp.comparator, gdp.value, gdp.unit, gdp.direction, gdp.year) == ("around", 6.0, "percent", "increase", 2031)
    assert gdp.jurisdiction == "某省"
    jobs = one(zh_statements, kind="target", indicator="urban_new_jobs")
    assert (jobs.comparator, jobs.value, jobs.unit) == ("at_least", 500_000, "persons")
    unemployment = one(zh_statements, kind="target", indicator="urban_surveyed_unemployment")
    assert (unemployment.comparator, unemployment.value) == ("at_most", 5.5)
    assert one(zh_statements, kind="target", indicator="cpi_growth").comparator == "around"
    energy = one(zh_statements, kind="target", indicator="energy_intensity")
    assert (energy.comparator, energy.value, energy.direction) == ("at_least", 3.0, "decrease")


def test_stretch_goal_is_not_a_second_target(zh_statements):
    assert [s.value for s in find(zh_statements, kind="target", indicator="gdp_growth")] == [6.0]


def test_qualitative_targets(zh_statements):
    income = one(zh_statements, kind="target", indicator="income_growth")
    assert (income.comparator, income.value, income.unit) == ("qualitative", None, None)
    gdp = find(zh_statements, kind="target", indicator="gdp_growth")
    assert [s.comparator for s in gdp] == ["around"]  # 经济增长 in the income clause is the yardstick
    assert one(zh_statements, kind="target", indicator="balance_of_payments").comparator == "qualitative"
    pollutants = one(zh_statements, kind="target", indicator="major_pollutant_emissions")
    assert pollutants.comparator == "qualitative"


def test_commentary_after_the_list_is_not_a_target(zh_statements):
    targets = find(zh_statements, kind="target")
    assert not [s for s in targets if "上述" in s.text or "更好结果" in s.text]


def test_respectively_splits_into_one_record_per_value(zh_statements):
    urban = one(zh_statements, kind="target", indicator="urban_income_growth")
    rural = one(zh_statements, kind="target", indicator="rural_income_growth")
    assert (urban.value, urban.comparator) == (6.0, "around")  # 左右 after the list covers both
    assert (rural.value, rural.comparator) == (7.5, "around")
    assert urban.text == rural.text


def test_budget_commitments_are_targets(zh_statements):
    deficit = one(zh_statements, kind="target", indicator="deficit_ratio")
    assert (deficit.value, deficit.unit, deficit.year) == (3.2, "percent", 2031)
    bonds = one(zh_statements, kind="target", indicator="local_special_bonds")
    assert (bonds.value, bonds.unit) == (5e10, "yuan")
    change = one(zh_statements, indicator="local_special_bonds_change")
    assert change.value == 6e9 and not change.indicator_known


def test_other_numbers_in_the_plan_are_statistics(zh_statements):
    roads = [s for s in zh_statements if s.value == 1200]
    assert roads and all(s.kind == "statistic" for s in roads)


def test_outcomes_in_the_review_part(zh_statements):
    gdp = one(zh_statements, kind="outcome", indicator="gdp_growth")
    assert (gdp.value, gdp.comparator, gdp.year) == (6.1, "exact", 2030)
    assert one(zh_statements, kind="outcome", indicator="urban_new_jobs").value == 520_000
    grain = one(zh_statements, kind="outcome", indicator="grain_output")
    assert (grain.value, grain.unit) == (3e10, "jin")
    assert one(zh_statements, indicator="grain_output_change").value == 5e8  # 增产5亿斤 is the change


def test_outcome_stated_with_kongzhizai_is_exact(zh_statements):
    cpi = one(zh_statements, kind="outcome", indicator="cpi_growth", value=1.8)
    assert cpi.comparator == "exact"


def test_multi_year_review_figures_are_statistics(zh_statements):
    five_year = [s for s in zh_statements if s.value in (6.5, 55.0, 60.0)]
    assert five_year and all(s.kind == "statistic" for s in five_year)


def test_unknown_indicator_gets_a_stable_derived_key(zh_statements):
    tech = one(zh_statements, value=12.5)
    assert not tech.indicator_known and tech.indicator == "zh_技术合同成交额_growth"
    other = extract_statements(make_doc("一、2030年工作回顾\n技术合同成交额增长3.1%。\n", year=2031))
    assert other[0].indicator == tech.indicator


def test_spans_point_at_the_original_text(zh_statements):
    doc = make_doc(REPORT_ZH)
    for s in zh_statements:
        original = unicodedata.normalize("NFKC", doc.text[s.start : s.end])
        assert original == s.text, (original, s.text)


def test_english_targets_and_outcomes():
    statements = extract_statements(make_doc(REPORT_EN, where="national"))
    gdp = one(statements, kind="target", indicator="gdp_growth")
    assert (gdp.comparator, gdp.value, gdp.year) == ("around", 5.0, 2031)
    jobs = one(statements, kind="target", indicator="urban_new_jobs")
    assert (jobs.comparator, jobs.value, jobs.unit) == ("at_least", 12e6, "persons")
    assert one(statements, kind="target", indicator="urban_surveyed_unemployment").value == 5.5
    assert one(statements, kind="target", indicator="cpi_growth").value == 2.0
    assert one(statements, kind="target", indicator="income_growth").comparator == "qualitative"
    past = one(statements, kind="outcome", indicator="gdp_growth")
    assert (past.value, past.year) == (5.3, 2030)


def test_suspect_values_keep_the_number_and_suggest_a_reading():
    text = "The urbanization rate of the county reached 582% by the end of the year."
    [st] = extract_statements(make_doc(text, kind="news", year=None))
    assert st.value == 582 and st.suspect and st.suggested_value == 58.2
    assert st.kind == "statistic" and "above 100%" in st.suspect_reason


def test_news_never_sets_targets():
    text = "报道称，今年发展主要预期目标是：国内生产总值增长5%左右。"
    statements = extract_statements(make_doc(text, kind="news"))
    assert [s.kind for s in statements] == ["statistic"]


def test_english_counts_in_words():
    text = "The province will roll out seven measures to support small firms."
    [st] = extract_statements(make_doc(text, kind="news", year=None))
    assert (st.value, st.unit) == (7.0, "count")


def test_document_without_normalised_view_and_bad_input():
    doc = Document(id="raw", source="raw.txt", text="今年发展主要预期目标是：粮食产量1.3万亿斤以上。",
                   kind="government_work_report", year=2031)  # fmt: skip
    [st] = extract_statements(doc)
    assert (st.indicator, st.value, st.unit, st.comparator) == ("grain_output", 1.3e12, "jin", "at_least")
    with pytest.raises(TypeError, match="expects a Document"):
        extract_statements("not a document")  # type: ignore[arg-type]


def test_national_report_from_the_shared_corpus():
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    corpus = shared / "corpus" / "national-gwr-1954-2025.jsonl"
    if not corpus.exists():
        pytest.skip("../shared not present")
    with corpus.open(encoding="utf-8") as f:
        row = next(r for r in map(json.loads, f) if r.get("year") == "2024")
    statements = extract_statements(make_doc(row["content"], year=2024, where="national"))
    gdp = one(statements, kind="target", indicator="gdp_growth")
    assert (gdp.comparator, gdp.value) == ("around", 5.0)
    assert one(statements, kind="outcome", indicator="gdp_growth").value == 5.2
    assert one(statements, kind="target", indicator="ultra_long_special_treasury_bonds").value == 1e12


def test_target_list_one_per_line_after_the_anchor():
    text = (
        "二、2031年工作安排\n今年主要预期目标是：\n1.地区生产总值增长5.5%左右；\n2.粮食产量稳定在600亿斤以上；\n"
        "3.生态环境质量持续改善。\n以上目标是积极稳妥的。\n"
    )
    statements = extract_statements(make_doc(text))
    targets = {s.indicator: s for s in statements if s.kind == "target"}
    assert set(targets) == {"gdp_growth", "grain_output", "eco_environment_quality"}
    assert (targets["grain_output"].value, targets["grain_output"].unit) == (6e10, "jin")


def test_english_bulleted_targets():
    text = (
        "The main targets for development this year are as follows:\n"
        "- GDP growth of around 4.5 percent\n- a CPI increase of around 2 percent\n"
        "These targets take into account the need to stabilize employment.\n"
    )
    statements = extract_statements(make_doc(text, where="national"))
    targets = sorted((s.indicator, s.value) for s in statements if s.kind == "target")
    assert targets == [("cpi_growth", 2.0), ("gdp_growth", 4.5)]


def test_export_units_use_the_coarse_vocabulary():
    from zhengce.extract.statements import export_unit

    assert [export_unit(u) for u in ("percent", "person_times", "mu", "usd", None)] == [
        "percent", "persons", "other", "other", None,
    ]  # fmt: skip


def test_english_budget_commitments_name_the_bond_after_the_amount():
    text = (
        "II. Policy Orientation for 2031\n"
        "This year, the deficit-to-GDP ratio is projected to be around 3.5 percent. We plan to issue "
        "0.9 trillion yuan of ultra-long special treasury bonds and 2.1 trillion yuan of special-purpose "
        "bonds for local governments.\n"
    )
    statements = extract_statements(make_doc(text, where="national"))
    got = sorted((s.indicator, s.value, s.comparator) for s in statements if s.kind == "target")
    assert got == [
        ("deficit_ratio", 3.5, "around"),
        ("local_special_bonds", 2.1e12, "exact"),
        ("ultra_long_special_treasury_bonds", 0.9e12, "exact"),
    ]


def test_exceeded_is_a_floor():
    text = "I. Review of Our Work in 2030\nLast year, grain output exceeded 650 million metric tons.\n"
    [st] = extract_statements(make_doc(text, where="national"))
    assert (st.kind, st.indicator, st.comparator, st.year) == ("outcome", "grain_output", "at_least", 2030)


def test_an_attribute_clause_takes_the_topic_named_earlier_in_the_sentence():
    text = (
        "一、2030年工作回顾\n"
        "过去一年，全省粮食生产再获丰收，总产量达到712亿斤。棉花连续两年减产，年产量为3.5万吨。"
        "粮食总产量在上年增产的基础上，又增产8亿斤。\n"
    )
    statements = extract_statements(make_doc(text))
    got = {(s.indicator, s.value, s.kind, s.year) for s in statements if s.unit in ("jin", "tonnes")}
    assert ("grain_output", 712e8, "outcome", 2030) in got
    assert ("grain_output_change", 8e8, "outcome", 2030) in got  # "又" does not hide the carried subject
    # 棉花 has no indicator ending in 产量 in the lexicon: the clause keeps a derived key
    [cotton] = [s for s in statements if s.value == 3.5e4]
    assert not cotton.indicator_known


def test_a_multi_year_review_still_dates_last_years_figures_to_last_year():
    text = (
        "一、过去五年工作回顾\n"
        "五年来，全省经济实力明显增强。地区生产总值年均增长6.8%。粮食产量去年达到701亿斤。"
        "2030年城镇新增就业61万人。地区生产总值比2025年增长39%。\n"
        "二、2031年工作安排\n"
        "今年的主要预期目标是：地区生产总值增长6%左右。\n"
    )
    statements = extract_statements(make_doc(text))
    by_value = {s.value: s for s in statements}
    assert (by_value[6.8].kind, by_value[39.0].kind) == ("statistic", "statistic")
    assert (by_value[701e8].kind, by_value[701e8].year, by_value[701e8].indicator) == ("outcome", 2030, "grain_output")
    assert (by_value[61e4].kind, by_value[61e4].year) == ("outcome", 2030)


def test_english_news_figures_with_was_up_are_growth_rates():
    text = "Xinhua news\n\nIndustrial output was up 5.8 percent in October. Tourist arrivals were up 12 percent.\n"
    statements = extract_statements(make_doc(text, kind="news", where="national"))
    got = {(s.indicator, s.indicator_known, s.value) for s in statements}
    assert ("industrial_value_added_growth", True, 5.8) in got
    assert ("tourist_arrivals_growth", False, 12.0) in got


def test_doubling_and_tenths_become_percentages():
    text = "一、2030年工作回顾\n过去一年，城乡居民收入实现翻番，民营企业贡献了六成以上的税收。\n"
    got = {(s.value, s.comparator, s.unit) for s in extract_statements(make_doc(text))}
    assert got == {(100.0, "exact", "percent"), (60.0, "at_least", "percent")}


def test_a_count_after_a_bare_verb_is_named_by_the_thing_it_counts():
    text = "一、2030年工作回顾\n过去一年，新增4.2万个公共充电桩，12条城际铁路建成通车。\n"
    keys = {s.value: s.indicator for s in extract_statements(make_doc(text))}
    assert keys == {42000.0: "zh_新增公共充电桩", 12.0: "zh_城际铁路"}


def test_a_report_without_a_target_list_sets_targets_in_running_text():
    text = (
        "一、过去一年的工作\n去年国民生产总值增长百分之七。\n"
        "二、今年的任务\n今年计划国民生产总值增长百分之八。经济增长速度的调控目标定为8%。"
        "今年全社会固定资产投资调控目标为2.5万亿元。今年要办好十件实事。\n"
    )
    got = {(s.kind, s.year, s.indicator, s.value) for s in extract_statements(make_doc(text, year=1997))}
    assert ("target", 1997, "gdp_growth", 8.0) in got
    assert ("target", 1997, "fixed_asset_investment", 2.5e12) in got
    assert ("outcome", 1996, "gdp_growth", 7.0) in got
    assert not any(k == "target" and v == 10 for k, _, _, v in got)  # 十件实事 names no indicator


def test_with_a_target_list_a_running_text_mention_is_not_a_second_target():
    text = (
        "二、2031年工作安排\n今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
        "今年进出口总额预期增长5%左右。\n"
    )
    targets = [s for s in extract_statements(make_doc(text)) if s.kind == "target"]
    assert [(s.indicator, s.value) for s in targets] == [("gdp_growth", 6.0)]


def test_a_growth_over_the_year_before_is_last_years_outcome_even_outside_a_recognised_review():
    text = (
        "政府工作报告\n这里要特别指出，刚刚过去的一年很不平凡，全省生产总值比上年增长百分之九点五。"
        "今年产值预计比去年增长8%。\n二、2031年工作安排\n今年的主要预期目标是：地区生产总值增长6%左右。\n"
    )
    got = {(s.value, s.kind, s.year) for s in extract_statements(make_doc(text))}
    assert (9.5, "outcome", 2030) in got
    assert (8.0, "statistic", None) in got  # this year's estimate, not last year's outcome


def test_english_percent_of_gdp_makes_gdp_the_denominator_not_the_subject():
    text = "Xinhua news\n\nServices accounted for 54.7% of GDP last year.\n"
    [st] = extract_statements(make_doc(text, kind="news", where="national"))
    assert (st.indicator, st.value) == ("services_share", 54.7)


def test_growth_against_an_earlier_base_year_is_not_last_years_outcome():
    text = (
        "一、2030年工作回顾\n2030年同2022年相比，全省生产总值增长62%。全省生产总值比2029年增长5.1%。\n"
    )
    got = {s.value: (s.kind, s.year) for s in extract_statements(make_doc(text))}
    assert got[62.0][0] == "statistic"
    assert got[5.1] == ("outcome", 2030)


def test_a_sentence_framed_against_an_old_base_year_keeps_only_its_levels_as_outcomes():
    text = "一、2030年工作回顾\n2030年同2025年相比，钢产量增长42%，达到8000万吨。\n"
    got = {s.value: s.kind for s in extract_statements(make_doc(text))}
    assert got == {42.0: "statistic", 8e7: "outcome"}


def test_spans_of_time_are_not_facts():
    text = "一、2030年工作回顾\n粮食产量连续五年增产，达到712亿斤。实施三年行动，隆重庆祝成立70周年。\n"
    got = [(s.value, s.unit) for s in extract_statements(make_doc(text))]
    assert got == [(712e8, "jin")]


def test_english_news_dates_last_year_drops_currency_conversions_and_reads_the_growth_target():
    text = (
        "Xinhua news\n\nConsumer prices rose 0.3 percent last year. The country set its growth target at "
        "around 4.5 percent for 2031. It will issue 2 trillion yuan ($280 billion) in ultra-long special "
        "treasury bonds.\n"
    )
    got = {(s.indicator, s.value, s.unit, s.year) for s in extract_statements(make_doc(text, kind="news", where="national"))}
    assert got == {
        ("cpi_growth", 0.3, "percent", 2030),
        ("gdp_growth", 4.5, "percent", 2031),
        ("ultra_long_special_treasury_bonds", 2e12, "yuan", None),
    }
