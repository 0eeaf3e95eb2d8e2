"""The annual report's figures over disclosures (主动公开) and the table 表二 built from them,
registered in the report's figure registry from DisclosuresConfig.ready()."""

from collections import defaultdict

from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.reports.registry import Figure, register_figures
from xxgk.reports.tables import Cell, TableSpec, register_table

from .selectors import published_disclosures


def _disclosures(period):
    return published_disclosures().filter(publication_date__range=(period.start, period.end))


def figures():
    rows = [
        Figure(
            "disclosures.total",
            _("主动公开信息总数"),
            "主动公开",
            _disclosures,
            meaning=_("本期发布日期在统计期间内、现仍公开的公开信息条数。"),
            describe=lambda d: f"{d.publication_date} {d.title}（{d.publishing_department}）",
        )
    ]
    items = defaultdict(list)
    for item_id, path in CatalogueItemPage.objects.values_list("pk", "path"):
        items[path[: -CatalogueItemPage.steplen]].append(item_id)
    for category in CatalogueCategoryPage.objects.order_by("number"):
        rows.append(
            Figure(
                f"disclosures.category{category.number}",
                format_lazy(_("主动公开信息数·{category}"), category=category.title),
                "主动公开",
                lambda p, ids=items[category.path]: _disclosures(p).filter(
                    catalogue_item_id__in=ids
                ),
                meaning=format_lazy(
                    _("清单第{number}类“{category}”下的公开信息条数。"),
                    number=category.number,
                    category=category.title,
                ),
                describe=lambda d: f"{d.publication_date} {d.title}",
            )
        )
    return rows


def disclosures_table(period, rows, today) -> TableSpec:
    """表二 主动公开: one row per catalogue category (data, hence the registry's `rows`)."""
    header = [[Cell("信息内容"), Cell("本年主动公开信息数")]]
    # The table is part of the statutory report: Chinese whatever the desk's language.
    with translation.override("zh-hans"):
        body = [
            [Cell(str(row.label).split("·", 1)[1]), Cell(code=code)]
            for code, row in rows.items()
            if code.startswith("disclosures.category")
        ]
    body.append([Cell("合计"), Cell(code="disclosures.total")])
    return TableSpec("主动公开", "主动公开信息情况", header, body)


def register():
    register_figures(figures, order=10)
    register_table("主动公开", disclosures_table, order=10)
