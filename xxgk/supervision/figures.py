"""The annual report's figures over supervision actions and its 清单事项公开情况 table
(教办厅函〔2018〕80号 (二)), registered in the report's registries from
SupervisionConfig.ready()."""

from django.utils.translation import gettext as _

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.reports.registry import Figure, register_figures
from xxgk.reports.tables import Cell, TableSpec, register_table

from .models import ActionKind, SupervisionAction
from .periods import Period
from .selectors import item_overview

CATALOGUE_KEY = "清单事项"


def _actions(kind):
    def records(period):
        return SupervisionAction.objects.filter(
            created_at__date__range=(period.start, period.end), kind=kind
        ).select_related("department")

    return records


def figures():
    return [
        Figure(
            "supervision.reminders",
            "对部门的提醒次数",
            "监督检查",
            _actions(ActionKind.REMINDER),
            meaning="对不按要求公开、不及时更新的部门发出的提醒次数。",
        ),
        Figure(
            "supervision.urgings",
            "对部门的督促次数",
            "监督检查",
            _actions(ActionKind.URGING),
            meaning="督促次数。",
        ),
    ]


def catalogue_table(period, rows, today) -> TableSpec:
    """清单事项公开情况: each catalogue item, its status in the period (the dashboard's own
    computation) and its column link."""
    header = [
        [
            Cell(_("公开事项")),
            Cell(_("公开情况")),
            Cell(_("本期公开信息数")),
            Cell(_("栏目链接")),
        ]
    ]
    overview = item_overview(Period(period.start, period.end), today=today)
    urls = _item_urls([row.item.pk for row in overview])
    body = []
    for row in overview:
        url = urls.get(row.item.pk, "")
        body.append(
            [
                Cell(f"（{row.item.item_number}）{row.item.title}"),
                Cell(row.status_label),
                Cell(str(row.published)),
                Cell(url, url=url),
            ]
        )
    return TableSpec(CATALOGUE_KEY, _("清单事项公开情况表"), header, body)


def _item_urls(pks: list[int]) -> dict[int, str]:
    return {
        item.pk: item.get_full_url() or ""
        for item in CatalogueItemPage.objects.filter(pk__in=pks).only("url_path", "path", "depth")
    }


def register():
    register_figures(figures, order=70)
    register_table(CATALOGUE_KEY, catalogue_table, order=40)
