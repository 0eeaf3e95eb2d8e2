"""Who publishes a finished report: the report is a disclosure of catalogue item 6, published
only through the confidentiality review (先审查、后公开).

Filing the page (disclosures) and starting the review (xxgk.review) belong to apps above this
one, so the desk cannot import them. The review installs its publisher here from its
AppConfig.ready(), as it installs disclosures' publication gate.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class ReportPublisher:
    """`submit(draft, user=)`: file the draft as its period's report and send it into review,
    returning the report page; `status(page)`: the page's state as the desk shows it
    (未提交 for None, 审查中, 被退回, 已发布 …); `page_for(period_kind, period)`: the period's
    report page however it was filed (from a draft, imported, loaded), or None."""

    submit: Callable
    status: Callable
    page_for: Callable


_publisher: ReportPublisher | None = None


def install_publisher(publisher: ReportPublisher) -> None:
    global _publisher
    _publisher = publisher


def report_publisher() -> ReportPublisher:
    if _publisher is None:
        raise ImproperlyConfigured("没有安装年度报告的发布（xxgk.review），报告不能提交审查。")
    return _publisher
