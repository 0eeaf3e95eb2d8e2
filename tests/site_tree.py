"""Rebuild what the data migrations create, for tests that run after a database flush.

Transactional tests (live server, threads) end with a flush that also removes the rows the
data migrations made: Wagtail's root page, root collection and locale, the home page and
the catalogue.
Serialized rollback should restore them but, under pytest-xdist, was seen not to; this is
the safety net.
"""

import importlib

from django.apps import apps

build_site = importlib.import_module("xxgk.portal.migrations.0002_initial_site").build_site


def ensure_site_tree() -> bool:
    from wagtail.models import Collection, Locale, Page

    from xxgk.catalogue.models import CatalogueItemPage
    from xxgk.orgs.services import ensure_role_groups

    if CatalogueItemPage.objects.exists():
        return False
    # Content types and permissions went with the flush too; post_migrate recreates them
    # (and the role groups, see xxgk.orgs.signals).
    from django.core.management.sql import emit_post_migrate_signal

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    Locale.objects.get_or_create(language_code="zh-hans")
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(title="Root", slug="root")
    build_site(apps, None)
    ensure_role_groups()
    return True


def reset_sequences() -> None:
    """Move PostgreSQL's id sequences past the rows a serialized rollback wrote back.

    Those rows keep their ids but the sequences do not follow them, so a later insert could
    be handed an id that is already taken. (SQLite takes the next id from the table itself.)
    """
    from django.core.management.color import no_style
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
