"""Each role's exact rights, written out here as the specification (docs/security.md), so
that a permission added to or removed from any role, anywhere, fails a test.

Django model permissions per role group, Wagtail page permissions per group and page, and
Wagtail collection permissions per group and collection are compared as whole sets.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from tests.factories import DepartmentFactory, catalogue_item, make_responsible
from xxgk.orgs.roles import DEPARTMENT_GROUP_PREFIX, ROLE_GROUP_NAMES, Role
from xxgk.orgs.services import ensure_role_groups, role_groups

REPORT_RECORDS = (
    "admissionresult",
    "cadrechange",
    "channel",
    "channelmonth",
    "feeschedule",
    "outreachevent",
    "outreachmember",
    "probationassessment",
    "procurementnotice",
)

MODEL_PERMISSIONS = {
    Role.OFFICE: {
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
        "requests.view_application",
        "requests.handle_application",
        "requests.view_personal_data",
        "requests.add_lettertemplate",
        "requests.change_lettertemplate",
        "requests.view_lettertemplate",
        "requests.change_feestandard",
        "review.change_ocrsettings",
        "core.change_documentsettings",
        "xxgk_api.add_integrationtoken",
        "xxgk_api.change_integrationtoken",
        "xxgk_api.view_integrationtoken",
        "xxgk_api.view_apicalllog",
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
        *(
            f"registers.{action}_{model}"
            for model in REPORT_RECORDS
            for action in ("add", "change", "delete", "view")
        ),
    },
    Role.EDITOR: {
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "supervision.add_pendinginformation",
        "supervision.view_pendinginformation",
    },
    Role.REVIEWER: {"wagtailadmin.access_admin", "wagtaildocs.choose_document"},
    Role.SUPERVISOR: {
        "wagtailadmin.access_admin",
        "orgs.view_department",
        "catalogue.view_cataloguechange",
        "supervision.view_dashboard",
        "supervision.view_supervisionaction",
        "supervision.view_pendinginformation",
        "supervision.view_inspection",
        "xxgk_api.view_apicalllog",
        "audit.view_auditevent",
    },
    Role.LEADER: {
        "wagtailadmin.access_admin",
        "supervision.view_dashboard",
        "supervision.view_inspection",
    },
}

SITE_ROOT = "信息公开网"
# Page rights: the office over the whole site (no delete, no bulk delete: disclosures are
# withdrawn); a department's editors over the items it answers for, without publish_page
# (publishing goes through the confidentiality review).
OFFICE_PAGE_PERMISSIONS = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
EDITOR_PAGE_PERMISSIONS = {"add_page", "change_page"}

ROOT_COLLECTION = "Root"
COLLECTION_PERMISSIONS = {
    Role.OFFICE: {
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    },
    Role.REVIEWER: {"wagtaildocs.choose_document"},
    Role.EDITOR: set(),
    Role.SUPERVISOR: set(),
    Role.LEADER: set(),
}
DEPARTMENT_COLLECTION_PERMISSIONS = {
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
}


def dotted(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def model_permissions(group) -> set[str]:
    return {dotted(p) for p in group.permissions.select_related("content_type")}


def page_permissions(group) -> set[tuple[str, str]]:
    rows = GroupPagePermission.objects.filter(group=group).select_related("page", "permission")
    return {(row.page.title, row.permission.codename) for row in rows}


def collection_permissions(group) -> set[tuple[str, str]]:
    rows = GroupCollectionPermission.objects.filter(group=group).select_related(
        "collection", "permission__content_type"
    )
    return {(row.collection.name, dotted(row.permission)) for row in rows}


@pytest.fixture
def two_departments(db):
    """Two departments: one answering for item 7 alone, both answering for item 19."""
    admissions = DepartmentFactory(name="招生办公室", code="ZSA")
    finance = DepartmentFactory(name="计划财务处", code="CWB")
    make_responsible(catalogue_item("7"), admissions)
    make_responsible(catalogue_item("19"), admissions, finance)
    return admissions, finance


@pytest.mark.parametrize("role", list(Role))
def test_each_role_holds_exactly_its_model_permissions(two_departments, role):
    group = Group.objects.get(name=ROLE_GROUP_NAMES[role])
    assert model_permissions(group) == MODEL_PERMISSIONS[role]


@pytest.mark.parametrize("role", list(Role))
def test_only_the_office_holds_page_rights_over_the_site(two_departments, role):
    group = Group.objects.get(name=ROLE_GROUP_NAMES[role])
    expected = {(SITE_ROOT, p) for p in OFFICE_PAGE_PERMISSIONS} if role == Role.OFFICE else set()
    assert page_permissions(group) == expected


@pytest.mark.parametrize("role", list(Role))
def test_each_role_holds_exactly_its_collection_rights(two_departments, role):
    group = Group.objects.get(name=ROLE_GROUP_NAMES[role])
    expected = {(ROOT_COLLECTION, p) for p in COLLECTION_PERMISSIONS[role]}
    assert collection_permissions(group) == expected


def test_a_departments_editors_hold_add_and_change_on_its_own_items_only(two_departments):
    admissions, finance = two_departments
    item_7, item_19 = catalogue_item("7"), catalogue_item("19")
    groups = {g.name: g for g in Group.objects.filter(name__startswith=DEPARTMENT_GROUP_PREFIX)}
    assert set(groups) == {f"{DEPARTMENT_GROUP_PREFIX}ZSA", f"{DEPARTMENT_GROUP_PREFIX}CWB"}
    zsa, cwb = groups[f"{DEPARTMENT_GROUP_PREFIX}ZSA"], groups[f"{DEPARTMENT_GROUP_PREFIX}CWB"]
    assert page_permissions(zsa) == {
        (item.title, p) for item in (item_7, item_19) for p in EDITOR_PAGE_PERMISSIONS
    }
    assert page_permissions(cwb) == {(item_19.title, p) for p in EDITOR_PAGE_PERMISSIONS}
    # Department groups carry no model permission of their own (the role group does).
    assert model_permissions(zsa) == model_permissions(cwb) == set()


def test_a_departments_editors_hold_file_rights_in_its_own_collection_only(two_departments):
    admissions, finance = two_departments
    for department in (admissions, finance):
        group = Group.objects.get(name=f"{DEPARTMENT_GROUP_PREFIX}{department.code}")
        assert collection_permissions(group) == {
            (department.name, p) for p in DEPARTMENT_COLLECTION_PERMISSIONS
        }


def test_granting_the_role_groups_again_changes_no_right(two_departments):
    before = {
        g.name: (model_permissions(g), page_permissions(g), collection_permissions(g))
        for g in Group.objects.all()
    }
    ensure_role_groups()
    after = {
        g.name: (model_permissions(g), page_permissions(g), collection_permissions(g))
        for g in Group.objects.all()
    }
    assert after == before


def test_role_groups_missing_from_a_restored_database_come_back_with_exactly_their_rights(
    two_departments,
):
    Group.objects.filter(name__in=ROLE_GROUP_NAMES.values()).delete()
    groups = role_groups()
    assert set(groups) == set(Role)
    for role, group in groups.items():
        assert group.name == ROLE_GROUP_NAMES[role]
        assert model_permissions(group) == MODEL_PERMISSIONS[role]
        assert collection_permissions(group) == {
            (ROOT_COLLECTION, p) for p in COLLECTION_PERMISSIONS[role]
        }
    assert page_permissions(groups[Role.OFFICE]) == {
        (SITE_ROOT, p) for p in OFFICE_PAGE_PERMISSIONS
    }
    assert role_groups() == groups  # asked again: the same groups, nothing created twice


def test_checking_an_editors_department_group_again_changes_and_records_nothing(editor_a):
    from xxgk.audit.models import AuditEvent
    from xxgk.orgs.services import sync_department_group

    groups = set(editor_a.groups.values_list("name", flat=True))
    events = AuditEvent.objects.count()
    sync_department_group(editor_a)
    assert set(editor_a.groups.values_list("name", flat=True)) == groups
    assert AuditEvent.objects.count() == events


def test_new_roles_count_at_once_on_the_same_user_object(editor_a, dept_a):
    from xxgk.orgs.selectors import has_role
    from xxgk.orgs.services import set_roles

    assert has_role(editor_a, Role.EDITOR) and not has_role(editor_a, Role.OFFICE)
    set_roles(editor_a, [Role.OFFICE], department=dept_a)
    assert has_role(editor_a, Role.OFFICE) and not has_role(editor_a, Role.EDITOR)
