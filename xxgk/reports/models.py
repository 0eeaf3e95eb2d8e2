import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .registry import Period


class PeriodKind(models.TextChoices):
    SCHOOL_YEAR = "school_year", _("学年（自模板设定的起始日起一年，默认9月1日）")
    CALENDAR_YEAR = "calendar_year", _("自然年（1月1日至12月31日）")


# --- Templates and drafts ----------------------------------------------------------------------


class ReportTemplate(models.Model):
    """A report structure: ordered sections whose text may cite figures as {{ code }}."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    period_kind = models.CharField(
        _("统计期间"), max_length=20, choices=PeriodKind.choices, default=PeriodKind.SCHOOL_YEAR
    )
    title = models.CharField(
        _("报告标题"), max_length=200, help_text=_("可用 {{ school }}、{{ year_label }}。")
    )
    sections = models.JSONField(_("章节"), default=list, help_text="[{heading, text}, …]")
    # Where a school year begins (《高等学校信息公开办法》 leaves it to the school; most use
    # 1 September). A calendar-year template always starts on 1 January.
    start_month = models.PositiveSmallIntegerField(
        _("学年起始月"), default=9, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    start_day = models.PositiveSmallIntegerField(
        _("学年起始日"), default=1, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = _("报告模板")

    def __str__(self):
        return self.name

    def clean(self):
        try:  # a non-leap year: 29 February would not start every year
            datetime.date(2001, self.start_month, self.start_day)
        except (TypeError, ValueError):
            raise ValidationError(
                {
                    "start_day": _("%(month)s月没有%(day)s日，请重新选择学年起始日。")
                    % {"month": self.start_month, "day": self.start_day}
                }
            ) from None

    def period(self, year: int) -> Period:
        """The period of the report for `year` (a school year's first year)."""
        if not 2000 <= year <= 2100:
            raise ValidationError(_("年份须在 2000 至 2100 年之间。"))
        if self.period_kind == PeriodKind.CALENDAR_YEAR:
            return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        start = datetime.date(year, self.start_month, self.start_day)
        return Period(start, start.replace(year=year + 1) - datetime.timedelta(days=1))


class AnnualReportDraft(models.Model):
    """The office's working copy of one year's report; every save is kept as a revision."""

    template = models.ForeignKey(
        ReportTemplate, on_delete=models.PROTECT, related_name="drafts", verbose_name=_("模板")
    )
    year = models.PositiveSmallIntegerField(_("年份"), help_text=_("学年报告填学年起始年份。"))
    title = models.CharField(_("标题"), max_length=200)
    sections = models.JSONField(_("章节"), default=list)
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    report_page = models.ForeignKey(
        "disclosures.AnnualReportPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("门户上的报告"),
        help_text=_("提交审查时创建或更新；审查通过后公开。"),
    )

    class Meta:
        ordering = ["-year", "template"]
        constraints = [
            models.UniqueConstraint(fields=["template", "year"], name="reports_draft_unique")
        ]
        verbose_name = verbose_name_plural = _("年度报告草稿")

    def __str__(self):
        return self.title


class DraftRevision(models.Model):
    """A snapshot of a draft's sections, so every edit can be seen and undone."""

    draft = models.ForeignKey(AnnualReportDraft, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200)
    sections = models.JSONField()
    note = models.CharField(_("说明"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.draft} @ {self.created_at:%Y-%m-%d %H:%M}"


class ReportReminder(models.Model):
    """One day's deadline reminder for one period's report: the row is the claim, so the
    daily job and cron together send at most one reminder per period and day."""

    period_kind = models.CharField(max_length=20, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("年份"))
    sent_on = models.DateField(_("提醒日期"))
    due = models.DateField(pgettext_lazy("deadline", "截止日期"))
    message = models.CharField(_("内容"), max_length=500)
    recipients = models.PositiveSmallIntegerField(_("通知人数"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["period_kind", "year", "sent_on"], name="reports_reminder_once_a_day"
            )
        ]
        verbose_name = verbose_name_plural = _("年度报告提醒")

    def __str__(self):
        return f"{self.sent_on} {self.message}"


class FiledFigures(models.Model):
    """The figures a period's report said when it was filed (submitted for review, and so, once
    approved, published): the published version is frozen on its date while the draft keeps
    counting the records as they are now, so the desk can say which figures differ and why."""

    period_kind = models.CharField(_("统计期间"), max_length=20, choices=PeriodKind.choices)
    period_start = models.DateField(_("期间开始"))
    period_end = models.DateField(_("期间结束"))
    values = models.JSONField(default=dict)  # {figure code: value, None for a gap}
    # The report's own date: the day it was filed (the date its 落款 carries).
    filed_on = models.DateField(_("报告日期"))
    filed_at = models.DateTimeField(default=timezone.now)
    draft = models.ForeignKey(
        AnnualReportDraft, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-filed_at", "-pk"]
        indexes = [
            models.Index(
                fields=["period_kind", "period_start", "period_end", "filed_at"],
                name="reports_filed_period",
            ),
        ]

    def __str__(self):
        return f"{self.period_kind} {self.period_start}–{self.period_end} @ {self.filed_on}"
