"""The office's import page: upload a manifest and a ZIP of the old site's files."""

import contextlib
import tempfile
import zipfile
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ImportRun
from .services import import_site

MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 20000


class ImportForm(forms.Form):
    manifest = forms.FileField(label=_("清单文件"), help_text=_("CSV 或 XLSX，表头见导入说明。"))
    files = forms.FileField(
        label=_("文件包"),
        required=False,
        help_text=_(
            "ZIP 压缩包，内含清单中“正文文件”“附件”列引用的文件（路径相对于压缩包根目录）。"
        ),
    )
    dry_run = forms.BooleanField(label=_("试运行（只检查，不写入）"), required=False, initial=True)


def unpack(upload, target: Path) -> None:
    """Extract a ZIP safely: no paths outside the target, bounded size and member count."""
    try:
        archive = zipfile.ZipFile(upload)
    except zipfile.BadZipFile:
        raise ValidationError(_("文件包不是有效的 ZIP 压缩包。")) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ValidationError(_("文件包内文件超过 %(max)s 个。") % {"max": MAX_MEMBERS})
        if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise ValidationError(_("文件包解压后超过 1 GB，请拆分后分批导入。"))
        base = target.resolve()
        for member in members:
            # ZIPs made on Chinese Windows name files in GBK without the UTF-8 flag.
            name = member.filename
            if not member.flag_bits & 0x800:
                with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                    name = name.encode("cp437").decode("gb18030")
            destination = (base / name).resolve()
            if not destination.is_relative_to(base):
                raise ValidationError(_("文件包中的路径“%(path)s”不安全。") % {"path": name})
            if member.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, open(destination, "wb") as sink:
                while chunk := source.read(1024 * 1024):
                    sink.write(chunk)


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "importer/import.html"
    page_title = _("导入历史信息")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("importer.add_importrun"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context["runs"] = ImportRun.objects.select_related("user")[:10]
        return context

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        report = None
        if form.is_valid():
            manifest = form.cleaned_data["manifest"]
            with tempfile.TemporaryDirectory(prefix="xxgk-import-") as folder:
                try:
                    if form.cleaned_data["files"]:
                        unpack(form.cleaned_data["files"], Path(folder))
                    report = import_site(
                        manifest_name=manifest.name,
                        data=manifest.read(),
                        files_dir=folder if form.cleaned_data["files"] else None,
                        user=request.user,
                        dry_run=form.cleaned_data["dry_run"],
                    )
                except ValidationError as exc:
                    form.add_error("files", exc)
        status = 200 if report is not None and report.ok else 400
        return self.render_to_response(
            self.get_context_data(form=form, report=report), status=status
        )
