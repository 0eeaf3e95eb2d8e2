"""The catalogue is the office's: it publishes new categories and items by hand and re-files
items, while nothing goes live beneath an item except through the review; an editor does
neither, even with Wagtail's own grant to change an item (catalogue policy)."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.factories import catalogue_item
from xxgk.catalogue.policy import catalogue_policy
from xxgk.orgs.policy import Action

pytestmark = pytest.mark.django_db


def allows(user, action, page):
    # A fresh user object each time: Wagtail caches a user's page grants on the instance.
    return catalogue_policy.allows(type(user).objects.get(pk=user.pk), action, page)


@pytest.fixture
def item():
    return catalogue_item("7")


def test_the_office_publishes_beneath_the_catalogue_and_its_categories_but_not_beneath_an_item(
    office, editor_a, item
):
    category = item.get_parent().specific
    index = category.get_parent().specific
    assert allows(office, Action.PUBLISH_CHILD, category)
    assert allows(office, Action.PUBLISH_CHILD, index)
    assert not allows(office, Action.PUBLISH_CHILD, item)  # disclosures: only through review
    for page in (index, category, item):
        assert not allows(editor_a, Action.PUBLISH_CHILD, page)


def test_only_the_office_refiles_an_item_even_against_wagtails_own_grant(office, editor_a, item):
    group = Group.objects.create(name="可修改清单事项")
    GroupPagePermission.objects.create(
        group=group, page=item, permission=Permission.objects.get(codename="change_page")
    )
    editor_a.groups.add(group)
    assert allows(office, Action.MOVE, item)
    assert not allows(editor_a, Action.MOVE, item)


def test_an_item_takes_new_disclosures_until_it_is_retired(office, editor_a, editor_b, item_a):
    assert allows(editor_a, Action.ADD_CHILD, item_a) and allows(office, Action.ADD_CHILD, item_a)
    assert not allows(editor_b, Action.ADD_CHILD, item_a)  # not responsible for it
    item_a.retired_on, item_a.retired_reason = datetime.date(2022, 5, 10), "并入新事项"
    item_a.save()
    assert not allows(editor_a, Action.ADD_CHILD, item_a)
    assert not allows(office, Action.ADD_CHILD, item_a)


def test_the_office_adds_items_to_a_category(office, editor_a, item):
    category = item.get_parent().specific
    assert allows(office, Action.ADD_CHILD, category)
    assert not allows(editor_a, Action.ADD_CHILD, category)


def test_a_new_category_is_part_of_the_catalogue_before_it_holds_any_item(office, item):
    from xxgk.catalogue.models import CatalogueCategoryPage
    from xxgk.disclosures.policy import hides_disclosures

    index = item.get_parent().get_parent()
    category = index.add_child(
        instance=CatalogueCategoryPage(title="其他信息", slug="qtxx", number=11)
    )
    assert hides_disclosures(category)
