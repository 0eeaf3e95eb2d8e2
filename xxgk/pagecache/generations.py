"""Generation tokens: the versions a cached page was rendered under.

Every cached copy records the tokens of what it shows; purging replaces a token, so one cache
write invalidates any number of copies, in every process that shares the cache (file cache or
Redis). A token that is missing (evicted) never matches, so eviction can only cause a miss.

* ``all`` — everything (department names, site settings, a deploy);
* ``tree:<id>`` — a page's own content, which it and its descendants show (title,
  breadcrumbs, URL);
* ``children:<id>`` — what is listed under a page (catalogue lists, the home page's latest);
* ``listed:<app_label.model>`` — pages of a type wherever they are, for a page that lists
  them across the tree (``page_cache_lists`` on its class, e.g. /reports/).
"""

import uuid

from django.conf import settings
from django.core.cache import caches

ALL = "gen:all"


def tree_key(page_id: int) -> str:
    return f"gen:tree:{page_id}"


def children_key(page_id: int) -> str:
    return f"gen:children:{page_id}"


def listed_key(model_label: str) -> str:
    return f"gen:listed:{model_label}"


def store():
    return caches[settings.XXGK_PAGE_CACHE_ALIAS]


def snapshot(keys: list[str]) -> dict[str, str]:
    """The current tokens of ``keys``, creating the missing ones."""
    cache = store()
    tokens = cache.get_many(keys)
    for key in keys:
        if key not in tokens:
            token = uuid.uuid4().hex
            tokens[key] = token if cache.add(key, token, timeout=None) else cache.get(key)
    return tokens


def still_current(tokens: dict[str, str]) -> bool:
    return bool(tokens) and store().get_many(list(tokens)) == tokens


def bump(keys: list[str]) -> None:
    store().set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)
