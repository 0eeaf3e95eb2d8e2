"""谁公开、谁负责: who may create and edit disclosures where, tested for every role."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.test.utils.form_data import rich_text

from tests.factories import catalogue_item, published_disclosure
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import user_roles


def add_url(item):
    return f"/admin/pages/add/disclosures/disclosurepage/{item.pk}/"


def form_data(title, department, action=None):
    data = {
        "title": title,
        "slug": "",
        "publishing_department": department.pk,
        "summary": "",
        "body": rich_text("<p>正文</p>"),
        "publication_date": "",
        "formed_on": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    if action:
        data[action] = "1"
    return data


@pytest.mark.django_db
def test_roles_are_groups(editor_a, office, reviewer, supervisor, leader):
    assert user_roles(editor_a) == {Role.EDITOR}
    assert user_roles(office) == {Role.OFFICE}
    assert user_roles(reviewer) == {Role.REVIEWER}
    assert user_roles(supervisor) == {Role.SUPERVISOR}
    assert user_roles(leader) == {Role.LEADER}


@pytest.mark.django_db
def test_editor_creates_under_own_item(editor_a, dept_a, item_a):
    page = create_disclosure(user=editor_a, item=item_a, title="2022年招生章程")
    assert page.publishing_department == dept_a
    assert not page.live
    assert page.get_parent().pk == item_a.pk


@pytest.mark.django_db
def test_editor_refused_under_other_departments_item(editor_a, dept_a, item_b):
    with pytest.raises(PermissionDenied):
        create_disclosure(user=editor_a, item=item_b, title="越权信息")
    assert not DisclosurePage.objects.filter(title="越权信息").exists()


@pytest.mark.django_db
def test_editor_cannot_publish_in_another_departments_name(editor_a, dept_b, item_a, office):
    from tests.factories import make_responsible

    make_responsible(item_a, *item_a.responsible_departments.all(), dept_b, by=office)
    with pytest.raises(PermissionDenied):
        create_disclosure(
            user=editor_a, item=item_a, title="冒名信息", publishing_department=dept_b
        )
    assert not DisclosurePage.objects.filter(title="冒名信息").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role_fixture", ["reviewer", "supervisor", "leader"])
def test_non_editing_roles_cannot_create(request, role_fixture, item_a):
    user = request.getfixturevalue(role_fixture)
    with pytest.raises(PermissionDenied):
        create_disclosure(user=user, item=item_a, title="不应保存")
    assert not DisclosurePage.objects.filter(title="不应保存").exists()


@pytest.mark.django_db
def test_anonymous_cannot_create(item_a):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        create_disclosure(user=AnonymousUser(), item=item_a, title="匿名")


@pytest.mark.django_db
def test_office_creates_anywhere(office, dept_b, item_b):
    page = create_disclosure(
        user=office, item=item_b, title="办公室代发", publishing_department=dept_b
    )
    assert page.pk


# --- through the back office (Wagtail admin), over HTTP ------------------------------------


@pytest.mark.django_db
def test_admin_editor_allowed_under_own_item(client, editor_a, dept_a, item_a):
    client.force_login(editor_a)
    assert client.get(add_url(item_a)).status_code == 200
    response = client.post(add_url(item_a), form_data("招生章程草稿", dept_a))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = DisclosurePage.objects.get(title="招生章程草稿")
    assert page.publishing_department == dept_a and not page.live


@pytest.mark.django_db
def test_admin_editor_refused_under_other_item(client, editor_a, dept_a, item_b):
    client.force_login(editor_a)
    assert client.get(add_url(item_b)).status_code == 403
    response = client.post(add_url(item_b), form_data("越权草稿", dept_a))
    assert response.status_code == 403
    assert not DisclosurePage.objects.filter(title="越权草稿").exists()


@pytest.mark.django_db
def test_admin_editor_cannot_post_other_department(client, editor_a, dept_b, item_a):
    client.force_login(editor_a)
    response = client.post(add_url(item_a), form_data("冒名草稿", dept_b))
    assert response.status_code == 200  # the form comes back with an error
    assert "publishing_department" in response.context["form"].errors
    assert not DisclosurePage.objects.filter(title="冒名草稿").exists()


@pytest.mark.django_db
def test_admin_editor_cannot_publish_directly(client, editor_a, dept_a, item_a):
    client.force_login(editor_a)
    client.post(add_url(item_a), form_data("想直接发布", dept_a, action="action-publish"))
    page = DisclosurePage.objects.filter(title="想直接发布").first()
    assert page is None or not page.live


@pytest.mark.django_db
@pytest.mark.parametrize("role_fixture", ["reviewer", "supervisor", "leader", "editor_b"])
def test_admin_other_roles_refused(client, request, role_fixture, dept_a, item_a):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(add_url(item_a)).status_code == 403
    assert client.post(add_url(item_a), form_data("不应保存", dept_a)).status_code == 403
    assert not DisclosurePage.objects.filter(title="不应保存").exists()


@pytest.mark.django_db
def test_admin_editing_is_limited_to_own_department(
    client, editor_a, editor_b, office, dept_a, item_a
):
    disclosure = published_disclosure(item=item_a, department=dept_a, author=office)
    edit_url = f"/admin/pages/{disclosure.pk}/edit/"
    client.force_login(editor_a)
    assert client.get(edit_url).status_code == 200
    client.force_login(editor_b)
    assert client.get(edit_url).status_code == 403
    data = form_data("被改标题", dept_a)
    assert client.post(edit_url, data).status_code == 403
    disclosure.refresh_from_db()
    assert disclosure.title == "测试公开信息"


@pytest.mark.django_db
def test_catalogue_items_editable_only_by_office(client, editor_a, office, item_a):
    url = f"/admin/pages/{item_a.pk}/edit/"
    client.force_login(editor_a)
    assert client.get(url).status_code == 403
    client.force_login(office)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_catalogue_items_cannot_be_deleted(client, office):
    client.force_login(office)
    item = catalogue_item("8")
    assert client.get(f"/admin/pages/{item.pk}/delete/").status_code == 403
    assert client.post(f"/admin/pages/{item.pk}/delete/").status_code == 403
    assert type(item).objects.filter(pk=item.pk).exists()


@pytest.mark.django_db
def test_responsibility_change_moves_permissions(client, office, editor_a, dept_a, dept_b, item_a):
    from tests.factories import make_responsible

    client.force_login(editor_a)
    assert client.get(add_url(item_a)).status_code == 200
    make_responsible(item_a, dept_b, by=office)
    client.force_login(editor_a)
    assert client.get(add_url(item_a)).status_code == 403
