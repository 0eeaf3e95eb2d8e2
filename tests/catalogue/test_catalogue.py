import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import catalogue_item, published_disclosure
from xxgk.catalogue import services
from xxgk.catalogue.models import (
    CatalogueCategoryPage,
    CatalogueChange,
    CatalogueItemPage,
    ChangeKind,
    RuleKind,
)
from xxgk.disclosures.selectors import catalogue_tree


@pytest.mark.django_db
def test_moe_catalogue_exists_after_migrate():
    categories = list(CatalogueCategoryPage.objects.order_by("number"))
    assert [c.number for c in categories] == list(range(1, 11))
    assert categories[0].title == "基本信息"
    assert categories[-1].title == "其他"
    items = CatalogueItemPage.objects.all()
    assert items.count() == 50
    assert sorted(int(i.item_number) for i in items) == list(range(1, 51))
    for item in items:
        assert item.legal_basis, item
        assert item.rule_kind in RuleKind.values
        assert item.rule_summary()
    # Every item starts with a dated, attributed-to-the-system history entry.
    assert CatalogueChange.objects.filter(kind=ChangeKind.CREATED).count() == 50


@pytest.mark.django_db
def test_rules_cover_all_kinds():
    assert catalogue_item("6").rule_kind == RuleKind.PERIODIC  # annual report by 31 October
    assert (catalogue_item("6").due_month, catalogue_item("6").due_day) == (10, 31)
    assert catalogue_item("7").rule_kind == RuleKind.SEASONAL
    assert catalogue_item("2").rule_kind == RuleKind.EVENT
    assert catalogue_item("2").working_days == 20
    assert catalogue_item("21").rule_kind == RuleKind.CONTINUOUS


@pytest.mark.django_db
def test_office_adds_school_item_with_history(office, dept_a):
    category = CatalogueCategoryPage.objects.get(number=10)
    item = services.add_item(
        category=category,
        item_number="51",
        title="校园开放日安排",
        user=office,
        departments=[dept_a.pk],
        rule_kind=RuleKind.EVENT,
        working_days=10,
        note="学校自定事项",
    )
    assert item.live and item.get_parent().pk == category.pk
    change = item.changes.get()
    assert change.kind == ChangeKind.CREATED
    assert change.user == office
    assert change.note == "学校自定事项"
    assert change.after["departments"] == ["ZSA"]


@pytest.mark.django_db
def test_retitle_and_reassign_are_recorded(office, dept_a, dept_b):
    item = catalogue_item("21")
    services.update_item(item, user=office, title="收费项目、依据、标准及投诉方式")
    change = item.changes.order_by("-id").first()
    assert change.kind == ChangeKind.RETITLED
    assert "名称" in change.summary and change.user == office
    services.update_item(item, user=office, departments=[dept_a.pk, dept_b.pk])
    change = item.changes.order_by("-id").first()
    assert change.kind == ChangeKind.EDITED
    assert change.before["departments"] == [] and change.after["departments"] == ["CWB", "ZSA"]


@pytest.mark.django_db
def test_saving_unchanged_item_records_nothing(office):
    item = catalogue_item("3")
    before = item.changes.count()
    services.update_item(item, user=office)
    assert item.changes.count() == before


@pytest.mark.django_db
def test_move_item_to_other_category(office):
    item = catalogue_item("22")
    target = CatalogueCategoryPage.objects.get(number=10)
    moved = services.move_item(item, category=target, user=office, note="调整归类")
    assert moved.get_parent().pk == target.pk
    change = moved.changes.order_by("-id").first()
    assert change.kind == ChangeKind.MOVED
    assert change.user == office and change.note == "调整归类"
    assert change.before["category"] == "人事师资信息" and change.after["category"] == "其他"


@pytest.mark.django_db
def test_split_item_retires_original_and_keeps_disclosures(client, office, dept_a, item_a):
    disclosure = published_disclosure(item=item_a, department=dept_a, author=office)
    new_items = services.split_item(
        item_a,
        user=office,
        note="招生章程与招生计划分列",
        parts=[
            {"item_number": "7.1", "title": "招生章程及特殊类型招生办法"},
            {"item_number": "7.2", "title": "分批次、分科类招生计划"},
        ],
    )
    item_a.refresh_from_db()
    assert item_a.retired_on is not None and "7.1" in item_a.retired_reason
    assert {i.item_number for i in item_a.successors.all()} == {"7.1", "7.2"}
    assert all(list(i.responsible_departments.all()) == [dept_a] for i in new_items)
    assert item_a.changes.order_by("-id").first().kind == ChangeKind.SPLIT
    # The retired item's published disclosures stay reachable.
    assert client.get(disclosure.url).status_code == 200
    assert client.get(item_a.url).status_code == 200
    # The public tree no longer offers the retired item.
    tree_items = [i.pk for node in catalogue_tree() for i in node["items"]]
    assert item_a.pk not in tree_items
    assert all(i.pk in tree_items for i in new_items)


@pytest.mark.django_db
def test_retire_requires_reason_and_blocks_new_disclosures(office, dept_a, item_a):
    with pytest.raises(ValidationError):
        services.retire_item(item_a, reason=" ", user=office)
    services.retire_item(item_a, reason="并入其他事项", user=office)
    item_a.refresh_from_db()
    assert item_a.changes.order_by("-id").first().kind == ChangeKind.RETIRED
    from xxgk.disclosures.services import create_disclosure

    with pytest.raises(PermissionDenied):
        create_disclosure(user=office, item=item_a, title="新信息", publishing_department=dept_a)
    services.restore_item(item_a, user=office)
    assert item_a.changes.order_by("-id").first().kind == ChangeKind.RESTORED


@pytest.mark.django_db
def test_only_office_adjusts_catalogue(editor_a, supervisor):
    item = catalogue_item("5")
    for user in (editor_a, supervisor):
        with pytest.raises(PermissionDenied):
            services.update_item(item, user=user, title="改名")
    item.refresh_from_db()
    assert item.title == "学校发展规划、年度工作计划及重点工作安排"


@pytest.mark.django_db
def test_invalid_rule_is_rejected_in_chinese(office):
    item = catalogue_item("6")
    with pytest.raises(ValidationError) as excinfo:
        services.update_item(item, user=office, due_month=13)
    assert "1-12" in str(excinfo.value)
    item.refresh_from_db()
    assert item.due_month == 10


@pytest.mark.django_db
def test_history_page_lists_changes(client, office):
    services.update_item(catalogue_item("21"), user=office, title="收费公示")
    response = client.get("/catalogue-history/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "收费公示" in body and "修改名称" in body
    assert client.get("/catalogue-history/?kind=retitled").status_code == 200
    assert client.get("/catalogue-history/?page=zz").status_code == 404


@pytest.mark.django_db
def test_office_edit_in_wagtail_admin_is_recorded(client, office):
    """An adjustment made through the admin page editor lands in the history too."""
    item = catalogue_item("4")
    client.force_login(office)
    url = f"/admin/pages/{item.pk}/edit/"
    assert client.get(url).status_code == 200
    revision = item.save_revision(user=office)
    item.title = "学术委员会章程、相关制度及年度报告"
    revision = item.save_revision(user=office)
    revision.publish(user=office)
    change = item.changes.order_by("-id").first()
    assert change.kind == ChangeKind.RETITLED and change.user == office


@pytest.mark.django_db
def test_tree_counts_published_disclosures_per_item(office, dept_a, item_a):
    for n in range(3):
        published_disclosure(item=item_a, department=dept_a, author=office, title=f"信息{n}")
    node = next(n for n in catalogue_tree() if n["category"].number == 2)
    item = next(i for i in node["items"] if i.pk == item_a.pk)
    assert item.disclosure_count == 3
    assert node["disclosure_count"] == 3


# --- Issue 18: the list's own wording, and legal bases without unverified article numbers ------

ITEM_8 = "保送、自主选拔录取、高水平运动员和艺术特长生招生等特殊类型招生入选考生资格及测试结果"
ITEM_9 = "考生个人录取信息查询渠道和办法，分批次、分科类录取人数和录取最低分"


@pytest.mark.django_db
def test_items_8_and_9_read_as_the_list():
    # regulations.md §1.2 and 更正与补充: “高水平运动员”, “录取最低分” (three copies agree).
    assert catalogue_item("8").title == ITEM_8
    assert catalogue_item("9").title == ITEM_9
    for item in CatalogueItemPage.objects.all():
        assert "第七条" not in item.legal_basis and "第三十四条" not in item.legal_basis, item
    assert "关于信息公开工作年度报告的规定" in catalogue_item("6").legal_basis


@pytest.mark.django_db
def test_migration_corrects_existing_databases_in_the_history(office):
    import importlib

    from django.apps import apps
    from wagtail.models import Revision

    migration = importlib.import_module(
        "xxgk.catalogue.migrations.0003_correct_moe_wording_and_citations"
    )
    old_8 = migration.CORRECTIONS["8"]["title"][0]
    old_basis_6 = migration.CORRECTIONS["6"]["legal_basis"][0]
    item_8, item_6, item_9 = catalogue_item("8"), catalogue_item("6"), catalogue_item("9")
    # As shipped before: item 8 and item 6 untouched, item 9 retitled by the office meanwhile.
    services.update_item(item_8, user=office, title=old_8)  # leaves a revision with the old title
    CatalogueItemPage.objects.filter(pk=item_6.pk).update(legal_basis=old_basis_6)
    services.update_item(item_9, user=office, title="录取查询渠道、录取人数和最低分（本校表述）")
    before = CatalogueChange.objects.count()

    migration.correct_items(apps, None)

    item_8, item_6, item_9 = catalogue_item("8"), catalogue_item("6"), catalogue_item("9")
    assert item_8.title == item_8.draft_title == ITEM_8
    assert Revision.objects.get(pk=item_8.latest_revision_id).content["title"] == ITEM_8
    assert item_6.legal_basis.endswith("关于信息公开工作年度报告的规定")
    assert item_9.title == "录取查询渠道、录取人数和最低分（本校表述）"  # the office's stays
    assert CatalogueChange.objects.count() == before + 2
    change = item_8.changes.order_by("-id").first()
    assert change.kind == ChangeKind.RETITLED and change.user is None
    assert change.before["title"] == old_8 and change.after["title"] == ITEM_8
    assert "清单" in change.note
    assert item_6.changes.order_by("-id").first().kind == ChangeKind.EDITED
    # The next adjustment compares with the corrected state: saving unchanged records nothing.
    services.update_item(item_8, user=office)
    assert CatalogueChange.objects.count() == before + 2
    migration.correct_items(apps, None)  # idempotent
    assert CatalogueChange.objects.count() == before + 2


def test_reference_notes_record_item_35_as_unverified():
    from pathlib import Path

    import xxgk.catalogue.data as data

    notes = (Path(data.__file__).parent / "REFERENCE_NOTES.md").read_text(encoding="utf-8")
    assert "## Item 35: not verified, left unchanged" in notes and "艺术教育发展年度报告" in notes
