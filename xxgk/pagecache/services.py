"""Purging the page cache: O(depth) token replacements, then the edge files."""

from wagtail.models import Page, Site, get_page_models

from . import edge, generations


def _ancestors(page):
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
    return Page.objects.filter(path__in=paths)


def ancestor_ids(page) -> list[int]:
    """Ids of the page's strict ancestors, from its materialised path (one query)."""
    return list(_ancestors(page).values_list("pk", flat=True))


def listed_types(model) -> tuple[str, ...]:
    """Page types (``app_label.model``) a page of this type lists wherever they are filed,
    beyond its own children: declared as ``page_cache_lists`` on the page class."""
    return tuple(getattr(model, "page_cache_lists", ()))


def _listers_of(model_label: str) -> list[str]:
    """URL paths of the live pages that list pages of this type across the tree."""
    listers = [model for model in get_page_models() if model_label in listed_types(model)]
    return [
        url_path
        for model in listers
        for url_path in model.objects.live().values_list("url_path", flat=True)
    ]


def is_list_page(page) -> bool:
    """A page that can have children lists them (catalogue, home, report index …)."""
    return bool(page.specific_class.allowed_subpage_models())


def dependencies(page) -> list[str]:
    """The tokens a rendered copy of ``page`` depends on."""
    keys = [generations.ALL, generations.tree_key(page.pk)]
    keys += [generations.tree_key(pk) for pk in ancestor_ids(page)]
    if is_list_page(page):
        keys.append(generations.children_key(page.pk))
    keys += [generations.listed_key(label) for label in listed_types(page.specific_class)]
    return keys


def public_path(url_path: str) -> str | None:
    """'/home/catalogue/zsks/' → '/catalogue/zsks/' for the site whose root holds it."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return None


def purge_page(page, *, old_url_paths=(), old_parent=None) -> None:
    """The page changed (published, withdrawn, expired, moved or deleted): drop the copies of
    it and its descendants, and of every list that shows it (its ancestors', after a move
    also the old parent's and its ancestors', and the pages that list its type)."""
    lists = dict(_ancestors(page).values_list("pk", "url_path"))
    if old_parent is not None:
        lists[old_parent.pk] = old_parent.url_path
        lists.update(_ancestors(old_parent).values_list("pk", "url_path"))
    keys = [generations.tree_key(page.pk)] + [generations.children_key(pk) for pk in lists]
    model = page.specific_class
    lister_paths = []
    if model is not None:
        keys.append(generations.listed_key(model._meta.label_lower))
        lister_paths = _listers_of(model._meta.label_lower)
    generations.bump(keys)
    own_paths = [public_path(p) for p in (page.url_path, *old_url_paths) if p]
    edge.remove([p for p in own_paths if p])
    list_paths = [public_path(p) for p in (*lists.values(), *lister_paths)]
    edge.remove_lists([p for p in list_paths if p])


def purge_all() -> None:
    generations.bump([generations.ALL])
    edge.remove_all()
