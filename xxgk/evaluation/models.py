"""Public evaluation (评议): helpfulness votes on disclosures and satisfaction surveys."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

DEFAULT_CHOICES = "非常满意\n满意\n一般\n不满意"


class HelpfulVote(models.Model):
    """One visitor's answer to "这条信息对您有帮助吗?" on one disclosure.

    Both keys are keyed hashes: `visitor_key` of the signed visitor cookie (one vote per
    visitor per item), `fingerprint` of IP + user agent + day (one vote per client per item
    per day, so that clearing cookies does not buy more votes).
    """

    page = models.ForeignKey(
        "disclosures.DisclosurePage", on_delete=models.CASCADE, related_name="helpful_votes"
    )
    helpful = models.BooleanField(_("有帮助"))
    visitor_key = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = _("有用性评价")
        constraints = [
            models.UniqueConstraint(fields=["page", "visitor_key"], name="one_vote_per_visitor"),
            models.UniqueConstraint(fields=["page", "fingerprint"], name="one_vote_per_client_day"),
        ]

    def __str__(self):
        return f"{self.page_id}: {_('有帮助') if self.helpful else _('没有帮助')}"


class Survey(ClusterableModel):
    """An annual satisfaction survey the office runs with a few multiple-choice questions."""

    title = models.CharField(_("问卷标题"), max_length=100)
    intro = models.TextField(_("说明"), blank=True)
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    allow_comment = models.BooleanField(_("允许填写意见建议"), default=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldRowPanel(
            [FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("allow_comment")]
        ),
        InlinePanel("questions", label=_("题目"), min_num=1),
    ]

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = verbose_name_plural = _("满意度调查")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("截止日期不能早于开始日期。")})

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class SurveyQuestion(models.Model):
    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("题目"), max_length=200)
    choices = models.TextField(_("选项"), default=DEFAULT_CHOICES, help_text=_("每行一个选项。"))
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    panels = [FieldPanel("text"), FieldPanel("choices"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = verbose_name_plural = _("题目")

    def __str__(self):
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if len(self.choice_list) < 2:
            raise ValidationError({"choices": _("每道题至少需要两个选项。")})


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    visitor_key = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64)
    comment = models.TextField(_("意见建议"), blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("问卷答卷")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "visitor_key"], name="one_response_per_visitor"
            ),
            models.UniqueConstraint(
                fields=["survey", "fingerprint"], name="one_response_per_client_day"
            ),
        ]

    def __str__(self):
        return f"{self.survey_id}#{self.pk}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(_("选项"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return self.choice
