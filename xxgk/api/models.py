"""Department integration tokens and the append-only record of every integration call."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from xxgk.orgs.models import Department


class IntegrationToken(models.Model):
    """A bearer token through which one department's own system files draft disclosures.

    Only a SHA-256 digest is kept: the token is 256 random bits, so a plain digest cannot be
    brute-forced, and it does not depend on SECRET_KEY (rotating that must not break feeds
    of departments' systems). The plaintext is shown to the office exactly once.
    """

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="api_tokens", verbose_name=_("部门")
    )
    name = models.CharField(_("用途"), max_length=100, help_text=_("如：招生系统对接。"))
    prefix = models.CharField(_("令牌前缀"), max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The account the token acts as: an editor of the department without a password, so the
    # usual rules (谁公开、谁负责, no publish permission) apply to machine calls too.
    service_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("创建人"),
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("吊销人"),
    )
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("轮换后的令牌"),
    )

    class Meta:
        ordering = ["department__code", "-created_at"]
        verbose_name = verbose_name_plural = _("接口令牌")

    def __str__(self):
        return f"{self.department.code} · {self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @staticmethod
    def digest(plaintext: str) -> str:
        return hashlib.sha256(plaintext.encode()).hexdigest()


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError(_("接口调用记录不可修改。"))

    def delete(self):
        raise PermissionError(_("接口调用记录不可删除。"))


class ApiCallLog(models.Model):
    """One integration call: who (token, department), when, what, from where, and the result.

    Rows are written once; the model refuses updates and deletes, and the admin only lists.
    """

    token = models.ForeignKey(
        IntegrationToken,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        verbose_name=_("令牌"),
    )
    token_prefix = models.CharField(_("令牌前缀"), max_length=16, blank=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("部门"),
    )
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    method = models.CharField(_("方法"), max_length=10)
    path = models.CharField(_("地址"), max_length=500)
    endpoint = models.CharField(_("接口"), max_length=100, blank=True)
    remote_addr = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)
    user_agent = models.CharField(_("客户端"), max_length=300, blank=True)
    status_code = models.PositiveSmallIntegerField(_("状态码"))
    result = models.CharField(_("结果"), max_length=64)
    object_id = models.PositiveBigIntegerField(_("对象编号"), null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("接口调用记录")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.method} {self.path} → {self.status_code}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError(_("接口调用记录不可修改。"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(_("接口调用记录不可删除。"))
