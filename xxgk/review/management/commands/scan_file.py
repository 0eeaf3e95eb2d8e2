"""Scan one file the way an attachment is scanned (text layer, then OCR), before anyone
uploads it: its state, then one line per hit (身份证号 第3页 110105********002X …)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from xxgk.core import ocr
from xxgk.review.models import AttachmentScan, OcrSettings, ScanState
from xxgk.review.scan import SHORT_LABELS, scan_bytes


class Command(BaseCommand):
    help = _("按附件扫描的方式（含文字识别）检查一个文件中的个人信息。")

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--no-ocr", action="store_true", help=_("不做文字识别"))

    def handle(self, *args, path, no_ocr=False, **options):
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("文件无法打开：%(path)s（%(error)s）")
                % {
                    "path": path,
                    "error": exc.strerror or exc.__class__.__name__,
                }
            ) from exc
        settings = OcrSettings.load()
        use_ocr = not no_ocr and settings.enabled and ocr.available()
        result = scan_bytes(data, file.name, file.name, settings.limits() if use_ocr else None)
        shown = AttachmentScan(
            name=file.name,
            state=result.state,
            reason=result.reason,
            detail=result.detail,
            method=result.method,
        )
        self.stdout.write(f"{file.name}：{shown.label}")
        for hit in result.hits:
            place = hit.page_label or hit.location.removeprefix(f"附件“{file.name}”")
            where = f" 第{hit.line}行" if hit.line else ""
            ocr_mark = " （OCR）" if hit.ocr else ""
            self.stdout.write(f"{SHORT_LABELS[hit.kind]} {place}{where} {hit.masked}{ocr_mark}")
        self.stdout.write(_("共 %(n)s 处疑似个人信息。") % {"n": len(result.hits)})
        if result.state == ScanState.UNSCANNABLE:
            raise CommandError(shown.label)
