"""Back-office pages of the search: the synonym list (the office edits, supervisors read)
and the anonymous search log. Rights: xxgk.search.policy."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import LogPeriodForm, SynonymForm
from .models import Synonym
from .policy import can_edit_synonyms, can_read_search_log, can_read_synonyms
from .selectors import preview_expansion, search_log_summary
from .services import delete_synonym, save_synonym
from .synonyms import lexicon_with, split_words
from .tokenizer import clean_query


class _AdminPage(WagtailAdminTemplateMixin, TemplateView):
    allowed = staticmethod(lambda user: False)

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]


class SynonymListView(_AdminPage):
    """The list, with a preview of what any query is read as."""

    template_name = "xxgk_search/synonyms.html"
    page_title = gettext_lazy("同义词与缩略语")
    header_icon = "list-ul"
    allowed = staticmethod(can_read_synonyms)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query, _cut = clean_query(self.request.GET.get("q", ""))
        context.update(
            synonyms=[(s, split_words(s.synonyms)) for s in Synonym.objects.all()],
            query=query,
            preview=preview_expansion(query) if query else None,
            can_edit=can_edit_synonyms(self.request.user),
        )
        return context


class SynonymEditView(_AdminPage):
    """Add (no pk) or change an entry. "预览" checks the entry against the whole list and
    shows what its words would search, without saving."""

    template_name = "xxgk_search/synonym_form.html"
    header_icon = "list-ul"
    allowed = staticmethod(can_edit_synonyms)

    @property
    def page_title(self):
        return _("修改同义词条目") if self.kwargs.get("pk") else _("新增同义词条目")

    def entry(self):
        pk = self.kwargs.get("pk")
        return get_object_or_404(Synonym, pk=pk) if pk else Synonym()

    def get(self, request, *args, **kwargs):
        # The search log links here with ?term= for a query that found nothing.
        form = SynonymForm(
            instance=self.entry(), initial={"term": request.GET.get("term", "")[:40]}
        )
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = SynonymForm(request.POST, instance=self.entry())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if "preview" in request.POST:
            entry = form.instance
            lexicon = lexicon_with(entry)
            words = [entry.term, *split_words(entry.synonyms)]
            previews = [preview_expansion(word, lexicon=lexicon) for word in words]
            return self.render_to_response(self.get_context_data(form=form, previews=previews))
        entry = save_synonym(form, user=request.user)
        messages.success(request, _("已保存“%(entry)s”。") % {"entry": entry})
        return redirect(reverse("xxgk_search_synonyms"))


class SynonymDeleteView(_AdminPage):
    template_name = "xxgk_search/synonym_delete.html"
    page_title = gettext_lazy("删除同义词条目")
    header_icon = "bin"
    allowed = staticmethod(can_edit_synonyms)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entry"] = get_object_or_404(Synonym, pk=self.kwargs["pk"])
        return context

    def post(self, request, *args, **kwargs):
        entry = get_object_or_404(Synonym, pk=self.kwargs["pk"])
        delete_synonym(entry, user=request.user)
        messages.success(request, _("已删除“%(entry)s”。") % {"entry": entry})
        return redirect(reverse("xxgk_search_synonyms"))


class SearchLogView(_AdminPage):
    """The most searched and the zero-result queries of a period."""

    template_name = "xxgk_search/search_log.html"
    page_title = gettext_lazy("搜索统计")
    header_icon = "doc-full"
    allowed = staticmethod(can_read_search_log)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = LogPeriodForm(self.request.GET or None)
        start, end = form.period(timezone.localdate())
        context.update(
            form=form,
            start=start,
            end=end,
            summary=search_log_summary(start, end),
            kept_days=settings.XXGK_SEARCH_LOG_DAYS,
            can_edit_synonyms=can_edit_synonyms(self.request.user),
        )
        return context
