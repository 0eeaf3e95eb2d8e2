"""The shared layout: a token-free language switch, and pagination that keeps the query."""

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def test_language_links_set_the_cookie_and_go_back(client, item_a):
    page = client.get(item_a.url + "?page=1").content.decode()
    assert "csrfmiddlewaretoken" not in page
    assert 'href="/lang/en/?next=' in page
    response = client.get("/lang/en/", {"next": item_a.url + "?page=1"})
    assert response.status_code == 302 and response["Location"] == item_a.url + "?page=1"
    assert response.cookies["django_language"].value == "en"
    assert "no-cache" in response["Cache-Control"]
    english = client.get(item_a.url)
    # The template's {% load %} line leaves a blank first line, which browsers ignore.
    assert english.content.decode().lstrip().startswith('<!DOCTYPE html>\n<html lang="en">')
    back = client.get("/lang/zh-hans/", {"next": "/"})
    assert back.cookies["django_language"].value == "zh-hans"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_language_switch_never_redirects_off_site(client, target):
    response = client.get("/lang/en/", {"next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_unknown_language_or_post_is_refused(client):
    assert client.get("/lang/fr/", {"next": "/"}).status_code == 404
    assert "django_language" not in client.get("/lang/fr/").cookies
    assert client.post("/lang/en/", {"next": "/"}).status_code == 405


def test_pagination_keeps_the_other_query_parameters():
    request = RequestFactory().get("/mailbox/xz/", {"status": "answered", "page": "2"})
    page_obj = Paginator(range(50), 10).page(2)
    html = render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request)
    assert 'href="?status=answered&amp;page=1"' in html
    assert 'href="?status=answered&amp;page=3"' in html
