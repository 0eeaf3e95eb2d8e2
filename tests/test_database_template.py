"""The test-database template is rebuilt whenever what the migrations produce can differ."""

import pytest
from django.contrib.auth.models import Group

from tests import database_template
from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.orgs.roles import ROLE_GROUP_NAMES


def _tree(root):
    (root / "xxgk" / "app" / "migrations").mkdir(parents=True)
    (root / "xxgk" / "app" / "templates").mkdir()
    (root / "xxgk" / "app" / "migrations" / "0001_initial.py").write_text("operations = []\n")
    (root / "xxgk" / "app" / "roles.py").write_text("ROLES = ['office']\n")
    (root / "xxgk" / "app" / "templates" / "page.html").write_text("<p>page</p>\n")
    (root / "uv.lock").write_text("wagtail==8.0\n")


def test_the_key_follows_migrations_code_lock_file_and_settings(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.setattr(database_template, "ROOT", tmp_path)
    monkeypatch.delenv("XXGK_SCHOOL_NAME", raising=False)
    first = database_template.template_key()
    assert database_template.template_key() == first

    changes = [
        lambda: (tmp_path / "xxgk/app/migrations/0002_more.py").write_text("operations = []\n"),
        lambda: (tmp_path / "xxgk/app/roles.py").write_text("ROLES = ['office', 'editor']\n"),
        lambda: (tmp_path / "uv.lock").write_text("wagtail==8.1\n"),
        lambda: monkeypatch.setenv("XXGK_SCHOOL_NAME", "示例大学"),
    ]
    keys = {first}
    for change in changes:
        change()
        keys.add(database_template.template_key())
    assert len(keys) == len(changes) + 1


def test_templates_do_not_change_the_key(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.setattr(database_template, "ROOT", tmp_path)
    before = database_template.template_key()
    (tmp_path / "xxgk/app/templates/page.html").write_text("<p>another page</p>\n")
    assert database_template.template_key() == before


@pytest.mark.django_db
def test_a_test_database_holds_the_migrated_catalogue():
    """What every test starts from, copied from the template: the MoE catalogue's 10
    categories and 50 items, and the role groups the post-migrate handler grants."""
    assert CatalogueCategoryPage.objects.count() == 10
    assert CatalogueItemPage.objects.count() == 50
    assert set(ROLE_GROUP_NAMES.values()) <= set(Group.objects.values_list("name", flat=True))
