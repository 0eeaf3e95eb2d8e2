"""Complaints (举报) about the disclosure work itself, and how each was handled."""

from django.db import models

from xxgk.cases.models import CaseEvent, PublicCase, department_link, staff_link

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


class Complaint(PublicCase):
    number = models.CharField("举报编号", max_length=24, unique=True)
    kind = models.CharField("举报类型", max_length=16, choices=ComplaintKind.choices)
    department = department_link("涉及部门", "complaints")
    page_url = models.URLField("涉及网页地址", max_length=500, blank=True)
    message = models.TextField("举报内容")
    name = models.CharField("姓名", max_length=50, blank=True)
    received_at = models.DateTimeField("收到时间", db_index=True)
    status = models.CharField(
        "状态", max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )
    handler = staff_link("承办人")
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

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "举报"
        verbose_name_plural = "举报"


class ComplaintAction(models.TextChoices):
    RECEIVED = "received", "收到举报"
    ACCEPTED = "accepted", "受理并开始调查"
    NOTE = "note", "调查记录"
    CONCLUDED = "concluded", "办结"
    REJECTED = "rejected", "不予受理"
    NOTIFIED = "notified", "邮件通知举报人"


class ComplaintEvent(CaseEvent):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=16, choices=ComplaintAction.choices)

    class Meta(CaseEvent.Meta):
        verbose_name = "举报办理记录"
        verbose_name_plural = "举报办理记录"

    def __str__(self):
        return f"{self.complaint_id} {self.get_action_display()}"
