"""The disclosure catalogue (信息公开事项清单) as a page tree.

CatalogueIndexPage (/catalogue/) → CatalogueCategoryPage (10) → CatalogueItemPage (50+)
→ disclosures. Making items pages lets Wagtail's subtree permissions enforce
"谁公开、谁负责" and lets review workflows attach per item; the item's rules live on the
page and every adjustment is recorded as a CatalogueChange.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from xxgk.orgs.policy import PolicyPagePermissionTester

from .policy import catalogue_policy


class RuleKind(models.TextChoices):
    EVENT = "event", _("事项形成或变更后限期公开")
    PERIODIC = "periodic", _("每年定期公开")
    SEASONAL = "seasonal", _("每年按时段公开（如招生季）")
    CONTINUOUS = "continuous", _("常态公开、定期更新")


class ItemSource(models.TextChoices):
    MOE = "moe", _("教育部清单")
    SCHOOL = "school", _("学校自定")


# A Wagtail hook, fn(page, request, context): how the apps above the catalogue add what is
# filed under its pages (disclosures: the tree's counts, an item's disclosures) to the public
# page's context. The catalogue must not import them.
CATALOGUE_PAGE_CONTEXT_HOOK = "xxgk_catalogue_page_context"


def with_context_from_hooks(page, request, context):
    for add_context in hooks.get_hooks(CATALOGUE_PAGE_CONTEXT_HOOK):
        add_context(page, request, context)
    return context


class CataloguePageMixin:
    def permissions_for_user(self, user):
        return PolicyPagePermissionTester(user, self, catalogue_policy)

    def get_workflow(self):
        # The catalogue is the office's own to edit and publish directly; the review
        # workflow applies to the disclosures filed under it (DisclosurePage.get_workflow).
        return None


class CatalogueIndexPage(CataloguePageMixin, Page):
    intro = RichTextField(_("说明"), blank=True)

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["catalogue.CatalogueCategoryPage"]
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("信息公开目录")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return with_context_from_hooks(self, request, context)


class CatalogueCategoryPage(CataloguePageMixin, Page):
    number = models.PositiveSmallIntegerField(_("类别序号"), unique=True)
    description = models.TextField(_("类别说明"), blank=True)

    parent_page_types = ["catalogue.CatalogueIndexPage"]
    subpage_types = ["catalogue.CatalogueItemPage"]
    content_panels = [*Page.content_panels, FieldPanel("number"), FieldPanel("description")]

    class Meta:
        verbose_name = verbose_name_plural = _("清单类别")
        ordering = ["number"]

    def get_context(self, request, *args, **kwargs):
        # Imported here: selectors import these models: a module-level import would be circular.
        from .selectors import items_of_category

        context = super().get_context(request, *args, **kwargs)
        context["items"] = items_of_category(self)
        return context


class CatalogueItemPage(CataloguePageMixin, Page):
    item_number = models.CharField(
        _("事项编号"),
        max_length=16,
        unique=True,
        help_text=_("教育部清单事项用 1-50；学校自定事项可用如 51、7.1 等编号。"),
    )
    source = models.CharField(
        _("来源"), max_length=16, choices=ItemSource.choices, default=ItemSource.SCHOOL
    )
    legal_basis = models.TextField(_("公开依据（有关文件）"), blank=True)
    responsible_departments = ParentalManyToManyField(
        "orgs.Department", related_name="catalogue_items", verbose_name=_("责任部门"), blank=True
    )
    rule_kind = models.CharField(
        _("公开时限规则"), max_length=16, choices=RuleKind.choices, default=RuleKind.EVENT
    )
    working_days = models.PositiveSmallIntegerField(
        _("限期（工作日）"),
        null=True,
        blank=True,
        default=20,
        help_text=_("事项形成或变更后多少个工作日内公开（教办函〔2014〕23号：20个工作日）。"),
    )
    due_month = models.PositiveSmallIntegerField(_("每年截止月"), null=True, blank=True)
    due_day = models.PositiveSmallIntegerField(_("每年截止日"), null=True, blank=True)
    season_start_month = models.PositiveSmallIntegerField(_("时段起始月"), null=True, blank=True)
    season_end_month = models.PositiveSmallIntegerField(_("时段结束月"), null=True, blank=True)
    freshness_months = models.PositiveSmallIntegerField(
        _("更新周期（月）"), null=True, blank=True, help_text=_("超过该月数未更新视为内容陈旧。")
    )
    public_note = models.TextField(_("公开说明"), blank=True)
    internal_note = models.TextField(_("内部备注"), blank=True, help_text=_("仅工作人员可见。"))
    retired_on = models.DateField(_("停用日期"), null=True, blank=True)
    retired_reason = models.CharField(_("停用原因"), max_length=255, blank=True)
    successors = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        verbose_name=_("承接事项"),
        help_text=_("拆分或合并后承接本事项的新事项。"),
    )

    parent_page_types = ["catalogue.CatalogueCategoryPage"]
    subpage_types = ["disclosures.DisclosurePage"]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("item_number"), FieldPanel("source")]),
        FieldPanel("legal_basis"),
        FieldPanel("responsible_departments"),
        MultiFieldPanel(
            [
                FieldPanel("rule_kind"),
                FieldRowPanel([FieldPanel("working_days"), FieldPanel("freshness_months")]),
                FieldRowPanel([FieldPanel("due_month"), FieldPanel("due_day")]),
                FieldRowPanel([FieldPanel("season_start_month"), FieldPanel("season_end_month")]),
            ],
            heading=_("公开时限"),
        ),
        FieldPanel("public_note"),
        FieldPanel("internal_note"),
        MultiFieldPanel(
            [FieldPanel("retired_on"), FieldPanel("retired_reason"), FieldPanel("successors")],
            heading=_("停用与调整"),
        ),
    ]

    class Meta:
        verbose_name = verbose_name_plural = _("清单事项")

    def __str__(self):
        return f"{self.item_number}. {self.title}"

    @property
    def is_retired(self):
        return self.retired_on is not None

    def rule_summary(self) -> str:
        kind = self.rule_kind
        if kind == RuleKind.EVENT:
            return _("信息形成或变更后%(days)s个工作日内公开") % {"days": self.working_days}
        if kind == RuleKind.PERIODIC:
            return _("每年%(month)s月%(day)s日前公开") % {
                "month": self.due_month,
                "day": self.due_day,
            }
        if kind == RuleKind.SEASONAL:
            return _("每年%(start)s月至%(end)s月按招生等工作进程公开") % {
                "start": self.season_start_month,
                "end": self.season_end_month,
            }
        return _("常态公开，至少每%(months)s个月更新") % {"months": self.freshness_months}

    def clean(self):
        super().clean()
        errors = {}
        if self.rule_kind == RuleKind.EVENT and not self.working_days:
            errors["working_days"] = _("限期公开的事项须填写工作日数。")
        if self.rule_kind == RuleKind.PERIODIC:
            if not (self.due_month and 1 <= self.due_month <= 12):
                errors["due_month"] = _("请填写 1-12 之间的月份。")
            if not (self.due_day and 1 <= self.due_day <= 31):
                errors["due_day"] = _("请填写 1-31 之间的日期。")
        if self.rule_kind == RuleKind.SEASONAL:
            for field in ("season_start_month", "season_end_month"):
                value = getattr(self, field)
                if not (value and 1 <= value <= 12):
                    errors[field] = _("请填写 1-12 之间的月份。")
        if self.rule_kind == RuleKind.CONTINUOUS and not self.freshness_months:
            errors["freshness_months"] = _("常态公开的事项须填写更新周期。")
        if self.retired_on and not self.retired_reason:
            errors["retired_reason"] = _("停用事项须说明原因。")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return with_context_from_hooks(self, request, context)


class ChangeKind(models.TextChoices):
    CREATED = "created", _("新增事项")
    EDITED = "edited", _("修改事项")
    RETITLED = "retitled", _("修改名称")
    MOVED = "moved", _("调整类别")
    SPLIT = "split", _("拆分事项")
    RETIRED = "retired", _("停用事项")
    RESTORED = "restored", _("恢复事项")


class CatalogueChange(models.Model):
    """One dated, attributed adjustment of the catalogue (清单动态调整记录). Append-only."""

    item = models.ForeignKey(
        CatalogueItemPage, on_delete=models.PROTECT, related_name="changes", verbose_name=_("事项")
    )
    kind = models.CharField(_("调整类型"), max_length=16, choices=ChangeKind.choices)
    summary = models.CharField(_("调整内容"), max_length=500)
    before = models.JSONField(_("调整前"), default=dict, blank=True)
    after = models.JSONField(_("调整后"), default=dict, blank=True)
    note = models.TextField(_("说明"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("操作人"),
    )
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("清单调整记录")

    def __str__(self):
        return f"{self.get_kind_display()}：{self.summary}"
