"""Back-office pages: the office issues, rotates and revokes department tokens and reads the
call log. A token's plaintext appears once, on the page answering the POST that made it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from xxgk.orgs.models import Department

from . import services
from .models import ApiCallLog, IntegrationToken


class TokenForm(forms.Form):
    department = forms.ModelChoiceField(
        label=gettext_lazy("部门"), queryset=Department.objects.filter(is_active=True)
    )
    name = forms.CharField(
        label=gettext_lazy("用途"), max_length=100, help_text=gettext_lazy("如：招生系统对接。")
    )


class OfficeView(WagtailAdminTemplateMixin, TemplateView):
    permission = ""
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]


class TokenListView(OfficeView):
    template_name = "xxgk_api/tokens.html"
    page_title = gettext_lazy("接口令牌")
    permission = "xxgk_api.view_integrationtoken"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tokens"] = IntegrationToken.objects.select_related(
            "department", "created_by", "revoked_by"
        )
        context["can_manage"] = self.request.user.has_perm("xxgk_api.add_integrationtoken")
        context["docs_url"] = reverse("api_v1:openapi-view")
        return context


class TokenShownOnce(OfficeView):
    """Renders the fresh plaintext once; the response must never be cached or replayed."""

    template_name = "xxgk_api/token_created.html"
    permission = "xxgk_api.add_integrationtoken"

    def show(self, token, plaintext):
        response = self.render_to_response(self.get_context_data(token=token, plaintext=plaintext))
        add_never_cache_headers(response)
        return response


class TokenCreateView(TokenShownOnce):
    page_title = gettext_lazy("签发接口令牌")

    def get(self, request, *args, **kwargs):
        self.template_name = "xxgk_api/token_form.html"
        return self.render_to_response(self.get_context_data(form=TokenForm()))

    def post(self, request, *args, **kwargs):
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                token, plaintext = services.create_token(by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return self.show(token, plaintext)
        self.template_name = "xxgk_api/token_form.html"
        return self.render_to_response(self.get_context_data(form=form), status=400)


class TokenRotateView(TokenShownOnce):
    page_title = gettext_lazy("轮换接口令牌")
    http_method_names = ["post"]

    def post(self, request, pk):
        token = get_object_or_404(IntegrationToken, pk=pk)
        try:
            new, plaintext = services.rotate_token(token, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("xxgk_api_tokens")
        return self.show(new, plaintext)


class TokenRevokeView(OfficeView):
    permission = "xxgk_api.add_integrationtoken"
    http_method_names = ["post"]

    def post(self, request, pk):
        token = get_object_or_404(IntegrationToken, pk=pk)
        services.revoke_token(token, by=request.user)
        messages.success(
            request, _("已吊销令牌 %(prefix)s…，使用它的调用将被拒绝。") % {"prefix": token.prefix}
        )
        return redirect("xxgk_api_tokens")


class CallLogView(OfficeView):
    template_name = "xxgk_api/calls.html"
    page_title = gettext_lazy("接口调用记录")
    header_icon = "history"
    permission = "xxgk_api.view_apicalllog"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        calls = ApiCallLog.objects.select_related("department", "token")
        department = self.request.GET.get("department", "")
        if department:
            calls = calls.filter(department__code=department)
        if self.request.GET.get("failed"):
            calls = calls.filter(status_code__gte=400)
        context["page_obj"] = Paginator(calls, 50).get_page(self.request.GET.get("page"))
        context["departments"] = Department.objects.filter(api_tokens__isnull=False).distinct()
        context["department"] = department
        context["failed"] = bool(self.request.GET.get("failed"))
        return context
