"""Whole-page caching: served from the copy while nothing changed, never after a change."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.factories import published_disclosure, review_through
from xxgk.disclosures.models import DisclosurePage
from xxgk.orgs.models import Department
from xxgk.pagecache.middleware import PageCacheMiddleware
from xxgk.viewcounts.selectors import current_count

pytestmark = pytest.mark.django_db


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def test_second_anonymous_get_is_served_from_the_copy_without_queries(
    client, page_cache, disclosure
):
    first = client.get(disclosure.url)
    assert cache_state(first) == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(disclosure.url, HTTP_USER_AGENT="another reader")
    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert len(queries) == 0
    # The copy still counts another reader's view (buffered, no query).
    assert current_count(disclosure.pk) == 2
    for header in ("Content-Type", "X-Frame-Options", "X-Content-Type-Options"):
        assert second.headers[header] == first.headers[header]


@pytest.mark.parametrize("url", ["/", "/catalogue/", "/catalogue/zsks/", "/reports/", "/guide/"])
def test_public_pages_are_cached(client, page_cache, disclosure, url):
    if not Page.objects.filter(url_path__endswith=url.lstrip("/") or "home/").exists():
        pytest.skip(f"{url} is not in this site tree")
    first = client.get(url)
    assert cache_state(first) == "miss"
    assert cache_state(client.get(url)) == "hit"
    # Nothing of the visitor's own in a public page (no CSRF token, no cookie), so a copy is
    # the same bytes for everyone.
    assert b"csrfmiddlewaretoken" not in first.content and not first.cookies


def test_withdrawn_page_is_never_served_from_the_copy(client, page_cache, disclosure, item_a):
    assert cache_state(client.get(disclosure.url)) == "miss"
    assert cache_state(client.get(disclosure.url)) == "hit"
    assert disclosure.title in client.get(item_a.url).content.decode()
    assert disclosure.title in client.get("/").content.decode()

    disclosure.unpublish()

    assert client.get(disclosure.url).status_code == 404
    assert disclosure.title not in client.get(item_a.url).content.decode()
    assert disclosure.title not in client.get("/").content.decode()


def test_republished_edit_replaces_the_copy(client, page_cache, disclosure, office):
    client.get(disclosure.url)
    page = DisclosurePage.objects.get(pk=disclosure.pk)
    page.title = "2022年普通本科招生章程（修订）"
    page.save_revision(user=office)
    review_through(page, submitter=office)  # published when the reviewer agrees
    response = client.get(disclosure.url)
    assert cache_state(response) == "miss"
    assert "（修订）" in response.content.decode()


def test_publishing_purges_lists_above_it_and_nothing_else(
    client, page_cache, disclosure, office, dept_a, dept_b, item_a, item_b
):
    other = published_disclosure(item=item_b, department=dept_b, author=office, title="预算公开")
    for url in ("/", item_a.url, item_b.url, disclosure.url, other.url):
        client.get(url)

    published_disclosure(item=item_a, department=dept_a, author=office, title="新的招生简章")

    assert "新的招生简章" in client.get("/").content.decode()
    response = client.get(item_a.url)
    assert cache_state(response) == "miss" and "新的招生简章" in response.content.decode()
    # Pages that do not show the new disclosure keep their copies.
    assert cache_state(client.get(item_b.url)) == "hit"
    assert cache_state(client.get(disclosure.url)) == "hit"
    assert cache_state(client.get(other.url)) == "hit"


def test_pagination_pages_are_cached_by_full_path(
    client, page_cache, office, dept_a, item_a, settings
):
    settings.XXGK_DISCLOSURES_PER_PAGE = 1
    for title in ("甲", "乙"):
        published_disclosure(item=item_a, department=dept_a, author=office, title=title)
    first, second = client.get(item_a.url), client.get(f"{item_a.url}?page=2")
    assert first.content != second.content
    assert cache_state(client.get(f"{item_a.url}?page=2")) == "hit"
    # Other query strings are not cached at all (random parameters cannot fill the cache).
    assert "X-Page-Cache" not in client.get(f"{item_a.url}?utm=1").headers


def test_moved_page_is_gone_from_its_old_address(client, page_cache, disclosure, item_b):
    old_url = disclosure.url
    client.get(old_url)
    Page.objects.get(pk=disclosure.pk).move(item_b, pos="last-child")
    moved = DisclosurePage.objects.get(pk=disclosure.pk)
    old = client.get(old_url)
    # Wagtail leaves a redirect behind; the copy at the old address is not served.
    assert old.status_code in (301, 404)
    assert old.status_code == 404 or old.headers["Location"] == moved.url
    assert client.get(moved.url).status_code == 200


def test_deleted_page_is_gone(client, page_cache, disclosure):
    client.get(disclosure.url)
    Page.objects.get(pk=disclosure.pk).delete()
    assert client.get(disclosure.url).status_code == 404


def test_expired_page_is_gone_at_expiry_even_before_publish_scheduled(
    client, page_cache, disclosure, office, monkeypatch
):
    Page.objects.filter(pk=disclosure.pk).update(expire_at=timezone.now() + timedelta(hours=1))
    assert client.get(disclosure.url).status_code == 200
    assert cache_state(client.get(disclosure.url)) == "hit"

    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr("xxgk.pagecache.middleware.time.time", later.timestamp)
    monkeypatch.setattr("xxgk.pagecache.wagtail_hooks.timezone.now", lambda: later)
    assert client.get(disclosure.url).status_code == 404


def test_publish_scheduled_expiry_purges_the_copy(client, page_cache, disclosure):
    client.get(disclosure.url)
    # The copy was made with no expiry; the schedule then passes and the job unpublishes.
    Page.objects.filter(pk=disclosure.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=disclosure.pk).live
    assert client.get(disclosure.url).status_code == 404


def test_renamed_department_purges_its_disclosures(client, page_cache, disclosure, dept_a):
    client.get(disclosure.url)
    Department.objects.filter(pk=dept_a.pk).update()  # no signal: nothing purged
    assert cache_state(client.get(disclosure.url)) == "hit"
    dept_a.name = "招生与就业处"
    dept_a.save()
    assert "招生与就业处" in client.get(disclosure.url).content.decode()


def test_logged_in_users_and_their_responses_are_not_cached(client, page_cache, disclosure, office):
    client.force_login(office)
    assert "X-Page-Cache" not in client.get(disclosure.url).headers
    client.logout()
    client.cookies.clear()
    assert cache_state(client.get(disclosure.url)) == "miss"


def test_responses_that_set_cookies_or_fail_are_not_cached(client, page_cache, disclosure):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/no-such-page/").status_code == 404
    client.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in client.get(disclosure.url).headers


# No restriction may hide a disclosure (xxgk.disclosures.signals); the office may restrict the
# site's other pages, such as the guide.
GUIDE_TEXT = "官方微博"


def _restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-password"
    )


def test_private_pages_are_not_cached(client, page_cache, db):
    guide = Page.objects.get(slug="guide")
    _restrict(guide)
    response = client.get(guide.url)
    assert response.status_code == 200
    assert GUIDE_TEXT not in response.content.decode()
    assert cache_state(response) != "hit"
    assert cache_state(client.get(guide.url)) != "hit"


def test_restricting_a_cached_page_purges_it(client, page_cache, db):
    guide = Page.objects.get(slug="guide")
    assert GUIDE_TEXT in client.get(guide.url).content.decode()
    _restrict(guide)
    assert GUIDE_TEXT not in client.get(guide.url).content.decode()


def test_each_language_has_its_own_copy(client, page_cache, disclosure):
    chinese = client.get(disclosure.url, HTTP_ACCEPT_LANGUAGE="zh-CN")
    english = client.get(disclosure.url, HTTP_ACCEPT_LANGUAGE="en")
    assert cache_state(english) == "miss"
    assert chinese.content != english.content


def test_the_copy_is_per_day(client, page_cache, disclosure, monkeypatch):
    client.get(disclosure.url)
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr("xxgk.pagecache.middleware.timezone.localdate", lambda: tomorrow)
    assert cache_state(client.get(disclosure.url)) == "miss"


def test_disabled_cache_serves_fresh_pages(client, page_cache, disclosure, settings):
    settings.XXGK_PAGE_CACHE = False
    client.get(disclosure.url)
    assert "X-Page-Cache" not in client.get(disclosure.url).headers


def test_every_visitor_gets_the_same_bytes(client, page_cache, disclosure):
    """The language switch and the vote carry no token: one copy serves every reader,
    including readers who switched language or voted (their cookies change no public page)."""
    from django.test import Client

    first = client.get(disclosure.url).content
    assert b"csrfmiddlewaretoken" not in first
    voter = Client()
    voted = voter.post(f"/evaluation/helpful/{disclosure.pk}/", {"helpful": "yes"})
    assert voted.status_code == 200 and "xxgk_visitor" in voter.cookies
    again = voter.get(disclosure.url)
    assert cache_state(again) == "hit" and again.content == first
    assert b'name="helpful"' in again.content  # helpful.js hides the form for this reader


def render_through_cache(rf, page, body):
    """One request through the middleware alone; ``body(request)`` renders the page."""
    from importlib import import_module

    from django.conf import settings
    from django.http import HttpResponse

    def view(request):
        request.pagecache.page = page
        return HttpResponse(body(request))

    request = rf.get(page.url)
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    return PageCacheMiddleware(view)(request)


def test_a_page_that_uses_a_csrf_token_is_not_stored(rf, page_cache, disclosure):
    """Should a public page ever get a form with a token, it stays uncached rather than
    handing one visitor's token to the next."""
    from django.middleware.csrf import get_token

    def form(request):
        return f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">'

    assert cache_state(render_through_cache(rf, disclosure, lambda request: "<p></p>")) == "miss"
    assert cache_state(render_through_cache(rf, disclosure, form)) is None


def test_reading_the_empty_session_is_fine_writing_to_it_is_not(rf, page_cache, disclosure):
    """Middleware that asks whether the visitor is staff reads the session; a visitor without
    a session cookie has an empty one, so the page is still everyone's. A write is not."""

    def reads(request):
        return f"<p>{request.session.get('seen', '')}</p>"

    def writes(request):
        request.session["seen"] = True
        return "<p></p>"

    assert cache_state(render_through_cache(rf, disclosure, reads)) == "miss"
    assert cache_state(render_through_cache(rf, disclosure, writes)) is None


def test_visitors_with_their_own_cookies_bypass_the_copy(client, page_cache, disclosure):
    client.get(disclosure.url)
    client.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in client.get(disclosure.url).headers
