from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from xxgk.core.forms import StatsForm
from xxgk.orgs.policy import Action

from .models import Survey
from .policy import evaluation_policy
from .selectors import evaluation_figures, helpful_by_page, survey_results


def _require_reader(user):
    evaluation_policy.require(user, Action.VIEW_STATISTICS)


def overview(request):
    _require_reader(request.user)
    form = StatsForm.for_request(request.GET)
    context = {"page_title": _("评议统计"), "header_icon": "pick", "form": form}
    if form.is_valid():
        context["figures"] = evaluation_figures(**form.cleaned_data)
        context["pages"] = helpful_by_page(**form.cleaned_data)
    context["surveys"] = Survey.objects.all()
    return render(
        request, "evaluation/admin/overview.html", context, status=200 if form.is_valid() else 400
    )


def survey_result(request, pk):
    _require_reader(request.user)
    survey = get_object_or_404(Survey.objects.prefetch_related("questions"), pk=pk)
    return render(
        request,
        "evaluation/admin/survey_results.html",
        {
            "page_title": _("调查结果：%(title)s") % {"title": survey.title},
            "header_icon": "pick",
            "results": survey_results(survey),
        },
    )
