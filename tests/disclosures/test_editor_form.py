"""Writing a disclosure in the back office (issue 20 point 9): the publishing department is
the editor's own, prefilled and fixed (a request naming another is refused); the page's
address comes from its index number; the catalogue item is found by number or words."""

import re

import pytest
from wagtail.contrib.redirects.models import Redirect

from tests.factories import published_disclosure, review_through
from tests.orgs.test_permissions import add_url, form_data
from xxgk.disclosures.models import DisclosurePage, index_number_slug
from xxgk.disclosures.services import create_disclosure

pytestmark = pytest.mark.django_db


SELECT = re.compile(r'<select[^>]*name="publishing_department"')
CHOOSER = "/admin/snippets/choose/orgs/department/"


def department_field(html: str) -> str:
    """The markup of the publishing department's field."""
    start = html.index('name="publishing_department"')
    return html[html.rfind("<", 0, start) : start + 600]


# --- The publishing department -----------------------------------------------------------------


def test_editor_sees_own_department_prefilled_and_fixed(client, editor_a, dept_a, dept_b, item_a):
    client.force_login(editor_a)
    response = client.get(add_url(item_a))
    assert response.status_code == 200
    html = response.content.decode()
    field = department_field(html)
    assert field.startswith('<input type="hidden"')
    assert f'value="{dept_a.pk}"' in field
    assert dept_a.name in field
    assert not SELECT.search(html)
    assert CHOOSER not in html
    assert dept_b.name not in field


def test_editor_posting_another_department_is_refused(client, editor_a, dept_b, item_a, office):
    from tests.factories import make_responsible

    # Even where department B also answers for the item, editor A writes in A's name only.
    make_responsible(item_a, *item_a.responsible_departments.all(), dept_b, by=office)
    client.force_login(editor_a)
    response = client.post(add_url(item_a), form_data("冒名信息", dept_b, action=None))
    assert response.status_code == 200
    assert "只能以本部门名义发布信息。" in response.content.decode()
    assert not DisclosurePage.objects.filter(title="冒名信息").exists()


def test_editor_saves_in_own_departments_name(client, editor_a, dept_a, item_a):
    client.force_login(editor_a)
    response = client.post(add_url(item_a), form_data("本部门信息", dept_a, action=None))
    assert response.status_code == 302
    page = DisclosurePage.objects.get(title="本部门信息")
    assert page.publishing_department == dept_a
    assert not page.live


def test_office_chooses_the_department(client, office, dept_a, dept_b, item_a):
    client.force_login(office)
    html = client.get(add_url(item_a)).content.decode()
    assert CHOOSER in html  # Wagtail's department chooser, every department
    assert "data-fixed-choice" not in html
    response = client.post(add_url(item_a), form_data("代发信息", dept_b, action=None))
    assert response.status_code == 302
    assert DisclosurePage.objects.get(title="代发信息").publishing_department == dept_b


# --- The address from the index number -----------------------------------------------------


def test_draft_has_a_provisional_address_not_a_timestamp(editor_a, item_a):
    draft = create_disclosure(user=editor_a, item=item_a, title="草稿")
    assert draft.slug.startswith("draft-")
    assert not re.fullmatch(r"\d+", draft.slug)


def test_published_address_is_the_index_number(client, editor_a, dept_a, item_a, settings):
    page = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    assert page.index_number.startswith(f"{settings.XXGK_ORG_CODE}-")
    assert page.slug == index_number_slug(page.index_number)
    assert page.slug == page.index_number.lower()
    assert page.slug.isascii()
    assert page.url_path.endswith(f"/{page.slug}/")
    assert client.get(page.url).status_code == 200
    # The draft's provisional address was never public: no redirect is left behind from it.
    assert not Redirect.objects.exists()


def test_address_stays_when_the_page_is_revised(editor_a, dept_a, item_a):
    page = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    slug = page.slug
    page.title = "修改后的标题"
    page.save_revision(user=editor_a)
    review_through(page, submitter=editor_a)
    page = DisclosurePage.objects.get(pk=page.pk)
    assert page.live and page.title == "修改后的标题"
    assert page.slug == slug


def test_index_number_with_a_dot_makes_an_ascii_slug():
    assert index_number_slug("QZXY-2022-07.1-0003") == "qzxy-2022-07-1-0003"


def test_a_slug_given_on_purpose_is_kept(editor_a, dept_a, item_a):
    page = published_disclosure(
        item=item_a, department=dept_a, author=editor_a, slug="admissions-charter"
    )
    assert page.index_number
    assert page.slug == "admissions-charter"


# --- Choosing the catalogue item -------------------------------------------------------------

NEW = "/admin/disclosures/new/"


def listed_items(response) -> list[str]:
    html = response.content.decode()
    table = html[html.index('data-testid="item-results"') :]
    return re.findall(r"/admin/pages/add/disclosures/disclosurepage/(\d+)/", table)


def test_editor_finds_own_item_by_words(client, editor_a, item_a, item_b):
    client.force_login(editor_a)
    response = client.get(NEW, {"q": "招生章程"})
    assert response.status_code == 200
    assert listed_items(response) == [str(item_a.pk)]


def test_editor_finds_own_item_by_number(client, editor_a, item_a, item_b):
    client.force_login(editor_a)
    assert listed_items(client.get(NEW, {"q": "07"})) == [str(item_a.pk)]
    # Item 19 is department B's: not offered to editor A, whatever is typed.
    assert listed_items(client.get(NEW, {"q": "19"})) == []


def test_suggestion_text_finds_its_item(client, editor_a, item_a):
    client.force_login(editor_a)
    html = client.get(NEW).content.decode()
    suggestion = f"{item_a.item_number} {item_a.title}"
    assert f'<option value="{suggestion}">' in html
    assert listed_items(client.get(NEW, {"q": suggestion})) == [str(item_a.pk)]


def test_office_finds_any_item(client, office, item_a, item_b):
    client.force_login(office)
    assert listed_items(client.get(NEW, {"q": "19"})) == [str(item_b.pk)]


@pytest.mark.parametrize("role", ["reviewer", "supervisor", "leader"])
def test_roles_that_do_not_write_are_refused(request, client, role, item_a):
    client.force_login(request.getfixturevalue(role))
    assert client.get(NEW).status_code == 403


def test_a_copy_gets_its_own_numbers_address(editor_a, dept_a, item_a):
    original = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    copy = original.copy(
        update_attrs={"slug": f"{original.slug}-1", "title": "副本"}, keep_live=False
    )
    review_through(copy, submitter=editor_a)
    copy = DisclosurePage.objects.get(pk=copy.pk)
    assert copy.index_number != original.index_number
    assert copy.slug == index_number_slug(copy.index_number)
