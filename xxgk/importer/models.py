from django.conf import settings
from django.db import models


class ImportRun(models.Model):
    """One run of the site importer, dry or real: who ran which manifest, and what came of it."""

    created_at = models.DateTimeField("时间", auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    manifest_name = models.CharField("清单文件", max_length=255)
    dry_run = models.BooleanField("试运行", default=False)
    rows = models.PositiveIntegerField("行数", default=0)
    created = models.PositiveIntegerField("新建", default=0)
    skipped = models.PositiveIntegerField("已导入而跳过", default=0)
    problems = models.JSONField("问题行", default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "导入记录"
        verbose_name_plural = "导入记录"

    def __str__(self):
        kind = "试运行" if self.dry_run else "导入"
        return f"{self.created_at:%Y-%m-%d %H:%M} {kind} {self.manifest_name}"
