# ruff: noqa: E501 - demo prose is kept one paragraph per line.
"""Bodies of the demo disclosures: several paragraphs for each catalogue item, shaped by what
the title is (a rule in articles, a notice with a table of fees, admissions by province, a
budget summary, a published list …). Everything is invented: the people are random
combinations of common surnames and given names, the figures plausible, not real.

``body(number, title, department, day)`` returns rich-text HTML and is deterministic: the
same disclosure gets the same body on every machine.
"""

import random
from html import escape

from xxgk_demo.departments import DEPARTMENTS
from xxgk_demo.titles import COLLEGES as TITLE_COLLEGES

PHONES = {name: phone for _code, name, _contact, phone in DEPARTMENTS}

# One paragraph per catalogue item: what the item is about at this school.
ITEM_CONTEXT = {
    "1": "学校是浙江省人民政府举办的全日制普通本科院校，设有10个二级学院、45个本科专业，全日制在校生1.2万余人，现有教职工980人，其中专任教师720人。",
    "2": "学校坚持依法治校，以章程为统领，按照“立改废释”的要求持续完善规章制度体系；规章制度经校长办公会或党委常委会审议通过后，于印发之日起20个工作日内公开。",
    "3": "教职工代表大会是教职工依法参与学校民主管理和监督的基本形式，本届教代会共有正式代表168名，其中教师代表占63%。",
    "4": "学术委员会是学校最高学术机构，统筹行使学术事务的决策、审议、评定和咨询等职权，现有委员25名，其中不担任党政领导职务的教授占62%。",
    "5": "学校以“十四五”事业发展规划为引领，将年度工作要点分解为具体任务，明确牵头领导、责任部门和完成时限，并纳入年度目标责任制考核。",
    "6": "学校每学年编制信息公开工作年度报告，于10月31日前在信息公开网公布，并报送上级教育主管部门。",
    "7": "学校招生工作坚持“公平竞争、公正选拔、公开程序”的原则，在学校招生委员会领导下实施，接受纪检监察部门、考生及其家长和社会各界的监督。",
    "8": "特殊类型招生入选考生资格及测试结果经学校招生工作领导小组审定后公示，公示期内接受社会监督，对公示内容有异议的可向学校纪委办公室实名反映。",
    "9": "录取工作在各省级招生考试机构统一组织下进行，学校执行“学校负责、招办监督”的录取体制，考生可通过学校本科招生网或各省级招生考试机构查询个人录取结果。",
    "10": "学校设立招生咨询电话、电子邮箱和网上咨询平台，在招生录取期间安排专人值守；新生入学后三个月内完成入学资格复查，复查不合格的取消入学资格。",
    "11": "学校与省内外高校联合培养硕士研究生，研究生招生工作严格执行教育部当年研究生招生管理规定，复试录取工作坚持按需招生、全面衡量、择优录取。",
    "12": "复试成绩由各复试小组按统一评分标准评定，经学院研究生招生工作小组审核后公示，考生对成绩有异议的可在公示期内书面申请复核。",
    "13": "拟录取名单依据考生初试、复试成绩及思想政治素质和品德考核结果确定，公示时间不少于10个工作日，公示期间名单不作更改。",
    "14": "研究生招生工作设立咨询和申诉渠道，考生对招生工作有疑问或异议的，可通过电话、电子邮件或来访等方式反映，学校在规定时间内予以答复。",
    "15": "学校实行“统一领导、集中管理”的财务管理体制，各项财务、资产管理制度经校长办公会审议通过后执行，并在计划财务处网站同步公开。",
    "16": "学校教育发展基金会依法接受社会捐赠，受赠财产按捐赠协议约定的用途使用，年度使用情况经审计后向社会公开。",
    "17": "学校资产经营有限公司代表学校统一持有校办企业股权，按照国有资产管理规定履行出资人职责，确保国有资产保值增值。",
    "18": "学校采购工作遵循公开透明、公平竞争、公正和诚实信用原则；达到政府采购限额标准的项目进入政府采购平台实施，限额以下项目按校内分散采购办法公开组织。",
    "19": "学校部门预算按照“量入为出、收支平衡”的原则编制，经省财政厅批复后20日内向社会公开，接受社会监督。",
    "20": "学校部门决算经省财政厅批复后公开，反映学校年度预算执行结果和资金使用绩效。",
    "21": "学校严格执行经省物价主管部门核定的收费项目和标准，坚持“收费公示”制度，做到收费项目、标准、依据和投诉方式“四公开”。",
    "22": "校级领导干部社会兼职须按干部管理权限报批，兼职不取酬；兼职情况每年集中清理和公开一次。",
    "23": "校级领导干部因公出国（境）严格执行外事管理规定，按程序审批，团组任务、人员、日程和经费情况于回国后公开。",
    "24": "学校按照事业单位岗位设置管理规定设置专业技术、管理和工勤技能三类岗位，岗位聘用坚持“按需设岗、竞聘上岗、按岗聘用、合同管理”。",
    "25": "学校严格执行干部选拔任用工作条例，干部任用前进行公示；公开招聘坚持“公开、平等、竞争、择优”原则，招聘信息和拟聘人员名单均在学校网站公开。",
    "26": "学校设立教职工人事争议调解委员会，依法依规化解人事争议，保障教职工合法权益。",
    "27": "学校坚持以本科教育为主体，全日制在校生中本科生占比保持在85%以上，专任教师中具有硕士以上学位的占比91.3%。",
    "28": "学校根据经济社会发展需求动态调整专业结构，新增专业经教育部备案后招生，连续两年招生不足的专业暂停招生。",
    "29": "学校落实“以学生为中心”的教学理念，持续优化课程体系，提高实践教学和选修课学分比例。",
    "30": "学校将教授为本科生授课作为一项基本制度，未完成本科教学任务的教授年度考核不得评为合格以上等次。",
    "31": "学校深入实施就业创业促进工程，构建“全员参与、全程指导、全方位服务”的就业工作体系，为毕业生提供政策咨询、职业指导和招聘服务。",
    "32": "就业统计数据以毕业生就业信息核查结果为准，统计截止日期为当年8月31日。",
    "33": "毕业生就业质量年度报告全面反映毕业生就业基本情况、就业质量及对教育教学的反馈，每年12月31日前发布。",
    "34": "本科教学质量报告按照教育部统一格式编制，反映学校本科人才培养目标、师资与教学条件、教学建设与改革、质量保障体系和学生学习效果。",
    "35": "学校积极参加专业认证和评估，以评促建、以评促改，对评估专家组提出的问题逐项制定整改方案并跟踪落实。",
    "36": "学籍管理规定适用于学校全日制本科学生，涵盖入学与注册、考核与成绩记载、转专业与转学、休学与复学、退学及毕业等环节。",
    "37": "学校建立“奖、助、贷、勤、补、免”多元资助体系，家庭经济困难学生认定、奖助学金评审均按“个人申请、班级评议、学院审核、学校审定、结果公示”的程序进行。",
    "38": "学生奖励和处分坚持教育与惩戒相结合的原则，处分决定作出前应当告知学生作出决定的事实、理由及依据，并听取其陈述和申辩。",
    "39": "学校设立学生申诉处理委员会，受理学生对取消入学资格、退学处理或违规、违纪处分等决定不服提出的申诉。",
    "40": "学校成立学风建设工作领导小组，负责统筹、协调全校学风建设工作，日常工作由科研处承担。",
    "41": "学术规范制度适用于全校教职工、学生及以学校名义从事学术活动的其他人员，倡导严谨求实的学术风气。",
    "42": "学校学术委员会负责学术不端行为的调查认定，调查遵循客观、公正、合法的原则，当事人享有陈述、申辩和申请复核的权利。",
    "43": "学士学位授予坚持标准、严格程序，由学位评定委员会审议决定；联合培养研究生的硕士学位由合作培养单位按其规定授予。",
    "44": "同等学力人员申请硕士学位须通过资格审查和学力水平认定，资格审查结果在学校网站公示。",
    "45": "学位授权点建设按照国务院学位委员会和省学位委员会的有关规定开展，学校审核遵循“需求导向、优中选优、特色发展”的原则。",
    "46": "申报材料在报送上级主管部门前在校内公示不少于5个工作日，公示期间接受师生员工监督。",
    "47": "学校积极稳妥推进中外合作办学，合作项目经教育部批准设立，纳入国家普通高校招生计划，收费标准经省物价主管部门核定。",
    "48": "学校按照《学校招收和培养国际学生管理办法》对国际学生实行趋同化管理，在招生、教学、生活和安全等方面依法依规开展工作。",
    "49": "学校坚决落实巡察整改主体责任，对巡察反馈问题建立问题、任务、责任“三张清单”，实行销号管理，整改情况按要求向社会公开。",
    "50": "学校建立健全突发事件应急管理体系，坚持“预防为主、常备不懈”的方针，做到统一领导、分级负责、快速反应。",
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "子涵欣怡梓轩浩然宇轩雨桐可馨思远嘉怡俊杰雅琪晨阳博文一诺明哲佳琪天佑若曦雨泽语彤宏伟晓东海涛丽华建平志强秀兰国庆春梅文静"
COLLEGES = TITLE_COLLEGES[:8]  # the bodies name the first eight of the demo's colleges
MAJORS = [
    ("机械设计制造及其自动化", "理工", 4, 6100),
    ("化学工程与工艺", "理工", 4, 6100),
    ("电气工程及其自动化", "理工", 4, 6100),
    ("计算机科学与技术", "理工", 4, 6100),
    ("土木工程", "理工", 4, 6100),
    ("财务管理", "经管", 4, 5300),
    ("汉语言文学", "文史", 4, 5300),
    ("英语", "文史", 4, 5300),
    ("视觉传达设计", "艺术", 4, 11000),
]
# Province, lowest score, average score (a plausible line of the 2022 undergraduate round).
SCORES = [
    ("浙江", 548, 563),
    ("安徽", 503, 517),
    ("江西", 498, 512),
    ("福建", 491, 506),
    ("河南", 509, 521),
    ("湖北", 486, 499),
    ("湖南", 492, 505),
    ("四川", 515, 527),
    ("贵州", 448, 463),
    ("广西", 455, 470),
    ("山西", 472, 486),
    ("河北", 488, 501),
    ("甘肃", 446, 458),
    ("云南", 497, 509),
    ("重庆", 477, 490),
    ("山东", 502, 514),
]
SUPPLIERS = [
    "浙江衢信科技有限公司",
    "杭州明德教学设备有限公司",
    "衢州市宏远建设工程有限公司",
    "浙江博雅图书发行有限公司",
    "金华市恒泰家具制造有限公司",
    "浙江云启信息技术有限公司",
    "宁波海纳实验室设备有限公司",
]

RULE_WORDS = ("章程", "办法", "规定", "细则", "制度", "规范", "预案", "意见", "措施", "条例")
LIST_WORDS = ("名单", "公示", "结果", "一览")


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _table(header: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{escape(str(cell))}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def names(rng: random.Random, count: int) -> list[str]:
    """Invented names: a surname and one or two given-name characters, no two alike."""
    found: list[str] = []
    while len(found) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        if name not in found:
            found.append(name)
    return found


def _date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _subject(title: str) -> str:
    return title.removeprefix("衢州学院").strip("“”")


# --- one function per kind of body: (title, rng, day) -> list of HTML blocks ----------------


def _rules(title, rng, day):
    subject = _subject(title)
    subject = subject.split("（")[0]
    scope = subject.removesuffix("办法").removesuffix("规定").removesuffix("细则")
    articles = [
        f"为规范学校{scope}工作，保障师生员工和学校的合法权益，根据国家有关法律法规和《衢州学院章程》，结合学校实际，制定本{_kind_word(subject)}。",
        f"本{_kind_word(subject)}适用于学校各二级学院、职能部门、直属单位及全体教职工和学生。",
        f"学校成立{scope}工作领导小组，由分管校领导任组长，领导小组办公室设在牵头职能部门，负责日常工作的组织实施。",
        "各单位主要负责人为本单位工作的第一责任人，应当明确专人负责，建立工作台账，按时报送有关材料。",
        "有关事项的办理应当遵循公开、公平、公正的原则，办理程序、依据和结果除依法不予公开的以外，应当在学校信息公开网公开。",
        f"违反本{_kind_word(subject)}规定的，由学校责令改正；情节严重的，依照学校有关规定追究相关单位和人员的责任。",
        f"本{_kind_word(subject)}由学校{rng.choice(['党委办公室、校长办公室', '职能部门', '领导小组办公室'])}负责解释。",
        f"本{_kind_word(subject)}自{_date(day)}起施行。原有规定与本{_kind_word(subject)}不一致的，以本{_kind_word(subject)}为准。",
    ]
    blocks = [_p(f"各学院、各部门：《{subject}》已经学校研究通过，现予以印发，请认真遵照执行。")]
    numerals = "一二三四五六七八九十"
    blocks.append("<h3>第一章　总则</h3>")
    for n, text in enumerate(articles, start=1):
        if n == 3:
            blocks.append("<h3>第二章　组织与职责</h3>")
        if n == 6:
            blocks.append("<h3>第三章　附则</h3>")
        label = numerals[n - 1] if n <= 10 else f"十{numerals[n - 11]}"
        blocks.append(_p(f"第{label}条　{text}"))
    return blocks


def _kind_word(subject: str) -> str:
    for word in ("章程", "办法", "规定", "细则", "预案", "规范", "意见", "措施"):
        if word in subject:
            return word
    return "制度"


def _fees(title, rng, day):
    rows = [
        ["学费", f"普通本科（{kind}类）{major}", f"{fee}元/生·学年", "浙价费〔2016〕144号"]
        for major, kind, _years, fee in MAJORS[::2]
    ]
    rows += [
        ["学费", "中外合作办学项目", "18000元/生·学年", "浙发改价格〔2020〕85号"],
        ["住宿费", "四人间（含独立卫生间）", "1200元/生·学年", "浙发改价格〔2019〕210号"],
        ["住宿费", "六人间", "1000元/生·学年", "浙发改价格〔2019〕210号"],
    ]
    return [
        _p(
            f"根据省发展改革委、省财政厅、省教育厅有关文件规定，现将学校{day.year}-{day.year + 1}学年学费、住宿费收费标准公示如下："
        ),
        _table(["收费项目", "适用范围", "收费标准", "收费依据"], rows),
        _p(
            "学费、住宿费按学年收取，不得跨学年预收。学生因退学、转学等原因提前离校的，按实际就读时间或住宿时间按月退还剩余费用。"
        ),
        _p(
            "家庭经济困难学生可按规定申请国家助学贷款、学费减免等资助，入学时可通过“绿色通道”先办理入学手续，再根据核实情况予以资助。"
        ),
        _p(
            "除上述项目外，学校不收取其他费用；代收费坚持“学生自愿、据实结算、定期公布”的原则。对违规收费行为，可拨打教育收费投诉电话0570-8026006或省价格举报电话12345投诉。"
        ),
    ]


def _budget(title, rng, day, *, final=False):
    word = "决算" if final else "预算"
    year = day.year - 1 if final else day.year
    total = rng.randrange(70000, 82000) * 10  # thousand yuan
    parts = [
        ("财政拨款收入", 0.58),
        ("事业收入", 0.31),
        ("其他收入", 0.07),
        ("上年结转", 0.04),
    ]
    income = [[name, f"{total * share / 1000:,.2f}"] for name, share in parts]
    spending = [
        ["教育支出（高等教育）", f"{total * 0.86 / 1000:,.2f}"],
        ["科学技术支出", f"{total * 0.05 / 1000:,.2f}"],
        ["社会保障和就业支出", f"{total * 0.06 / 1000:,.2f}"],
        ["住房保障支出", f"{total * 0.03 / 1000:,.2f}"],
    ]
    return [
        _p(
            f"根据省财政厅关于做好部门{word}公开工作的要求，现将衢州学院{year}年部门{word}公开如下。本公开包括收支{word}总表、收入{word}表、支出{word}表和财政拨款支出{word}表。"
        ),
        "<h3>一、收支总体情况</h3>",
        _p(
            f"{year}年学校收入{word}、支出{word}均为{total / 1000:,.2f}万元，收支平衡。与上年相比增加{rng.randrange(800, 2600):,}万元，主要是学生规模扩大和学科建设投入增加。"
        ),
        _table(["收入项目", "金额（万元）"], income),
        "<h3>二、支出情况</h3>",
        _table(["支出功能分类", "金额（万元）"], spending),
        _p(
            f"“三公”经费{word}{rng.randrange(60, 95)}.{rng.randrange(10, 99)}万元，其中因公出国（境）费{rng.randrange(10, 30)}.00万元，公务用车运行维护费{rng.randrange(15, 25)}.50万元，公务接待费{rng.randrange(8, 18)}.20万元，较上年有所下降。"
        ),
        "<h3>三、名词解释</h3>",
        _p(
            "财政拨款收入：指省级财政当年拨付的资金。事业收入：指学校开展教学、科研及其辅助活动取得的收入，主要为学费、住宿费收入。"
        ),
    ]


def _admissions(title, rng, day):
    province = next((p for p, _lo, _av in SCORES if p in title), None)
    rows = SCORES if province is None else [r for r in SCORES if r[0] == province]
    table = []
    for prov, low, avg in rows:
        for major, kind, _years, _fee in rng.sample(MAJORS, 3 if province else 1):
            admitted = rng.randrange(4, 60 if prov == "浙江" else 12)
            table.append([prov, major, kind, admitted, low + rng.randrange(0, 12), avg])
    where = f"{province}省" if province else "各省（区、市）"
    return [
        _p(
            f"学校{day.year}年普通本科在{where}的录取工作已经结束，现将录取结果公布如下。录取通知书已通过中国邮政EMS寄出，考生可凭准考证号和身份证号在学校本科招生网查询个人录取结果。"
        ),
        _table(["省份", "专业", "科类", "录取人数", "最低分", "平均分"], table),
        _p(
            "学校执行各省级招生考试机构规定的投档比例，进档考生按“分数优先、遵循志愿”的原则安排专业，不设专业级差；对加分考生，以各省（区、市）确定的投档成绩作为安排专业的依据。"
        ),
        _p(
            "新生入学后，学校将在三个月内按照国家招生规定对新生进行资格复查，复查中发现不符合条件或弄虚作假的，取消入学资格。对录取工作有疑问的，可拨打招生咨询电话0570-8026004。"
        ),
    ]


def _plan(title, rng, day):
    province = next((p for p, _lo, _av in SCORES if p in title), None)
    provinces = [province] if province else [p for p, _lo, _av in SCORES[:8]]
    rows = []
    for prov in provinces:
        for major, kind, years, fee in MAJORS:
            if prov != "浙江" and kind == "艺术":
                continue
            rows.append(
                [prov, major, kind, years, rng.randrange(2, 45 if prov == "浙江" else 8), fee]
            )
    return [
        _p(
            f"经上级主管部门批准，学校{day.year}年普通本科招生计划已确定。现将{'、'.join(provinces[:3])}{'等省份' if len(provinces) > 3 else '省'}分专业招生计划公布如下，最终以各省级招生考试机构公布的为准。"
        ),
        _table(["省份", "专业", "科类", "学制（年）", "计划数", "学费（元/年）"], rows),
        _p(
            "部分专业对考生身体条件、外语语种或选考科目有要求，请考生在填报志愿前仔细阅读学校招生章程。未完成的计划将根据生源情况调剂到生源质量较好的省份。"
        ),
        _p(
            "招生咨询电话：0570-8026004；招生网址：学校本科招生网。学校不委托任何中介机构或个人进行招生录取工作。"
        ),
    ]


def _procurement(title, rng, day):
    subject = title.removesuffix("项目分散采购结果公示")
    number = f"QZXY-{day.year}-{rng.randrange(1, 300):03d}"
    budget = rng.randrange(8, 380) * 1000
    price = int(budget * rng.uniform(0.82, 0.97))
    supplier = rng.choice(SUPPLIERS)
    return [
        _p(
            f"学校{subject}项目（项目编号：{number}）采购工作已经结束，经评审小组评审并报学校采购领导小组确认，现将采购结果公示如下。"
        ),
        _table(
            ["项目名称", "项目编号", "预算金额（元）", "成交供应商", "成交金额（元）"],
            [[subject, number, f"{budget:,}", supplier, f"{price:,}"]],
        ),
        _p(
            f"评审小组由{rng.randrange(3, 6)}名成员组成，采用综合评分法，评审时间为{_date(day)}。成交供应商地址为浙江省，服务期或交货期为合同签订之日起{rng.choice([30, 45, 60, 90])}日内。"
        ),
        _p(
            "公示期为自公示之日起3个工作日。参加采购活动的供应商认为采购过程或成交结果使自己的权益受到损害的，可在公示期内以书面形式向学校招标采购中心提出质疑，逾期不予受理。"
        ),
    ]


def _list(title, rng, day):
    count = rng.randrange(8, 16)
    people = names(rng, count)
    if "干部" in title or "拟聘" in title or "任" in title:
        header = ["序号", "姓名", "性别", "出生年月", "现任职务", "拟任职务"]
        rows = [
            [
                n,
                person,
                rng.choice("男女"),
                f"{rng.randrange(1972, 1990)}.{rng.randrange(1, 13):02d}",
                f"{rng.choice(COLLEGES)}{rng.choice(['副院长', '办公室主任', '系主任', '讲师'])}",
                f"{rng.choice(COLLEGES)}{rng.choice(['院长', '副院长', '党总支副书记'])}",
            ]
            for n, person in enumerate(people, start=1)
        ]
        note = "公示期间，如对公示对象有异议，可通过来信、来电或来访等方式向学校组织部反映。反映问题应实事求是，提倡实名反映。"
    else:
        header = ["序号", "姓名", "学院", "班级", "类别"]
        category = _category(title)
        rows = [
            [
                n,
                person,
                college,
                f"{college[:2]}{rng.randrange(19, 22)}{rng.randrange(1, 5)}班",
                category,
            ]
            for n, person in enumerate(people, start=1)
            for college in [rng.choice(COLLEGES)]
        ]
        note = "公示期内，对公示名单有异议的，可向学生工作部（处）书面反映，并提供具体事实和联系方式。公示名单不含学生身份证号、家庭经济情况等个人隐私信息。"
    return [
        _p(
            f"根据学校有关规定，经个人申请、学院审核和学校审定，{_subject(title)}工作已完成，现将有关名单予以公示（共{count}人）。"
        ),
        _table(header, rows),
        _p(f"公示时间：{_date(day)}起5个工作日。{note}"),
    ]


def _category(title: str) -> str:
    for word in ("国家奖学金", "国家助学金", "优秀学生干部", "高水平运动队", "艺术类", "三位一体"):
        if word in title:
            return word
    if "奖助" in title:
        return "奖助学金"
    if "录取" in title or "转段" in title:
        return "拟录取"
    if "复试" in title:
        return "复试合格"
    return "公示对象"


def _report(title, rng, day):
    return [
        _p(
            f"《{_subject(title)}》已编制完成，现予公开。报告全面总结了本年度有关工作的主要做法、取得的成效和存在的不足，全文见附件。"
        ),
        "<h3>一、基本情况</h3>",
        _p(
            f"本年度学校各项工作稳步推进，全日制在校生{rng.randrange(11800, 12600)}人，专任教师{rng.randrange(700, 760)}人，生师比{rng.randrange(16, 19)}.{rng.randrange(0, 10)}∶1。"
        ),
        _table(
            ["指标", "本年度", "上年度"],
            [
                ["本科专业数（个）", 45, 43],
                ["教授人数（人）", rng.randrange(110, 130), rng.randrange(100, 110)],
                [
                    "本科毕业生就业率（%）",
                    f"{rng.uniform(92, 96):.2f}",
                    f"{rng.uniform(90, 94):.2f}",
                ],
                [
                    "生均教学行政用房（平方米）",
                    f"{rng.uniform(14, 17):.2f}",
                    f"{rng.uniform(13, 15):.2f}",
                ],
            ],
        ),
        "<h3>二、主要工作</h3>",
        _p(
            "学校围绕立德树人根本任务，深化教育教学改革，加强师资队伍建设，完善内部治理结构，推进各项事业高质量发展。"
        ),
        "<h3>三、存在问题及改进措施</h3>",
        _p(
            "对照上级要求和师生期盼，学校在高层次人才引进、学科平台建设等方面仍有差距。下一步将进一步加大投入、完善机制、狠抓落实。"
        ),
    ]


def _statistics(title, rng, day):
    rows = [
        [college, rng.randrange(900, 1900), rng.randrange(50, 120), rng.randrange(8, 25)]
        for college in COLLEGES
    ]
    return [
        _p(f"现将{_subject(title)}公开如下，数据统计截止日期为{_date(day)}。"),
        _table(["学院", "全日制本科生（人）", "专任教师（人）", "其中教授（人）"], rows),
        _p(
            f"全校合计全日制本科生{sum(r[1] for r in rows):,}人、专任教师{sum(r[2] for r in rows)}人、教授{sum(r[3] for r in rows)}人。数据来源为学校高等教育基层统计报表。"
        ),
    ]


def _notice(title, rng, day):
    subject = _subject(title)
    return [
        _p(f"根据学校工作安排，现就{subject}有关事项公告如下。"),
        _p(
            f"一、时间安排。本项工作自{_date(day)}起实施，各单位应于{rng.randrange(5, 20)}个工作日内完成有关准备工作，并将落实情况报牵头部门。"
        ),
        _p(
            "二、工作要求。各单位要高度重视，明确责任人和联系人，严格按照规定程序办理，确保工作规范有序；涉及师生切身利益的事项，应当充分听取意见并及时公开。"
        ),
        _p(
            "三、监督保障。学校纪委办公室对本项工作进行监督，师生员工可通过校长信箱、书记信箱或来电来访反映问题。"
        ),
    ]


def _channels(title, rng, day):
    rows = [
        ["电话咨询", "0570-8026001（信息公开办公室）", "工作日 8:30-11:30、14:00-17:00"],
        ["招生咨询", "0570-8026004", "录取期间每日 8:00-22:00"],
        ["电子邮箱", "xxgk@example.edu.cn", "收到后5个工作日内答复"],
        ["现场咨询", "行政楼201室", "工作日办公时间"],
        ["网上申请", "学校信息公开网“依申请公开”栏目", "全天"],
        ["投诉举报", "0570-8026013（纪委办公室）", "工作日办公时间"],
    ]
    return [
        _p(f"为方便考生、家长和社会公众咨询、查询和反映问题，现将{_subject(title)}公布如下。"),
        _table(["渠道", "方式及地址", "受理时间"], rows),
        _p(
            "考生可凭本人准考证号和身份证号查询录取结果；学校不通过电话、短信向考生索取银行卡号等信息，请谨防诈骗。"
            if "查询" in title
            else "对咨询、申诉和举报事项，学校实行首问负责制，能当场答复的当场答复，不能当场答复的在5个工作日内答复。"
        ),
        _p("反映问题应当实事求是，提倡实名反映；对实名反映的，学校将在调查核实后告知处理结果。"),
    ]


def _leaders(title, rng, day):
    people = names(rng, 8)
    if "兼职" in title:
        header = ["姓名", "职务", "社会兼职", "是否取酬"]
        posts = ["省高等教育学会理事", "市科学技术协会副主席", "省化工学会常务理事", "市政协常委"]
        rows = [[n, "副校长", rng.choice(posts), "否"] for n in people[:4]]
        rows[0][1] = "校长"
    elif "出国" in title:
        header = ["团组名称", "团长", "出访国家（地区）", "出访时间", "主要任务"]
        rows = [
            [
                "学校教育合作交流团",
                people[0],
                rng.choice(["德国、奥地利", "新西兰", "马来西亚、新加坡"]),
                f"{day.year}年{rng.randrange(4, 11)}月（{rng.randrange(5, 9)}天）",
                "商谈中外合作办学项目及学生交流事宜",
            ]
        ]
    elif "领导小组" in title or "委员" in title:
        header = ["职务", "姓名", "单位及职务"]
        chair = "主任委员" if "委员" in title else "组长"
        rows = [[chair, people[0], "校长"], ["副" + chair, people[1], "副校长"]] + [
            ["成员", person, f"{unit}负责人"]
            for person, unit in zip(
                people[2:],
                ["教务处", "学生工作部（处）", "科研处", "研究生处", "人事处", "各学院"],
                strict=False,
            )
        ]
    else:
        header = ["姓名", "职务", "分工"]
        duties = [
            ("党委书记", "主持党委全面工作"),
            ("校长", "主持行政全面工作，分管发展规划、审计工作"),
            ("党委副书记", "分管组织、宣传、统战、学生工作"),
            ("副校长", "分管教学、招生、国际交流与合作"),
            ("副校长", "分管科研、研究生教育、学科建设"),
            ("副校长", "分管财务、资产、后勤、基本建设"),
            ("纪委书记", "主持纪委全面工作"),
        ]
        rows = [[person, duty, work] for person, (duty, work) in zip(people, duties, strict=False)]
    return [
        _p(f"现将{_subject(title)}公开如下（信息截至{_date(day)}）。"),
        _table(header, rows),
        _p(
            "成员因工作变动需要调整的，由学校发文调整，本信息随之更新。"
            if "委员" in title or "领导小组" in title
            else "校级领导干部严格执行中央八项规定及其实施细则精神，有关情况按干部管理权限报上级组织部门备案；如有变动，学校将及时更新本信息。"
        ),
    ]


def _units(title, rng, day):
    offices = [[name, phone] for _code, name, _contact, phone in DEPARTMENTS]
    colleges = [[college, f"0570-80268{n:02d}"] for n, college in enumerate(COLLEGES, start=1)]
    return [
        _p(f"学校现设党政管理机构{len(offices)}个、二级学院{len(colleges)}个。机构设置如下："),
        "<h3>一、党政管理机构</h3>",
        _table(["机构名称", "办公电话"], offices),
        "<h3>二、二级学院</h3>",
        _table(["学院名称", "办公电话"], colleges),
        _p("机构设置根据学校事业发展需要适时调整，以学校正式发文为准。"),
    ]


def _money(title, rng, day):
    if "企业" in title:
        header = [
            "企业名称",
            "资产总额（万元）",
            "负债总额（万元）",
            "净资产（万元）",
            "国有资产保值增值率（%）",
        ]
        rows = []
        for company in ["衢州学院资产经营有限公司", "衢州学院科技园发展有限公司"]:
            assets = rng.randrange(800, 3000)
            debts = rng.randrange(100, assets // 2)
            rows.append([company, assets, debts, assets - debts, f"{rng.uniform(101, 106):.2f}"])
        closing = "校办企业经营情况已经会计师事务所审计，未发现国有资产流失情况。"
    else:
        header = ["项目", "受赠金额（万元）", "使用金额（万元）", "主要用途"]
        uses = [
            ("校友励学奖学金", "奖励品学兼优学生"),
            ("企业助学金", "资助家庭经济困难学生"),
            ("教师发展基金", "支持青年教师访学进修"),
            ("图书捐赠", "图书馆馆藏建设"),
        ]
        rows = []
        for name, use in uses:
            received = rng.randrange(20, 160)
            rows.append([name, received, rng.randrange(received // 2, received + 1), use])
        closing = (
            "受赠财产的使用严格按照捐赠协议执行，基金会年度财务报告已经审计并报登记管理机关备案。"
        )
    return [
        _p(f"现将{_subject(title)}公开如下。"),
        _table(header, rows),
        _p(closing),
    ]


def _partnership(title, rng, day):
    rows = [
        [
            "机械设计制造及其自动化（中外合作办学项目）",
            "德国某应用科学大学",
            "本科",
            "4",
            60,
            "18000元/学年",
        ],
        ["国际经济与贸易（中外合作办学项目）", "新西兰某理工学院", "本科", "4", 80, "18000元/学年"],
    ]
    return [
        _p("学校现有经教育部批准的中外合作办学项目2个，均纳入国家普通高校招生计划，具体情况如下。"),
        _table(["项目名称", "外方合作院校", "层次", "学制（年）", "年招生计划", "收费标准"], rows),
        _p(
            "项目引进外方优质课程和师资，外方承担的专业核心课程不少于全部专业核心课程的三分之一；学生完成学业、成绩合格的，颁发学校本科毕业证书和学士学位证书。"
        ),
    ]


def _majors(title, rng, day):
    rows = [
        [major, college, kind, rng.choice(["新增", "继续招生", "通过认证（有效期6年）"])]
        for (major, kind, _years, _fee), college in zip(MAJORS, COLLEGES * 2, strict=False)
    ]
    if "停招" in title:
        rows = [
            ["应用化学", "化学与材料工程学院", "理工", "2022年起暂停招生"],
            ["市场营销", "经济与管理学院", "经管", "2022年起暂停招生"],
        ]
    return [
        _p(f"经学校教学工作委员会审议、校长办公会研究，现将{_subject(title)}公布如下。"),
        _table(["专业名称", "所在学院", "科类", "情况"], rows),
        _p(
            "专业设置与调整按照《普通高等学校本科专业设置管理规定》执行；暂停招生的专业，学校保证在校学生完成学业。"
        ),
    ]


def _tracking(title, rng, day):
    if "提案" in title:
        header, rows = (
            ["类别", "提案数（件）", "已办结（件）", "正在办理（件）"],
            [
                ["教学科研", 14, 12, 2],
                ["人事与待遇", 11, 10, 1],
                ["后勤保障", 17, 17, 0],
                ["校园建设", 9, 7, 2],
            ],
        )
        opening = (
            "本次教代会共收到代表提案58件，经提案工作委员会审查立案51件，现将办理情况通报如下。"
        )
    else:
        header, rows = (
            ["反馈问题", "整改措施", "责任部门", "进展"],
            [
                [
                    "党委议事决策制度执行不够规范",
                    "修订党委会议事规则，建立会议纪要备案制度",
                    "党委办公室",
                    "已完成",
                ],
                [
                    "科研经费管理存在薄弱环节",
                    "修订科研经费管理办法，开展专项检查",
                    "科研处、计划财务处",
                    "已完成",
                ],
                ["选人用人程序执行不严", "完善干部选拔任用纪实制度", "组织部", "持续推进"],
                [
                    "招标采购内控机制不健全",
                    "建立采购需求论证和履约验收制度",
                    "招标采购中心",
                    "已完成",
                ],
            ],
        )
        opening = "根据巡察反馈意见，学校制定整改方案，明确整改任务12项、整改措施38条，现将整改进展情况通报如下。"
    return [
        _p(opening),
        _table(header, rows),
        _p("对尚未完成的事项，学校将明确时限、压实责任，持续跟踪督办，确保按期完成。"),
    ]


def _kind(number: str, title: str):
    if number in ("16", "17"):
        return _money
    if number == "47":
        return _partnership
    if "机构设置" in title:
        return _units
    if any(w in title for w in ("校领导", "校级领导", "领导干部", "领导小组", "委员名单")):
        return _leaders
    if "专业" in title and any(w in title for w in ("名单", "认证")):
        return _majors
    if "提案" in title or "整改" in title:
        return _tracking
    if "申报材料" in title:
        return _notice
    if any(w in title for w in ("查询办法", "咨询电话", "渠道", "联系方式")):
        return _channels
    if "收费" in title:
        return _fees
    if "预算" in title:
        return _budget
    if "决算" in title:
        return lambda t, r, d: _budget(t, r, d, final=True)
    if number == "9" and "查询办法" not in title:
        return _admissions
    if "招生计划" in title:
        return _plan
    if number == "18" or "采购" in title or "招标" in title:
        return _procurement
    if any(word in title for word in LIST_WORDS):
        return _list
    if any(word in title for word in RULE_WORDS):
        return _rules
    if "报告" in title:
        return _report
    if any(word in title for word in ("统计", "比例", "情况", "概况", "结构")):
        return _statistics
    return _notice


def blocks(number: str, title: str, department: str, day) -> list[str]:
    """The body as a list of HTML blocks (paragraphs, headings, tables)."""
    rng = random.Random(f"{number}:{title}")
    context = ITEM_CONTEXT.get(number, "")
    phone = PHONES.get(department, "0570-8026001")
    return [
        *([_p(context)] if context else []),
        *_kind(number, title)(title, rng, day),
        _p(f"联系部门：{department}，联系电话：{phone}。本信息于{_date(day)}经保密审查后发布。"),
    ]


def body(number: str, title: str, department: str, day) -> str:
    return "".join(blocks(number, title, department, day))
