"""Applications for disclosure (依申请公开), their event log, letters, fees and appeals.

An application moves through a small state machine (see services.TRANSITIONS); every move
writes an Event with who, when, from, to and the due date before and after, so that the
history of a deadline can always be explained.
"""

from django.conf import settings
from django.db import models

from xxgk.security.fields import BlindIndexField, EncryptedCharField

from . import outcomes
from .storage import private_storage


class ApplicantType(models.TextChoices):
    # The applicant columns of 表三 (国办公开办函〔2021〕30号).
    CITIZEN = "citizen", "自然人"
    ENTERPRISE = "enterprise", "商业企业"
    RESEARCH = "research", "科研机构"
    WELFARE = "welfare", "社会公益组织"
    LEGAL = "legal", "法律服务机构"
    OTHER_ORG = "other_org", "其他组织"

    @classmethod
    def organisations(cls):
        return [t for t in cls if t != cls.CITIZEN]


class IdType(models.TextChoices):
    RESIDENT = "resident", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    FOREIGN_PR = "foreign_pr", "外国人永久居留身份证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    OTHER = "other", "其他有效证件"


class Channel(models.TextChoices):
    ONLINE = "online", "网上申请"
    LETTER = "letter", "信函"
    IN_PERSON = "in_person", "当面提交"
    EMAIL = "email", "电子邮件"
    FAX = "fax", "传真"


class MediumChoice(models.TextChoices):
    PAPER = "paper", "纸质"
    EMAIL = "email", "电子邮件"
    DISC = "disc", "光盘"
    USB = "usb", "U盘等移动存储"


class DeliveryChoice(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "自行领取"
    FAX = "fax", "传真"
    ON_SITE = "on_site", "当场阅读、抄录"


class Status(models.TextChoices):
    RECEIVED = "received", "已收到"
    CORRECTION = "correction", "待补正"
    ACCEPTED = "accepted", "已受理"
    IN_PROGRESS = "in_progress", "办理中"
    CONSULTING = "consulting", "征求第三方意见"
    ANSWERED = "answered", "已答复"
    WITHDRAWN = "withdrawn", "已终止"
    ARCHIVED = "archived", "已归档"


OPEN_STATUSES = [
    Status.RECEIVED,
    Status.CORRECTION,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.CONSULTING,
]
# States in which the reply clock runs (补正 stops it; consultation pauses it).
CLOCK_STATUSES = [Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS, Status.CONSULTING]


def _upload_to(instance, filename):
    return f"requests/{instance.application.number}/{filename}"


class NumberSequence(models.Model):
    """The last application number handed out per year; rows are locked to hand out the next."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class Application(models.Model):
    number = models.CharField("申请编号", max_length=20, unique=True, editable=False)
    year = models.PositiveSmallIntegerField("年度", editable=False)
    sequence = models.PositiveIntegerField("序号", editable=False)
    channel = models.CharField("申请渠道", max_length=16, choices=Channel.choices)
    received_on = models.DateField("收到日期", db_index=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="登记人",
    )
    submission_token = models.CharField(max_length=64, unique=True, null=True, editable=False)

    applicant_type = models.CharField("申请人类型", max_length=16, choices=ApplicantType.choices)
    name = models.CharField("姓名或名称", max_length=100)
    contact_person = models.CharField("联系人", max_length=50, blank=True)
    id_type = models.CharField("证件类型", max_length=16, choices=IdType.choices)
    # Encrypted at rest; the blind index serves the one lookup by ID (fees per applicant).
    id_number = EncryptedCharField("证件号码", max_length=40)
    id_number_index = BlindIndexField(of=["id_type", "id_number"])
    phone = EncryptedCharField("联系电话", max_length=30)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)

    description = models.TextField("所需信息的内容描述")
    medium = models.CharField("信息的指定提供载体形式", max_length=16, choices=MediumChoice.choices)
    delivery = models.CharField("获取信息的方式", max_length=16, choices=DeliveryChoice.choices)
    query_code_hash = models.CharField(max_length=64, editable=False)

    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_applications",
        verbose_name="承办人",
    )
    # The reply clock: counts from clock_start (receipt, or receipt of the correction).
    clock_start = models.DateField("起算日期")
    due_date = models.DateField("答复期限", null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField("期限为暂定", default=False)
    extension_days = models.PositiveSmallIntegerField("延期工作日", default=0)
    extension_reason = models.TextField("延期理由", blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="延期批准人",
    )
    correction_items = models.TextField("需补正的内容", blank=True)
    correction_due = models.DateField("补正期限", null=True, blank=True)

    outcome = models.CharField("办理结果", max_length=8, choices=outcomes.CHOICES, blank=True)
    outcome_reason = models.TextField("理由", blank=True)
    reply_text = models.TextField("答复内容", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True, db_index=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    personal_data_erased_on = models.DateField("个人信息删除日期", null=True, blank=True)
    # The last reminder sent, "soon:<due>" or "overdue:<due>", so none goes out twice.
    reminder_key = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        ordering = ["-received_on", "-sequence"]
        verbose_name = "信息公开申请"
        verbose_name_plural = "信息公开申请"
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="requests_unique_sequence")
        ]
        permissions = [
            ("handle_application", "办理依申请公开"),
            ("view_personal_data", "查看申请人个人信息"),
            ("approve_extension", "批准延期答复（信息公开办公室负责人）"),
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


class ClockPause(models.Model):
    """Time not counted: third-party consultation (第三方意见征询)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pauses")
    third_party = models.CharField("第三方", max_length=200)
    matter = models.TextField("征询事项")
    started_on = models.DateField("开始日期")
    ended_on = models.DateField("结束日期", null=True, blank=True)
    opinion = models.TextField("第三方意见", blank=True)

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = "第三方意见征询"
        verbose_name_plural = "第三方意见征询"

    def __str__(self):
        return f"{self.application} → {self.third_party}"


EVENT_LABELS = {
    "submitted": "网上提交申请",
    "registered": "登记申请",
    "accept": "受理",
    "request_correction": "告知补正",
    "receive_correction": "收到补正材料",
    "lapse_correction": "逾期未补正，终止办理",
    "withdraw": "申请人撤回申请",
    "assign": "指定承办人",
    "start_consultation": "征求第三方意见",
    "end_consultation": "收到第三方意见",
    "extend": "延期答复",
    "answer": "答复",
    "archive": "归档",
    "letter": "生成告知书",
    "fee": "核定费用",
    "fee_waived": "减免费用",
    "fee_paid": "缴费",
    "appeal": "登记复议诉讼",
    "appeal_result": "复议诉讼结果",
    "reminder": "期限提醒",
}


class Event(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("时间", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    kind = models.CharField("事项", max_length=32)
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    note = models.TextField("说明", blank=True)
    old_due = models.DateField(null=True, blank=True)
    new_due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"

    def __str__(self):
        return f"{self.application} {self.label}"

    @property
    def label(self) -> str:
        return EVENT_LABELS.get(self.kind, self.kind)


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", "受理回执"
    CORRECTION = "correction", "补正告知书"
    EXTENSION = "extension", "延期答复告知书"
    CONSULTATION = "consultation", "第三方意见征询函"
    FEE = "fee", "收费通知书"
    REPLY = "reply", "信息公开申请答复书"


class LetterTemplate(models.Model):
    """The office's wording of a notice; Django template syntax filled with the case's data."""

    kind = models.CharField("文书类型", max_length=16, choices=LetterKind.choices, unique=True)
    title = models.CharField("标题", max_length=100)
    body = models.TextField(
        "正文",
        help_text="可用变量见“依申请公开”说明：{{ number }}、{{ name }}、{{ received_on }}、"
        "{{ due_date }}、{{ outcome }}、{{ legal_basis }}、{{ reason }} 等。",
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = "告知书模板"
        verbose_name_plural = "告知书模板"

    def __str__(self):
        return self.get_kind_display()


class Letter(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField("文书类型", max_length=16, choices=LetterKind.choices)
    title = models.CharField("标题", max_length=100)
    text = models.TextField("正文")
    docx = models.FileField(upload_to=_upload_to, storage=private_storage)
    pdf = models.FileField(upload_to=_upload_to, storage=private_storage)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="生成人",
    )
    emailed_to = models.EmailField("已发送至", blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "告知书"
        verbose_name_plural = "告知书"

    def __str__(self):
        return self.title


class AttachmentKind(models.TextChoices):
    APPLICANT = "applicant", "申请人提交"
    RELEASED = "released", "答复提供的信息"


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(max_length=16, choices=AttachmentKind.choices)
    file = models.FileField(upload_to=_upload_to, storage=private_storage)
    original_name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self):
        return self.original_name


class FeeKind(models.TextChoices):
    SEARCH = "search", "检索费"
    COPY = "copy", "复制费"
    POSTAGE = "postage", "邮寄费"
    BY_COUNT = "by_count", "信息处理费（按件计收）"
    BY_VOLUME = "by_volume", "信息处理费（按量计收）"


class Fee(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="fees")
    kind = models.CharField("收费项目", max_length=16, choices=FeeKind.choices)
    amount = models.DecimalField("应收金额（元）", max_digits=10, decimal_places=2)
    basis = models.CharField("计算依据", max_length=200)
    waived_amount = models.DecimalField(
        "减免金额（元）", max_digits=10, decimal_places=2, default=0
    )
    waiver_reason = models.TextField("减免理由", blank=True)
    assessed_on = models.DateField("核定日期")
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["assessed_on", "pk"]
        verbose_name = "收费"
        verbose_name_plural = "收费"

    def __str__(self):
        return f"{self.application} {self.get_kind_display()} {self.amount}"

    @property
    def payable(self):
        return self.amount - self.waived_amount


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after", "行政诉讼（复议后起诉）"


class AppealResult(models.TextChoices):
    PENDING = "pending", "尚未审结"
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"


class Appeal(models.Model):
    """Administrative reconsideration or litigation over a reply (表四)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="appeals")
    kind = models.CharField("类型", max_length=24, choices=AppealKind.choices)
    filed_on = models.DateField("申请/起诉日期")
    result = models.CharField(
        "结果", max_length=16, choices=AppealResult.choices, default=AppealResult.PENDING
    )
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["filed_on", "pk"]
        verbose_name = "复议诉讼"
        verbose_name_plural = "复议诉讼"

    def __str__(self):
        return f"{self.application} {self.get_kind_display()}"
