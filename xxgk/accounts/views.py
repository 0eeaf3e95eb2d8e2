"""Admin pages for TOTP: enrolment (QR code, confirm with a code) and the per-session check."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from xxgk.audit.services import record_event

from . import twofactor
from .forms import TotpCodeForm


class TwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = twofactor.safe_next(self.request, reverse("wagtailadmin_home"))
        return context

    def _verified(self, device, action):
        otp_login(self.request, device)
        record_event(action, request=self.request, target=device)
        return redirect(twofactor.safe_next(self.request, reverse("wagtailadmin_home")))


class VerifyView(TwoFactorView):
    """After the password: the code from the user's authenticator, once per session."""

    template_name = "accounts/two_factor_verify.html"
    page_title = gettext_lazy("双重认证")

    def dispatch(self, request, *args, **kwargs):
        self.device = twofactor.confirmed_device(request.user)
        if self.device is None:
            return redirect(f"{reverse('xxgk_two_factor_enrol')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=TotpCodeForm(device=self.device)))

    def post(self, request):
        form = TotpCodeForm(request.POST, device=self.device)
        if form.is_valid():
            return self._verified(self.device, "auth.two_factor.verified")
        record_event("auth.two_factor.failed", request=request, target=self.device)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class EnrolView(TwoFactorView):
    """Set up an authenticator: scan the QR code (or type the secret), confirm with a code.

    A user who already has one must pass it first, so that a stolen password cannot
    replace the second factor.
    """

    template_name = "accounts/two_factor_enrol.html"
    page_title = gettext_lazy("设置双重认证")

    def dispatch(self, request, *args, **kwargs):
        self.existing = twofactor.confirmed_device(request.user)
        if self.existing is not None and not request.user.is_verified():
            return redirect(f"{reverse('xxgk_two_factor_verify')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["existing"] = self.existing
        context["required"] = twofactor.required_for(self.request.user, self.request)
        if self.existing is None:
            device = twofactor.pending_device(self.request.user)
            context["qr_svg"] = twofactor.qr_svg(device)
            context["secret"] = twofactor.secret_base32(device)
            context.setdefault("form", TotpCodeForm(device=device))
        return context

    def post(self, request):
        if self.existing is not None:
            return redirect("xxgk_two_factor_enrol")
        device = twofactor.pending_device(request.user)
        form = TotpCodeForm(request.POST, device=device)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return self._verified(device, "auth.two_factor.enrolled")


def lockout_response(request, original_response=None, credentials=None):
    """axes' ``AXES_LOCKOUT_CALLABLE``: a Chinese page with 429 Too Many Requests."""
    return render(
        request,
        "accounts/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )
