"""The audit log: who did or read what, when and from where. Rows are only ever added."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditLogImmutable(PermissionError):
    """Raised on any attempt to change or remove an audit record."""


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk writes would bypass ``AuditEvent.save``; they are refused outright."""

    def update(self, **kwargs):
        raise AuditLogImmutable("审计日志不可修改。")

    def delete(self):
        raise AuditLogImmutable("审计日志不可删除。")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditLogImmutable("审计日志不可修改。")


class AuditEvent(models.Model):
    """One audited event.

    Actor and target are kept as plain references (no database constraint, nothing cascades)
    together with their names at the time, so deleting a user or a page never has to touch —
    and is never blocked by — the log; the row still says who and what.
    """

    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    action = models.CharField(_("操作"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("操作人"),
    )
    actor_repr = models.CharField(_("操作人名称"), max_length=150, blank=True)
    target_content_type = models.ForeignKey(
        ContentType,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("对象类型"),
    )
    target_pk = models.CharField(_("对象编号"), max_length=64, blank=True, db_index=True)
    target_repr = models.CharField(_("对象"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True, db_index=True)
    user_agent = models.CharField(_("浏览器"), max_length=300, blank=True)
    path = models.CharField(_("请求路径"), max_length=500, blank=True)
    detail = models.JSONField(_("详情"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        # Only reading is a permission anyone can hold; there is nothing else to grant.
        default_permissions = ("view",)
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计日志")
        indexes = [models.Index(fields=["target_content_type", "target_pk"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.actor_repr or '-'} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogImmutable("审计日志不可修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("审计日志不可删除。")
