import os
from pathlib import Path

import pytest
from django.db import connections

from tests import database_template
from tests.factories import (
    DepartmentFactory,
    StaffFactory,
    catalogue_item,
    make_responsible,
    superuser,
)
from xxgk.mailbox.models import Mailbox, MailboxCategory
from xxgk.orgs.roles import Role


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """The test database, copied from a template migrated once per version of the code
    (tests/database_template.py) instead of migrated afresh in every pytest process."""
    connection = connections["default"]
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            name = database_template.setup_postgresql(
                connection, database_template.template_key(), verbosity
            )
            database_template.flush_postgresql_by_delete(connection)
        else:
            given = os.environ.get("XXGK_TEST_DB_TEMPLATE")  # scripts/mutation.py's
            database_template.setup_sqlite(
                connection,
                database_template.template_key(),
                verbosity,
                template=Path(given) if given else None,
            )
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock():
            database_template.drop_postgresql(connection, name)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Attachment scans run at once (Django's immediate task backend) instead of waiting for
    # a worker; tests/review/test_attachment_scans.py runs them through the database worker.
    settings.XXGK_SCAN_TASK_BACKEND = "default"
    # Password hashing is the slowest part of creating accounts; tests need no strength.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's language. A request with an English cookie leaves its
    language active in the test's thread (LocaleMiddleware activates, nothing deactivates),
    which would turn the Chinese messages of the next test's direct calls English."""
    from django.conf import settings as django_settings
    from django.utils import translation

    with translation.override(django_settings.LANGUAGE_CODE):
        yield


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrated data (catalogue, site) when it ends,
    so that a flush never leaves later tests on the same worker without a catalogue."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            item.add_marker(
                pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": True}),
                append=False,
            )


@pytest.fixture(autouse=True)
def _site_tree(request):
    """Safety net for transactional tests: rebuild the migrated site tree if it is gone."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        from tests.site_tree import ensure_site_tree, reset_sequences

        request.getfixturevalue("transactional_db")
        ensure_site_tree()
        reset_sequences()


@pytest.fixture(autouse=True)
def _fresh_pages_and_view_counts(settings):
    """Pages are rendered afresh (tests/pagecache turns the whole-page cache on), and views
    buffered (or readers remembered) by one test never reach another."""
    from django.core.cache import cache

    from xxgk.viewcounts.buffer import reset_buffer

    settings.XXGK_PAGE_CACHE = False
    settings.CACHES = {
        **settings.CACHES,
        "pagecache": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.XXGK_VIEWCOUNT_REDIS_URL = ""
    settings.XXGK_VIEWCOUNT_FLUSH_SECONDS = 0
    reset_buffer()
    cache.clear()
    yield
    reset_buffer()


@pytest.fixture
def dept_a(db):
    return DepartmentFactory(name="招生办公室", code="ZSA")


@pytest.fixture
def dept_b(db):
    return DepartmentFactory(name="计划财务处", code="CWB")


@pytest.fixture
def mailbox(db, dept_a):
    """The president's mailbox, writing to the admissions office, with one category."""
    box = Mailbox.objects.create(
        name="校长信箱", slug="president", number_prefix="XZ", default_department=dept_a
    )
    MailboxCategory.objects.create(mailbox=box, name="教学管理")
    return box


@pytest.fixture
def office(db, dept_a):
    return StaffFactory(username="office1", roles=[Role.OFFICE], department=dept_a)


@pytest.fixture
def editor_a(db, dept_a):
    return StaffFactory(username="editor_a", roles=[Role.EDITOR], department=dept_a)


@pytest.fixture
def editor_b(db, dept_b):
    return StaffFactory(username="editor_b", roles=[Role.EDITOR], department=dept_b)


@pytest.fixture
def reviewer(db, dept_a):
    return StaffFactory(username="reviewer1", roles=[Role.REVIEWER], department=dept_a)


@pytest.fixture
def supervisor(db):
    return StaffFactory(username="supervisor1", roles=[Role.SUPERVISOR])


@pytest.fixture
def leader(db):
    return StaffFactory(username="leader1", roles=[Role.LEADER])


@pytest.fixture
def admin_user(db):
    return superuser()


@pytest.fixture
def item_a(db, dept_a, office):
    """Catalogue item 7 (招生章程), the responsibility of department A."""
    return make_responsible(catalogue_item("7"), dept_a, by=office)


@pytest.fixture
def item_b(db, dept_b, office):
    """Catalogue item 19 (预算), the responsibility of department B."""
    return make_responsible(catalogue_item("19"), dept_b, by=office)
