"""Synthetic parallel documents of any length, for the benchmark and for tests of the band.

The sentence pairs below were written for this module (they are not taken from any report).
Slots for a province, a number and a year are filled at random, so a long document built from
fifty templates still has almost no two identical sentences, and each pair keeps the anchors
(numbers, years) that real translations keep. Some neighbouring English sentences are joined
and some sentences lose their translation, so the gold alignment holds 2-1 and 1-0 beads too.
"""

from __future__ import annotations

import random

PROVINCES: tuple[tuple[str, str], ...] = (
    ("江苏", "Jiangsu"), ("浙江", "Zhejiang"), ("广东", "Guangdong"), ("四川", "Sichuan"),
    ("河南", "Henan"), ("山东", "Shandong"), ("湖北", "Hubei"), ("福建", "Fujian"),
    ("云南", "Yunnan"), ("甘肃", "Gansu"), ("吉林", "Jilin"), ("江西", "Jiangxi"),
)  # fmt: skip

# {p} province, {n} a small number, {y} a year.
PAIRS: tuple[tuple[str, str], ...] = (
    ("{p}今年要新建{n}所中小学。", "{p} will build {n} new primary and secondary schools this year."),
    ("{y}年{p}粮食产量保持稳定。", "In {y}, grain output in {p} remained stable."),
    ("我们将改造{n}个老旧小区,改善居民居住条件。", "We will renovate {n} old residential compounds to improve living conditions."),
    ("{p}城镇新增就业{n}万人。", "{p} added {n}0,000 urban jobs."),
    ("加快建设高速铁路,{y}年底前通车里程达到{n}公里。", "We will speed up high-speed rail construction, with {n} kilometers open to traffic by the end of {y}."),
    ("支持民营企业参与重大工程建设。", "Private businesses will be supported in taking part in major construction projects."),
    ("{p}居民人均可支配收入增长{n}%。", "Per capita disposable income in {p} grew by {n} percent."),
    ("完善养老服务体系,新增养老床位{n}张。", "We will improve the elderly care system and add {n} beds in care facilities."),
    ("{p}空气质量优良天数比例达到{n}%。", "Days with good or excellent air quality made up {n} percent of the year in {p}."),
    ("推动制造业向数字化、智能化转型。", "We will promote the digital and intelligent transformation of manufacturing."),
    ("{y}年,{p}外贸进出口总额增长{n}%。", "In {y}, the total value of imports and exports in {p} rose by {n} percent."),
    ("加强农田水利设施建设,新建高标准农田{n}万亩。", "We will strengthen irrigation works and build {n}0,000 mu of high-standard farmland."),
    ("深化医药卫生体制改革,提高基层医疗服务能力。", "We will deepen reform of the medical and health care system and improve primary-level medical services."),
    ("{p}将设立{n}亿元科技创新基金。", "{p} will set up a science and innovation fund of {n}00 million yuan."),
    ("全面落实减税降费政策,为企业减负{n}亿元。", "Tax and fee cuts will be fully implemented, easing the burden on businesses by {n}00 million yuan."),
    ("开展农村人居环境整治,改造农村厕所{n}万户。", "We will improve the rural living environment and upgrade toilets for {n}0,000 rural households."),
    ("{p}森林覆盖率提高到{n}%。", "Forest coverage in {p} was raised to {n} percent."),
    ("推进职业教育与产业需求紧密对接。", "We will bring vocational education closer to the needs of industry."),
    ("{y}年{p}接待游客{n}亿人次。", "In {y}, {p} received {n}00 million tourist visits."),
    ("加快充电桩建设,新增公共充电桩{n}万个。", "We will accelerate the building of charging facilities and add {n}0,000 public charging points."),
    ("严格落实安全生产责任制,坚决遏制重特大事故。", "Responsibility for workplace safety will be strictly enforced to prevent serious accidents."),
    ("{p}研发经费投入强度达到{n}%。", "Spending on research and development in {p} reached {n} percent of GDP."),
    ("稳步推进城市更新,完善地下管网。", "We will steadily carry out urban renewal and upgrade underground pipe networks."),
    ("{p}新增高新技术企业{n}家。", "{p} added {n} new high-tech enterprises."),
    ("加强对困难群众的基本生活保障。", "We will ensure basic living needs are met for people facing difficulties."),
    ("{y}年将完成{n}项重点水利工程。", "In {y}, {n} major water conservancy projects will be completed."),
    ("推动跨境电商健康发展,建设海外仓{n}个。", "We will promote the sound development of cross-border e-commerce and build {n} overseas warehouses."),
    ("{p}单位生产总值能耗下降{n}%。", "Energy consumption per unit of GDP in {p} fell by {n} percent."),
    ("完善公共文化服务,新建社区图书馆{n}座。", "We will improve public cultural services and open {n} new community libraries."),
    ("加大对小微企业的信贷支持力度。", "We will give greater credit support to micro and small businesses."),
    ("{p}农村居民收入增速快于城镇居民。", "Incomes of rural residents in {p} grew faster than those of urban residents."),
    ("建设{n}个现代农业产业园,带动农民增收。", "We will build {n} modern agricultural industrial parks to raise farmers' incomes."),
    ("{y}年{p}新能源汽车产量突破{n}万辆。", "In {y}, new energy vehicle output in {p} exceeded {n}0,000 units."),
    ("健全社会信用体系,优化营商环境。", "We will improve the social credit system and the business environment."),
    ("推进长江流域生态保护和修复。", "We will advance ecological conservation and restoration in the Yangtze River basin."),
    ("{p}计划发放消费券{n}亿元,促进居民消费。", "{p} plans to issue {n}00 million yuan of consumption vouchers to boost spending."),
    ("加强5G网络建设,新建基站{n}万个。", "We will expand 5G networks and build {n}0,000 new base stations."),
    ("实施青年就业见习计划,提供岗位{n}万个。", "A youth internship program will offer {n}0,000 positions."),
    ("{p}今年计划完成投资{n}千亿元。", "{p} plans to complete {n}00 billion yuan of investment this year."),
    ("深入推进政务服务一网通办。", "We will make more government services available through a single online portal."),
    ("提高城乡居民基础养老金最低标准。", "The minimum basic pension for rural and non-working urban residents will be raised."),
    ("{y}年{p}完成造林{n}万亩。", "In {y}, {p} completed afforestation of {n}0,000 mu."),
    ("加快发展人工智能产业,支持AI技术在医疗领域应用。", "We will speed up the development of the artificial intelligence industry and support AI applications in medicine."),
    ("保障农民工工资按时足额支付。", "We will ensure that migrant workers are paid in full and on time."),
    ("{p}新建改建农村公路{n}公里。", "{p} built or upgraded {n} kilometers of rural roads."),
    ("扩大优质教育资源覆盖面,缩小城乡差距。", "We will extend the reach of high-quality educational resources and narrow the gap between urban and rural areas."),
    ("{p}全年接种疫苗{n}万剂次。", "{p} administered {n}0,000 vaccine doses over the year."),
    ("强化耕地保护,守住耕地红线。", "We will strengthen the protection of farmland and hold the red line for arable land."),
    ("{y}年起实施新的住房公积金政策。", "A new housing provident fund policy will take effect from {y}."),
    ("推动黄河流域生态保护和高质量发展。", "We will promote ecological protection and high-quality development in the Yellow River basin."),
)  # fmt: skip


def _fill(pair: tuple[str, str], rnd: random.Random) -> tuple[str, str]:
    zh_p, en_p = rnd.choice(PROVINCES)
    slots = {"n": str(rnd.randint(2, 999)), "y": str(rnd.randint(1990, 2035))}
    zh = pair[0].format(p=zh_p, **slots)
    en = pair[1].format(p=en_p, **slots)
    return zh, en[0].upper() + en[1:]


def synthetic_parallel(
    n_pairs: int, seed: int = 0, *, merge_rate: float = 0.05, drop_rate: float = 0.02
) -> tuple[list[str], list[str], list[tuple[list[int], list[int]]]]:
    """``n_pairs`` translated sentence pairs as (zh sentences, en sentences, gold beads).

    With probability ``merge_rate`` an English sentence is joined to the previous one (a 2-1
    bead), with ``drop_rate`` a Chinese sentence loses its translation (a 1-0 bead).
    """
    rnd = random.Random(seed)
    zh: list[str] = []
    en: list[str] = []
    gold: list[tuple[list[int], list[int]]] = []
    for _ in range(n_pairs):
        z, e = _fill(rnd.choice(PAIRS), rnd)
        zh.append(z)
        r = rnd.random()
        if r < drop_rate:
            gold.append(([len(zh) - 1], []))
        elif r < drop_rate + merge_rate and gold and len(gold[-1][0]) == 1 and len(gold[-1][1]) == 1:
            en[-1] = en[-1] + " " + e
            gold[-1][0].append(len(zh) - 1)
        else:
            en.append(e)
            gold.append(([len(zh) - 1], [len(en) - 1]))
    return zh, en, gold
