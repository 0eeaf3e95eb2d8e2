from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One run of the site importer, dry or real: who ran which manifest, and what came of it."""

    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("操作人"),
    )
    manifest_name = models.CharField(_("清单文件"), max_length=255)
    dry_run = models.BooleanField(_("试运行"), default=False)
    rows = models.PositiveIntegerField(_("行数"), default=0)
    created = models.PositiveIntegerField(_("新建"), default=0)
    skipped = models.PositiveIntegerField(_("已导入而跳过"), default=0)
    problems = models.JSONField(_("问题行"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("导入记录")

    def __str__(self):
        kind = _("试运行") if self.dry_run else _("导入")
        return f"{self.created_at:%Y-%m-%d %H:%M} {kind} {self.manifest_name}"
