"""factory_boy factories for xxgk's domain objects. Pages go through the services."""

import datetime
import itertools
import uuid

import factory
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.catalogue.services import update_item
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure
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


def factory_reviewer():
    """A confidentiality reviewer for tests that only need a disclosure to be published."""
    user = get_user_model().objects.filter(username="factory_reviewer").first()
    return user or StaffFactory(username="factory_reviewer", roles=[Role.REVIEWER])


def review_through(page, *, submitter, reviewer=None, decision="approved", opinion="同意公开。"):
    """Drive a disclosure through the confidentiality review (先审查、后公开): submit it,
    then decide with every checklist question answered 否. Returns the review record."""
    from xxgk.review.models import CHECKLIST
    from xxgk.review.services import decide_review, submit_for_review

    state = submit_for_review(page, user=submitter)
    state.refresh_from_db()
    return decide_review(
        state.current_task_state,
        user=reviewer or factory_reviewer(),
        decision=decision,
        opinion=opinion,
        basis="《中华人民共和国保守国家秘密法》",
        checklist={field: False for field, _ in CHECKLIST},
        scan_acknowledged=True,
    )


def published_disclosure(*, item, department, author, title="测试公开信息", **fields):
    """A disclosure published the only way there is: through the confidentiality review."""
    fields.setdefault("body", "<p>测试正文。</p>")
    page = create_disclosure(
        user=author, item=item, title=title, publishing_department=department, **fields
    )
    review_through(page, submitter=author)
    return type(page).objects.get(pk=page.pk)


def bulk_disclosures(item, department, count, *, publication_date=datetime.date(2022, 1, 1)):
    """Insert many live disclosures under ``item`` quickly (one INSERT per table, no review).

    For volume only: tests of query counts and of report totals. Anything whose path through
    review matters uses ``published_disclosure``.
    """
    item.refresh_from_db()
    content_type = ContentType.objects.get_for_model(DisclosurePage)
    base = item.numchild
    pages = []
    for position in range(base + 1, base + count + 1):
        slug = f"bulk-{position}"
        pages.append(
            Page(
                title=f"批量信息{position}",
                draft_title=f"批量信息{position}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(item.path, item.depth + 1, position),
                depth=item.depth + 1,
                numchild=0,
                url_path=f"{item.url_path}{slug}/",
                live=True,
                locale_id=item.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    created = Page.objects.filter(path__in=[p.path for p in pages]).order_by("path")
    for serial, pk in enumerate(created.values_list("pk", flat=True), start=base + 1):
        DisclosurePage(
            page_ptr_id=pk,
            catalogue_item_id=item.pk,
            publishing_department=department,
            index_number=f"BULK-{item.pk}-{serial}",
            publication_date=publication_date,
        ).save_base(raw=True)
    Page.objects.filter(pk=item.pk).update(numchild=base + count)
