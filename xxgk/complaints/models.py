"""Complaints (举报) about the disclosure work itself, and how each was handled."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from xxgk.cases.models import CaseEvent, PublicCase, department_link, staff_link

NUMBER_PREFIX = "JB"


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("举报", "待受理")
    INVESTIGATING = "investigating", pgettext_lazy("举报", "调查核实中")
    CONCLUDED = "concluded", pgettext_lazy("举报", "已办结")
    REJECTED = "rejected", pgettext_lazy("举报", "不予受理")


class ComplaintResult(models.TextChoices):
    SUBSTANTIATED = "substantiated", pgettext_lazy("举报", "属实")
    PARTLY = "partly", pgettext_lazy("举报", "部分属实")
    UNFOUNDED = "unfounded", pgettext_lazy("举报", "不属实")


class ComplaintKind(models.TextChoices):
    NOT_DISCLOSED = "not_disclosed", pgettext_lazy("举报", "应公开未公开")
    LATE = "late", pgettext_lazy("举报", "未按时公开或更新")
    INACCURATE = "inaccurate", pgettext_lazy("举报", "公开内容不准确、不完整")
    REQUEST = "request", pgettext_lazy("举报", "依申请公开办理不当")
    PRIVACY = "privacy", pgettext_lazy("举报", "公开内容侵犯隐私或泄露秘密")
    OTHER = "other", pgettext_lazy("举报", "其他")


class Complaint(PublicCase):
    number = models.CharField(_("举报编号"), max_length=24, unique=True)
    kind = models.CharField(_("举报类型"), max_length=16, choices=ComplaintKind.choices)
    department = department_link(_("涉及部门"), "complaints")
    page_url = models.URLField(_("涉及网页地址"), max_length=500, blank=True)
    message = models.TextField(_("举报内容"))
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    received_at = models.DateTimeField(_("收到时间"), db_index=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )
    handler = staff_link(_("承办人"))
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    investigation = models.TextField(_("调查核实情况"), blank=True)
    result = models.CharField(
        _("核实结论"), max_length=16, choices=ComplaintResult.choices, blank=True
    )
    rectification = models.TextField(_("整改措施"), blank=True)
    rectified_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    reply = models.TextField(_("答复举报人"), blank=True)
    concluded_at = models.DateTimeField(_("办结时间"), null=True, blank=True, db_index=True)
    reject_reason = models.CharField(_("不予受理理由"), max_length=300, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = verbose_name_plural = _("举报")


class ComplaintAction(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("举报", "收到举报")
    ACCEPTED = "accepted", pgettext_lazy("举报", "受理并开始调查")
    NOTE = "note", pgettext_lazy("举报", "调查记录")
    CONCLUDED = "concluded", pgettext_lazy("举报", "办结")
    REJECTED = "rejected", pgettext_lazy("举报", "不予受理")
    NOTIFIED = "notified", pgettext_lazy("举报", "邮件通知举报人")


class ComplaintEvent(CaseEvent):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("操作"), max_length=16, choices=ComplaintAction.choices)

    class Meta(CaseEvent.Meta):
        verbose_name = verbose_name_plural = _("举报办理记录")

    def __str__(self):
        return f"{self.complaint_id} {self.get_action_display()}"
