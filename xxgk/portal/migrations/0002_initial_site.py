"""Build the initial site: home page, guide and rules pages, the annual-report section and
the full MoE catalogue (教办函〔2014〕23号), so that the catalogue exists after the first
migrate. Historical models have no treebeard API, so paths are computed here."""

import uuid

from django.db import migrations
from django.utils import timezone

from xxgk.catalogue.data import moe_2014

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4

GUIDE_BODY = (
    "<h2>一、信息公开的范围</h2><p>学校按照《高等学校信息公开办法》和《高等学校信息公开事项清单》主动公开有关信息，"
    "具体内容见本网站“信息公开目录”。</p>"
    "<h2>二、主动公开的方式</h2><p>学校通过信息公开网、学校官网、校报、官方微博、官方微信等渠道主动公开信息。"
    "信息在制作完成或获取后20个工作日内公开，内容变更后20个工作日内更新。</p>"
    "<h2>三、依申请公开</h2><p>公民、法人或者其他组织可以根据自身学习、科研、工作等特殊需要，"
    "向学校申请获取相关信息。学校能够当场答复的当场答复；不能当场答复的，自收到申请之日起15个工作日内答复；"
    "需延长答复期限的，经信息公开工作机构负责人同意并告知申请人，延长期限最长不超过15个工作日。</p>"
    "<h2>四、监督与救济</h2><p>对学校信息公开工作有意见或建议的，可向学校信息公开办公室反映，也可向上级教育行政部门举报。</p>"
    "<h2>五、联系方式</h2><p>信息公开办公室（设在党委办公室、校长办公室）。</p>"
)
RULES_BODY = (
    "<p>学校依据《中华人民共和国政府信息公开条例》《高等学校信息公开办法》制定信息公开实施办法，"
    "坚持“以公开为常态、不公开为例外”，按照“谁公开、谁负责”落实各部门责任，"
    "坚持“先审查、后公开”和“一事一审”，落实信息公开保密审查制度。</p>"
)


def _path(parent_path, position):
    digits = ""
    number = position
    while number:
        number, rem = divmod(number, len(ALPHABET))
        digits = ALPHABET[rem] + digits
    return parent_path + digits.rjust(STEPLEN, "0")


def build_site(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("portal", "HomePage")
    StandardPage = apps.get_model("portal", "StandardPage")
    ReportIndex = apps.get_model("reports", "AnnualReportIndexPage")
    CatalogueIndex = apps.get_model("catalogue", "CatalogueIndexPage")
    Category = apps.get_model("catalogue", "CatalogueCategoryPage")
    Item = apps.get_model("catalogue", "CatalogueItemPage")
    Change = apps.get_model("catalogue", "CatalogueChange")

    now = timezone.now()
    locale = Locale.objects.order_by("pk").first()

    def create(model, parent, **fields):
        parent.numchild += 1
        parent.save(update_fields=["numchild"])
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        return model.objects.create(
            content_type=content_type,
            path=_path(parent.path, parent.numchild),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{fields['slug']}/",
            draft_title=fields["title"],
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            locale=locale,
            translation_key=uuid.uuid4(),
            **fields,
        )

    # Wagtail's sample groups would hold page rights outside our roles: remove them.
    apps.get_model("auth", "Group").objects.filter(name__in=["Moderators", "Editors"]).delete()

    # Replace Wagtail's welcome page with our home page.
    root = Page.objects.get(depth=1)
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    home = create(HomePage, root, title="信息公开网", slug="home", contact="")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True)

    guide = create(StandardPage, home, title="信息公开指南", slug="guide", body=GUIDE_BODY)
    rules = create(StandardPage, home, title="信息公开制度", slug="rules", body=RULES_BODY)
    HomePage.objects.filter(pk=home.pk).update(guide_page=guide, rules_page=rules)
    home.refresh_from_db()
    catalogue = create(CatalogueIndex, home, title="信息公开目录", slug="catalogue", intro="")
    home.refresh_from_db()
    create(ReportIndex, home, title="信息公开年度报告", slug="reports", intro="")

    categories = {}
    for number, title, slug in moe_2014.CATEGORIES:
        catalogue.refresh_from_db()
        categories[number] = create(
            Category, catalogue, title=title, slug=slug, number=number, description=""
        )
    for number, category_number, title, basis, _departments, rule in moe_2014.ITEMS:
        category = categories[category_number]
        category.refresh_from_db()
        item = create(
            Item,
            category,
            title=title,
            slug=f"item-{number}",
            item_number=str(number),
            source="moe",
            legal_basis=basis,
            public_note="",
            internal_note="",
            retired_reason="",
            **rule,
        )
        Change.objects.create(
            item=item,
            kind="created",
            summary=f"新增事项 {number}：{title}",
            before={},
            after={
                "item_number": str(number),
                "title": title,
                "category": category.title,
                "legal_basis": basis,
                "departments": [],
                "rule": _rule_summary(rule),
                "retired_on": None,
                "retired_reason": "",
            },
            note="依据《高等学校信息公开事项清单》(教办函〔2014〕23号)初始化",
        )


def _rule_summary(rule):
    # Mirrors CatalogueItemPage.rule_summary() for the frozen initial data.
    kind = rule["rule_kind"]
    if kind == "event":
        return f"信息形成或变更后{rule['working_days']}个工作日内公开"
    if kind == "periodic":
        return f"每年{rule['due_month']}月{rule['due_day']}日前公开"
    if kind == "seasonal":
        return (
            f"每年{rule['season_start_month']}月至{rule['season_end_month']}月按招生等工作进程公开"
        )
    return f"常态公开，至少每{rule['freshness_months']}个月更新"


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("reports", "0001_initial"),
        ("catalogue", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(build_site, migrations.RunPython.noop)]
