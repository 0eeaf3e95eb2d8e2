"""Export a year's annual report as PDF or DOCX, for offices that script their archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from xxgk.reports import exports, services
from xxgk.reports.models import AnnualReportDraft

# The same builders the back office's export button uses (admin_views.EXPORTS).
BUILDERS = {"pdf": exports.report_pdf, "docx": exports.report_docx}


class Command(BaseCommand):
    help = _("导出某一年度的信息公开年度报告（PDF 或 DOCX）。")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", required=True)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, year, out, **options):
        fmt = options["format"]
        if fmt not in BUILDERS:
            raise CommandError(_("不支持的格式：%(fmt)s（可选 pdf、docx）。") % {"fmt": fmt})
        draft = AnnualReportDraft.objects.select_related("template").filter(year=year).first()
        if draft is None:
            raise CommandError(_("没有 %(year)s 年度的年度报告。") % {"year": year})
        report = services.render_draft(draft, linked=False)
        out.write_bytes(BUILDERS[fmt](report, signed_on=services.report_state(draft).date))
        self.stdout.write(_("已导出到 %(path)s") % {"path": out})
