"""The back-office audit log: search, page through, export. Read-only by construction —
there is no form, view or admin that writes to it."""

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from xxgk.core.spreadsheets import xlsx_response
from xxgk.orgs.policy import Action

from . import exports
from .forms import AuditSearchForm
from .policy import audit_policy
from .selectors import search_events
from .services import record_event


class AuditLogView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "audit/events.html"
    page_title = _("审计日志")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        audit_policy.require(request.user, Action.VIEW)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get(self, request):
        form = AuditSearchForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        filters = {k: v for k, v in (form.cleaned_data if form.is_bound else {}).items() if v}
        events = search_events(**filters)
        export_format = request.GET.get("format", "")
        if export_format in {"csv", "xlsx"}:
            audit_policy.require(request.user, Action.EXPORT)
            return self._export(events, export_format, filters)
        page = Paginator(events, 50).get_page(request.GET.get("page"))
        return self.render_to_response(self.get_context_data(form=form, page_obj=page))

    def _export(self, events, export_format, filters):
        """Exporting is itself a privileged read, so it is recorded before the file goes."""
        record_event(
            "audit.export",
            request=self.request,
            detail={"format": export_format, "filters": filters, "rows": events.count()},
        )
        filename = f"audit-{timezone.localtime():%Y%m%d-%H%M%S}.{export_format}"
        if export_format == "xlsx":
            return xlsx_response(exports.xlsx_bytes(events), filename)
        response = StreamingHttpResponse(
            exports.csv_lines(events), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
