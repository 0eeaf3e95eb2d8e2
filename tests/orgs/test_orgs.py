import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from tests.factories import DepartmentFactory
from xxgk.orgs.models import Department, StaffProfile
from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role
from xxgk.orgs.services import create_department


@pytest.mark.django_db
def test_department_gets_its_editor_group():
    department = create_department(name="教务处", code="JWC")
    assert department.editor_group.name == "部门信息员·JWC"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["jwc", "1AB", "A", "TOO-LONG-CODE-123", "教务"])
def test_department_code_validated_in_chinese(code):
    with pytest.raises(ValidationError) as excinfo:
        create_department(name=f"部门{code}", code=code)
    assert "部门代码" in str(excinfo.value)
    assert not Department.objects.filter(name=f"部门{code}").exists()


@pytest.mark.django_db
def test_office_creates_department_in_back_office(client, office):
    client.force_login(office)
    response = client.post(
        "/admin/snippets/orgs/department/add/",
        {
            "name": "图书馆",
            "code": "TSG",
            "contact_person": "",
            "phone": "",
            "email": "",
            "address": "",
            "is_active": "on",
            "sort_order": "50",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert Department.objects.get(code="TSG").editor_group.name == "部门信息员·TSG"


@pytest.mark.django_db
@pytest.mark.parametrize("role_fixture", ["editor_a", "reviewer", "supervisor", "leader"])
def test_only_office_manages_departments(client, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    response = client.post(
        "/admin/snippets/orgs/department/add/", {"name": "越权部门", "code": "YQ"}
    )
    assert response.status_code in (302, 403)
    assert not Department.objects.filter(code="YQ").exists()


@pytest.mark.django_db
def test_department_group_follows_role_and_department_from_any_path(dept_a, dept_b):
    user = get_user_model().objects.create_user("newstaff", password="x" * 12)
    StaffProfile.objects.create(user=user, department=dept_a)
    editor_group = Group.objects.get(name=ROLE_GROUP_NAMES[Role.EDITOR])
    # The office ticks the editor role in Wagtail's user editor: department rights follow.
    user.groups.add(editor_group)
    assert user.groups.filter(pk=dept_a.editor_group_id).exists()
    # Moving the person to another department moves the rights.
    profile = user.staff_profile
    profile.department = dept_b
    profile.save()
    assert set(user.groups.filter(name__startswith="部门信息员·")) == {dept_b.editor_group}
    # Taking the role away takes the rights away.
    user.groups.remove(editor_group)
    assert not user.groups.filter(name__startswith="部门信息员·").exists()


@pytest.mark.django_db
def test_factory_departments_are_distinct():
    a, b = DepartmentFactory(), DepartmentFactory()
    assert a.code != b.code and a.editor_group != b.editor_group
