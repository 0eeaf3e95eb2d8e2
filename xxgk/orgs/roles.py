"""The staff roles of a disclosure office, each backed by one auth Group.

Groups are the single source of truth for roles, so that Wagtail's own permission
machinery (admin access, page permissions, workflow tasks) and ours agree.
"""

from django.db import models


class Role(models.TextChoices):
    OFFICE = "office", "信息公开办公室管理员"
    EDITOR = "editor", "部门信息员"
    REVIEWER = "reviewer", "保密审查员"
    SUPERVISOR = "supervisor", "监督人员"
    LEADER = "leader", "校领导"


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
    ],
    Role.EDITOR: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
    Role.REVIEWER: [
        "wagtailadmin.access_admin",
        "wagtaildocs.choose_document",
    ],
    Role.SUPERVISOR: [
        "wagtailadmin.access_admin",
        "orgs.view_department",
        "catalogue.view_cataloguechange",
    ],
    Role.LEADER: [
        "wagtailadmin.access_admin",
    ],
}

# Page-tree permissions the office holds over the whole catalogue.
OFFICE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# What a department's editors hold over the catalogue items their department answers for.
# Deliberately no publish_page: publishing goes through the confidentiality review.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
