"""Complaints (举报) about the disclosure work itself, and how each was handled."""

from django.conf import settings
from django.db import models

from xxgk.mailbox.models import HandlingEvent
from xxgk.orgs.models import Department
from xxgk.security.fields import EncryptedCharField

NUMBER_PREFIX = "JB"


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", "待受理"
    INVESTIGATING = "investigating", "调查核实中"
    CONCLUDED = "concluded", "已办结"
    REJECTED = "rejected", "不予受理"


class ComplaintResult(models.TextChoices):
    SUBSTANTIATED = "substantiated", "属实"
    PARTLY = "partly", "部分属实"
    UNFOUNDED = "unfounded", "不属实"


class ComplaintKind(models.TextChoices):
    NOT_DISCLOSED = "not_disclosed", "应公开未公开"
    LATE = "late", "未按时公开或更新"
    INACCURATE = "inaccurate", "公开内容不准确、不完整"
    REQUEST = "request", "依申请公开办理不当"
    PRIVACY = "privacy", "公开内容侵犯隐私或泄露秘密"
    OTHER = "other", "其他"


class Complaint(models.Model):
    number = models.CharField("举报编号", max_length=24, unique=True)
    query_code_hash = models.CharField(max_length=64, editable=False)
    kind = models.CharField("举报类型", max_length=16, choices=ComplaintKind.choices)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name="涉及部门",
    )
    page_url = models.URLField("涉及网页地址", max_length=500, blank=True)
    subject = models.CharField("标题", max_length=100)
    message = models.TextField("举报内容")
    name = models.CharField("姓名", max_length=50, blank=True)
    phone = EncryptedCharField("联系电话", max_length=30, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    received_at = models.DateTimeField("收到时间", db_index=True)
    flagged_words = models.CharField("命中敏感词", max_length=300, blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="承办人",
    )
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    investigation = models.TextField("调查核实情况", blank=True)
    result = models.CharField(
        "核实结论", max_length=16, choices=ComplaintResult.choices, blank=True
    )
    rectification = models.TextField("整改措施", blank=True)
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)
    reply = models.TextField("答复举报人", blank=True)
    concluded_at = models.DateTimeField("办结时间", null=True, blank=True, db_index=True)
    reject_reason = models.CharField("不予受理理由", max_length=300, blank=True)
    personal_data_erased_on = models.DateField("个人信息删除日期", null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "举报"
        verbose_name_plural = "举报"

    def __str__(self):
        return f"{self.number} {self.subject}"


class ComplaintAction(models.TextChoices):
    RECEIVED = "received", "收到举报"
    ACCEPTED = "accepted", "受理并开始调查"
    NOTE = "note", "调查记录"
    CONCLUDED = "concluded", "办结"
    REJECTED = "rejected", "不予受理"
    NOTIFIED = "notified", "邮件通知举报人"


class ComplaintEvent(HandlingEvent):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=16, choices=ComplaintAction.choices)

    class Meta(HandlingEvent.Meta):
        verbose_name = "举报办理记录"
        verbose_name_plural = "举报办理记录"

    def __str__(self):
        return f"{self.complaint_id} {self.get_action_display()}"
