import pytest

from tests.factories import (
    DepartmentFactory,
    StaffFactory,
    catalogue_item,
    make_responsible,
    superuser,
)
from xxgk.orgs.roles import Role


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def dept_a(db):
    return DepartmentFactory(name="招生办公室", code="ZSA")


@pytest.fixture
def dept_b(db):
    return DepartmentFactory(name="计划财务处", code="CWB")


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
