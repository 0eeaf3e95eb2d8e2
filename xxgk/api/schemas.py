"""Request and response shapes of /api/v1/. Nothing here names a person."""

import datetime
import re
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

ITEM_NUMBER = r"^[0-9]{1,4}(\.[0-9]{1,4})?$"
DEPARTMENT_CODE = r"^[A-Z][A-Z0-9]{1,15}$"
MAX_PAGE_SIZE = 100
BASE64 = r"^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"


def _iso_text(pattern: str):
    """Accept dates and times only as the ISO text the schema documents: pydantic's lax mode
    would also read a number (``?date_to=0``) as seconds since 1970."""
    shape = re.compile(pattern)

    def check(value):
        if isinstance(value, str) and shape.fullmatch(value):
            return value
        if isinstance(value, datetime.date):
            return value
        raise PydanticCustomError("date_parsing", "not an ISO 8601 date")

    return BeforeValidator(check)


IsoDate = Annotated[datetime.date, _iso_text(r"\d{4}-\d{2}-\d{2}")]
IsoDateTime = Annotated[
    datetime.datetime,
    _iso_text(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?"),
]


class Strict(Schema):
    """Unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class DepartmentOut(Schema):
    code: str
    name: str


class RuleOut(Schema):
    kind: str = Field(description="event / periodic / seasonal / continuous")
    summary: str
    working_days: int | None
    due_month: int | None
    due_day: int | None
    season_start_month: int | None
    season_end_month: int | None
    freshness_months: int | None


class CatalogueItemOut(Schema):
    item_number: str
    title: str
    category_number: int
    category_title: str
    source: str = Field(description="moe（教育部清单）/ school（学校自定）")
    legal_basis: str
    public_note: str
    responsible_departments: list[DepartmentOut]
    rule: RuleOut
    retired_on: datetime.date | None
    retired_reason: str
    successors: list[str]
    disclosure_count: int
    url: str


class CategoryOut(Schema):
    number: int
    title: str
    description: str
    url: str
    items: list[CatalogueItemOut]


class AttachmentOut(Schema):
    title: str
    filename: str
    extension: str
    size: int | None
    url: str


class DisclosureSummaryOut(Schema):
    id: int
    title: str
    index_number: str | None
    publication_date: datetime.date | None
    formed_on: datetime.date | None
    item_number: str
    item_title: str
    department: DepartmentOut
    summary: str
    url: str
    last_published_at: datetime.datetime | None


class DisclosureOut(DisclosureSummaryOut):
    body: str = Field(description="正文 HTML")
    attachments: list[AttachmentOut]
    source_url: str


class DisclosurePageOut(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    next: str | None
    previous: str | None
    results: list[DisclosureSummaryOut]


class DisclosureFilter(Schema):
    item: str | None = Field(None, pattern=ITEM_NUMBER, description="清单事项编号，如 7 或 7.1")
    category: int | None = Field(None, ge=1, le=999, description="清单类别序号")
    department: str | None = Field(None, pattern=DEPARTMENT_CODE, description="部门代码")
    date_from: IsoDate | None = Field(None, description="发布日期起（含）")
    date_to: IsoDate | None = Field(None, description="发布日期止（含）")
    updated_since: IsoDateTime | None = Field(
        None, description="只返回此时刻之后发布或更新的信息（增量同步用）"
    )
    order: Literal["-publication_date", "publication_date"] = "-publication_date"
    page: int = Field(1, ge=1, le=10000)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class AnnualReportOut(Schema):
    school_year_start: int
    school_year: str
    title: str
    publication_date: datetime.date | None
    body: str
    document: AttachmentOut | None
    url: str


class CountBy(Schema):
    key: str
    label: str
    count: int


class DisclosureStatisticsOut(Schema):
    date_from: datetime.date | None
    date_to: datetime.date | None
    total: int
    by_category: list[CountBy]
    by_department: list[CountBy]
    by_month: list[CountBy]


class StatisticsFilter(Schema):
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None


# --- integration (write) ------------------------------------------------------------------


class AttachmentIn(Strict):
    filename: str = Field(
        min_length=1,
        max_length=200,
        description="含扩展名，如 名单.pdf；允许 pdf、docx、xlsx、doc、xls、jpg、jpeg、png，"
        "内容须与扩展名相符，单个不超过 20 MB（请求体总计不超过 10 MB）",
    )
    content_base64: str = Field(
        min_length=4, pattern=BASE64, description="文件内容的标准 Base64 编码（不含换行）"
    )
    title: str = Field("", max_length=255)


class DraftCreateIn(Strict):
    item: str = Field(pattern=ITEM_NUMBER, description="清单事项编号")
    title: str = Field(min_length=1, max_length=255)
    summary: str = Field("", max_length=300)
    body: str = Field("", max_length=200_000, description="正文 HTML，将按编辑器允许的标签清洗")
    formed_on: IsoDate | None = Field(None, description="信息形成日期")
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=10)


class DraftUpdateIn(Strict):
    """Fields left out stay as they are, so they are optional but never null (the default
    None is not validated and means "left out"); only formed_on may be cleared with null."""

    title: str = Field(None, min_length=1, max_length=255)
    summary: str = Field(None, max_length=300)
    body: str = Field(None, max_length=200_000)
    formed_on: IsoDate | None = None
    attachments: list[AttachmentIn] = Field(
        default_factory=list, max_length=10, description="追加的附件"
    )


class DraftOut(Schema):
    id: int
    title: str
    item_number: str
    department: DepartmentOut
    summary: str
    body: str
    formed_on: datetime.date | None
    status: str = Field(description="draft（草稿）/ in_review（审查中）/ live（已公开）")
    attachments: list[AttachmentOut]
    admin_url: str


class WhoAmIOut(Schema):
    department: DepartmentOut
    token_name: str
    token_prefix: str
    items: list[str] = Field(description="本部门负责的清单事项编号")


class SchoolYearFilter(Schema):
    school_year: int | None = Field(
        None,
        ge=2000,
        le=2100,
        description="学年起始年份，如 2021 表示 2021-09-01 至 2022-08-31；默认当前学年",
    )


class KeyLabel(Schema):
    key: str
    label: str


class PeriodOut(Schema):
    start: datetime.date
    end: datetime.date
    label: str


class LabelledCounts(Schema):
    key: str
    label: str
    counts: dict[str, int]


class RequestStatisticsOut(Schema):
    period: PeriodOut
    columns: list[KeyLabel] = Field(description="表三的列：申请人类别及 total（总计）")
    rows: list[LabelledCounts] = Field(description="表三各行：key 为行号，counts 按列计数")
    appeal_results: list[KeyLabel] = Field(description="表四的列：审理结果及 total")
    appeals: list[LabelledCounts] = Field(description="表四：行政复议、行政诉讼按结果计数")


class LetterSummaryOut(Schema):
    received: int
    answered: int
    open: int
    closed: int
    published: int
    overdue: int
    median_days: float | None = Field(description="办结用时中位数（工作日）")
    p90_days: float | None
    mean_days: float | None


class NamedLetterSummary(Schema):
    name: str
    summary: LetterSummaryOut


class MailboxStatisticsOut(Schema):
    period: PeriodOut
    total: LetterSummaryOut
    by_mailbox: list[NamedLetterSummary]
    by_category: list[NamedLetterSummary]
    by_department: list[NamedLetterSummary]
