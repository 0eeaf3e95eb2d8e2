"""factory_boy factories for xxgk's domain objects. Pages go through the services."""

import itertools

import factory
from django.contrib.auth import get_user_model

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.catalogue.services import update_item
from xxgk.disclosures.services import create_disclosure, publish_disclosure
from xxgk.orgs.roles import Role
from xxgk.orgs.services import create_department, create_staff_user

TEST_PASSWORD = "correct-horse-battery-staple"
_codes = itertools.count(1)


class DepartmentFactory(factory.Factory):
    class Meta:
        model = dict

    name = factory.Sequence(lambda n: f"测试部门{n}")
    code = factory.LazyFunction(lambda: f"TD{next(_codes)}")

    @classmethod
    def _create(cls, model_class, **kwargs):
        return create_department(**kwargs)


class StaffFactory(factory.Factory):
    class Meta:
        model = dict

    username = factory.Sequence(lambda n: f"staff{n}")
    password = TEST_PASSWORD
    roles = factory.LazyFunction(lambda: [Role.EDITOR])
    department = None
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.edu.cn")

    @classmethod
    def _create(cls, model_class, **kwargs):
        return create_staff_user(**kwargs)


def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.edu.cn", TEST_PASSWORD)


def catalogue_item(number: str) -> CatalogueItemPage:
    return CatalogueItemPage.objects.get(item_number=number)


def make_responsible(item, *departments, by=None):
    """Assign departments to a catalogue item, as the office would."""
    return update_item(item, user=by, departments=[d.pk for d in departments])


def published_disclosure(*, item, department, author, title="测试公开信息", **fields):
    page = create_disclosure(
        user=author, item=item, title=title, publishing_department=department, **fields
    )
    return publish_disclosure(page, user=author)
