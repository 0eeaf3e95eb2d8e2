"""The staff roles of a disclosure office, each backed by one auth Group.

Groups are the single source of truth for roles, so that Wagtail's own permission
machinery (admin access, page permissions, workflow tasks) and ours agree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE = "office", _("信息公开办公室管理员")
    EDITOR = "editor", _("部门信息员")
    REVIEWER = "reviewer", _("保密审查员")
    SUPERVISOR = "supervisor", _("监督人员")
    LEADER = "leader", _("校领导")


# What each role may and may not do, in one short sentence each, for the people refused
# (the back office's 403 page: "您的角色（监督人员）可以……，不能……").
ROLE_SCOPES = {
    Role.OFFICE: (
        _("管理信息公开目录、审核发布信息，分办和办理依申请公开、来信和投诉"),
        _("代替保密审查员作出审查结论"),
    ),
    Role.EDITOR: (
        _("在本部门负责的信息公开事项下起草和修改信息，办理分办给本部门或本人的申请和来信"),
        _("发布信息，或查看、修改其他部门的信息"),
    ),
    Role.REVIEWER: (
        _("对提交审查的信息作出保密审查结论"),
        _("起草、修改或发布信息，或办理申请和来信"),
    ),
    Role.SUPERVISOR: (
        _("查看信息公开目录、申请和来信的办理情况、监督检查、统计和审计记录"),
        _("修改、办理、发布或删除任何内容"),
    ),
    Role.LEADER: (
        _("查看监督工作台、检查结果和各项统计"),
        _("修改、办理、发布或删除任何内容，或查看个案详情"),
    ),
}
# Read-only roles: they look, and change nothing.
READ_ONLY_ROLES = (Role.SUPERVISOR, Role.LEADER)
# Who a request or a letter may be assigned to: the office's and the departments' staff who
# handle cases, never a person who also leads, reviews or supervises (they judge the work).
HANDLER_ROLES = (Role.OFFICE, Role.EDITOR)
NON_HANDLER_ROLES = (Role.LEADER, Role.REVIEWER, Role.SUPERVISOR)


# Group names are stable identifiers (data migrations create them); labels are for people.
ROLE_GROUP_NAMES = {
    Role.OFFICE: "信息公开办公室",
    Role.EDITOR: "部门信息员",
    Role.REVIEWER: "保密审查员",
    Role.SUPERVISOR: "监督人员",
    Role.LEADER: "校领导",
}
# Each department's editors also sit in a group of their own, named by department code,
# which carries their page rights over the catalogue items the department answers for.
DEPARTMENT_GROUP_PREFIX = "部门信息员·"

# Model permissions (app_label.codename) each role holds outright. Page permissions by
# catalogue subtree are granted separately, per department (see services).
ROLE_PERMISSIONS = {
    Role.OFFICE: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "orgs.add_department",
        "orgs.change_department",
        "orgs.view_department",
        "orgs.add_staffprofile",
        "orgs.change_staffprofile",
        "orgs.view_staffprofile",
        "catalogue.view_cataloguechange",
        "auth.add_user",
        "auth.change_user",
        "workdays.add_calendarday",
        "workdays.change_calendarday",
        "workdays.delete_calendarday",
        "workdays.view_calendarday",
        "workdays.add_confirmedyear",
        "workdays.change_confirmedyear",
        "workdays.view_confirmedyear",
        # Leaders' mailbox, complaints and evaluation (issue 6): configuration snippets; the
        # handling of letters and complaints is gated by role in xxgk.mailbox.selectors.
        "mailbox.add_mailbox",
        "mailbox.change_mailbox",
        "mailbox.view_mailbox",
        "mailbox.add_sensitiveword",
        "mailbox.change_sensitiveword",
        "mailbox.delete_sensitiveword",
        "mailbox.view_sensitiveword",
        "evaluation.add_survey",
        "evaluation.change_survey",
        "evaluation.view_survey",
        # Disclosure on request (issue 5): casework, applicants' personal data, letter wording.
        # requests.approve_extension is granted to the office head's account only.
        "requests.view_application",
        "requests.handle_application",
        "requests.view_personal_data",
        "requests.add_lettertemplate",
        "requests.change_lettertemplate",
        "requests.view_lettertemplate",
        # The fee policy and the school's own bands (issue 18): 设置 → 依申请公开收费标准.
        "requests.change_feestandard",
        # OCR limits of the attachment scan (issue 22): 设置 → 扫描件文字识别.
        "review.change_ocrsettings",
        # The layout and licensed fonts of generated documents (issue 25): 设置 → 公文版式与字体.
        "core.change_documentsettings",
        # Department integration tokens and their call log (issue 11), the site importer.
        "xxgk_api.add_integrationtoken",
        "xxgk_api.change_integrationtoken",
        "xxgk_api.view_integrationtoken",
        "xxgk_api.view_apicalllog",
        # The audit log (read only: nobody holds add/change/delete) and the 2FA policy (issue 10).
        "audit.view_auditevent",
        "accounts.change_twofactorpolicy",
        "importer.add_importrun",
        "importer.view_importrun",
        "supervision.view_dashboard",
        "supervision.view_supervisionaction",
        "supervision.add_pendinginformation",
        "supervision.change_pendinginformation",
        "supervision.view_pendinginformation",
        "supervision.add_inspection",
        "supervision.change_inspection",
        "supervision.view_inspection",
        # The registers the annual report counts (issue 8; the registers app since issue 19):
        # entered and imported by the office.
        *[
            f"registers.{action}_{model}"
            for model in (
                "channel",
                "channelmonth",
                "admissionresult",
                "outreachevent",
                "outreachmember",
                "feeschedule",
                "procurementnotice",
                "cadrechange",
                "probationassessment",
            )
            for action in ("add", "change", "delete", "view")
        ],
    ],
    Role.EDITOR: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        # Editors declare formed-but-unpublished information of their own department.
        "supervision.add_pendinginformation",
        "supervision.view_pendinginformation",
    ],
    Role.REVIEWER: [
        "wagtailadmin.access_admin",
        "wagtaildocs.choose_document",
    ],
    Role.SUPERVISOR: [
        "wagtailadmin.access_admin",
        "orgs.view_department",
        "catalogue.view_cataloguechange",
        "supervision.view_dashboard",
        "supervision.view_supervisionaction",
        "supervision.view_pendinginformation",
        "supervision.view_inspection",
        "xxgk_api.view_apicalllog",
        "audit.view_auditevent",
    ],
    Role.LEADER: [
        "wagtailadmin.access_admin",
        "supervision.view_dashboard",
        "supervision.view_inspection",
    ],
}

# Wagtail checks documents and images by collection. These are granted on the root collection
# (and so on every department's below it): the office manages all files, and the reviewers
# open the attachments of the drafts they review.
COLLECTION_PERMISSIONS = {
    Role.OFFICE: [
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    ],
    Role.REVIEWER: [
        "wagtaildocs.choose_document",
    ],
}
# What each department's editors' group holds on the department's own collection, and on no
# other: a department's drafts' attachments stay out of other departments' sight until
# published (谁公开、谁负责; 先审查、后公开).
DEPARTMENT_COLLECTION_PERMISSIONS = [
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
]

# Page-tree permissions the office holds over the whole catalogue.
OFFICE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# What a department's editors hold over the catalogue items their department answers for.
# Deliberately no publish_page: publishing goes through the confidentiality review.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
