"""Edge copies: files nginx serves without Python, removed the moment their page changes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from xxgk.pagecache import edge, generations

pytestmark = pytest.mark.django_db


def copy_of(edge_dir, url, day=None):
    day = day or timezone.localdate()
    return edge_dir / day.isoformat() / url.strip("/") / "index.html"


def test_leaf_page_is_written_for_nginx_with_client_side_counting(
    client, page_cache, disclosure, item_a
):
    client.get(disclosure.url)
    client.get(item_a.url)
    copy = copy_of(page_cache, disclosure.url)
    content = copy.read_bytes()
    assert disclosure.title.encode() in content
    # nginx does not tell Django about the views it serves: the browser counts them.
    assert b'data-view-mode="count"' in content
    # The same bytes for every reader: nothing for nginx to fill in.
    assert b"csrfmiddlewaretoken" not in content
    # Lists depend on their children: they stay with Django.
    assert not copy_of(page_cache, item_a.url).exists()


def test_withdrawal_removes_the_edge_copy(client, page_cache, disclosure):
    client.get(disclosure.url)
    assert copy_of(page_cache, disclosure.url).exists()
    disclosure.unpublish()
    assert not copy_of(page_cache, disclosure.url).exists()


def test_retitled_ancestor_removes_copies_below_it(client, page_cache, disclosure, item_a, office):
    client.get(disclosure.url)
    item_a.title = "招生章程（新）"
    item_a.save_revision(user=office).publish(user=office)
    assert not copy_of(page_cache, disclosure.url).exists()


def test_copy_rendered_before_a_purge_is_not_left_behind(page_cache, disclosure):
    tokens = generations.snapshot([generations.tree_key(disclosure.pk)])
    generations.bump([generations.tree_key(disclosure.pk)])  # purge while rendering
    written = edge.write(disclosure.url, b"<html>old</html>", tokens, timezone.localdate())
    assert written is None
    assert not copy_of(page_cache, disclosure.url).exists()


def test_paths_outside_the_edge_directory_are_refused(page_cache, disclosure):
    tokens = generations.snapshot([generations.ALL])
    assert edge.write("/../../escape/", b"x", tokens, timezone.localdate()) is None
    assert not (page_cache.parent / "escape").exists()


def test_pages_that_expire_are_left_to_django(client, page_cache, disclosure):
    from wagtail.models import Page

    Page.objects.filter(pk=disclosure.pk).update(expire_at=timezone.now() + timedelta(days=1))
    client.get(disclosure.url)
    assert not copy_of(page_cache, disclosure.url).exists()


def test_prune_drops_past_days(client, page_cache, disclosure):
    client.get(disclosure.url)
    old = copy_of(page_cache, disclosure.url, timezone.localdate() - timedelta(days=1))
    old.parent.mkdir(parents=True)
    old.write_text("yesterday")
    call_command("purge_page_cache", "--prune")
    assert not old.exists() and copy_of(page_cache, disclosure.url).exists()
    call_command("purge_page_cache")
    assert not copy_of(page_cache, disclosure.url).exists()
