"""Purging the page cache: O(depth) token replacements, then the edge files."""

from wagtail.models import Page, Site

from . import edge, generations


def ancestor_ids(page) -> list[int]:
    """Ids of the page's strict ancestors, from its materialised path (one query)."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
    return list(Page.objects.filter(path__in=paths).values_list("pk", flat=True))


def is_list_page(page) -> bool:
    """A page that can have children lists them (catalogue, home, report index …)."""
    return bool(page.specific_class.allowed_subpage_models())


def dependencies(page) -> list[str]:
    """The tokens a rendered copy of ``page`` depends on."""
    keys = [generations.ALL, generations.tree_key(page.pk)]
    keys += [generations.tree_key(pk) for pk in ancestor_ids(page)]
    if is_list_page(page):
        keys.append(generations.children_key(page.pk))
    return keys


def public_path(url_path: str) -> str | None:
    """'/home/catalogue/zsks/' → '/catalogue/zsks/' for the site whose root holds it."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return None


def purge_page(page, *, old_url_paths=(), old_parent=None) -> None:
    """The page changed (published, withdrawn, expired, moved or deleted): drop the copies of
    it and its descendants, and of every list that shows it (its ancestors', and after a move
    also the old parent's and its ancestors')."""
    lists = ancestor_ids(page)
    if old_parent is not None:
        lists += [old_parent.pk, *ancestor_ids(old_parent)]
    generations.bump(
        [generations.tree_key(page.pk)] + [generations.children_key(pk) for pk in set(lists)]
    )
    paths = [public_path(p) for p in (page.url_path, *old_url_paths) if p]
    edge.remove([p for p in paths if p])


def purge_all() -> None:
    generations.bump([generations.ALL])
    edge.remove_all()
