"""Confidentiality review before publishing (先审查、后公开, 一事一审).

Review runs on Wagtail's workflow machinery with our own task types, so that Wagtail's
page states, history and locking stay coherent; what Wagtail lacks (the review record,
the personal-data scan, withdrawal with a reason, notices) lives in the models below.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Task

from xxgk.core.ocr import OcrLimits
from xxgk.core.storage import private_storage
from xxgk.core.textextract import reason_label
from xxgk.orgs.models import Department


class RecordedDecisionTask(Task):
    """A step decided only on xxgk's review page, which writes the record: Wagtail's
    one-click approve/reject (the GroupApprovalTask way) would skip it, so it is closed."""

    refusal = "请在审查页面作出决定。"

    class Meta:
        abstract = True

    def get_actions(self, obj, user):
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(self.refusal)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # Imported here: selectors import these models: a module-level import would be circular.
        from .selectors import review_queue

        return review_queue(user).filter(task=self)

    def user_can_access_editor(self, obj, user):
        # Reviewers and heads read the revision on the review page; who edits a disclosure is
        # decided by xxgk.disclosures.policy alone.
        return False


class ConfidentialityReviewTask(RecordedDecisionTask):
    """保密审查: decided by a confidentiality reviewer with a full record, never by the
    submitter and never by a superuser's shortcut."""

    refusal = "保密审查须在审查页面填写保密审查单后作出决定。"

    class Meta:
        verbose_name = "保密审查"
        verbose_name_plural = "保密审查"

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        # Imported here: services import these models: a module-level import would be circular.
        from .services import review_started

        review_started(task_state, user=user)
        return task_state

    @classmethod
    def get_description(cls):
        return "保密审查员填写保密审查单后决定是否同意公开；提交人不能审查自己提交的内容。"


class DepartmentHeadTask(RecordedDecisionTask):
    """部门负责人审核: an optional second step after the confidentiality review, taken by
    the publishing department's head (or the office where the department has none)."""

    refusal = "部门负责人审核须在审查页面作出决定。"

    class Meta:
        verbose_name = "部门负责人审核"
        verbose_name_plural = "部门负责人审核"

    def start(self, workflow_state, user=None):
        # Imported here: selectors import these models: a module-level import would be circular.
        from .selectors import confidentiality_review_task, revision_passed_review

        revision = workflow_state.content_object.get_latest_revision()
        review_task = confidentiality_review_task(workflow_state.workflow)
        if review_task is not None and not revision_passed_review(revision, workflow_state):
            # The head signs off only on content that has passed the confidentiality review;
            # after a rejection by the head and a resubmission, the review comes first.
            return review_task.start(workflow_state, user=user)
        task_state = super().start(workflow_state, user=user)
        # Imported here: services import these models: a module-level import would be circular.
        from .services import head_review_started

        head_review_started(task_state, user=user)
        return task_state

    @classmethod
    def get_description(cls):
        return "保密审查通过后，由发布部门负责人审核；部门未设负责人时由信息公开办公室审核。"


class DepartmentHead(models.Model):
    """Who signs off as a department's head, and whether all its disclosures need that."""

    department = models.OneToOneField(
        Department, on_delete=models.CASCADE, related_name="head", verbose_name="部门"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="headed_departments",
        verbose_name="部门负责人",
    )
    required = models.BooleanField(
        "本部门信息须经负责人审核",
        default=False,
        help_text="勾选后，本部门的所有公开信息在保密审查通过后还须经部门负责人审核。"
        "也可以只为个别事项指定含“部门负责人审核”的流程。",
    )

    class Meta:
        verbose_name = "部门负责人"
        verbose_name_plural = "部门负责人"

    def __str__(self):
        return f"{self.department}：{self.user.get_full_name() or self.user.get_username()}"


class Decision(models.TextChoices):
    APPROVED = "approved", "同意公开"
    REJECTED = "rejected", "退回修改"


class Step(models.TextChoices):
    CONFIDENTIALITY = "confidentiality", "保密审查"
    HEAD = "head", "部门负责人审核"


CHECKLIST = [
    ("state_secret", "是否涉及国家秘密"),
    ("work_secret", "是否涉及工作秘密"),
    ("commercial_secret", "是否涉及商业秘密"),
    ("personal_privacy", "是否涉及个人隐私"),
    ("other_unsuitable", "是否含有其他不宜公开的内容"),
]


NUMBER_PREFIX = "保审"


class ReviewRecord(models.Model):
    """One decision on one revision (保密审查单). Kept even if the draft is later deleted,
    which is why the facts printed on the sheet are copied here."""

    task_state = models.OneToOneField(
        "wagtailcore.TaskState",
        on_delete=models.SET_NULL,
        null=True,
        related_name="review_record",
    )
    page = models.ForeignKey(
        "disclosures.DisclosurePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="review_records",
        verbose_name="公开信息",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    step = models.CharField("审查环节", max_length=16, choices=Step.choices)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="审查人"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="提交人",
    )
    decided_at = models.DateTimeField("审查时间", db_index=True)
    # The sheet's number 保审〔year〕N号: N counts the year's sheets from 1, with no gap
    # (xxgk.core.numbering), like the numbers an office writes on its paper forms.
    number_year = models.PositiveSmallIntegerField(gettext_lazy("编号年度"))
    serial = models.PositiveIntegerField(gettext_lazy("年度序号"))
    title = models.CharField("信息名称", max_length=255)
    department_name = models.CharField("发布部门", max_length=100)
    item_label = models.CharField("所属事项", max_length=300)
    # Checklist answers: True = 是 (contains it), False = 否. Required for the review step.
    state_secret = models.BooleanField("是否涉及国家秘密", null=True)
    work_secret = models.BooleanField("是否涉及工作秘密", null=True)
    commercial_secret = models.BooleanField("是否涉及商业秘密", null=True)
    personal_privacy = models.BooleanField("是否涉及个人隐私", null=True)
    other_unsuitable = models.BooleanField("是否含有其他不宜公开的内容", null=True)
    basis = models.TextField("审查依据", blank=True)
    opinion = models.TextField("审查意见")
    decision = models.CharField("审查结论", max_length=16, choices=Decision.choices)
    scan_hit_count = models.PositiveIntegerField("个人信息疑似项", default=0)
    unscannable_count = models.PositiveIntegerField("无法扫描的附件", default=0)
    scan_acknowledged = models.BooleanField("已确认个人信息扫描结果", default=False)
    # Who confirmed, when, and what they confirmed (the scan's findings may later be deleted
    # with the revision; the sheet keeps them).
    scan_acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=gettext_lazy("扫描结果确认人"),
    )
    scan_acknowledged_at = models.DateTimeField(
        gettext_lazy("扫描结果确认时间"), null=True, blank=True
    )
    unscannable_summary = models.TextField(gettext_lazy("未能扫描的附件"), blank=True)
    # Attachments still being scanned when the reviewer approved, having recorded that they
    # read those files themselves.
    pending_summary = models.TextField(
        gettext_lazy("扫描未完成、经审查人亲自查看的附件"), blank=True
    )

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = "保密审查单"
        verbose_name_plural = "保密审查单"
        indexes = [models.Index(fields=["decision", "decided_at"], name="review_decision_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["number_year", "serial"], name="unique_review_record_number"
            )
        ]

    def __str__(self):
        return f"{self.number}：{self.title}"

    @property
    def number(self) -> str:
        """The sheet's number, e.g. 保审〔2022〕17号: the 17th sheet of 2022."""
        return f"{NUMBER_PREFIX}〔{self.number_year}〕{self.serial}号"

    def checklist(self) -> list[tuple[str, bool | None]]:
        return [(label, getattr(self, field)) for field, label in CHECKLIST]


class ScanReport(models.Model):
    """The personal-data scan of one submitted revision: hits with their location, and one
    AttachmentScan per attachment (待扫描 → 已扫描 or 未能扫描 with a reason, never passed
    silently). Title and body are scanned at submission; attachments by the task worker."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="scan_report"
    )
    page = models.ForeignKey(
        "disclosures.DisclosurePage", on_delete=models.CASCADE, related_name="scan_reports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)  # attachments handed to the worker
    completed_at = models.DateTimeField(null=True, blank=True)  # every attachment read
    hits = models.JSONField(default=list)

    class Meta:
        verbose_name = "个人信息扫描结果"
        verbose_name_plural = "个人信息扫描结果"

    def __str__(self):
        return f"{self.page_id}/{self.revision_id}: {len(self.hits)}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def unscannable(self) -> list["AttachmentScan"]:
        return [a for a in self.attachments.all() if a.state == ScanState.UNSCANNABLE]

    @property
    def pending(self) -> list["AttachmentScan"]:
        """Not read yet: 待扫描 or 扫描中."""
        waiting = (ScanState.PENDING, ScanState.SCANNING)
        return [a for a in self.attachments.all() if a.state in waiting]

    @property
    def needs_acknowledgement(self) -> bool:
        return bool(self.hits or self.unscannable)


class ScanState(models.TextChoices):
    PENDING = "pending", gettext_lazy("待扫描")
    SCANNING = "scanning", gettext_lazy("扫描中")
    SCANNED = "scanned", gettext_lazy("已扫描")
    UNSCANNABLE = "unscannable", gettext_lazy("未能扫描")


class ScanMethod(models.TextChoices):
    TEXT = "text", gettext_lazy("文字层")
    OCR = "ocr", gettext_lazy("OCR")


class AttachmentScan(models.Model):
    """The scan of one attachment of a submitted revision. ``reason`` (a
    xxgk.core.textextract.Reason) says why it could not be scanned: a scan or photo without a
    text layer, a broken, encrypted or oversized file, a timeout. A later text recognition
    (OCR) step can take the 无文字层 ones and move them to 已扫描."""

    report = models.ForeignKey(ScanReport, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    name = models.CharField(max_length=255)
    state = models.CharField(max_length=16, choices=ScanState.choices, default=ScanState.PENDING)
    reason = models.CharField(max_length=32, blank=True)
    detail = models.CharField(max_length=255, blank=True)
    hit_count = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)  # 扫描中 since
    scanned_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField(max_length=8, choices=ScanMethod.choices, blank=True)
    # What OCR read (search indexes it once the disclosure is published), and which stored
    # file it was read from (file name and hash: a replaced file is not the one read).
    ocr_text = models.TextField(blank=True)
    ocr_pages = models.PositiveIntegerField(default=0)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = gettext_lazy("附件扫描")
        verbose_name_plural = gettext_lazy("附件扫描")

    def __str__(self):
        return f"{self.name}：{self.label}"

    @property
    def label(self) -> str:
        """已扫描（文字层）/ 已扫描（OCR）/ 待扫描 / 扫描中 / 未能扫描（无文字层：第2页）."""
        if self.state == ScanState.SCANNED and self.method:
            return _("已扫描（%(method)s）") % {"method": ScanMethod(self.method).label}
        if self.state != ScanState.UNSCANNABLE:
            return ScanState(self.state).label
        because = reason_label(self.reason) if self.reason else self.detail
        if self.reason and self.detail:
            because = f"{because}：{self.detail}"
        return _("未能扫描（%(reason)s）") % {"reason": because}


class ScanCrop(models.Model):
    """The image of one OCR hit's spot, so the reviewer sees it without opening the file. It
    shows the unmasked value: stored outside MEDIA_ROOT and served only by a view that asks
    the review policy (``views.scan_crop``)."""

    attachment = models.ForeignKey(AttachmentScan, on_delete=models.CASCADE, related_name="crops")
    image = models.FileField(storage=private_storage, upload_to="review/crops/%Y/%m/")
    page = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.attachment_id}/{self.pk}"


@register_setting(icon="search")
class OcrSettings(BaseGenericSetting):
    """The office's limits on text recognition of scanned attachments (设置 → 扫描件文字识别)."""

    enabled = models.BooleanField(
        gettext_lazy("识别扫描件和图片中的文字（OCR）"),
        default=True,
        help_text=gettext_lazy("关闭后，无文字层的附件仍标记为“未能扫描（无文字层）”。"),
    )
    seconds = models.PositiveIntegerField(
        gettext_lazy("每个文件的识别时限（秒）"),
        default=300,
        validators=[MinValueValidator(10), MaxValueValidator(3600)],
        help_text=gettext_lazy("超过时限的文件标记为“未能扫描（文字识别超时）”，须人工查看。"),
    )
    max_pages = models.PositiveIntegerField(
        gettext_lazy("每个文件最多识别的页数"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=gettext_lazy("无文字层的页（或图片）超过此数的文件不识别，标记为未能扫描。"),
    )

    class Meta:
        verbose_name = gettext_lazy("扫描件文字识别")

    def limits(self):
        return OcrLimits(
            seconds=self.seconds,
            max_pages=self.max_pages,
            memory_bytes=settings.XXGK_EXTRACTION_MEMORY_BYTES,
        )


class Withdrawal(models.Model):
    """撤回: the office took a published disclosure off the portal, with a reason."""

    page = models.ForeignKey(
        "disclosures.DisclosurePage",
        on_delete=models.CASCADE,
        related_name="withdrawals",
        verbose_name="公开信息",
    )
    reason = models.TextField("撤回原因")
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="操作人"
    )
    withdrawn_at = models.DateTimeField("撤回时间", auto_now_add=True, db_index=True)
    title = models.CharField("信息名称", max_length=255)
    index_number = models.CharField("索引号", max_length=64, blank=True)

    class Meta:
        ordering = ["-withdrawn_at", "-id"]
        verbose_name = "撤回记录"
        verbose_name_plural = "撤回记录"

    def __str__(self):
        return f"撤回 {self.title}"


class Notice(models.Model):
    """An in-admin notice (站内通知), sent alongside the e-mail."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_notices"
    )
    message = models.CharField(max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notice_unread")]

    def __str__(self):
        return self.message


def _delete_crop_file(sender, instance, **kwargs):
    """A crop's file holds an unmasked value: it goes with its row (revision deleted, …)."""
    instance.image.delete(save=False)


models.signals.post_delete.connect(_delete_crop_file, sender=ScanCrop)
