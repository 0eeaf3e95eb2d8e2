import pytest
from django.core.cache import cache

from xxgk.mailbox.models import Mailbox, MailboxCategory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used challenges live in the cache; each test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mailbox(db, dept_a):
    box = Mailbox.objects.create(
        name="校长信箱",
        slug="president",
        number_prefix="XZ",
        allow_anonymous=False,
        default_department=dept_a,
    )
    MailboxCategory.objects.create(mailbox=box, name="教学管理")
    return box


@pytest.fixture
def category(mailbox):
    return mailbox.categories.get()


@pytest.fixture
def letter_data(category):
    return {
        "category": category.pk,
        "writer_name": "张三",
        "phone": "13900001111",
        "email": "zhangsan@example.com",
        "subject": "关于图书馆开放时间的建议",
        "message": "考试周图书馆座位紧张，建议延长开放时间。",
        "consent_to_publish": "on",
    }
