import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from tests.factories import StaffFactory
from xxgk.orgs.roles import Role
from xxgk.requests import services
from xxgk.requests.models import Channel
from xxgk.requests.validators import credit_code_check_char, resident_id_check_char


def resident_id(first17="33080219900307123") -> str:
    return first17 + resident_id_check_char(first17)


def credit_code(first17="91330800MA2XXXXX1") -> str:
    return first17 + credit_code_check_char(first17)


def applicant(**overrides) -> dict:
    data = {
        "applicant_type": "citizen",
        "name": "张三",
        "contact_person": "",
        "id_type": "resident",
        "id_number": resident_id(),
        "phone": "13800138000",
        "email": "zhangsan@example.com",
        "address": "浙江省衢州市柯城区九华北大道78号",
        "postcode": "324000",
        "description": "请提供本校2026年本科招生计划分专业分省份的安排。",
        "medium": "email",
        "delivery": "email",
    }
    data.update(overrides)
    return data


def make_application(received_on=None, channel=Channel.ONLINE, **overrides):
    return services.create_application(
        data=applicant(**overrides), channel=channel, received_on=received_on
    )


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def head(db, dept_a):
    """The head of the disclosure office, who approves extensions."""
    user = StaffFactory(username="head1", roles=[Role.OFFICE], department=dept_a)
    user.user_permissions.add(Permission.objects.get(codename="approve_extension"))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def today():
    from django.utils import timezone

    return timezone.localdate()


D = datetime.date
