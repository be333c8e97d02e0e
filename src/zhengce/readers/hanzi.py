"""Frequent Chinese characters, the evidence the encoding guesser weighs.

GB18030 and Big5 both decode most byte strings of the other without error, and each produces
valid-looking CJK characters; what differs is that a right guess yields *frequent* characters
(的, 是, 国, 發展 …) while a wrong one yields a spread of rare ones. So a guess is scored by how
much of its output falls in this set. The list is general modern usage plus the vocabulary of
government reports; its order does not matter. Traditional forms are derived with OpenCC so
that one list serves both scripts.
"""

from __future__ import annotations

from functools import cache

_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
    "武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供"
    "效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳"
    "若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
    "洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈"
    "刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括"
    "舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    "虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅"
    "泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
    "玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸"
    "扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞"
    "街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残"
    "秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵芳虫"
    # the vocabulary of work reports and Two Sessions coverage
    "各位代表现在我院向大会报告政府工作请予审议并全国协委员提出意见过去一年回顾今后主要任务目标预期"
    "国内生产总值增长左右城镇新增就业调查失业率居民消费价格涨幅收入基本同步粮食产量以上单位耗降低"
    "生态环境质量持续改善推进高质量发展稳中求进坚持深化改革扩大开放加快构建现代化产业体系科技创新"
    "乡村振兴区域协调保障民生防范化解重大风险财政赤字专项债券特别国债投资消费出口贸易外资企业市场"
    "营造良好制度完善健全落实实施推动促进加强提高提升支持鼓励引导规范加大力度着力统筹兼顾优化结构"
    "农业农民粮食耕地种业水利基础设施交通能源电力煤炭石油天然气新能源汽车数字经济人工智能互联网"
    "教育医疗卫生养老托育住房保障社会保险最低工资困难群众残疾人退役军人妇女儿童青年就业创业"
    "安全生产食品药品应急管理防灾减灾救灾网络数据国防军队外交港澳台湾一国两制祖国统一人类命运共同体"
    "万亿元百分点亿元千万人次公里平方米吨斤亩户"
)


@cache
def common_hanzi() -> frozenset[str]:
    """The frequent characters in simplified and traditional form (built once, on first use)."""
    from opencc import OpenCC

    simplified = "".join(dict.fromkeys(_SIMPLIFIED))
    traditional = OpenCC("s2t").convert(simplified)
    return frozenset(simplified) | frozenset(traditional)
