import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.factories import TEST_PASSWORD
from xxgk.disclosures.models import DisclosurePage
from xxgk.importer.models import ImportRun
from xxgk.importer.services import import_site

pytestmark = pytest.mark.django_db


def run(path, files, user, dry_run=False):
    return import_site(
        manifest_name=path.name,
        data=path.read_bytes(),
        files_dir=files,
        user=user,
        dry_run=dry_run,
    )


def test_dry_run_reports_and_writes_nothing(write_csv, good_rows, old_site, office):
    report = run(write_csv(good_rows), old_site, office, dry_run=True)
    assert report.ok and report.rows == 2
    assert [(p.row, p.title) for p in report.to_create] == [
        (2, "2021年招生章程"),
        (3, "2021年预算"),
    ]
    assert not DisclosurePage.objects.exists()
    assert ImportRun.objects.get().dry_run


def test_real_run_creates_drafts_with_original_dates_and_attachments(
    write_csv, good_rows, old_site, office, item_a, item_b, dept_a, dept_b
):
    report = run(write_csv(good_rows), old_site, office)
    assert report.ok and len(report.created_ids) == 2
    charter = DisclosurePage.objects.get(title="2021年招生章程")
    assert charter.publication_date == datetime.date(2021, 5, 20)
    assert charter.catalogue_item_id == item_a.pk and charter.publishing_department == dept_a
    assert charter.source_url == "http://old.example.edu.cn/zs/2021/1.html"
    assert not charter.live  # waits for the confidentiality review
    assert charter.attachments.count() == 1
    budget = DisclosurePage.objects.get(title="2021年预算")
    assert budget.publishing_department == dept_b
    assert budget.publication_date == datetime.date(2021, 3, 15)
    assert "<h2>2021年预算</h2>" in budget.body and "预算说明" in budget.body
    assert "track" not in budget.body and "onclick" not in budget.body
    assert [a.document.title for a in budget.attachments.order_by("sort_order")] == [
        "预算表",
        "章程",
    ]


def test_rerun_is_idempotent(write_csv, good_rows, old_site, office):
    path = write_csv(good_rows)
    run(path, old_site, office)
    again = run(path, old_site, office)
    assert again.ok and not again.to_create and [p.row for p in again.skipped] == [2, 3]
    assert DisclosurePage.objects.count() == 2


def test_problem_rows_are_all_reported_and_nothing_is_imported(
    write_csv, good_rows, old_site, office, item_a
):
    bad = [
        ["", "2021-13-01", "NOPE", "999", "正文", "", "", "not a url"],
        ["越权", "2021-01-01", "ZSA", "19", "正文", "", "", "http://old.example.edu.cn/a"],
        [
            "缺附件",
            "2021-01-01",
            "ZSA",
            "7",
            "正文",
            "",
            "attachments/missing.pdf",
            "http://old.example.edu.cn/b",
        ],
        [
            "逃逸",
            "2021-01-01",
            "ZSA",
            "7",
            "",
            "../../etc/passwd",
            "",
            "http://old.example.edu.cn/c",
        ],
        ["重复", "2021-01-01", "ZSA", "7", "正文", "", "", good_rows[0][7]],
        ["未来", "2999-01-01", "ZSA", "7", "正文", "", "", "http://old.example.edu.cn/d"],
    ]
    report = run(write_csv(good_rows + bad), old_site, office)
    assert not report.ok
    rows = {p.row for p in report.problems}
    assert rows == {4, 5, 6, 7, 8, 9}
    messages = " ".join(p.message for p in report.problems if p.row == 4)
    for expected in (
        "标题不能为空",
        "发布日期",
        "找不到部门“NOPE”",
        "找不到清单事项“999”",
        "原始地址",
    ):
        assert expected in messages
    text = {row: " ".join(p.message for p in report.problems if p.row == row) for row in rows}
    assert "不是清单事项 19 的责任部门" in text[5]
    assert "找不到文件" in text[6]
    assert "超出了文件目录" in text[7]
    assert "与第 2 行重复" in text[8]
    assert "晚于今天" in text[9]
    assert not DisclosurePage.objects.exists()
    assert ImportRun.objects.get().problems


def test_attachment_content_must_match_its_extension(write_csv, old_site, office, item_a):
    (old_site / "fake.pdf").write_bytes(b"MZ\x90\x00 not a pdf")
    rows = [["假附件", "2021-01-01", "ZSA", "7", "正文", "", "fake.pdf", "http://x.edu.cn/1"]]
    report = run(write_csv(rows), old_site, office)
    assert "与扩展名 .pdf 不符" in report.problems[0].message


def test_failure_while_writing_rolls_back_rows_and_files(
    write_csv, good_rows, old_site, office, monkeypatch, settings
):
    from xxgk.importer import services

    real = services.create_disclosure
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            from django.core.exceptions import ValidationError

            raise ValidationError({"title": "模拟的写入失败"})
        return real(**kwargs)

    monkeypatch.setattr(services, "create_disclosure", flaky)
    report = run(write_csv(good_rows), old_site, office)
    assert [p.row for p in report.problems] == [3]
    assert not DisclosurePage.objects.exists()
    media = settings.MEDIA_ROOT
    assert not [p for p in media.rglob("*") if p.is_file()] if media.exists() else True


def test_xlsx_manifest_with_date_cells(tmp_path, old_site, office, item_a):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["title", "date", "department", "item", "body", "attachments", "source_url"])
    sheet.append(
        [
            "表格导入",
            datetime.datetime(2020, 9, 1),
            "zsa",
            7,
            "纯文本第一段\n第二段",
            "attachments/章程.pdf",
            "https://old.example.edu.cn/x",
        ]
    )
    path = tmp_path / "manifest.xlsx"
    workbook.save(path)
    report = run(path, old_site, office)
    assert report.ok, report.problems
    page = DisclosurePage.objects.get()
    assert page.publication_date == datetime.date(2020, 9, 1)
    assert page.body == "<p>纯文本第一段</p><p>第二段</p>"


def test_unreadable_or_incomplete_manifest(tmp_path, office):
    bad = tmp_path / "m.xlsx"
    bad.write_bytes(b"not a zip")
    assert "无法读取" in run(bad, None, office).problems[0].message
    missing = tmp_path / "m.csv"
    missing.write_text("标题,正文\nx,y\n", encoding="utf-8")
    message = run(missing, None, office).problems[0].message
    assert "缺少必需的列" in message and "原始地址" in message


def test_only_the_office_imports(write_csv, good_rows, old_site, editor_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        run(write_csv(good_rows), old_site, editor_a)


def test_management_command(write_csv, good_rows, old_site, office, capsys):
    path = write_csv(good_rows)
    call_command(
        "import_site", str(path), "--files", str(old_site), "--dry-run", "--user", office.username
    )
    out = capsys.readouterr().out
    assert "第 2 行：将新建「2021年招生章程」" in out and "试运行" in out
    assert not DisclosurePage.objects.exists()
    call_command("import_site", str(path), "--files", str(old_site), "--user", office.username)
    assert DisclosurePage.objects.count() == 2
    bad = write_csv(
        [["", "", "", "", "", "", "", ""], ["x", "bad", "ZSA", "7", "y", "", "", "u"]],
        name="bad.csv",
    )
    with pytest.raises(CommandError, match="未导入任何内容"):
        call_command("import_site", str(bad), "--user", office.username)
    assert "第 3 行" in capsys.readouterr().err


def test_admin_page_with_zip_of_files(client, write_csv, good_rows, old_site, office):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in old_site.rglob("*"):
            if path.is_file():
                archive.write(path, path.relative_to(old_site).as_posix())
    manifest = write_csv(good_rows)
    client.login(username=office.username, password=TEST_PASSWORD)
    url = reverse("xxgk_import_site")
    assert client.get(url).status_code == 200

    def upload(dry_run):
        buffer.seek(0)
        with open(manifest, "rb") as handle:
            data = {"manifest": handle, "files": io.BytesIO(buffer.getvalue())}
            data["files"].name = "files.zip"
            if dry_run:
                data["dry_run"] = "on"
            return client.post(url, data)

    response = upload(dry_run=True)
    assert response.status_code == 200 and "将新建" in response.content.decode()
    assert not DisclosurePage.objects.exists()
    response = upload(dry_run=False)
    assert response.status_code == 200 and "已导入为草稿" in response.content.decode()
    assert DisclosurePage.objects.count() == 2


def test_zip_with_escaping_paths_is_refused(client, write_csv, good_rows, office):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.pdf", b"%PDF-")
    buffer.seek(0)
    buffer.name = "files.zip"
    client.login(username=office.username, password=TEST_PASSWORD)
    with open(write_csv(good_rows), "rb") as handle:
        response = client.post(reverse("xxgk_import_site"), {"manifest": handle, "files": buffer})
    assert response.status_code == 400
    assert "不安全" in response.content.decode()
    assert not DisclosurePage.objects.exists()


def test_editors_cannot_open_the_import_page(client, editor_a):
    client.login(username=editor_a.username, password=TEST_PASSWORD)
    assert client.get(reverse("xxgk_import_site")).status_code == 403
