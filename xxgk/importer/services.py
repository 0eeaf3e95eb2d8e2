"""Importing an existing site: manifest rows + a folder of files → draft disclosures.

All or nothing per manifest: every row is checked first, and if any row has a problem
nothing is written. Otherwise all rows are created in one transaction. Rows whose source URL
was imported before are skipped, so a re-run never duplicates.
"""

import datetime
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.core.decoding import parse_date
from xxgk.disclosures.content import check_attachment, clean_html, make_document
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.models import Department
from xxgk.orgs.selectors import is_office

from .manifest import ManifestRow, read_manifest
from .models import ImportRun

ATTACHMENT_SEPARATORS = re.compile(r"[;；|\n]+")


@dataclass
class Problem:
    row: int
    message: str


@dataclass
class PlannedRow:
    row: int
    title: str
    item: CatalogueItemPage
    department: Department
    publication_date: datetime.date
    formed_on: datetime.date | None
    summary: str
    body: str
    attachments: list[Path]
    source_url: str
    existing_id: int | None = None


@dataclass
class ImportReport:
    manifest_name: str
    dry_run: bool
    rows: int = 0
    to_create: list[PlannedRow] = field(default_factory=list)
    skipped: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _sentence(message) -> str:
    """One row error as a sentence, with the full stop of the language it is shown in."""
    return str(message).rstrip("。.") + pgettext("full stop", "。")


def _inside(files_dir: Path | None, relative: str) -> Path:
    """Resolve a manifest path inside the files folder, refusing anything that escapes it."""
    if files_dir is None:
        raise ValidationError(_("引用了文件“%(path)s”，但没有提供文件目录。") % {"path": relative})
    base = files_dir.resolve()
    path = (base / relative.strip().lstrip("/\\")).resolve()
    if not path.is_relative_to(base):
        raise ValidationError(_("文件路径“%(path)s”超出了文件目录。") % {"path": relative})
    if not path.is_file():
        raise ValidationError(_("找不到文件“%(path)s”。") % {"path": relative})
    return path


def _decode_html(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("正文文件的编码无法识别（应为 UTF-8 或 GBK）。"))


def body_html(text: str) -> str:
    """Old-site HTML (a whole page or a fragment) or plain text → cleaned rich text."""
    if not re.search(r"<[a-zA-Z]", text):
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "noscript", "iframe", "head"]):
        tag.decompose()
    root = soup.body or soup
    return clean_html(root.decode_contents())


class _Lookups:
    """Everything rows are checked against, loaded once per manifest."""

    def __init__(self, rows: list[ManifestRow]):
        departments = list(Department.objects.all())
        self.departments = {d.code.upper(): d for d in departments}
        self.departments.update({d.name: d for d in departments})
        self.items = {
            i.item_number: i
            for i in CatalogueItemPage.objects.prefetch_related("responsible_departments")
        }
        urls = {row.get("source_url") for row in rows} - {""}
        self.existing = dict(
            DisclosurePage.objects.filter(source_url__in=urls).values_list("source_url", "pk")
        )


def _check_row(row: ManifestRow, lookups: _Lookups, files_dir: Path | None) -> PlannedRow:
    """Turn one manifest row into a plan, or raise ValidationError listing all its problems."""
    errors = []
    title = row.get("title")
    if not title:
        errors.append(_("标题不能为空"))
    elif len(title) > 255:
        errors.append(_("标题超过 255 个字符"))
    publication_date = formed_on = None
    try:
        publication_date = parse_date(row.get("date"))
        if publication_date > timezone.localdate():
            errors.append(_("发布日期 %(date)s 晚于今天") % {"date": publication_date})
    except ValueError:
        errors.append(
            _("发布日期“%(value)s”无法识别，应为 YYYY-MM-DD") % {"value": row.get("date")}
        )
    if row.get("formed_on"):
        try:
            formed_on = parse_date(row.get("formed_on"))
        except ValueError:
            errors.append(
                _("形成日期“%(value)s”无法识别，应为 YYYY-MM-DD") % {"value": row.get("formed_on")}
            )
    department_key = row.get("department")
    department = lookups.departments.get(department_key.upper()) or lookups.departments.get(
        department_key
    )
    if department is None:
        errors.append(
            _("找不到部门“%(department)s”（请填写部门代码或全称）") % {"department": department_key}
        )
    item = lookups.items.get(row.get("item"))
    if item is None:
        errors.append(_("找不到清单事项“%(item)s”") % {"item": row.get("item")})
    elif item.retired_on:
        errors.append(
            _("清单事项 %(number)s 已停用，不能导入到该事项下") % {"number": item.item_number}
        )
    elif department is not None and department not in item.responsible_departments.all():
        errors.append(
            _("“%(department)s”不是清单事项 %(number)s 的责任部门")
            % {"department": department.name, "number": item.item_number}
        )
    source_url = row.get("source_url")
    try:
        URLValidator(schemes=["http", "https"])(source_url)
        if len(source_url) > 500:
            raise ValidationError("")
    except ValidationError:
        errors.append(_("原始地址“%(url)s”不是有效的网址") % {"url": source_url})
    summary = row.get("summary")
    if len(summary) > 300:
        errors.append(_("摘要超过 300 个字符"))
    body = ""
    try:
        if row.get("body_file"):
            body = body_html(_decode_html(_inside(files_dir, row.get("body_file")).read_bytes()))
        else:
            body = body_html(row.get("body"))
        if not body and not row.get("attachments"):
            errors.append(_("正文和附件不能都为空"))
    except ValidationError as exc:
        errors.extend(exc.messages)
    attachments = []
    for relative in ATTACHMENT_SEPARATORS.split(row.get("attachments")):
        if not relative.strip():
            continue
        try:
            path = _inside(files_dir, relative)
            check_attachment(path.name, path.read_bytes())
            attachments.append(path)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError([_sentence(message) for message in errors])
    return PlannedRow(
        row=row.number,
        title=title,
        item=item,
        department=department,
        publication_date=publication_date,
        formed_on=formed_on,
        summary=summary,
        body=body,
        attachments=attachments,
        source_url=source_url,
        existing_id=lookups.existing.get(source_url),
    )


def plan_import(report: ImportReport, rows: list[ManifestRow], files_dir: Path | None) -> None:
    lookups = _Lookups(rows)
    first_row_of_url = {}
    report.rows = len(rows)
    for row in rows:
        try:
            planned = _check_row(row, lookups, files_dir)
        except ValidationError as exc:
            report.problems.extend(Problem(row.number, message) for message in exc.messages)
            continue
        if planned.source_url in first_row_of_url:
            report.problems.append(
                Problem(
                    row.number,
                    _("原始地址与第 %(row)s 行重复。")
                    % {"row": first_row_of_url[planned.source_url]},
                )
            )
            continue
        first_row_of_url[planned.source_url] = row.number
        (report.skipped if planned.existing_id else report.to_create).append(planned)


class _RowFailed(Exception):
    def __init__(self, row: int, messages: list[str]):
        super().__init__(row, messages)
        self.row, self.messages = row, messages


def _messages(exc: Exception) -> list[str]:
    return exc.messages if isinstance(exc, ValidationError) else [str(exc)]


def _create_all(report: ImportReport, user) -> None:
    stored_files = []
    try:
        with transaction.atomic():
            for planned in report.to_create:
                documents = []
                for path in planned.attachments:
                    document = make_document(
                        path.name,
                        path.read_bytes(),
                        collection=planned.department.collection,
                        user=user,
                    )
                    stored_files.append(document.file)
                    documents.append(document)
                try:
                    page = create_disclosure(
                        user=user,
                        item=planned.item,
                        title=planned.title,
                        publishing_department=planned.department,
                        body=planned.body,
                        summary=planned.summary,
                        publication_date=planned.publication_date,
                        formed_on=planned.formed_on,
                        documents=documents,
                        source_url=planned.source_url,
                    )
                except (ValidationError, PermissionDenied) as exc:
                    raise _RowFailed(planned.row, _messages(exc)) from exc
                report.created_ids.append(page.pk)
    except Exception:
        # The rows are rolled back; the files they had stored must not linger either.
        for stored in stored_files:
            stored.storage.delete(stored.name)
        report.created_ids.clear()
        raise


def import_site(*, manifest_name: str, data: bytes, files_dir, user, dry_run: bool):
    """Check a manifest and, unless dry_run or any row has a problem, create its drafts."""
    if not is_office(user):
        raise PermissionDenied(_("只有信息公开办公室可以导入历史信息。"))
    report = ImportReport(manifest_name=manifest_name, dry_run=dry_run)
    try:
        rows = read_manifest(manifest_name, data)
    except ValidationError as exc:
        report.problems.extend(Problem(1, message) for message in exc.messages)
        rows = []
    if rows:
        plan_import(report, rows, Path(files_dir) if files_dir else None)
    if report.ok and not dry_run:
        try:
            _create_all(report, user)
        except _RowFailed as exc:
            report.problems.extend(Problem(exc.row, message) for message in exc.messages)
    ImportRun.objects.create(
        user=user,
        manifest_name=manifest_name[:255],
        dry_run=dry_run,
        rows=report.rows,
        created=len(report.created_ids),
        skipped=len(report.skipped),
        problems=[{"row": p.row, "message": p.message} for p in report.problems],
    )
    return report
