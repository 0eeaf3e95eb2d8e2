import xml.etree.ElementTree as ET

import pytest

from xxgk.disclosures.services import create_disclosure

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def rss_titles(response):
    assert response.status_code == 200
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def atom_titles(response):
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_site_feeds_list_published_disclosures_newest_first(client, published):
    response = client.get("/feeds/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    newest_first = ["招生章程补充说明", "2022年招生章程", "2022年预算"]
    assert rss_titles(response) == newest_first
    assert atom_titles(client.get("/feeds/atom/")) == newest_first


def test_feed_items_carry_department_date_and_no_person(client, published, office):
    root = ET.fromstring(client.get("/feeds/rss/").content)
    item = list(root.iter("item"))[1]
    assert item.findtext("description") == "本科招生章程"
    assert "10 May 2022" in item.findtext("pubDate")
    assert item.findtext("guid") == published[0].index_number
    assert item.findtext("link").startswith("http://testserver/catalogue/")
    assert office.username not in client.get("/feeds/atom/").content.decode()


def test_category_and_item_feeds(client, published):
    assert rss_titles(client.get("/feeds/category/2/rss/")) == [
        "招生章程补充说明",
        "2022年招生章程",
    ]
    assert atom_titles(client.get("/feeds/category/3/atom/")) == ["2022年预算"]
    assert rss_titles(client.get("/feeds/item/19/rss/")) == ["2022年预算"]
    assert atom_titles(client.get("/feeds/item/7/atom/")) == ["招生章程补充说明", "2022年招生章程"]
    assert client.get("/feeds/item/999/rss/").status_code == 404
    assert client.get("/feeds/category/99/atom/").status_code == 404


def test_drafts_never_and_withdrawn_items_no_longer_appear(
    client, published, item_a, dept_a, office
):
    create_disclosure(user=office, item=item_a, title="草稿", publishing_department=dept_a)
    published[0].unpublish()
    for url in ("/feeds/rss/", "/feeds/item/7/rss/"):
        titles = rss_titles(client.get(url))
        assert "草稿" not in titles and "2022年招生章程" not in titles
    sitemap = client.get("/sitemap-disclosures.xml").content.decode()
    assert published[0].url not in sitemap and published[1].url in sitemap


def test_sitemap_index_and_sections(client, published):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert any(s.endswith("/sitemap-pages.xml") for s in sections)
    assert any(s.endswith("/sitemap-disclosures.xml") for s in sections)
    pages = ET.fromstring(client.get("/sitemap-pages.xml").content)
    locations = [loc.text for loc in pages.iter(f"{SITEMAP}loc")]
    assert "http://testserver/" in locations
    assert any(url.endswith("/item-7/") for url in locations)
    disclosures = ET.fromstring(client.get("/sitemap-disclosures.xml").content)
    assert len(list(disclosures.iter(f"{SITEMAP}url"))) == 3
    assert all(url.findtext(f"{SITEMAP}lastmod") for url in disclosures.iter(f"{SITEMAP}url"))


def test_robots_txt(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /api/v1/integration/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_feed_index_lists_every_feed_a_reader_can_subscribe_to(client, published, item_a):
    response = client.get("/feeds/")
    assert response.status_code == 200
    html = response.content.decode()
    for url in ("/feeds/rss/", "/feeds/atom/", "/feeds/category/2/rss/", "/feeds/item/7/atom/"):
        assert f'href="{url}"' in html
    assert f"{item_a.item_number}. {item_a.title}" in html
    # Every link on it answers.
    assert client.get("/feeds/item/7/atom/").status_code == 200
    assert client.post("/feeds/").status_code == 405
