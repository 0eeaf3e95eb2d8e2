"""Correct MoE catalogue items in existing databases, as the office would: each change lands in
the catalogue history (CatalogueChange, 修改名称 or 修改事项) with the reason in its note.

- items 8 and 9: the list's own wording (高水平运动员, 录取最低分), checked against three
  copies of the list (xxgk/catalogue/data/REFERENCE_NOTES.md);
- items 1, 2, 5, 6, 26: the legal basis cited 《高等学校信息公开办法》第七条 / 第三十四条, numbers
  not verified against the text in force (第三十四条 is the 2022 draft's); it now names the
  instrument and the content.

A value is changed only while it is still the shipped one: an item the office has already
retitled or re-based keeps the office's text. Fresh databases get the corrected data from
catalogue/data/moe_2014.py and nothing here applies. The strings are frozen on purpose.
"""

from django.db import migrations

MEASURES = "《高等学校信息公开办法》(教育部令第29号)"
PROACTIVE = "《高等学校信息公开办法》（教育部令第29号）关于主动公开信息范围的规定"
ANNUAL_REPORT = "《高等学校信息公开办法》（教育部令第29号）关于信息公开工作年度报告的规定"
CHARTER = "《高等学校章程制定暂行办法》"

# item number → {field: (shipped value, corrected value)}
CORRECTIONS = {
    "1": {"legal_basis": (f"{MEASURES}第七条", PROACTIVE)},
    "2": {"legal_basis": (f"{MEASURES}第七条；{CHARTER}", f"{PROACTIVE}；{CHARTER}")},
    "5": {"legal_basis": (f"{MEASURES}第七条", PROACTIVE)},
    "6": {"legal_basis": (f"{MEASURES}第三十四条", ANNUAL_REPORT)},
    "8": {
        "title": (
            "保送、自主选拔录取、高水平运动队和艺术特长生招生等特殊类型招生入选考生资格及测试结果",
            "保送、自主选拔录取、高水平运动员和艺术特长生招生等特殊类型招生入选考生资格及测试结果",
        )
    },
    "9": {
        "title": (
            "考生个人录取信息查询渠道和办法，分批次、分科类录取人数和最低录取分数",
            "考生个人录取信息查询渠道和办法，分批次、分科类录取人数和录取最低分",
        )
    },
    "26": {"legal_basis": (f"{MEASURES}第七条", PROACTIVE)},
}
LABELS = {"title": "名称", "legal_basis": "公开依据"}
NOTES = {
    "title": "按《高等学校信息公开事项清单》原文更正名称（见 catalogue/data/REFERENCE_NOTES.md）",
    "legal_basis": "公开依据不再引用未经现行文本核实的条号，改写规范名称和内容",
}


def correct_items(apps, schema_editor):
    Item = apps.get_model("catalogue", "CatalogueItemPage")
    Change = apps.get_model("catalogue", "CatalogueChange")
    Revision = apps.get_model("wagtailcore", "Revision")
    for number, fields in CORRECTIONS.items():
        item = Item.objects.filter(item_number=number, source="moe").first()
        if item is None:
            continue
        changed = {
            name: (old, new) for name, (old, new) in fields.items() if getattr(item, name) == old
        }
        if not changed:
            continue
        for name, (_old, new) in changed.items():
            setattr(item, name, new)
        if "title" in changed:
            item.draft_title = item.title
        item.save(update_fields=[*changed, *(["draft_title"] if "title" in changed else [])])
        _correct_latest_revision(Revision, item, changed)
        last = Change.objects.filter(item=item).order_by("-created_at", "-id").first()
        before = dict(last.after) if last else {}
        after = {**before, **{name: new for name, (_old, new) in changed.items()}}
        Change.objects.create(
            item=item,
            kind="retitled" if set(changed) == {"title"} else "edited",
            summary="；".join(
                f"{LABELS[name]}：{old} → {new}" for name, (old, new) in changed.items()
            )[:500],
            before=before,
            after=after,
            note="；".join(NOTES[name] for name in changed),
            user=None,
        )


def _correct_latest_revision(Revision, item, changed):
    """The editor opens the latest revision: it must not bring the old text back."""
    if not item.latest_revision_id:
        return
    revision = Revision.objects.filter(pk=item.latest_revision_id).first()
    if revision is None:
        return
    content = dict(revision.content)
    for name, (old, new) in changed.items():
        if content.get(name) == old:
            content[name] = new
            if name == "title" and content.get("draft_title") == old:
                content["draft_title"] = new
    if content != revision.content:
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_initial"),
        ("portal", "0002_initial_site"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(correct_items, migrations.RunPython.noop)]
