import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from xxgk.core.pagination import paginate_or_404
from xxgk.orgs.models import Department
from xxgk.orgs.policy import PolicyPagePermissionTester
from xxgk.orgs.selectors import is_office, user_department
from xxgk.reports.models import PeriodKind

from .gate import publication_gate
from .policy import SitePagePermissions, disclosure_policy

DRAFT_SLUG_PREFIX = "draft-"


def index_number_slug(index_number: str) -> str:
    """The address of a published disclosure: its 索引号, lower case, ASCII only."""
    return slugify(index_number.replace(".", "-"))


def is_provisional_slug(slug: str) -> bool:
    """A draft's slug: empty, ``draft-…``, the timestamp drafts were given before, or another
    disclosure's index number (a copy's, whose own number is issued when it is published)."""
    return (
        not slug
        or slug.startswith(DRAFT_SLUG_PREFIX)
        or slug.isdigit()
        or slug.startswith(f"{index_number_slug(settings.XXGK_ORG_CODE)}-")
    )


def rich_text_is_empty(html) -> bool:
    """The editor saves an untouched body as an empty paragraph: that is no content."""
    return not strip_tags(html or "").strip()


class FixedChoiceWidget(forms.Select):
    """The one choice there is, shown as text (with its value in a hidden input): a
    department editor's own department, which they cannot change."""

    template_name = "disclosures/widgets/fixed_choice.html"


class DisclosureForm(WagtailAdminPageForm):
    """Restricts the publishing department to the editor's own, so nothing else can be saved:
    prefilled and shown as fixed text; a department sent in the request that is not the
    editor's own is refused (the office chooses among all departments)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("publishing_department")
        if field is not None and self.for_user is not None and not is_office(self.for_user):
            department = user_department(self.for_user)
            field.queryset = Department.objects.filter(pk=getattr(department, "pk", None))
            field.initial = getattr(department, "pk", None)
            if not self.instance.pk:
                self.initial["publishing_department"] = field.initial
            field.empty_label = None
            field.error_messages["invalid_choice"] = _("只能以本部门名义发布信息。")
            if department is not None:
                field.widget = FixedChoiceWidget(choices=field.choices)

    def clean(self):
        cleaned = super().clean()
        parent = self.parent_page.specific if self.parent_page else None
        department = cleaned.get("publishing_department")
        if parent is not None and department is not None:
            responsible = parent.responsible_departments.filter(pk=department.pk).exists()
            if not responsible and not is_office(self.for_user):
                self.add_error("publishing_department", _("该部门不是本事项的责任部门。"))
        empty = rich_text_is_empty(cleaned.get("body"))
        if self._submitting() and empty and not self._has_attachments():
            self.add_error("body", _("提交审查前须填写正文或上传附件。"))
        return cleaned

    def _submitting(self):
        return any(self.data.get(name) for name in ("action-submit", "action-restart-workflow"))

    def _has_attachments(self):
        formset = self.formsets.get("attachments")
        return formset is not None and any(
            form.is_valid()
            and form.cleaned_data.get("document")
            and not form.cleaned_data.get("DELETE")
            for form in formset.forms
        )


class DisclosureCopyForm(CopyForm):
    """一事一审: a copy is a new draft to review, so neither "publish the copy" nor an alias
    (a live mirror of the original) is offered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_copies", None)
        self.fields.pop("alias", None)


class DisclosurePage(Page):
    """One disclosed piece of information (一条公开信息), filed under one catalogue item."""

    catalogue_item = models.ForeignKey(
        "catalogue.CatalogueItemPage",
        on_delete=models.PROTECT,
        related_name="disclosures",
        null=True,
        editable=False,
        verbose_name=_("所属事项"),
    )
    publishing_department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="disclosures", verbose_name=_("发布部门")
    )
    index_number = models.CharField(
        _("索引号"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    publication_date = models.DateField(
        _("发布日期"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("留空则取首次发布当日；导入历史信息时填写原发布日期。"),
    )
    formed_on = models.DateField(
        _("信息形成日期"),
        null=True,
        blank=True,
        help_text=_("信息制作完成或获取的日期，用于计算公开时限。"),
    )
    summary = models.CharField(_("摘要"), max_length=300, blank=True)
    body = RichTextField(_("正文"), blank=True)
    source_url = models.URLField(_("原始地址"), blank=True, max_length=500, editable=False)

    parent_page_types = ["catalogue.CatalogueItemPage"]
    subpage_types = []
    base_form_class = DisclosureForm
    copy_form_class = DisclosureCopyForm
    exclude_fields_in_copy = ["index_number", "publication_date", "source_url"]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("publishing_department"), FieldPanel("formed_on")]),
        FieldPanel("publication_date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("附件")),
    ]
    promote_panels = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("publishing_department"),
        index.FilterField("catalogue_item"),
    ]

    class Meta:
        verbose_name = verbose_name_plural = _("公开信息")
        indexes = [
            models.Index(fields=["publication_date", "page_ptr"], name="disclosure_pubdate"),
            # An item's public list, newest first, and its count (portal, catalogue item
            # pages): read from the index alone, whatever the size of the item.
            models.Index(
                fields=["catalogue_item", "publication_date", "page_ptr"],
                name="disclosure_item_pubdate",
            ),
            # Covering indexes for supervision's per-department figures (xxgk.supervision
            # selectors): publications per (item, department) and the monthly trend.
            models.Index(
                fields=["catalogue_item", "publishing_department", "publication_date", "formed_on"],
                name="disclosure_item_dept_dates",
            ),
            models.Index(
                fields=["publishing_department", "publication_date"], name="disclosure_dept_pubdate"
            ),
            # Supervision's event disclosures formed in a period, read from the index alone
            # (one school year of five at 1,000,000 disclosures, not the whole table).
            models.Index(
                fields=[
                    "formed_on",
                    "catalogue_item",
                    "publishing_department",
                    "publication_date",
                    "page_ptr",
                ],
                name="disclosure_formed_item_dept",
            ),
        ]

    def permissions_for_user(self, user):
        return PolicyPagePermissionTester(user, self, disclosure_policy)

    def get_workflow(self):
        """Always a workflow that opens with the confidentiality review (xxgk.review, through
        the publication gate it installs: disclosures/gate.py)."""
        return publication_gate().workflow_for(self)

    @property
    def has_workflow(self):
        # get_workflow always answers, whatever is assigned in Wagtail's workflow settings.
        return True

    def publish(self, revision, *args, **kwargs):
        """Every Revision.publish path (workflow, scheduled publishing, services, commands,
        bulk actions) passes this gate; the admin's direct publish is caught in save()."""
        publication_gate().ensure_publishable(self, revision)
        return super().publish(revision, *args, **kwargs)

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        publication_gate().revision_saved(self, revision)
        return revision

    def _guard_publication(self, update_fields):
        """A disclosure becomes live only with a reviewed revision; copies and new pages
        start as drafts (一事一审: a copy is a new item to review)."""
        if not self.live:
            return
        if self._state.adding or not self.pk:
            self.live = False
            return
        if update_fields is not None and not {"live", "live_revision"} & set(update_fields):
            return
        before = (
            DisclosurePage.objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        )
        if before and before["live"] and before["live_revision_id"] == self.live_revision_id:
            return
        publication_gate().ensure_publishable(self, self.live_revision)

    def full_clean(self, *args, **kwargs):
        if not self.slug:
            # Until its index number is issued (at the first publication) a draft has a
            # provisional address; nobody but its editors and reviewers sees it.
            self.slug = f"{DRAFT_SLUG_PREFIX}{uuid.uuid4().hex[:12]}"
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.formed_on and self.formed_on > timezone.localdate():
            raise ValidationError({"formed_on": _("信息形成日期不能晚于今天。")})

    def save(self, *args, **kwargs):
        self._guard_publication(kwargs.get("update_fields"))
        if self.path:
            self.catalogue_item_id = self.get_parent().pk
        stored = (
            DisclosurePage.objects.filter(pk=self.pk)
            .values("index_number", "slug", "first_published_at")
            .first()
            if self.pk
            else None
        )
        if stored and not self.index_number:
            # A revision made before the first publish carries no number: keep the one issued.
            self.index_number = stored["index_number"]
        if stored and stored["index_number"] and stored["slug"]:
            # Nor the address derived from it: a numbered page keeps its slug.
            self.slug = stored["slug"]
        if self.live:
            with transaction.atomic():
                if not self.publication_date:
                    self.publication_date = timezone.localdate()
                if not self.index_number:
                    # Imported here: services import these models (a module-level import
                    # would be circular).
                    from .services import allocate_index_number

                    self.index_number = allocate_index_number(
                        year=self.publication_date.year,
                        item_number=self.get_parent().specific.item_number,
                    )
                self._address_from_index_number(stored, kwargs.get("update_fields"))
                return super().save(*args, **kwargs)
        return super().save(*args, **kwargs)

    def _address_from_index_number(self, stored, update_fields):
        """A page published with a provisional slug gets its index number's as its address
        (QZXY-2022-07-0012 → /…/qzxy-2022-07-0012/). A slug given on purpose (the demo's,
        an annual report's) is kept, and so is the address of a page published before."""
        if not is_provisional_slug(self.slug) or not self.path:
            return
        if stored and stored["first_published_at"] is not None:
            return
        if update_fields is not None and "slug" not in update_fields:
            return
        parent = self.get_parent()
        base = index_number_slug(self.index_number)
        slug, n = base, 1
        while Page.objects.child_of(parent).filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        self.slug = slug
        self.set_url_path(parent)
        if stored:
            # The provisional address was never public: no redirect is left behind from it
            # (Wagtail would make one on seeing the slug change).
            Page.objects.filter(pk=self.pk).update(slug=self.slug, url_path=self.url_path)

    def serve(self, request, *args, **kwargs):
        # Imported here: services import these models: a module-level import would be circular.
        from .services import record_view

        if request.method == "GET" and not getattr(request, "is_preview", False):
            # Counted here, so the copy the page cache keeps is marked as counted by the
            # server; the count endpoint refreshes the number on cached copies.
            self.view_count = record_view(self, request)
        else:
            # Imported here: selectors import these models: a module-level import would be circular.
            from .selectors import view_count

            self.view_count = view_count(self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = list(self.attachments.select_related("document"))
        context["item"] = self.catalogue_item
        return context


class DisclosureAttachment(Orderable):
    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("文件")
    )
    title = models.CharField(_("附件名称"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = verbose_name_plural = _("附件")

    @property
    def display_title(self):
        return self.title or self.document.title


class IndexNumberCounter(models.Model):
    """The last serial issued per (year, catalogue item): numbers only ever go up."""

    year = models.PositiveSmallIntegerField()
    item_key = models.CharField(max_length=16)
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "item_key"], name="unique_index_counter")
        ]

    def __str__(self):
        return f"{self.year}-{self.item_key}: {self.last_serial}"


# --- The annual report, a disclosure of catalogue item 6 ----------------------------------------


class AnnualReportIndexPage(SitePagePermissions, Page):
    """/reports/: every published annual report, wherever in the catalogue it is filed."""

    intro = RichTextField(_("说明"), blank=True)

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # The reports are filed under catalogue item 6, not below this page: the page cache
    # purges this list when one of them changes (xxgk.pagecache.services.listed_types).
    page_cache_lists = ("disclosures.annualreportpage",)

    class Meta:
        verbose_name = _("年度报告栏目")
        # Moved from the reports app (disclosures 0005): table and content type kept.
        db_table = "reports_annualreportindexpage"

    def get_context(self, request, *args, **kwargs):
        # Imported here: selectors import these models: a module-level import would be circular.
        from .selectors import published_annual_reports

        context = super().get_context(request, *args, **kwargs)
        context["reports"] = paginate_or_404(
            request, published_annual_reports(), settings.XXGK_DISCLOSURES_PER_PAGE
        )
        return context


class AnnualReportPage(DisclosurePage):
    """The 信息公开工作年度报告 of one period, published as a disclosure of catalogue item 6
    (信息公开年度报告): it passes the confidentiality review, gets an index number and counts
    toward the item's yearly obligation like any disclosure. The period (kind, start, end)
    identifies it, so a school-year and a calendar-year report of the same year coexist. The
    report desk (xxgk.reports) writes the text; filing it here is services.file_report."""

    period_kind = models.CharField(
        _("统计期间"), max_length=20, choices=PeriodKind.choices, editable=False
    )
    period_start = models.DateField(_("期间开始"), editable=False)
    period_end = models.DateField(_("期间结束"), editable=False)

    parent_page_types = ["catalogue.CatalogueItemPage"]
    subpage_types = []
    # Made from a draft on the report desk (年度报告 → 提交审查), never from "add child page".
    is_creatable = False

    class Meta:
        verbose_name = verbose_name_plural = _("年度报告")
        # Moved from the reports app (disclosures 0005): table, constraints and content type kept.
        db_table = "reports_annualreportpage"
        constraints = [
            models.UniqueConstraint(
                fields=["period_kind", "period_start", "period_end"],
                name="reports_annual_report_period_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gt=models.F("period_start")),
                name="reports_annual_report_period_order",
            ),
        ]

    @property
    def period_label(self) -> str:
        if self.period_kind == PeriodKind.CALENDAR_YEAR:
            return _("%(year)s年") % {"year": self.period_start.year}
        return _("%(start)s-%(end)s学年") % {
            "start": self.period_start.year,
            "end": self.period_end.year,
        }

    @property
    def document(self):
        """The report file (the PDF attached on submission), for the API and the page."""
        attachment = self.attachments.select_related("document").first()
        return attachment.document if attachment else None
