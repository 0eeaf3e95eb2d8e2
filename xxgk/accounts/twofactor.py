"""TOTP two-factor authentication for staff (django-otp), required per role by the office."""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import TwoFactorPolicy


def required_for(user, request=None) -> bool:
    return TwoFactorPolicy.load(request_or_site=request).applies_to(user)


def confirmed_device(user) -> TOTPDevice | None:
    return next(iter(devices_for_user(user, confirmed=True)), None)


def pending_device(user) -> TOTPDevice:
    """The user's unconfirmed authenticator, created on first visit to the enrolment page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="身份验证器", confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def qr_svg(device: TOTPDevice) -> str:
    """The ``otpauth://`` URI as an inline SVG: made here, no request to any outside service."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2
    )
    return image.to_string(encoding="unicode")


def safe_next(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class TwoFactorMiddleware:
    """Until a staff member whose role requires it has entered a valid code in this session,
    every admin page sends them to the code page (or to enrolment if they have no device).

    Placed after django-otp's ``OTPMiddleware``, which marks a verified session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._blocked(request):
            device = confirmed_device(request.user)
            target = "xxgk_two_factor_verify" if device else "xxgk_two_factor_enrol"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _blocked(self, request) -> bool:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        path = request.path_info
        if not path.startswith(reverse("wagtailadmin_home")):
            return False
        exempt = (
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("xxgk_two_factor_verify"),
            reverse("xxgk_two_factor_enrol"),
            # The admin's translations, which the code pages themselves load.
            reverse("wagtailadmin_javascript_catalog"),
        )
        if path in exempt or path.startswith(settings.STATIC_URL):
            return False
        return required_for(user, request)
