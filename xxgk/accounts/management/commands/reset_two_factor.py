"""Remove a staff member's authenticators (a lost or replaced phone); they enrol again at
their next sign-in. Lockouts are lifted with axes' own commands (``axes_reset_username``)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from xxgk.audit.services import record_event


class Command(BaseCommand):
    help = "删除指定用户的双重认证设备，使其下次登录时重新设置。"

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"用户 {username} 不存在。")
        with transaction.atomic():
            count, _ = TOTPDevice.objects.filter(user=user).delete()
            record_event("auth.two_factor.reset", target=user, detail={"devices_removed": count})
        self.stdout.write(f"已删除 {username} 的 {count} 个身份验证器。")
