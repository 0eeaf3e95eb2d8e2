"""CSV/XLSX import: dry run vs real run, idempotency, and every kind of bad input."""

import io

import pytest
from openpyxl import Workbook

from xxgk.registers.imports import run_import
from xxgk.registers.models import AdmissionResult, Channel, ChannelMonth, ProcurementNotice

pytestmark = pytest.mark.django_db


def csv_bytes(text: str, encoding="utf-8") -> bytes:
    return text.encode(encoding)


ADMISSIONS = (
    "招生年份,省份,层次,录取人数\n2022,浙江,本科,1146\n2022,浙江,高职,100\n2022,安徽,本科,80\n"
)


def test_dry_run_lists_changes_and_writes_nothing():
    result = run_import("admissions", "a.csv", csv_bytes(ADMISSIONS), dry_run=True)
    assert result.ok
    assert (result.created, result.updated) == (3, 0)
    assert [c[0] for c in result.changes] == ["2", "3", "4"]
    assert AdmissionResult.objects.count() == 0


def test_real_run_writes_and_rerun_is_idempotent():
    run_import("admissions", "a.csv", csv_bytes(ADMISSIONS), dry_run=False)
    assert AdmissionResult.objects.count() == 3
    again = run_import("admissions", "a.csv", csv_bytes(ADMISSIONS), dry_run=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = ADMISSIONS.replace("2022,安徽,本科,80", "2022,安徽,本科,81")
    dry = run_import("admissions", "a.csv", csv_bytes(changed), dry_run=True)
    assert (dry.updated, dry.changes[0][1]) == (1, "更新")
    assert AdmissionResult.objects.get(province="安徽").admitted == 80
    run_import("admissions", "a.csv", csv_bytes(changed), dry_run=False)
    assert AdmissionResult.objects.get(province="安徽").admitted == 81


def test_gbk_csv_and_xlsx_are_read():
    assert run_import("admissions", "a.csv", csv_bytes(ADMISSIONS, "gbk"), dry_run=True).ok
    book = Workbook()
    sheet = book.active
    sheet.append(["类型", "标题", "发布日期", "发布平台"])
    sheet.append(["分散采购公示", "采购公示一", "2022-03-01", "衢州学院招标采购网"])
    sheet.append(["采购意向", "意向一", "2022年3月2日", "浙江省政府采购网"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = run_import("procurement", "p.xlsx", buffer.getvalue(), dry_run=False)
    assert result.ok, result.errors
    assert ProcurementNotice.objects.filter(kind="intention").count() == 1


def test_bad_rows_are_reported_by_row_and_nothing_is_imported():
    text = (
        "招生年份,省份,层次,录取人数\n"
        "2022,浙江,本科,1146\n"
        "2022,浙江,研究生,5\n"  # unknown level
        "二〇二二,安徽,本科,-3\n"  # bad year, bad count
        "2022,浙江,本科,1\n"  # duplicate of row 2
        "2022,,本科,1\n"  # empty province
    )
    result = run_import("admissions", "a.csv", csv_bytes(text), dry_run=False)
    assert not result.ok
    rows = dict(result.errors)
    assert "“研究生”不是可选值" in rows[3]
    assert "招生年份" in rows[4] and "录取人数" in rows[4]
    assert "与第2、5行重复" in rows[5]
    assert "“省份”不能为空" in rows[6]
    assert AdmissionResult.objects.count() == 0


def test_wrong_columns_and_files():
    result = run_import(
        "admissions", "a.csv", csv_bytes("年份,地区,人数\n2022,浙江,1\n"), dry_run=True
    )
    [(row, message)] = result.errors
    assert row is None
    assert "无法识别的列：地区" in message and "缺少必需的列：省份、层次" in message
    assert run_import("admissions", "a.txt", b"x", dry_run=True).errors[0][1] == (
        "请上传 .csv 或 .xlsx 文件。"
    )
    assert "无法读取" in run_import("admissions", "a.xlsx", b"not a zip", dry_run=True).errors[0][1]
    assert run_import("admissions", "a.csv", b"", dry_run=True).errors[0][1] == "文件是空的。"
    header_only = run_import(
        "admissions", "a.csv", csv_bytes("招生年份,省份,层次,录取人数\n"), dry_run=True
    )
    assert header_only.errors[0][1] == "文件中没有数据行。"


def test_bad_dates_are_errors():
    text = "类型,标题,发布日期,发布平台\n分散采购公示,甲,2022-02-30,网\n"
    result = run_import("procurement", "p.csv", csv_bytes(text), dry_run=False)
    assert result.errors == [(2, "“发布日期”“2022-02-30”不是有效日期（如 2022-05-20）。")]


def test_daily_platform_export_is_summed_per_month():
    Channel.objects.create(name="官方微博", kind="weibo")
    text = (
        "渠道,日期,发博数,阅读数,点赞数\n"
        "官方微博,2021-09-01,2,100,1\n"
        "官方微博,2021-09-15,3,200,\n"
        "官方微博,2021-10-01,1,50,2\n"
    )
    result = run_import("channel_months", "weibo.csv", csv_bytes(text), dry_run=False)
    assert result.ok, result.errors
    september = ChannelMonth.objects.get(month="2021-09-01")
    assert (september.posts, september.reads, september.likes) == (5, 300, 1)
    assert result.changes[0][0] == "2、3"


def test_unknown_channel_is_a_row_error():
    text = "渠道,月份,发布数\n不存在的号,2021-09,3\n"
    result = run_import("channel_months", "c.csv", csv_bytes(text), dry_run=True)
    assert "没有名为“不存在的号”的发布渠道" in result.errors[0][1]
