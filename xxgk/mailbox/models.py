"""Leaders' mailboxes (校长信箱、书记信箱): configuration, letters and every handling step."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from xxgk.cases.models import (
    CaseAttachment,
    CaseEvent,
    PublicCase,
    department_link,
    optional_link,
    staff_link,
)
from xxgk.core.storage import private_storage

# Paths under /mailbox/ that a mailbox's slug must not shadow.
RESERVED_SLUGS = {"track", "receipt"}
prefix_validator = RegexValidator(r"^[A-Z]{2,6}$", _("编号前缀须为 2-6 位大写字母。"))


class Mailbox(ClusterableModel):
    """One public channel with its own intake rules, configured by the office."""

    name = models.CharField(_("信箱名称"), max_length=50, unique=True)
    slug = models.SlugField(_("网址标识"), max_length=50, unique=True)
    number_prefix = models.CharField(
        _("编号前缀"),
        max_length=6,
        unique=True,
        validators=[prefix_validator],
        help_text=_("来信编号的前缀，如 XZ 生成 XZ-2026-000123；已有来信后请勿修改。"),
    )
    intro = models.TextField(_("信箱说明"), blank=True)
    allow_anonymous = models.BooleanField(_("允许匿名来信"), default=False)
    allow_publication = models.BooleanField(
        _("允许公开答复"), default=True, help_text=_("经来信人同意后，可在网站公开来信及答复。")
    )
    default_department = department_link(_("默认承办部门"), "+", on_delete=models.SET_NULL)
    answer_working_days = models.PositiveSmallIntegerField(
        _("办理时限（工作日）"), default=10, help_text=_("自分办之日起计算。")
    )
    escalate_after_working_days = models.PositiveSmallIntegerField(
        _("逾期上报（工作日）"),
        default=3,
        help_text=_("逾期超过该工作日数仍未办结，提醒信息公开办公室。"),
    )
    is_active = models.BooleanField(_("开放来信"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug"), FieldPanel("number_prefix")]),
        FieldPanel("intro"),
        FieldRowPanel(
            [
                FieldPanel("allow_anonymous"),
                FieldPanel("allow_publication"),
                FieldPanel("is_active"),
            ]
        ),
        FieldRowPanel(
            [
                FieldPanel("default_department"),
                FieldPanel("answer_working_days"),
                FieldPanel("escalate_after_working_days"),
            ]
        ),
        FieldPanel("sort_order"),
        InlinePanel("categories", label=_("来信类别")),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = verbose_name_plural = _("信箱")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("该网址标识已被系统占用，请换一个。")})


class MailboxCategory(models.Model):
    mailbox = ParentalKey(Mailbox, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("类别名称"), max_length=30)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = verbose_name_plural = _("来信类别")
        constraints = [
            models.UniqueConstraint(fields=["mailbox", "name"], name="unique_mailbox_category")
        ]

    def __str__(self):
        return self.name


class SensitiveWord(models.Model):
    """A word that flags a public submission for a closer look; nothing is dropped."""

    word = models.CharField(_("敏感词"), max_length=50, unique=True)
    note = models.CharField(_("说明"), max_length=100, blank=True)

    class Meta:
        ordering = ["word"]
        verbose_name = verbose_name_plural = _("敏感词")

    def __str__(self):
        return self.word


class LetterStatus(models.TextChoices):
    RECEIVED = "received", _("待分办")
    ASSIGNED = "assigned", _("办理中")
    DRAFTED = "drafted", _("待审核")
    ANSWERED = "answered", _("已答复")
    CLOSED = "closed", _("已关闭")


OPEN_STATUSES = (LetterStatus.RECEIVED, LetterStatus.ASSIGNED, LetterStatus.DRAFTED)


class Letter(PublicCase):
    """One letter from the public. The message is kept exactly as typed."""

    mailbox = models.ForeignKey(
        Mailbox, on_delete=models.PROTECT, related_name="letters", verbose_name=_("信箱")
    )
    number = models.CharField(_("来信编号"), max_length=24, unique=True)
    category = optional_link(MailboxCategory, _("类别"), "letters")
    writer_name = models.CharField(_("姓名"), max_length=50, blank=True)
    message = models.TextField(_("来信内容"))
    consent_to_publish = models.BooleanField(
        pgettext_lazy("writer consents", "同意公开"), default=False
    )
    received_at = models.DateTimeField(_("来信时间"), db_index=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=LetterStatus.choices, default=LetterStatus.RECEIVED
    )
    department = department_link(_("承办部门"), "letters")
    assigned_at = models.DateTimeField(_("分办时间"), null=True, blank=True)
    due_date = models.DateField(_("办理期限"), null=True, blank=True, db_index=True)
    answer = models.TextField(_("答复内容"), blank=True)
    drafted_by = staff_link(_("拟稿人"))
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True, db_index=True)
    close_reason = models.CharField(_("关闭原因"), max_length=200, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("合并至"),
    )
    is_published = models.BooleanField(_("已公开"), default=False, db_index=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_subject = models.CharField(_("公开标题"), max_length=100, blank=True)
    public_message = models.TextField(_("公开来信内容"), blank=True)
    public_answer = models.TextField(_("公开答复内容"), blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = verbose_name_plural = _("来信")
        indexes = [models.Index(fields=["mailbox", "is_published", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(is_published=True) | models.Q(consent_to_publish=True),
                name="letter_published_only_with_consent",
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class LetterAction(models.TextChoices):
    RECEIVED = "received", _("收到来信")
    ASSIGNED = "assigned", _("分办")
    FORWARDED = "forwarded", _("转办")
    MERGED = "merged", _("合并重复来信")
    CLOSED_SPAM = "closed_spam", _("作为无效来信关闭")
    DRAFTED = "drafted", _("提交答复稿")
    RETURNED = "returned", _("退回修改")
    APPROVED = "approved", _("审核通过并答复")
    NOTIFIED = "notified", _("邮件通知来信人")
    PUBLISHED = "published", _("网上公开")
    UNPUBLISHED = "unpublished", _("撤销公开")
    REMINDED = "reminded", _("逾期提醒承办部门")
    ESCALATED = "escalated", _("逾期上报办公室")


class LetterEvent(CaseEvent):
    """The handling record of a letter."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("操作"), max_length=16, choices=LetterAction.choices)
    department = department_link(_("部门"), "+", on_delete=models.SET_NULL)

    class Meta(CaseEvent.Meta):
        verbose_name = verbose_name_plural = _("办理记录")

    def __str__(self):
        return f"{self.letter_id} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class LetterAttachment(CaseAttachment):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="mailbox/%Y/%m/", storage=private_storage)

    class Meta:
        verbose_name = verbose_name_plural = _("来信附件")
