"""The import of the registers the annual report counts (CSV/XLSX, with a dry run): the
office's right to edit the report desk is the right to import them."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from xxgk.orgs.policy import Action
from xxgk.reports.policy import report_policy

from .forms import ImportForm
from .imports import run_import

ICON = "table"
TEMPLATE = "registers/admin/import.html"


def import_records(request):
    report_policy.require(request.user, Action.EDIT)
    result = None
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            result = run_import(
                form.cleaned_data["kind"],
                upload.name,
                upload.read(),
                dry_run=form.cleaned_data["dry_run"],
            )
            status = 200 if result.ok else 422
    else:
        form = ImportForm()
    context = {
        "page_title": _("导入年度报告数据"),
        "header_icon": ICON,
        "form": form,
        "result": result,
    }
    return render(request, TEMPLATE, context, status=status)
