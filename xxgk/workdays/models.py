from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("放假（非工作日）")
    WORKDAY = "workday", _("上班（含调休补班）")


class CalendarDay(models.Model):
    """An office-recorded day that overrides the built-in holiday data.

    The State Council publishes each year's holidays and make-up workdays (调休) around
    November; the bundled data stops at the last year it knows. The office records the new
    year's days here (or corrects a day), and these rows always win.
    """

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=16, choices=DayKind.choices)
    name = models.CharField(
        _("名称"), max_length=50, blank=True, help_text=_("如：国庆节、国庆节调休补班")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("录入人"),
    )
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = verbose_name_plural = _("节假日调整")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()


class ConfirmedYear(models.Model):
    """A year whose holiday arrangement the office has entered completely."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(_("依据"), max_length=200, help_text=_("如：国办发明电〔2026〕X号"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("确认人"),
    )
    confirmed_at = models.DateTimeField(_("确认时间"), auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = verbose_name_plural = _("已确认年度")

    def __str__(self):
        return _("%(year)s年（%(source)s）") % {"year": self.year, "source": self.source}
