import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .registry import Period


class PeriodKind(models.TextChoices):
    SCHOOL_YEAR = "school_year", "学年（自模板设定的起始日起一年，默认9月1日）"
    CALENDAR_YEAR = "calendar_year", "自然年（1月1日至12月31日）"


# --- The records the report counts -------------------------------------------------------------


class ChannelKind(models.TextChoices):
    WEIBO = "weibo", "官方微博"
    WECHAT = "wechat", "官方微信"
    DOUYIN = "douyin", "抖音"
    NEWSPAPER = "newspaper", "校报"
    OTHER = "other", "其他"


class Channel(models.Model):
    """A publishing channel (官方微博, 官方微信, 校报 …) whose monthly figures the report sums."""

    name = models.CharField("名称", max_length=60, unique=True)
    kind = models.CharField("类型", max_length=20, choices=ChannelKind.choices)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "发布渠道"
        verbose_name_plural = "发布渠道"

    def __str__(self):
        return self.name


class ChannelMonth(models.Model):
    """One channel's figures for one month, as exported by the platform (posts, reads, likes)."""

    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="months", verbose_name="渠道"
    )
    month = models.DateField("月份", help_text="该月1日。")
    posts = models.PositiveIntegerField("发布篇数/期数")
    reads = models.PositiveIntegerField("阅读量", null=True, blank=True)
    likes = models.PositiveIntegerField("获赞数", null=True, blank=True)

    class Meta:
        ordering = ["channel", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "month"], name="reports_channel_month_unique"
            )
        ]
        verbose_name = "渠道月度数据"
        verbose_name_plural = "渠道月度数据"

    def __str__(self):
        return f"{self.channel} {self.month:%Y-%m}"


class AdmissionLevel(models.TextChoices):
    UNDERGRADUATE = "本科", "本科"
    VOCATIONAL = "高职", "高职"
    UPGRADE = "专升本", "专升本"
    INTEGRATED = "中本一体化", "中本一体化"
    FIVE_YEAR = "五年制学前教育大专班", "五年制学前教育大专班"
    OTHER = "其他", "其他"


class AdmissionResult(models.Model):
    """New students admitted in one admission year, by province and level."""

    year = models.PositiveSmallIntegerField("招生年份")
    province = models.CharField("省份", max_length=20)
    level = models.CharField("层次/类型", max_length=20, choices=AdmissionLevel.choices)
    admitted = models.PositiveIntegerField("录取人数")

    class Meta:
        ordering = ["-year", "province", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "province", "level"], name="reports_admission_unique"
            )
        ]
        verbose_name = "录取结果"
        verbose_name_plural = "录取结果"

    def __str__(self):
        return f"{self.year} {self.province} {self.level} {self.admitted}人"


class OutreachKind(models.TextChoices):
    LIVESTREAM = "livestream", "直播宣讲/访谈"
    VIDEO = "video", "宣传短视频投放"
    VISIT = "visit", "赴中学招生咨询"


class OutreachEvent(models.Model):
    """One admissions-outreach activity: a livestream, a video placement or a school visit."""

    kind = models.CharField("类型", max_length=20, choices=OutreachKind.choices)
    held_on = models.DateField("日期")
    title = models.CharField("名称", max_length=200)
    platform = models.CharField("平台/媒体", max_length=100, blank=True)
    province = models.CharField("省份", max_length=20, blank=True)
    city = models.CharField("地市", max_length=30, blank=True)
    school = models.CharField("中学", max_length=100, blank=True)
    reads = models.PositiveIntegerField("阅读/观看量", null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "held_on", "title", "province", "city", "school"],
                name="reports_outreach_unique",
            )
        ]
        verbose_name = "招生宣传活动"
        verbose_name_plural = "招生宣传活动"

    def __str__(self):
        return f"{self.held_on} {self.title}"


class OutreachMember(models.Model):
    """A member of the admissions-outreach team in one school year."""

    school_year_start = models.PositiveSmallIntegerField("学年起始年份")
    name = models.CharField("姓名", max_length=50)
    unit = models.CharField("所在单位", max_length=100)

    class Meta:
        ordering = ["-school_year_start", "unit", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school_year_start", "name", "unit"], name="reports_outreach_member_unique"
            )
        ]
        verbose_name = "招生宣传团队成员"
        verbose_name_plural = "招生宣传团队成员"

    def __str__(self):
        return f"{self.name}（{self.unit}）"


class FeeSchedule(models.Model):
    """收费公示: a fee item, its standard and the document it rests on."""

    item = models.CharField("收费项目", max_length=100)
    scope = models.CharField("适用范围", max_length=100, blank=True)
    standard = models.CharField("收费标准", max_length=100)
    basis = models.CharField("收费依据", max_length=200)
    effective_from = models.DateField("执行日期")
    effective_until = models.DateField("停止日期", null=True, blank=True)

    class Meta:
        ordering = ["item", "scope", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "scope", "effective_from"], name="reports_fee_unique"
            )
        ]
        verbose_name = "收费公示"
        verbose_name_plural = "收费公示"

    def __str__(self):
        return f"{self.item}{f'（{self.scope}）' if self.scope else ''} {self.standard}"


class ProcurementKind(models.TextChoices):
    INTENTION = "intention", "采购意向"
    DECENTRALISED = "decentralised", "分散采购公示"
    TENDER_RESULT = "tender_result", "招投标结果"


class ProcurementNotice(models.Model):
    """A procurement notice and the platform it was published on."""

    kind = models.CharField("类型", max_length=20, choices=ProcurementKind.choices)
    title = models.CharField("标题", max_length=255)
    published_on = models.DateField("发布日期")
    platform = models.CharField("发布平台", max_length=60)
    url = models.URLField("网址", max_length=500, blank=True)

    class Meta:
        ordering = ["-published_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "title", "published_on"], name="reports_procurement_unique"
            )
        ]
        verbose_name = "采购公示"
        verbose_name_plural = "采购公示"

    def __str__(self):
        return self.title


class CadreAction(models.TextChoices):
    PROMOTION = "promotion", "提任"
    TRANSFER = "transfer", "平级交流"
    REMOVAL = "removal", "免去职务"


class CadreLevel(models.TextChoices):
    MIDDLE_CHIEF = "middle_chief", "中层正职"
    MIDDLE_DEPUTY = "middle_deputy", "中层副职"
    SECTION_CHIEF = "section_chief", "正科级"
    SECTION_DEPUTY = "section_deputy", "副科级"

    @classmethod
    def middle(cls):
        return [cls.MIDDLE_CHIEF, cls.MIDDLE_DEPUTY]

    @classmethod
    def section(cls):
        return [cls.SECTION_CHIEF, cls.SECTION_DEPUTY]


class CadreChange(models.Model):
    """A cadre appointment, lateral transfer or removal, from its 任免文件."""

    action = models.CharField("类别", max_length=20, choices=CadreAction.choices)
    level = models.CharField("职级", max_length=20, choices=CadreLevel.choices)
    person = models.CharField("姓名", max_length=50)
    position = models.CharField("职务", max_length=150)
    effective_on = models.DateField("任免日期")
    document_number = models.CharField("文号", max_length=60, blank=True)

    class Meta:
        ordering = ["-effective_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "person", "position", "effective_on"],
                name="reports_cadre_change_unique",
            )
        ]
        verbose_name = "干部任免"
        verbose_name_plural = "干部任免"

    def __str__(self):
        return f"{self.get_action_display()} {self.person} {self.position}"


class ProbationAssessment(models.Model):
    """试用期满考核 of a newly appointed cadre."""

    person = models.CharField("姓名", max_length=50)
    position = models.CharField("职务", max_length=150)
    assessed_on = models.DateField("考核完成日期")
    result = models.CharField("考核结果", max_length=20, default="合格")

    class Meta:
        ordering = ["-assessed_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "position", "assessed_on"], name="reports_probation_unique"
            )
        ]
        verbose_name = "试用期满考核"
        verbose_name_plural = "试用期满考核"

    def __str__(self):
        return f"{self.person} {self.position}"


# --- Templates and drafts ----------------------------------------------------------------------


class ReportTemplate(models.Model):
    """A report structure: ordered sections whose text may cite figures as {{ code }}."""

    name = models.CharField("名称", max_length=100, unique=True)
    period_kind = models.CharField(
        "统计期间", max_length=20, choices=PeriodKind.choices, default=PeriodKind.SCHOOL_YEAR
    )
    title = models.CharField(
        "报告标题", max_length=200, help_text="可用 {{ school }}、{{ year_label }}。"
    )
    sections = models.JSONField("章节", default=list, help_text="[{heading, text}, …]")
    # Where a school year begins (《高等学校信息公开办法》 leaves it to the school; most use
    # 1 September). A calendar-year template always starts on 1 January.
    start_month = models.PositiveSmallIntegerField(
        "学年起始月", default=9, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    start_day = models.PositiveSmallIntegerField(
        "学年起始日", default=1, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "报告模板"
        verbose_name_plural = "报告模板"

    def __str__(self):
        return self.name

    def clean(self):
        try:  # a non-leap year: 29 February would not start every year
            datetime.date(2001, self.start_month, self.start_day)
        except (TypeError, ValueError):
            raise ValidationError(
                {"start_day": f"{self.start_month}月没有{self.start_day}日，请重新选择学年起始日。"}
            ) from None

    def period(self, year: int) -> Period:
        """The period of the report for `year` (a school year's first year)."""
        if not 2000 <= year <= 2100:
            raise ValidationError("年份须在 2000 至 2100 年之间。")
        if self.period_kind == PeriodKind.CALENDAR_YEAR:
            return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        start = datetime.date(year, self.start_month, self.start_day)
        return Period(start, start.replace(year=year + 1) - datetime.timedelta(days=1))


class AnnualReportDraft(models.Model):
    """The office's working copy of one year's report; every save is kept as a revision."""

    template = models.ForeignKey(
        ReportTemplate, on_delete=models.PROTECT, related_name="drafts", verbose_name="模板"
    )
    year = models.PositiveSmallIntegerField("年份", help_text="学年报告填学年起始年份。")
    title = models.CharField("标题", max_length=200)
    sections = models.JSONField("章节", default=list)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    report_page = models.ForeignKey(
        "disclosures.AnnualReportPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="门户上的报告",
        help_text="提交审查时创建或更新；审查通过后公开。",
    )

    class Meta:
        ordering = ["-year", "template"]
        constraints = [
            models.UniqueConstraint(fields=["template", "year"], name="reports_draft_unique")
        ]
        verbose_name = "年度报告草稿"
        verbose_name_plural = "年度报告草稿"

    def __str__(self):
        return self.title


class DraftRevision(models.Model):
    """A snapshot of a draft's sections, so every edit can be seen and undone."""

    draft = models.ForeignKey(AnnualReportDraft, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200)
    sections = models.JSONField()
    note = models.CharField("说明", max_length=100, blank=True)
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
    year = models.PositiveSmallIntegerField("年份")
    sent_on = models.DateField("提醒日期")
    due = models.DateField("截止日期")
    message = models.CharField("内容", max_length=500)
    recipients = models.PositiveSmallIntegerField("通知人数", default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["period_kind", "year", "sent_on"], name="reports_reminder_once_a_day"
            )
        ]
        verbose_name = "年度报告提醒"
        verbose_name_plural = "年度报告提醒"

    def __str__(self):
        return f"{self.sent_on} {self.message}"
