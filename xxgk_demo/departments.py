"""A demo school's departments: codes match the defaults in catalogue/data/moe_2014.py."""

DEPARTMENTS = [
    ("DZB", "党委办公室、校长办公室", "王老师", "0570-8026001"),
    ("FGC", "发展规划处", "李老师", "0570-8026002"),
    ("RSC", "人事处", "张老师", "0570-8026003"),
    ("ZSB", "招生与就业指导处", "陈老师", "0570-8026004"),
    ("JWC", "教务处", "刘老师", "0570-8026005"),
    ("JCC", "计划财务处", "杨老师", "0570-8026006"),
    ("ZCC", "资产与实验室管理处（招标采购中心）", "赵老师", "0570-8026007"),
    ("XSC", "学生工作部（处）", "黄老师", "0570-8026008"),
    ("KYC", "科研处", "周老师", "0570-8026009"),
    ("GJC", "国际交流与合作处", "吴老师", "0570-8026010"),
    ("YJS", "研究生处", "徐老师", "0570-8026011"),
    ("GH", "工会", "孙老师", "0570-8026012"),
    ("JWB", "纪委办公室", "马老师", "0570-8026013"),
]

# username, full name, role, department code
ACCOUNTS = [
    ("office", "公开办管理员", "office", "DZB"),
    ("editor_zsb", "招生处信息员", "editor", "ZSB"),
    ("editor_jcc", "计财处信息员", "editor", "JCC"),
    ("editor_rsc", "人事处信息员", "editor", "RSC"),
    ("reviewer", "保密审查员", "reviewer", "DZB"),
    ("supervisor", "纪委监督员", "supervisor", "JWB"),
    ("leader", "分管校领导", "leader", None),
]
