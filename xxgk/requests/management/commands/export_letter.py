"""Export an application's latest letter (告知书) as PDF or DOCX, for scripted archiving.

The letter is laid out again from its stored title and text, so the file has the current
document toolkit's fonts and layout, not those of the day it was issued."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from xxgk.requests import letters
from xxgk.requests.models import Letter

BUILDERS = {"pdf": letters.pdf_bytes, "docx": letters.docx_bytes}


class Command(BaseCommand):
    help = _("导出某一申请最近一份告知书（PDF 或 DOCX）。")

    def add_arguments(self, parser):
        parser.add_argument("number")
        parser.add_argument("--format", required=True)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, number, out, **options):
        fmt = options["format"]
        if fmt not in BUILDERS:
            raise CommandError(_("不支持的格式：%(fmt)s（可选 pdf、docx）。") % {"fmt": fmt})
        try:
            letter = Letter.objects.filter(application__number=number).latest()
        except Letter.DoesNotExist:
            raise CommandError(
                _("申请 %(number)s 不存在或尚无告知书。") % {"number": number}
            ) from None
        out.write_bytes(BUILDERS[fmt](letter.title, letter.text))
        self.stdout.write(_("已导出到 %(path)s") % {"path": out})
