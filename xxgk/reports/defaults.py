# ruff: noqa: E501 - report prose is kept one paragraph per line, as the office edits it.
"""The templates shipped with xxgk: the MoE school-year report (《高等学校信息公开办法》's annual
report rule, article number not verified — citations.MEASURES_ANNUAL_REPORT; the structure of the
seed report, section 五 and the catalogue table as 教办厅函〔2018〕80号 asks —
citations.MOE_REPORT_CONTENTS_2018) and the government calendar-year report (contents as listed
by 《政府信息公开条例》第五十条, due as its 第四十九条 says; tables of 国办公开办函〔2021〕30号).
Text cites figures as {{ code }}; see figures.py."""

MOE_NAME = "高校信息公开年度报告（学年）"
GOV_NAME = "政府信息公开年度报告（自然年）"

MOE_SECTIONS = [
    {
        "heading": "前言",
        "text": "本报告按照《中华人民共和国政府信息公开条例》（国务院令第711号）、教育部《高等学校信息公开办法》（教育部令第29号）、《教育部关于公布<高等学校信息公开事项清单>的通知》（教办函〔2014〕23号）等文件要求，根据学校{{ year_label }}信息公开工作具体执行情况编制而成。报告中所列数据的统计时间为{{ period_start }}至{{ period_end }}。",
    },
    {
        "heading": "一、概述",
        "text": "{{ year_label }}，学校坚持“以公开为常态、不公开为例外”的原则，进一步深化完善决策、执行、管理、服务、结果公开工作，不断提高信息公开的制度化、标准化、数字化水平。\n（一）进一步强化组织领导，完善工作机制\n学校以信息公开事项清单为依据，逐条逐项明确各职能部门的分工职责，按照“谁公开、谁负责”的原则压实主体责任；坚持“先审查、后公开”和“一事一审”的原则，本学年完成保密审查{{ review.reviews }}次。\n（二）进一步加强监督检查，推动工作落实\n学校对各部门信息公开执行情况进行监督检查，对不按要求公开、不及时更新情况予以提醒{{ supervision.reminders }}次、督促{{ supervision.urgings }}次。",
    },
    {
        "heading": "二、主动公开情况",
        "text": "（一）主动公开信息数量\n本学年，学校按照《高等学校信息公开事项清单》要求，通过各类信息公开载体，累计公开各类信息{{ disclosures.total }}条，推送官方微博{{ channel.weibo.posts }}篇，总阅读量{{ channel.weibo.reads }}，总获赞数{{ channel.weibo.likes }}；官方微信{{ channel.wechat.posts }}篇，总阅读量{{ channel.wechat.reads }}；刊发校报{{ channel.newspaper.posts }}期，处理答复校长信箱、书记信箱相关问题{{ mailbox.answered }}件。\n（二）重点领域信息公开情况\n1.招生领域信息公开\n通过权威媒体平台发布最新招生资讯、开展直播宣讲和访谈共{{ outreach.livestreams }}场次，通过新媒体平台投放学校宣传短视频，阅读量达{{ outreach.video_reads }}次。共有{{ outreach.members }}名招生宣传团队成员，奔赴{{ outreach.provinces }}省（区）{{ outreach.cities }}个地市{{ outreach.schools }}所中学开展招生咨询活动。{{ admission_year }}年，学校面向全国{{ admissions.provinces }}个省（区）共录取新生{{ admissions.total }}人。其中，在{{ home_province }}省录取{{ admissions.home.total }}人，包括本科{{ admissions.home.undergraduate }}人，高职{{ admissions.home.vocational }}人，专升本{{ admissions.home.upgrade }}人，中本一体化{{ admissions.home.integrated }}人，五年制学前教育大专班{{ admissions.home.five_year }}人；在省外录取{{ admissions.outside.total }}人，均为本科。\n2.财务资产信息公开情况\n在计财处网站设置收费公示模块，及时公示学费、住宿费等收费项目{{ fees.items }}项的收费标准及文件依据。持续做好采购与招标信息公开工作，分散采购信息公示{{ procurement.decentralised }}条，同时在浙江省政府采购网公开采购意向信息{{ procurement.intention }}条。\n3.组织人事公开情况\n严格执行干部选拔任免程序，干部任免信息及时发布。{{ period_start_month }}-{{ period_end_month }}，累计提任中层干部{{ cadre.promotion.middle }}人（中层正职{{ cadre.promotion.middle_chief }}人，中层副职{{ cadre.promotion.middle_deputy }}人），平级交流中层干部{{ cadre.transfer.middle }}人（中层正职{{ cadre.transfer.middle_chief }}人，中层副职{{ cadre.transfer.middle_deputy }}人），平级交流科级干部{{ cadre.transfer.section }}人（正科级{{ cadre.transfer.section_chief }}人，副科级{{ cadre.transfer.section_deputy }}人），免去中层职务的{{ cadre.removal.middle }}人（中层副职{{ cadre.removal.middle_deputy }}人），免去科级职务的{{ cadre.removal.section }}人（正科级{{ cadre.removal.section_chief }}人，副科级{{ cadre.removal.section_deputy }}人）；完成{{ cadre.probation }}名干部试用期满考核。",
    },
    {
        "heading": "三、依申请公开和不予公开情况",
        "text": "（一）受理、答复信息公开申请情况\n{% if requests.received %}本学年，学校收到依申请公开的申请{{ requests.received }}件，上年结转{{ requests.carried_in }}件，办结{{ requests.closed }}件，其中予以公开{{ requests.disclosed }}件。{% else %}本学年，学校未收到依申请公开的申请。{% endif %}\n（二）依申请公开的收费、减免情况\n{% if requests.fees %}本学年，学校依申请公开收取信息处理费{{ requests.fees }}笔，减免{{ requests.fees_waived }}笔。{% else %}本学年，学校未发生依申请公开有关收取或减免费用等信息的情况。{% endif %}\n（三）学校不予公开的信息情况\n学校不予公开的信息主要是涉及国家秘密、涉及工作秘密和涉及个人隐私的信息，按照规定不予公开。{% if requests.withheld %}本学年对{{ requests.withheld }}件申请作出不予公开答复。{% endif %}",
    },
    {
        "heading": "四、对信息公开评议情况",
        "text": "社会公众、全校师生员工对信息公开的认同感较高。本学年公众对公开信息作出“有帮助”评价{{ evaluation.helpful }}次、“没帮助”评价{{ evaluation.unhelpful }}次。",
    },
    {
        # 教办厅函〔2018〕80号 (五): “因学校信息公开工作受到举报、复议、诉讼的情况”.
        "heading": "五、因学校信息公开工作受到举报、复议、诉讼的情况",
        "text": "{% if complaints.accepted %}本学年，受理因学校信息公开工作的举报{{ complaints.accepted }}件。{% else %}本学年，没有因学校信息公开工作受到举报的情况。{% endif %}{% if appeals.reconsideration or appeals.litigation %}因学校信息公开申请行政复议{{ appeals.reconsideration }}件，提起行政诉讼{{ appeals.litigation }}件。{% else %}没有因学校信息公开申请行政复议和提起行政诉讼的情况。{% endif %}",
    },
    {
        "heading": "六、信息公开工作的主要经验、问题和改进措施",
        "text": "本学年，学校稳步推进信息公开工作，但仍存在一些问题和不足。今后，学校将从以下几个方面进行改进：\n（一）进一步健全信息公开工作长效机制建设\n（二）进一步加强信息公开队伍建设\n（三）进一步提升信息公开精细化管理建设",
    },
    {"heading": "七、其他需要报告的事项", "text": "无。"},
    # 教办厅函〔2018〕80号 (二): the catalogue items' disclosure “逐项说明并附栏目链接”; schools
    # publish it as the report's last part (清单事项公开情况表, e.g. 河南大学, 南昌大学).
    {
        "heading": "八、清单事项公开情况表",
        "text": "学校按照《高等学校信息公开事项清单》逐项公开的情况及栏目链接如下。\n【表格：清单事项】",
    },
]

GOV_SECTIONS = [
    {
        "heading": "一、总体情况",
        "text": "{{ year_label }}，学校认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”，全年主动公开信息{{ disclosures.total }}条，完成保密审查{{ review.reviews }}次，处理答复校长信箱、书记信箱问题{{ mailbox.answered }}件。\n（一）主动公开\n学校按照信息公开事项清单，及时主动公开学校基本信息、招生考试、财务资产等信息。\n（二）依申请公开\n{% if requests.received %}全年新收信息公开申请{{ requests.received }}件，办结{{ requests.closed }}件。{% else %}全年未收到信息公开申请。{% endif %}\n（三）监督保障\n对各部门不按要求公开、不及时更新的情况予以提醒{{ supervision.reminders }}次、督促{{ supervision.urgings }}次。",
    },
    {
        "heading": "二、主动公开政府信息情况",
        "text": "【表格：主动公开】",
    },
    {
        "heading": "三、收到和处理政府信息公开申请情况",
        "text": "【表格：依申请公开】",
    },
    {
        "heading": "四、政府信息公开行政复议、行政诉讼情况",
        "text": "【表格：复议诉讼】",
    },
    {
        "heading": "五、存在的主要问题及改进情况",
        "text": "（由办公室填写上一年度问题的整改情况和本年度存在的主要问题及改进措施。）",
    },
    {
        "heading": "六、其他需要报告的事项",
        "text": "{% if requests.fees %}本年度依申请公开收取信息处理费{{ requests.fees }}笔，减免{{ requests.fees_waived }}笔。{% else %}本年度未收取信息处理费。{% endif %}",
    },
]

TEMPLATES = [
    {
        "name": MOE_NAME,
        "period_kind": "school_year",
        "title": "{{ school }}{{ year_label }}信息公开工作报告",
        "sections": MOE_SECTIONS,
    },
    {
        "name": GOV_NAME,
        "period_kind": "calendar_year",
        "title": "{{ school }}{{ year_label }}政府信息公开工作年度报告",
        "sections": GOV_SECTIONS,
    },
]
