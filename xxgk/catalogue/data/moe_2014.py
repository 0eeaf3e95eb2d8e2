"""《高等学校信息公开事项清单》(教办函〔2014〕23号): 10 categories, 50 items.

Data for the initial data migration. Each item carries a legal basis, the departments a
typical university makes responsible, and the time-limit rule (the list's default is "within
20 working days of the information being made or changed"; a few items have yearly or
seasonal rhythms by their own rules). Departments are referred to by code; the migration
links only those that exist.

What was checked against the sources, and what was not (items 22–50, the list's "有关文件"
column, item 35): REFERENCE_NOTES.md beside this file. Corrections to existing databases are
data migrations of the catalogue app (0003), recorded in the catalogue history.
"""

from xxgk.law import citations

# The 办法's articles on proactive disclosure and the annual report are cited by content:
# their numbers in force are not verified (citations.MEASURES_PROACTIVE_SCOPE, _ANNUAL_REPORT).
BASIS_PROACTIVE = str(citations.MEASURES_PROACTIVE_SCOPE)
BASIS_ANNUAL_REPORT = str(citations.MEASURES_ANNUAL_REPORT)
BASIS_ADMISSIONS = "《教育部关于进一步推进高校招生信息公开工作的通知》(教学〔2013〕9号)"
BASIS_FINANCE = "《教育部关于进一步做好高等学校财务信息公开工作的通知》"
BASIS_BUDGET = "《财政部关于印发〈地方预决算公开操作规程〉的通知》及同级财政部门要求"

EVENT = {"rule_kind": "event", "working_days": 20}
YEARLY_ANNUAL_REPORT = {"rule_kind": "periodic", "due_month": 10, "due_day": 31}
YEARLY_BUDGET = {"rule_kind": "periodic", "due_month": 4, "due_day": 30}
YEARLY_FINAL_ACCOUNTS = {"rule_kind": "periodic", "due_month": 8, "due_day": 31}
YEARLY_EMPLOYMENT_REPORT = {"rule_kind": "periodic", "due_month": 12, "due_day": 31}
UNDERGRAD_ADMISSIONS_SEASON = {
    "rule_kind": "seasonal",
    "season_start_month": 3,
    "season_end_month": 8,
}
GRADUATE_ADMISSIONS_SEASON = {
    "rule_kind": "seasonal",
    "season_start_month": 9,
    "season_end_month": 5,
}
CONTINUOUS_YEAR = {"rule_kind": "continuous", "freshness_months": 12}

CATEGORIES = [
    (1, "基本信息", "jbxx"),
    (2, "招生考试信息", "zsks"),
    (3, "财务、资产及收费信息", "cwzc"),
    (4, "人事师资信息", "rssz"),
    (5, "教学质量信息", "jxzl"),
    (6, "学生管理服务信息", "xsgl"),
    (7, "学风建设信息", "xfjs"),
    (8, "学位、学科信息", "xwxk"),
    (9, "对外交流与合作信息", "dwjl"),
    (10, "其他", "qt"),
]

# (number, category, title, legal basis, department codes, rule)
ITEMS = [
    (
        1,
        1,
        "办学规模、校级领导班子简介及分工、学校机构设置、学科情况、专业情况、各类在校生情况、教师和专业技术人员数量等办学基本情况",
        BASIS_PROACTIVE,
        ["DZB", "FGC"],
        CONTINUOUS_YEAR,
    ),
    (
        2,
        1,
        "学校章程及制定的各项规章制度",
        f"{BASIS_PROACTIVE}；《高等学校章程制定暂行办法》",
        ["DZB"],
        EVENT,
    ),
    (
        3,
        1,
        "教职工代表大会相关制度、工作报告",
        "《学校教职工代表大会规定》(教育部令第32号)",
        ["GH"],
        EVENT,
    ),
    (
        4,
        1,
        "学术委员会相关制度、年度报告",
        "《高等学校学术委员会规程》(教育部令第35号)",
        ["KYC"],
        EVENT,
    ),
    (
        5,
        1,
        "学校发展规划、年度工作计划及重点工作安排",
        BASIS_PROACTIVE,
        ["FGC", "DZB"],
        EVENT,
    ),
    (6, 1, "信息公开年度报告", BASIS_ANNUAL_REPORT, ["DZB"], YEARLY_ANNUAL_REPORT),
    (
        7,
        2,
        "招生章程及特殊类型招生办法，分批次、分科类招生计划",
        BASIS_ADMISSIONS,
        ["ZSB"],
        UNDERGRAD_ADMISSIONS_SEASON,
    ),
    (
        8,
        2,
        "保送、自主选拔录取、高水平运动员和艺术特长生招生等特殊类型招生入选考生资格及测试结果",
        BASIS_ADMISSIONS,
        ["ZSB"],
        UNDERGRAD_ADMISSIONS_SEASON,
    ),
    (
        9,
        2,
        "考生个人录取信息查询渠道和办法，分批次、分科类录取人数和录取最低分",
        BASIS_ADMISSIONS,
        ["ZSB"],
        UNDERGRAD_ADMISSIONS_SEASON,
    ),
    (
        10,
        2,
        "招生咨询及考生申诉渠道，新生复查期间有关举报、调查及处理结果",
        BASIS_ADMISSIONS,
        ["ZSB"],
        EVENT,
    ),
    (
        11,
        2,
        "研究生招生简章、招生专业目录、复试录取办法，各院（系、所）或学科、专业招收研究生人数",
        BASIS_ADMISSIONS,
        ["YJS"],
        GRADUATE_ADMISSIONS_SEASON,
    ),
    (12, 2, "参加研究生复试的考生成绩", BASIS_ADMISSIONS, ["YJS"], GRADUATE_ADMISSIONS_SEASON),
    (13, 2, "拟录取研究生名单", BASIS_ADMISSIONS, ["YJS"], GRADUATE_ADMISSIONS_SEASON),
    (14, 2, "研究生招生咨询及申诉渠道", BASIS_ADMISSIONS, ["YJS"], EVENT),
    (15, 3, "财务、资产管理制度", BASIS_FINANCE, ["JCC", "ZCC"], EVENT),
    (
        16,
        3,
        "受捐赠财产的使用与管理情况",
        f"{BASIS_FINANCE}；《高等学校接受捐赠收入管理办法》",
        ["JCC"],
        EVENT,
    ),
    (
        17,
        3,
        "校办企业资产、负债、国有资产保值增值等信息",
        "《教育部关于积极发展、规范管理高校科技产业的指导意见》",
        ["ZCC"],
        EVENT,
    ),
    (
        18,
        3,
        "仪器设备、图书、药品等物资设备采购和重大基建工程的招投标",
        "《中华人民共和国政府采购法》《中华人民共和国招标投标法》",
        ["ZCC"],
        EVENT,
    ),
    (
        19,
        3,
        "收支预算总表、收入预算表、支出预算表、财政拨款支出预算表",
        BASIS_BUDGET,
        ["JCC"],
        YEARLY_BUDGET,
    ),
    (
        20,
        3,
        "收支决算总表、收入决算表、支出决算表、财政拨款支出决算表",
        BASIS_BUDGET,
        ["JCC"],
        YEARLY_FINAL_ACCOUNTS,
    ),
    (
        21,
        3,
        "收费项目、收费依据、收费标准及投诉方式",
        "《教育收费公示制度》(教财〔2002〕26号)",
        ["JCC"],
        CONTINUOUS_YEAR,
    ),
    (
        22,
        4,
        "校级领导干部社会兼职情况",
        "《关于进一步规范党政领导干部在企业兼职(任职)问题的意见》",
        ["RSC"],
        EVENT,
    ),
    (
        23,
        4,
        "校级领导干部因公出国（境）情况",
        "《关于加强和规范高校校级领导因公出国(境)管理工作的通知》",
        ["GJC"],
        EVENT,
    ),
    (24, 4, "岗位设置管理与聘用办法", "《事业单位人事管理条例》", ["RSC"], EVENT),
    (
        25,
        4,
        "校内中层干部任免、人员招聘信息",
        "《党政领导干部选拔任用工作条例》；《事业单位公开招聘人员暂行规定》",
        ["RSC"],
        EVENT,
    ),
    (26, 4, "教职工争议解决办法", BASIS_PROACTIVE, ["RSC", "GH"], EVENT),
    (
        27,
        5,
        "本科生占全日制在校生总数的比例、教师数量及结构",
        "《关于普通高等学校编制发布本科教学质量报告的通知》",
        ["JWC", "RSC"],
        CONTINUOUS_YEAR,
    ),
    (
        28,
        5,
        "专业设置、当年新增专业、停招专业名单",
        "《普通高等学校本科专业设置管理规定》",
        ["JWC"],
        EVENT,
    ),
    (
        29,
        5,
        "全校开设课程总门数、实践教学学分占总学分比例、选修课学分占总学分比例",
        "《关于普通高等学校编制发布本科教学质量报告的通知》",
        ["JWC"],
        CONTINUOUS_YEAR,
    ),
    (
        30,
        5,
        "主讲本科课程的教授占教授总数的比例、教授授课占课程总门次数的比例",
        "《关于普通高等学校编制发布本科教学质量报告的通知》",
        ["JWC"],
        CONTINUOUS_YEAR,
    ),
    (
        31,
        5,
        "促进毕业生就业的政策措施和指导服务",
        "《关于做好普通高等学校毕业生就业工作的通知》",
        ["ZSB"],
        EVENT,
    ),
    (
        32,
        5,
        "毕业生的规模、结构、就业率、就业流向",
        "《关于做好普通高等学校毕业生就业工作的通知》",
        ["ZSB"],
        CONTINUOUS_YEAR,
    ),
    (
        33,
        5,
        "高校毕业生就业质量年度报告",
        "《教育部办公厅关于编制发布高校毕业生就业质量年度报告的通知》",
        ["ZSB"],
        YEARLY_EMPLOYMENT_REPORT,
    ),
    (
        34,
        5,
        "本科教学质量报告",
        "《关于普通高等学校编制发布本科教学质量报告的通知》",
        ["JWC"],
        YEARLY_EMPLOYMENT_REPORT,
    ),
    (
        35,
        5,
        "本科教学工作评估、专业认证（评估）结果及整改情况",
        "《普通高等学校本科教学工作审核评估实施方案》",
        ["JWC", "FGC"],
        EVENT,
    ),
    (36, 6, "学籍管理办法", "《普通高等学校学生管理规定》(教育部令第41号)", ["JWC", "XSC"], EVENT),
    (
        37,
        6,
        "学生奖学金、助学金、学费减免、助学贷款、勤工俭学的申请与管理规定",
        "《普通高等学校学生管理规定》；《学生资助资金管理办法》",
        ["XSC"],
        EVENT,
    ),
    (38, 6, "学生奖励处罚办法", "《普通高等学校学生管理规定》(教育部令第41号)", ["XSC"], EVENT),
    (39, 6, "学生申诉办法", "《普通高等学校学生管理规定》(教育部令第41号)", ["XSC"], EVENT),
    (
        40,
        7,
        "学风建设机构",
        "《教育部关于切实加强和改进高等学校学风建设的实施意见》",
        ["KYC"],
        EVENT,
    ),
    (
        41,
        7,
        "学术规范制度",
        "《教育部关于切实加强和改进高等学校学风建设的实施意见》",
        ["KYC"],
        EVENT,
    ),
    (
        42,
        7,
        "学术不端行为查处机制",
        "《高等学校预防与处理学术不端行为办法》(教育部令第40号)",
        ["KYC"],
        EVENT,
    ),
    (
        43,
        8,
        "授予博士、硕士、学士学位的基本要求",
        "《中华人民共和国学位条例暂行实施办法》",
        ["JWC", "YJS"],
        EVENT,
    ),
    (
        44,
        8,
        "拟授予硕士、博士学位同等学力人员资格审查和学力水平认定",
        "《国务院学位委员会关于授予具有研究生毕业同等学力人员硕士、博士学位的规定》",
        ["YJS"],
        EVENT,
    ),
    (
        45,
        8,
        "新增硕士、博士学位授权学科或专业学位授权点审核办法",
        "《博士硕士学位授权审核办法》",
        ["YJS", "FGC"],
        EVENT,
    ),
    (
        46,
        8,
        "拟新增学位授权学科或专业学位授权点的申报及论证材料",
        "《博士硕士学位授权审核办法》",
        ["YJS", "FGC"],
        EVENT,
    ),
    (47, 9, "中外合作办学情况", "《中华人民共和国中外合作办学条例》", ["GJC"], EVENT),
    (
        48,
        9,
        "来华留学生管理相关规定",
        "《学校招收和培养国际学生管理办法》(教育部令第42号)",
        ["GJC"],
        EVENT,
    ),
    (
        49,
        10,
        "巡视组反馈意见，落实反馈意见整改情况",
        "《中国共产党巡视工作条例》",
        ["DZB", "JWB"],
        EVENT,
    ),
    (
        50,
        10,
        "自然灾害等突发事件的应急处理预案、处置情况，涉及学校的重大事件的调查和处理情况",
        "《中华人民共和国突发事件应对法》",
        ["DZB"],
        EVENT,
    ),
]

assert len(CATEGORIES) == 10
assert len(ITEMS) == 50
assert [number for number, *_ in ITEMS] == list(range(1, 51))
