"""Applications for disclosure (依申请公开), their event log, letters, fees and appeals.

An application moves through a small state machine (see services.TRANSITIONS); every move
writes an Event with who, when, from, to and the due date before and after, so that the
history of a deadline can always be explained.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

from xxgk.cases.models import Case, CaseAttachment, CaseEvent, optional_link, staff_link
from xxgk.core.storage import private_storage
from xxgk.security.fields import BlindIndexField, EncryptedCharField

from . import outcomes, schedules


class ApplicantType(models.TextChoices):
    # The applicant columns of 表三 (国办公开办函〔2021〕30号).
    CITIZEN = "citizen", _("自然人")
    ENTERPRISE = "enterprise", _("商业企业")
    RESEARCH = "research", _("科研机构")
    WELFARE = "welfare", _("社会公益组织")
    LEGAL = "legal", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他组织")

    @classmethod
    def organisations(cls):
        return [t for t in cls if t != cls.CITIZEN]


class IdType(models.TextChoices):
    RESIDENT = "resident", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    FOREIGN_PR = "foreign_pr", _("外国人永久居留身份证")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    OTHER = "other", _("其他有效证件")


class Channel(models.TextChoices):
    ONLINE = "online", _("网上申请")
    LETTER = "letter", _("信函")
    IN_PERSON = "in_person", _("当面提交")
    EMAIL = "email", _("电子邮件")
    FAX = "fax", _("传真")


class MediumChoice(models.TextChoices):
    PAPER = "paper", _("纸质")
    EMAIL = "email", _("电子邮件")
    DISC = "disc", _("光盘")
    USB = "usb", _("U盘等移动存储")


class DeliveryChoice(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("自行领取")
    FAX = "fax", _("传真")
    ON_SITE = "on_site", _("当场阅读、抄录")


class Status(models.TextChoices):
    RECEIVED = "received", _("已收到")
    CORRECTION = "correction", _("待补正")
    ACCEPTED = "accepted", _("已受理")
    IN_PROGRESS = "in_progress", _("办理中")
    CONSULTING = "consulting", _("征求第三方意见")
    AWAITING_FEE = "awaiting_fee", _("待缴费")
    ANSWERED = "answered", _("已答复")
    WITHDRAWN = "withdrawn", _("已终止")
    ARCHIVED = "archived", _("已归档")


OPEN_STATUSES = [
    Status.RECEIVED,
    Status.CORRECTION,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.CONSULTING,
    Status.AWAITING_FEE,
]
# States in which the reply clock counts (补正 stops it; consultation and the fee period pause
# it: their days are added back, see deadlines.compute).
CLOCK_STATUSES = [
    Status.RECEIVED,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.CONSULTING,
    Status.AWAITING_FEE,
]


def _upload_to(instance, filename):
    return f"requests/{instance.application.number}/{filename}"


class Application(Case):
    number = models.CharField(_("申请编号"), max_length=20, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("年度"), editable=False)
    sequence = models.PositiveIntegerField(_("序号"), editable=False)
    channel = models.CharField(_("申请渠道"), max_length=16, choices=Channel.choices)
    received_on = models.DateField(_("收到日期"), db_index=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    created_by = staff_link(_("登记人"))
    submission_token = models.CharField(max_length=64, unique=True, null=True, editable=False)

    applicant_type = models.CharField(_("申请人类型"), max_length=16, choices=ApplicantType.choices)
    name = models.CharField(_("姓名或名称"), max_length=100)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=16, choices=IdType.choices)
    # Encrypted at rest; the blind index serves the one lookup by ID (fees per applicant).
    id_number = EncryptedCharField(_("证件号码"), max_length=40)
    id_number_index = BlindIndexField(of=["id_type", "id_number"])
    phone = EncryptedCharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)

    description = models.TextField(_("所需信息的内容描述"))
    medium = models.CharField(
        _("信息的指定提供载体形式"), max_length=16, choices=MediumChoice.choices
    )
    delivery = models.CharField(_("获取信息的方式"), max_length=16, choices=DeliveryChoice.choices)

    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    handler = staff_link(_("承办人"), "handled_applications")
    # The reply clock: counts from clock_start (receipt, or receipt of the correction).
    clock_start = models.DateField(_("起算日期"))
    due_date = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField(_("期限为暂定"), default=False)
    extension_days = models.PositiveSmallIntegerField(_("延期工作日"), default=0)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    extension_approved_by = staff_link(_("延期批准人"))
    correction_items = models.TextField(_("需补正的内容"), blank=True)
    correction_due = models.DateField(_("补正期限"), null=True, blank=True)
    # The first correction notice (条例第三十条: within 7 working days of receipt, once).
    correction_requested_on = models.DateField(_("补正告知日期"), null=True, blank=True)
    # The last reminder of the correction-notice deadline, "soon:<date>" or "late:<date>".
    correction_reminder_key = models.CharField(max_length=32, blank=True, editable=False)

    outcome = models.CharField(_("办理结果"), max_length=8, choices=outcomes.CHOICES, blank=True)
    outcome_reason = models.TextField(_("理由"), blank=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True, db_index=True)
    archived_on = models.DateField(_("归档日期"), null=True, blank=True)
    # The last reminder sent, "soon:<due>" or "overdue:<due>", so none goes out twice.
    reminder_key = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        ordering = ["-received_on", "-sequence"]
        verbose_name = verbose_name_plural = _("信息公开申请")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="requests_unique_sequence")
        ]
        permissions = [
            ("handle_application", _("办理依申请公开")),
            ("view_personal_data", _("查看申请人个人信息")),
            ("approve_extension", _("批准延期答复（信息公开办公室负责人）")),
        ]

    def __str__(self):
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def outcome_info(self):
        return outcomes.get(self.outcome) if self.outcome else None

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type != ApplicantType.CITIZEN


class PauseKind(models.TextChoices):
    CONSULTATION = "consultation", _("征求第三方意见")
    FEE = "fee", _("缴费期间")


class ClockPause(models.Model):
    """Time not counted toward the reply deadline: third-party consultation (第三方意见征询),
    or the fee period from the fee notice to the payment (缴费期间)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField(
        _("暂停原因"), max_length=16, choices=PauseKind.choices, default=PauseKind.CONSULTATION
    )
    third_party = models.CharField(_("第三方"), max_length=200, blank=True)
    matter = models.TextField(_("征询事项"), blank=True)
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    opinion = models.TextField(_("第三方意见"), blank=True)
    # The fee period's last day: unpaid after it, the case closes as row 6.2.
    payment_due = models.DateField(_("缴费期限"), null=True, blank=True)

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = verbose_name_plural = _("答复期限暂停")

    def __str__(self):
        if self.kind == PauseKind.FEE:
            return f"{self.application} {self.get_kind_display()}"
        return f"{self.application} → {self.third_party}"


EVENT_LABELS = {
    "submitted": _("网上提交申请"),
    "registered": _("登记申请"),
    "accept": _("受理"),
    "request_correction": _("告知补正"),
    "receive_correction": _("收到补正材料"),
    "lapse_correction": _("逾期未补正，终止办理"),
    "withdraw": _("申请人撤回申请"),
    "assign": _("指定承办人"),
    "start_consultation": _("征求第三方意见"),
    "end_consultation": _("收到第三方意见"),
    "extend": _("延期答复"),
    "answer": _("答复"),
    "archive": _("归档"),
    "letter": _("生成告知书"),
    "fee": _("核定费用"),
    "fee_waived": _("减免费用"),
    "fee_paid": _("缴费"),
    "fee_settled": _("费用已缴清，恢复计算答复期限"),
    "lapse_fee": _("逾期未缴费，终止办理"),
    "correction_reminder": _("补正告知期限提醒"),
    "appeal": _("登记复议诉讼"),
    "appeal_result": _("复议诉讼结果"),
    "reminder": _("期限提醒"),
}


class Event(CaseEvent):
    """A step of an application's timeline; besides the kernel's who, when and note, the
    change of status and of the answer's due date, which the statutory clock depends on."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事项"), max_length=32)
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    old_due = models.DateField(null=True, blank=True)
    new_due = models.DateField(null=True, blank=True)

    class Meta(CaseEvent.Meta):
        verbose_name = verbose_name_plural = _("办理记录")

    def __str__(self):
        return f"{self.application} {self.label}"

    @property
    def label(self) -> str:
        return EVENT_LABELS.get(self.kind, self.kind)

    @property
    def summary(self) -> str:
        """The step as the timeline shows it after who took it: what, the change of status,
        the note and any change of the answer's due date."""
        text = str(self.label)
        if self.from_status:
            text += f"（{self.get_from_status_display()} → {self.get_to_status_display()}）"
        if self.note:
            text += f"：{self.note}"
        if self.new_due and self.old_due:
            text += "。" + _("答复期限由 %(old)s 调整为 %(new)s") % {
                "old": f"{self.old_due:%Y-%m-%d}",
                "new": f"{self.new_due:%Y-%m-%d}",
            }
        elif self.new_due:
            text += f"。{_('答复期限')} {self.new_due:%Y-%m-%d}"
        return text


class AttachmentKind(models.TextChoices):
    APPLICANT = "applicant", _("申请人提交")
    RELEASED = "released", _("答复提供的信息")


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("受理回执")
    CORRECTION = "correction", _("补正告知书")
    EXTENSION = "extension", _("延期答复告知书")
    CONSULTATION = "consultation", _("第三方意见征询函")
    FEE = "fee", _("收费通知书")
    REPLY = "reply", _("信息公开申请答复书")
    FEE_LAPSE = "fee_lapse", _("终止处理告知书（逾期未缴费）")


class LetterTemplate(models.Model):
    """The office's wording of a notice; Django template syntax filled with the case's data."""

    kind = models.CharField(_("文书类型"), max_length=16, choices=LetterKind.choices, unique=True)
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(
        _("正文"),
        help_text=_(
            "可用变量见“依申请公开”说明：{{ number }}、{{ name }}、{{ received_on }}、"
            "{{ due_date }}、{{ outcome }}、{{ legal_basis }}、{{ reason }} 等。"
        ),
    )
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = verbose_name_plural = _("告知书模板")

    def __str__(self):
        return self.get_kind_display()


class Letter(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("文书类型"), max_length=16, choices=LetterKind.choices)
    title = models.CharField(_("标题"), max_length=100)
    text = models.TextField(_("正文"))
    docx = models.FileField(upload_to=_upload_to, storage=private_storage)
    pdf = models.FileField(upload_to=_upload_to, storage=private_storage)
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)
    created_by = staff_link(_("生成人"))
    emailed_to = models.EmailField(_("已发送至"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        get_latest_by = ["created_at", "pk"]  # an application's notice in force
        verbose_name = verbose_name_plural = _("告知书")

    def __str__(self):
        return self.title


class Attachment(CaseAttachment):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(max_length=16, choices=AttachmentKind.choices)
    file = models.FileField(upload_to=_upload_to, storage=private_storage)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = verbose_name_plural = _("附件")


class FeeKind(models.TextChoices):
    SEARCH = "search", _("检索费")
    COPY = "copy", _("复制费")
    POSTAGE = "postage", _("邮寄费")
    BY_COUNT = "by_count", _("信息处理费（按件计收）")
    BY_VOLUME = "by_volume", _("信息处理费（按量计收）")


class Fee(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="fees")
    kind = models.CharField(_("收费项目"), max_length=16, choices=FeeKind.choices)
    amount = models.DecimalField(_("应收金额（元）"), max_digits=10, decimal_places=2)
    basis = models.TextField(_("计算依据"))
    waived_amount = models.DecimalField(
        _("减免金额（元）"), max_digits=10, decimal_places=2, default=0
    )
    waiver_reason = models.TextField(_("减免理由"), blank=True)
    assessed_on = models.DateField(_("核定日期"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    # The fee period this fee belongs to: settled when all its fees are paid or waived.
    pause = optional_link(ClockPause, _("缴费期间"), "fees")
    created_by = staff_link()

    class Meta:
        ordering = ["assessed_on", "pk"]
        verbose_name = verbose_name_plural = _("收费")

    def __str__(self):
        return f"{self.application} {self.get_kind_display()} {self.amount}"

    @property
    def payable(self):
        return self.amount - self.waived_amount


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER = "litigation_after", _("行政诉讼（复议后起诉）")


class AppealResult(models.TextChoices):
    PENDING = "pending", _("尚未审结")
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")


class Appeal(models.Model):
    """Administrative reconsideration or litigation over a reply (表四)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="appeals")
    kind = models.CharField(_("类型"), max_length=24, choices=AppealKind.choices)
    filed_on = models.DateField(_("申请/起诉日期"))
    result = models.CharField(
        _("结果"), max_length=16, choices=AppealResult.choices, default=AppealResult.PENDING
    )
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["filed_on", "pk"]
        verbose_name = verbose_name_plural = _("复议诉讼")

    def __str__(self):
        return f"{self.application} {self.get_kind_display()}"


class FeePolicy(models.TextChoices):
    # 《高等学校信息公开办法》 charges nothing by default: "none" is the default for universities.
    NONE = "none", _("不收费")
    COST = "cost", _("检索、复制、邮寄成本费")
    GOV_2020 = "gov-2020", _("信息处理费：国办函〔2020〕109号标准")
    SCHOOL = "school", _("信息处理费：学校自定标准")


class BandKind(models.TextChoices):
    VOLUME = "volume", _("按量计收（页）")
    COUNT = "count", _("按件计收（件）")


def school_schedule(bands, *, step_size, step_increment, basis) -> schedules.Schedule:
    """The school's own schedule from band rows (objects or cleaned form data)."""

    def value(band, name):
        return band[name] if isinstance(band, dict) else getattr(band, name)

    def of(kind):
        rows = sorted(
            (value(b, "start"), value(b, "rate")) for b in bands if value(b, "kind") == kind
        )
        return tuple(schedules.Band(start, Decimal(rate)) for start, rate in rows)

    return schedules.Schedule(
        name=FeePolicy.SCHOOL,
        volume=of(BandKind.VOLUME),
        count=of(BandKind.COUNT),
        count_step_size=step_size,
        count_step_increment=step_increment,
        basis=basis,
    )


class FeeStandardForm(WagtailAdminModelForm):
    """The settings form checks the bands as a whole, with the calculator's own rules."""

    def clean(self):
        data = super().clean()
        bands = self.formsets["bands"]
        if not bands.is_valid():
            return data
        rows = [
            form.cleaned_data
            for form in bands.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        policy = data.get("policy")
        if policy == FeePolicy.SCHOOL or rows:
            schedule = school_schedule(
                rows,
                step_size=data.get("count_step_size"),
                step_increment=data.get("count_step_increment"),
                basis=data.get("basis", ""),
            )
            try:
                schedule.check()
            except ValidationError as error:
                self.add_error(None, error)
        if policy == FeePolicy.SCHOOL and not data.get("basis", "").strip():
            self.add_error("basis", _("采用学校自定标准时，请填写收费依据。"))
        return data


@register_setting(icon="tag")
class FeeStandard(ClusterableModel, BaseGenericSetting):
    """The school's fee policy for disclosure on request, edited by the office under
    设置 → 依申请公开收费标准; one row for the installation. The calculation lives in fees.py
    (the same for the case page, the fee notice and ``manage.py request_fee``)."""

    policy = models.CharField(
        _("收费政策"), max_length=16, choices=FeePolicy.choices, default=FeePolicy.NONE
    )
    payment_days = models.PositiveSmallIntegerField(
        _("缴费期限（工作日）"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("收费通知发出后申请人缴费的期限；期间不计入答复期限，逾期未缴费的终止办理。"),
    )
    basis = models.CharField(
        _("学校收费依据"),
        max_length=200,
        blank=True,
        help_text=_(
            "学校自定标准或成本费的依据（如学校信息公开收费办法的名称和文号），印在收费通知书上。"
        ),
    )
    count_step_size = models.PositiveIntegerField(
        _("按件：最后一档后每多少件为一档"), null=True, blank=True
    )
    count_step_increment = models.DecimalField(
        _("按件：每增加一档提高（元/件）"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    search_fee = models.DecimalField(
        _("检索费（元/件）"), max_digits=8, decimal_places=2, default=0
    )
    copy_fee = models.DecimalField(
        _("复制费（元/页）"), max_digits=8, decimal_places=2, default=Decimal("0.20")
    )
    postage = models.DecimalField(
        _("邮寄费（元/件）"), max_digits=8, decimal_places=2, default=Decimal("10.00")
    )

    base_form_class = FeeStandardForm
    panels = [
        FieldPanel("policy"),
        FieldPanel("payment_days"),
        FieldPanel("basis"),
        MultiFieldPanel(
            [
                InlinePanel("bands", label=_("分档")),
                FieldRowPanel([FieldPanel("count_step_size"), FieldPanel("count_step_increment")]),
            ],
            heading=_("学校自定标准（超额累进）"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("search_fee"), FieldPanel("copy_fee"), FieldPanel("postage")]
                )
            ],
            heading=_("成本费"),
        ),
    ]

    class Meta:
        verbose_name = verbose_name_plural = _("依申请公开收费标准")

    def __str__(self):
        return str(self._meta.verbose_name)

    def school_schedule(self) -> schedules.Schedule:
        """The school's own bands (policy "school"), whatever the policy chosen now."""
        return school_schedule(
            list(self.bands.all()),
            step_size=self.count_step_size,
            step_increment=self.count_step_increment,
            basis=self.basis,
        )


class FeeBand(Orderable):
    """One band of the school's own schedule: from the `start`-th page (or application in the
    month) on, `rate` yuan each, until the next band of the same kind starts."""

    standard = ParentalKey(FeeStandard, on_delete=models.CASCADE, related_name="bands")
    kind = models.CharField(_("计收方式"), max_length=8, choices=BandKind.choices)
    start = models.PositiveIntegerField(_("自第几页（件）起"))
    rate = models.DecimalField(_("单价（元）"), max_digits=8, decimal_places=2)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("start"), FieldPanel("rate")])]

    class Meta(Orderable.Meta):
        verbose_name = verbose_name_plural = _("收费分档")

    def __str__(self):
        return f"{self.get_kind_display()} {self.start}: {self.rate}"
