"""The home page routes a path in one query for all levels, to the same page Wagtail would."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import published_disclosure
from xxgk.portal.models import HomePage

pytestmark = pytest.mark.django_db


def components(url: str) -> list[str]:
    return [part for part in url.split("/") if part]


def routed(route, path: list[str]):
    try:
        return route(RequestFactory().get("/"), path).page.pk
    except Http404:
        return "404"


def test_same_pages_and_404s_as_wagtail_with_fewer_queries(office, dept_a, item_a, item_b):
    live = published_disclosure(item=item_a, department=dept_a, author=office, title="在线")
    withdrawn = published_disclosure(item=item_a, department=dept_a, author=office, title="撤回")
    withdrawn.unpublish()
    home = HomePage.objects.get()
    paths = [
        [],
        components(item_a.get_parent().url),
        components(item_a.url),
        components(live.url),
        components(withdrawn.url),  # not live: 404
        components(item_b.url) + [live.slug],  # a slug that lives under another parent
        components(item_a.url) + ["missing"],
        components(live.url) + ["deeper"],
        ["missing", *components(live.url)[1:]],
    ]
    for path in paths:
        assert routed(home.route, path) == routed(lambda r, p: Page.route(home, r, p), path), path
    assert routed(home.route, components(live.url)) == live.pk
    assert routed(home.route, components(withdrawn.url)) == "404"

    with CaptureQueriesContext(connection) as ours:
        routed(home.route, components(live.url))
    with CaptureQueriesContext(connection) as wagtails:
        routed(lambda r, p: Page.route(home, r, p), components(live.url))
    assert len(ours) == 2 < len(wagtails)


def test_a_page_type_with_its_own_routing_gets_the_rest_of_the_path(monkeypatch, item_a):
    seen = []

    def own_route(page, request, path_components):
        seen.append((page.pk, path_components))
        raise Http404

    monkeypatch.setattr(type(item_a), "route", own_route)
    home = HomePage.objects.get()
    assert routed(home.route, [*components(item_a.url), "history", "2"]) == "404"
    assert seen == [(item_a.pk, ["history", "2"])]
