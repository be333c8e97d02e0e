"""compare: year against year and nation against province, through the API and the CLI."""

from __future__ import annotations

import pytest
from conftest import ingested_db
from typer.testing import CliRunner

import zhengce.corpus as zc
from zhengce.cli import app

NATIONAL = "{y}年中华人民共和国示例政府工作报告\n\n二、{y}年工作安排\n今年发展的主要预期目标是：国内生产总值增长{g}%左右；居民消费价格涨幅{c}%左右；城镇新增就业1200万人以上。\n"
SHANGHAI = "2031年上海市政府工作报告\n\n二、2031年工作安排\n今年全市发展的主要预期目标是：全市生产总值增长5%左右；居民消费价格涨幅2%左右。\n"


@pytest.fixture
def db(tmp_path):
    texts = {"n2030.txt": NATIONAL.format(y=2030, g=5, c=3), "n2031.txt": NATIONAL.format(y=2031, g=5, c=2)}
    return ingested_db(tmp_path, {**texts, "sh2031.txt": SHANGHAI})


def test_year_against_year_lists_changed_and_same(db):
    with zc.open(db, read_only=True) as c:
        df = c.compare(("national", 2030), ("national", 2031)).set_index("indicator")
    assert df.loc["cpi_growth", "change"] == "changed"
    assert df.loc["gdp_growth", "change"] == "same"
    assert df.loc["urban_new_jobs", "change"] == "same"


def test_nation_against_province_says_only_and_differs(db):
    with zc.open(db, read_only=True) as c:
        df = c.compare(("national", 2031), ("Shanghai", 2031)).set_index("indicator")
    assert df.loc["urban_new_jobs", "change"] == "only national"
    assert df.loc["cpi_growth", "change"] == "same"


def test_a_side_with_no_targets_is_an_error_not_a_list_of_additions(db):
    with zc.open(db, read_only=True) as c, pytest.raises(zc.ZhengceError, match="no targets stored for 上海 2019"):
        c.compare(("national", 2031), ("上海", 2019))


def test_cli_headers_use_the_canonical_name_and_full_width_years_work(db):
    r = CliRunner().invoke(app, ["compare", "national", "Shanghai", "--year", "2031", "--db", str(db), "-f", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0].startswith("indicator,change,national 2031,上海 2031")
    r = CliRunner().invoke(app, ["compare", "２０３０", "２０３１", "--db", str(db), "-f", "csv"])
    assert r.exit_code == 0 and "cpi_growth,changed" in r.stdout


def test_the_fullest_report_wins_when_several_state_the_same_year(tmp_path):
    full = NATIONAL.format(y=2031, g=5, c=2) + "".join(f"第{i}项工作要抓好。\n" for i in range(30))
    excerpt = "2031年政府工作报告摘要\n\n二、2031年工作安排\n今年发展的主要预期目标是：国内生产总值增长4.5%左右。\n"
    db = ingested_db(tmp_path, {"a-excerpt.txt": excerpt, "b-full.txt": full})
    with zc.open(db, read_only=True) as c:
        board = c.scoreboard("gdp_growth").set_index("year")
    assert board.loc[2031, "value"] == 5.0


def test_an_indicator_can_be_named_by_a_phrase_or_in_any_case(db):
    with zc.open(db, read_only=True) as c:
        assert c.indicator_key("国内生产总值") == "gdp_growth"
        assert c.indicator_key("城镇新增就业") == "urban_new_jobs"
        assert c.indicator_key("CPI_GROWTH") == "cpi_growth"
        assert c.indicator_key("no such thing") == "no such thing"
        assert c.suggest_indicators("gdp_grwth")[0] == "gdp_growth"
    r = CliRunner().invoke(app, ["scoreboard", "gdp_grwth", "--db", str(db)])
    assert r.exit_code == 1 and "did you mean gdp_growth" in r.output
