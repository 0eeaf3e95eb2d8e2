from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState

from xxgk.core.pagination import paginate_or_404

from .documents import texts_of
from .forms import SearchForm
from .highlight import highlight, snippet
from .models import Version
from .query import parse
from .selectors import search, shorter_suggestions, staff_search
from .services import log_search
from .suggestions import corrections, nearest_items, popular_searches
from .tokenizer import MAX_QUERY_LENGTH, clean_query

PER_PAGE = 20
FILTER_FIELDS = ("category", "item", "department", "date_from", "date_to")
# ?synonyms=0 searches only the words as typed.
SYNONYMS_OFF = "0"


def _run_search(request, run):
    """Shared by both search pages: clean and parse the query, clean the filters, run
    ``run``, paginate, and say what was cut, ignored or searched as well."""
    query, truncated = clean_query(request.GET.get("q", ""))
    expand = request.GET.get("synonyms") != SYNONYMS_OFF
    form = SearchForm(request.GET)
    form.is_valid()
    notices = []
    if truncated:
        notices.append(_("搜索词过长，已只按前 %(n)d 个字符搜索。") % {"n": MAX_QUERY_LENGTH})
    if form.invalid_fields():
        separator = pgettext("list separator", "、")
        notices.append(_("以下筛选条件无效，已忽略：%s。") % separator.join(form.invalid_fields()))
    page_obj = None
    parsed = parse(query, expand=expand)
    if parsed:
        if parsed.truncated_expansions:
            notices.append(_("同义词过多，只扩展了前面的一部分。"))
        results = run(parsed, filters=form.to_filters(), sort=form.sort_order())
        page_obj = paginate_or_404(request, results, PER_PAGE)
        texts = texts_of(hit.document for hit in page_obj.object_list)
        for hit in page_obj.object_list:
            hit.title_html = highlight(hit.document.title, parsed)
            hit.snippet_html = snippet(texts[hit.document.pk], parsed)
    elif query:
        notices.append(_("搜索词中没有可检索的文字（汉字、字母或数字），请换个说法。"))
    filtered = any(form.cleaned_data.get(f) for f in FILTER_FIELDS)
    return {
        "query": query,
        "parsed": parsed,
        "synonyms_on": expand,
        "form": form,
        "notices": notices,
        "page_obj": page_obj,
        "filtered": filtered,
    }


def search_view(request):
    """Public search over published disclosures, annual reports and portal pages."""
    context = _run_search(request, search)
    page_obj = context["page_obj"]
    if page_obj is not None:
        for hit in page_obj.object_list:
            hit.url = hit.document.page.get_url(request)
        count = page_obj.paginator.count
        if page_obj.number == 1:
            log_search(context["query"], count)
        if not count:
            query = context["query"]
            context["corrections"] = corrections(query, search)
            context["suggestions"] = shorter_suggestions(query)
            context["nearest_items"] = nearest_items(query)
            context["popular"] = popular_searches(exclude=query)
    return render(request, "xxgk_search/search.html", context)


class StaffSearchView(WagtailAdminTemplateMixin, TemplateView):
    """Back-office search: also drafts and items in review, within the user's rights."""

    template_name = "xxgk_search/admin_search.html"
    page_title = gettext_lazy("全文检索")
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            _run_search(
                self.request,
                lambda query, **options: staff_search(self.request.user, query, **options),
            )
        )
        page_obj = context["page_obj"]
        if page_obj is not None:
            in_review = _pages_in_review([hit.document.page_id for hit in page_obj])
            for hit in page_obj.object_list:
                page = hit.document.page
                hit.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                hit.is_draft = hit.document.version == Version.DRAFT
                hit.in_review = page.pk in in_review
                hit.public_url = page.get_url(self.request) if not hit.is_draft else ""
        context["public_search_url"] = reverse("xxgk_search:search")
        return context


def _pages_in_review(page_ids) -> set[int]:
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in states}
