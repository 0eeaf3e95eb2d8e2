"""The registers the annual report counts (issue 19): publishing channels and their monthly
figures, admissions and outreach, fees, procurement notices, cadre changes and probation
assessments. The office enters and imports them here; the report reads them only through the
figures this app registers in the report's figure registry.

The models moved here from reports (registers 0001): their tables keep the old names.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# --- The records the report counts -------------------------------------------------------------


class ChannelKind(models.TextChoices):
    WEIBO = "weibo", _("官方微博")
    WECHAT = "wechat", _("官方微信")
    DOUYIN = "douyin", _("抖音")
    NEWSPAPER = "newspaper", _("校报")
    OTHER = "other", _("其他")


class Channel(models.Model):
    """A publishing channel (官方微博, 官方微信, 校报 …) whose monthly figures the report sums."""

    name = models.CharField(_("名称"), max_length=60, unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=ChannelKind.choices)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        db_table = "reports_channel"  # the table the model had in reports
        ordering = ["sort_order", "name"]
        verbose_name = verbose_name_plural = _("发布渠道")

    def __str__(self):
        return self.name


class ChannelMonth(models.Model):
    """One channel's figures for one month, as exported by the platform (posts, reads, likes)."""

    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="months", verbose_name=_("渠道")
    )
    month = models.DateField(_("月份"), help_text=_("该月1日。"))
    posts = models.PositiveIntegerField(_("发布篇数/期数"))
    reads = models.PositiveIntegerField(_("阅读量"), null=True, blank=True)
    likes = models.PositiveIntegerField(_("获赞数"), null=True, blank=True)

    class Meta:
        db_table = "reports_channelmonth"  # the table the model had in reports
        ordering = ["channel", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "month"], name="reports_channel_month_unique"
            )
        ]
        verbose_name = verbose_name_plural = _("渠道月度数据")

    def __str__(self):
        return f"{self.channel} {self.month:%Y-%m}"


class AdmissionLevel(models.TextChoices):
    UNDERGRADUATE = "本科", _("本科")
    VOCATIONAL = "高职", _("高职")
    UPGRADE = "专升本", _("专升本")
    INTEGRATED = "中本一体化", _("中本一体化")
    FIVE_YEAR = "五年制学前教育大专班", _("五年制学前教育大专班")
    OTHER = "其他", _("其他")


class AdmissionResult(models.Model):
    """New students admitted in one admission year, by province and level."""

    year = models.PositiveSmallIntegerField(_("招生年份"))
    province = models.CharField(_("省份"), max_length=20)
    level = models.CharField(_("层次/类型"), max_length=20, choices=AdmissionLevel.choices)
    admitted = models.PositiveIntegerField(_("录取人数"))

    class Meta:
        db_table = "reports_admissionresult"  # the table the model had in reports
        ordering = ["-year", "province", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "province", "level"], name="reports_admission_unique"
            )
        ]
        verbose_name = verbose_name_plural = _("录取结果")

    def __str__(self):
        return _("%(year)s %(province)s %(level)s %(admitted)s人") % {
            "year": self.year,
            "province": self.province,
            "level": self.level,
            "admitted": self.admitted,
        }


class OutreachKind(models.TextChoices):
    LIVESTREAM = "livestream", _("直播宣讲/访谈")
    VIDEO = "video", _("宣传短视频投放")
    VISIT = "visit", _("赴中学招生咨询")


class OutreachEvent(models.Model):
    """One admissions-outreach activity: a livestream, a video placement or a school visit."""

    kind = models.CharField(_("类型"), max_length=20, choices=OutreachKind.choices)
    held_on = models.DateField(_("日期"))
    title = models.CharField(_("名称"), max_length=200)
    platform = models.CharField(_("平台/媒体"), max_length=100, blank=True)
    province = models.CharField(_("省份"), max_length=20, blank=True)
    city = models.CharField(_("地市"), max_length=30, blank=True)
    school = models.CharField(_("中学"), max_length=100, blank=True)
    reads = models.PositiveIntegerField(_("阅读/观看量"), null=True, blank=True)

    class Meta:
        db_table = "reports_outreachevent"  # the table the model had in reports
        ordering = ["-held_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "held_on", "title", "province", "city", "school"],
                name="reports_outreach_unique",
            )
        ]
        verbose_name = verbose_name_plural = _("招生宣传活动")

    def __str__(self):
        return f"{self.held_on} {self.title}"


class OutreachMember(models.Model):
    """A member of the admissions-outreach team in one school year."""

    school_year_start = models.PositiveSmallIntegerField(_("学年起始年份"))
    name = models.CharField(_("姓名"), max_length=50)
    unit = models.CharField(_("所在单位"), max_length=100)

    class Meta:
        db_table = "reports_outreachmember"  # the table the model had in reports
        ordering = ["-school_year_start", "unit", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school_year_start", "name", "unit"], name="reports_outreach_member_unique"
            )
        ]
        verbose_name = verbose_name_plural = _("招生宣传团队成员")

    def __str__(self):
        return f"{self.name}（{self.unit}）"


class FeeSchedule(models.Model):
    """收费公示: a fee item, its standard and the document it rests on."""

    item = models.CharField(_("收费项目"), max_length=100)
    scope = models.CharField(_("适用范围"), max_length=100, blank=True)
    standard = models.CharField(_("收费标准"), max_length=100)
    basis = models.CharField(_("收费依据"), max_length=200)
    effective_from = models.DateField(_("执行日期"))
    effective_until = models.DateField(_("停止日期"), null=True, blank=True)

    class Meta:
        db_table = "reports_feeschedule"  # the table the model had in reports
        ordering = ["item", "scope", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "scope", "effective_from"], name="reports_fee_unique"
            )
        ]
        verbose_name = verbose_name_plural = _("收费公示")

    def __str__(self):
        return f"{self.item}{f'（{self.scope}）' if self.scope else ''} {self.standard}"


class ProcurementKind(models.TextChoices):
    INTENTION = "intention", _("采购意向")
    DECENTRALISED = "decentralised", _("分散采购公示")
    TENDER_RESULT = "tender_result", _("招投标结果")


class ProcurementNotice(models.Model):
    """A procurement notice and the platform it was published on."""

    kind = models.CharField(_("类型"), max_length=20, choices=ProcurementKind.choices)
    title = models.CharField(_("标题"), max_length=255)
    published_on = models.DateField(_("发布日期"))
    platform = models.CharField(_("发布平台"), max_length=60)
    url = models.URLField(_("网址"), max_length=500, blank=True)

    class Meta:
        db_table = "reports_procurementnotice"  # the table the model had in reports
        ordering = ["-published_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "title", "published_on"], name="reports_procurement_unique"
            )
        ]
        verbose_name = verbose_name_plural = _("采购公示")

    def __str__(self):
        return self.title


class CadreAction(models.TextChoices):
    PROMOTION = "promotion", _("提任")
    TRANSFER = "transfer", _("平级交流")
    REMOVAL = "removal", _("免去职务")


class CadreLevel(models.TextChoices):
    MIDDLE_CHIEF = "middle_chief", _("中层正职")
    MIDDLE_DEPUTY = "middle_deputy", _("中层副职")
    SECTION_CHIEF = "section_chief", _("正科级")
    SECTION_DEPUTY = "section_deputy", _("副科级")

    @classmethod
    def middle(cls):
        return [cls.MIDDLE_CHIEF, cls.MIDDLE_DEPUTY]

    @classmethod
    def section(cls):
        return [cls.SECTION_CHIEF, cls.SECTION_DEPUTY]


class CadreChange(models.Model):
    """A cadre appointment, lateral transfer or removal, from its 任免文件."""

    action = models.CharField(_("类别"), max_length=20, choices=CadreAction.choices)
    level = models.CharField(_("职级"), max_length=20, choices=CadreLevel.choices)
    person = models.CharField(_("姓名"), max_length=50)
    position = models.CharField(_("职务"), max_length=150)
    effective_on = models.DateField(_("任免日期"))
    document_number = models.CharField(_("文号"), max_length=60, blank=True)

    class Meta:
        db_table = "reports_cadrechange"  # the table the model had in reports
        ordering = ["-effective_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "person", "position", "effective_on"],
                name="reports_cadre_change_unique",
            )
        ]
        verbose_name = verbose_name_plural = _("干部任免")

    def __str__(self):
        return f"{self.get_action_display()} {self.person} {self.position}"


class ProbationAssessment(models.Model):
    """试用期满考核 of a newly appointed cadre."""

    person = models.CharField(_("姓名"), max_length=50)
    position = models.CharField(_("职务"), max_length=150)
    assessed_on = models.DateField(_("考核完成日期"))
    result = models.CharField(_("考核结果"), max_length=20, default="合格")

    class Meta:
        db_table = "reports_probationassessment"  # the table the model had in reports
        ordering = ["-assessed_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "position", "assessed_on"], name="reports_probation_unique"
            )
        ]
        verbose_name = verbose_name_plural = _("试用期满考核")

    def __str__(self):
        return f"{self.person} {self.position}"
