"""Supervision records: what editors declare, what the system sent, what the office found.

Obligations themselves are not stored: they are derived on demand from the catalogue rules,
the published disclosures and the PendingInformation records (see obligations.py), so they
can never drift from the data they describe. What is stored is what happened: every
reminder, urging, escalation and handling (提醒、督促、处理) and every inspection.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingInformation(models.Model):
    """ "Information formed on <date>, to be published": makes lateness visible before
    publishing, since an unpublished fact is otherwise invisible to the system."""

    department = models.ForeignKey(
        "orgs.Department",
        on_delete=models.PROTECT,
        related_name="pending_information",
        verbose_name=_("责任部门"),
    )
    item = models.ForeignKey(
        "catalogue.CatalogueItemPage",
        on_delete=models.PROTECT,
        related_name="pending_information",
        verbose_name=_("清单事项"),
    )
    title = models.CharField(_("信息名称"), max_length=200)
    formed_on = models.DateField(_("信息形成日期"))
    disclosure = models.ForeignKey(
        "disclosures.DisclosurePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("对应公开信息"),
        help_text=_("留空时，发布的公开信息若“信息形成日期”与此相同，即视为已公开。"),
    )
    cancelled_reason = models.CharField(_("撤销原因"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("登记人"),
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        ordering = ["-formed_on", "-pk"]
        verbose_name = verbose_name_plural = _("待公开信息登记")
        indexes = [models.Index(fields=["formed_on"], name="pending_formed_on")]

    def __str__(self):
        return f"{self.title}（{self.formed_on:%Y-%m-%d}形成）"

    def clean(self):
        super().clean()
        if self.formed_on and self.formed_on > timezone.localdate():
            raise ValidationError({"formed_on": _("信息形成日期不能晚于今天。")})


class ActionKind(models.TextChoices):
    REMINDER = "reminder", _("提醒（到期前）")
    URGING = "urging", _("督促（已逾期）")
    ESCALATION = "escalation", _("上报办公室")
    HANDLING = "handling", _("处理")


class SupervisionAction(models.Model):
    """One reminder, urging, escalation or handling, as a countable fact.

    The unique constraint on (obligation, kind) is what makes the scheduled job idempotent:
    a reminder is claimed by inserting its row, and only the inserter sends it.
    """

    kind = models.CharField(_("类型"), max_length=16, choices=ActionKind.choices)
    department = models.ForeignKey(
        "orgs.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("部门")
    )
    item = models.ForeignKey(
        "catalogue.CatalogueItemPage",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("清单事项"),
    )
    obligation_key = models.CharField(_("义务标识"), max_length=80, blank=True)
    obligation_label = models.CharField(_("义务"), max_length=300, blank=True)
    deadline = models.DateField(_("公开期限"), null=True, blank=True)
    message = models.TextField(_("内容"))
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Notice", related_name="+", verbose_name=_("接收人")
    )
    emailed_to = models.JSONField(_("邮件发送至"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("操作人"),
        help_text=_("为空表示系统自动发出。"),
    )
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = verbose_name_plural = _("提醒督促记录")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "obligation_key", "kind"],
                condition=~models.Q(kind="handling"),
                name="supervision_action_once",
            )
        ]
        permissions = [("view_dashboard", _("查看信息公开监督看板"))]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.obligation_label or self.message[:30]}"


class Notice(models.Model):
    """An in-admin notice of an action, per recipient, until read."""

    action = models.ForeignKey(SupervisionAction, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervision_notices"
    )
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    class Meta:
        ordering = ["-action__created_at", "-pk"]
        verbose_name = verbose_name_plural = _("站内通知")
        constraints = [
            models.UniqueConstraint(fields=["action", "user"], name="supervision_notice_once")
        ]

    def __str__(self):
        return f"{self.user} ← {self.action}"


class InspectionResult(models.TextChoices):
    OPEN = "open", _("整改中")
    RECTIFIED = "rectified", _("已整改")
    NOT_RECTIFIED = "not_rectified", _("未按期整改")
    NO_ISSUES = "no_issues", _("未发现问题")


class Inspection(models.Model):
    """A periodic inspection of one department's disclosures (定期检查) and its follow-up."""

    department = models.ForeignKey(
        "orgs.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("被检查部门")
    )
    inspected_on = models.DateField(_("检查日期"))
    findings = models.TextField(_("发现的问题"), blank=True)
    rectification_deadline = models.DateField(_("整改期限"), null=True, blank=True)
    result = models.CharField(
        _("结果"), max_length=16, choices=InspectionResult.choices, default=InspectionResult.OPEN
    )
    result_note = models.TextField(_("整改情况"), blank=True)
    rectified_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("记录人"),
    )
    created_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        ordering = ["-inspected_on", "-pk"]
        verbose_name = verbose_name_plural = _("监督检查")

    def __str__(self):
        return f"{self.department} {self.inspected_on:%Y-%m-%d} 检查"

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.result == InspectionResult.OPEN
            and self.findings
            and not self.rectification_deadline
        ):
            errors["rectification_deadline"] = _("发现问题的检查须规定整改期限。")
        if (
            self.rectification_deadline
            and self.inspected_on
            and self.rectification_deadline < self.inspected_on
        ):
            errors["rectification_deadline"] = _("整改期限不能早于检查日期。")
        if self.result == InspectionResult.RECTIFIED and not self.rectified_on:
            errors["rectified_on"] = _("已整改的须填写整改完成日期。")
        if self.rectified_on and self.inspected_on and self.rectified_on < self.inspected_on:
            errors["rectified_on"] = _("整改完成日期不能早于检查日期。")
        if errors:
            raise ValidationError(errors)

    def rectification_overdue(self, today) -> bool:
        return (
            self.result == InspectionResult.OPEN
            and self.rectification_deadline is not None
            and self.rectification_deadline < today
        )


class DailyPublications(models.Model):
    """Live disclosures published per day, department and catalogue item: a summary kept by
    database triggers on the disclosure and page tables (supervision/db.py), so that the
    dashboard's monthly trend and per-segment dates read a few thousand rows instead of every
    disclosure of the year (docs/performance.md §6). `item_id` 0 stands for a disclosure not
    filed under an item; rows whose count fell to 0 stay."""

    item_id = models.IntegerField()
    department_id = models.BigIntegerField()
    day = models.DateField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item_id", "department_id", "day"], name="supervision_daily_key"
            )
        ]
        indexes = [
            models.Index(
                fields=["day", "department_id", "count"], name="supervision_daily_day_dept"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.department_id}/{self.item_id}: {self.count}"
