"""The office's two-factor policy: which staff roles must confirm a TOTP code."""

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role


def _superusers_by_default() -> bool:
    return settings.XXGK_TWO_FACTOR_DEFAULT_SUPERUSERS


@register_setting(icon="key")
class TwoFactorPolicy(BaseGenericSetting):
    """One row for the whole installation, edited by the office under 设置 → 双重认证.

    When the row is first created its roles come from ``XXGK_TWO_FACTOR_DEFAULT_ROLES`` and
    ``XXGK_TWO_FACTOR_DEFAULT_SUPERUSERS`` (production: office, reviewer, supervisor and
    superusers; elsewhere, tests included, nobody) — see ``signals``.
    """

    required_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="+",
        verbose_name=_("须双重认证的角色"),
        help_text=_("属于所选角色（用户组）的后台用户，输入密码后还须输入动态验证码才能使用后台。"),
    )
    require_superusers = models.BooleanField(
        _("超级管理员须双重认证"),
        default=_superusers_by_default,
        help_text=_("超级管理员不属于任何角色，是否要求双重认证在此单独设置。"),
    )

    panels = [
        FieldPanel("required_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("require_superusers"),
    ]

    class Meta:
        verbose_name = verbose_name_plural = _("双重认证")

    def __str__(self):
        return str(_("双重认证策略"))

    def applies_to(self, user) -> bool:
        if user.is_superuser and self.require_superusers:
            return True
        return user.groups.filter(pk__in=self.required_groups.values("pk")).exists()


def default_required_group_names() -> list[str]:
    return [ROLE_GROUP_NAMES[Role(role)] for role in settings.XXGK_TWO_FACTOR_DEFAULT_ROLES]
