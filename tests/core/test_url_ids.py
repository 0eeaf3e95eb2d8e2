"""Every URL pattern that takes a number answers an id no row can have with a 404 (or the
login page, for the admin and anonymous visitors) — never a 500."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from xxgk.core.middleware import MAX_ID

pytestmark = pytest.mark.django_db

HUGE = 10**30
# <int:name>, and regular-expression groups that take digits: (\d+), (?P<name>…|\d+).
INT_CONVERTER = re.compile(r"<int:\w+>")
DIGIT_GROUP = re.compile(r"\((?:\?P<\w+>)?(?:[\w|]*\|)?\\d[+*]\)")
OTHER_CONVERTER = re.compile(r"<(?:\w+:)?\w+>")
OTHER_GROUP = re.compile(r"\((?:\?P<\w+>)?(?:[^()]|\([^()]*\))*\)")


def walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def numeric_routes() -> list[str]:
    return sorted(
        {r for r in walk(get_resolver()) if INT_CONVERTER.search(r) or DIGIT_GROUP.search(r)}
    )


def url_with(route: str, number: int) -> str:
    url = INT_CONVERTER.sub(str(number), route)
    url = DIGIT_GROUP.sub(str(number), url)
    url = OTHER_CONVERTER.sub("x", url)
    url = OTHER_GROUP.sub("x", url)
    url = re.sub(r"[\^$]", "", url).replace("\\", "")
    return "/" + url


ROUTES = numeric_routes()


def test_the_walk_finds_ours_and_wagtails():
    urls = {url_with(route, HUGE) for route in ROUTES}
    for expected in (
        f"/views/{HUGE}/",
        f"/evaluation/helpful/{HUGE}/",
        f"/admin/pages/{HUGE}/edit/",
        f"/admin/requests/{HUGE}/",
        f"/documents/{HUGE}/x",
        f"/_util/authenticate_with_password/{HUGE}/{HUGE}/",
        f"/admin/pages/{HUGE}/revisions/compare/{HUGE}...{HUGE}/",
    ):
        assert expected in urls
    assert len(ROUTES) > 100


def refused(response, *, anonymous: bool, url: str) -> bool:
    if response.status_code == 404:
        return True
    login = response.status_code == 302 and "/login/" in response.headers.get("Location", "")
    return anonymous and url.startswith("/admin/") and login


@pytest.mark.parametrize("number", [HUGE, MAX_ID + 1])
def test_out_of_range_ids_are_404_for_every_pattern(admin_user, number):
    anonymous, staff = Client(), Client()
    staff.force_login(admin_user)
    wrong = []
    for route in ROUTES:
        url = url_with(route, number)
        for who, client in (("anonymous", anonymous), ("superuser", staff)):
            for method in (client.get, client.post):
                status = method(url)
                if not refused(status, anonymous=who == "anonymous", url=url):
                    wrong.append(f"{method.__name__} {url} as {who}: {status.status_code}")
    assert wrong == []


def test_the_largest_id_still_reaches_the_view(client):
    """MAX_ID itself is a well-formed id: the view answers (no such page → its own 404)."""
    assert client.post(f"/views/{MAX_ID}/").status_code == 404
    assert client.post(f"/evaluation/helpful/{MAX_ID}/").status_code == 404
