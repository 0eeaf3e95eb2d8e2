"""Issue 20 (phones): the favicon, and a description of its own in every page's head."""

import html
import re

import pytest
from django.contrib.staticfiles import finders

from tests.factories import published_disclosure
from xxgk.disclosures.models import DisclosurePage
from xxgk.mailbox.models import Mailbox

pytestmark = pytest.mark.django_db


def description(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    found = re.findall(r'<meta name="description"\s+content="([^"]*)">', response.content.decode())
    assert len(found) == 1, path
    return html.unescape(found[0])


def test_favicon_ico_answers_and_the_icons_are_static_files(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/xxgk/favicon.ico"
    for name in ("favicon.ico", "favicon.svg", "favicon-32.png", "apple-touch-icon.png"):
        assert finders.find(f"xxgk/{name}"), name
    page = client.get("/").content.decode()
    assert '<link rel="icon"\n          href="/static/xxgk/favicon.svg"' in page


def test_every_public_page_describes_itself(client, office, dept_a, item_a):
    disclosure = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年普通本科招生章程",
        body="<p>第一条 为保证学校招生工作顺利进行，\n根据有关规定制定<b>本章程</b>。</p>",
    )
    paths = ["/", disclosure.url, "/catalogue/", item_a.url, "/search/?q=招生", "/apply/"]
    paths += ["/mailbox/", "/guide/"]
    descriptions = {path: description(client, path) for path in paths}
    for path, text in descriptions.items():
        assert text and text == text.strip() and "\n" not in text and "  " not in text, path
    assert (
        descriptions[disclosure.url]
        == "第一条 为保证学校招生工作顺利进行， 根据有关规定制定本章程。"
    )
    assert descriptions["/guide/"].startswith("衢州学院信息公开网：")  # the site's own
    assert len(set(descriptions.values())) == len(descriptions), descriptions


def test_the_seo_description_then_the_summary_come_first(client, office, dept_a, item_a):
    summarised = published_disclosure(
        item=item_a, department=dept_a, author=office, title="预算", summary="2022年部门预算 & 说明"
    )
    assert description(client, summarised.url) == "2022年部门预算 & 说明"
    described = published_disclosure(
        item=item_a, department=dept_a, author=office, title="决算", summary="摘要"
    )
    # The promote tab's field, as the editor would set it (bypassing review for brevity).
    DisclosurePage.objects.filter(pk=described.pk).update(search_description="搜索引擎看到的说明")
    assert description(client, described.url) == "搜索引擎看到的说明"


def test_a_mailbox_describes_itself_by_its_introduction(client, dept_a):
    box = Mailbox.objects.create(
        name="校长信箱", slug="president", number_prefix="XZ", default_department=dept_a
    )
    assert description(client, f"/mailbox/{box.slug}/").startswith("衢州学院信息公开网：")
    Mailbox.objects.filter(pk=box.pk).update(intro="校长信箱受理对学校工作的意见和建议。")
    assert description(client, f"/mailbox/{box.slug}/") == "校长信箱受理对学校工作的意见和建议。"
