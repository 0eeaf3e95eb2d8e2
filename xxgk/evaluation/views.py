"""Public evaluation: the helpfulness vote (works with and without JavaScript) and surveys."""

from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from xxgk.core.client import from_another_site
from xxgk.disclosures.models import DisclosurePage
from xxgk.security.public_forms import client_fingerprint, rate_limited

from .forms import SurveyForm
from .models import Survey
from .selectors import helpful_counts
from .services import record_vote, remember_visitor, submit_survey_response, visitor_for

VOTES_PER_HOUR = 60
SURVEYS_PER_HOUR = 5
VOTE_VALUES = {"yes": True, "no": False}


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _vote_answer(request, page, message: str, status: int, counts=None):
    """JSON for the widget's script; without JavaScript, a small page with a link back (the
    disclosure page itself may come from a cache and must not depend on who voted)."""
    if _wants_json(request):
        return JsonResponse(
            {"message": message, "counted": status == 200, **(counts or {})},
            status=status,
            json_dumps_params={"ensure_ascii": False},
        )
    context = {"message": message, "page": page, "counted": status == 200}
    return render(request, "evaluation/vote_result.html", context, status=status)


@csrf_exempt  # checked by from_another_site, so that disclosure pages carry no CSRF token
@never_cache
@require_POST
def vote(request, page_id):
    """Counts one vote per visitor and client.

    No CSRF token: the form sits on disclosure pages that nginx serves as static files, so
    they must not carry anything of one visitor's own. A forged vote needs another site's
    POST, which browsers mark (refused below); a vote has no privileged effect, is
    deduplicated per visitor cookie and per client and day, and is rate-limited per client.
    """
    page = DisclosurePage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("该信息不存在或已撤回。"))
    if from_another_site(request):
        return _vote_answer(request, page, _("请在本站页面上评价。"), 403)
    helpful = VOTE_VALUES.get(request.POST.get("helpful", ""))
    if helpful is None:
        return _vote_answer(request, page, _("请选择“有帮助”或“没有帮助”。"), 400)
    if rate_limited(request, "vote", limit=VOTES_PER_HOUR, window=3600):
        return _vote_answer(request, page, _("评价过于频繁，请稍后再试。"), 429)
    visitor = visitor_for(request)
    counted = record_vote(
        page=page, helpful=helpful, visitor=visitor, fingerprint=client_fingerprint(request)
    )
    if counted:
        response = _vote_answer(request, page, _("感谢您的反馈！"), 200, helpful_counts(page))
    else:
        response = _vote_answer(request, page, _("您已评价过这条信息，感谢反馈。"), 409)
    remember_visitor(request, response, visitor)
    return response


def survey_list(request):
    today = timezone.localdate()
    surveys = Survey.objects.filter(opens_on__lte=today, closes_on__gte=today)
    return render(request, "evaluation/survey_list.html", {"surveys": surveys})


@never_cache
@require_http_methods(["GET", "POST"])
def survey_detail(request, pk):
    survey = get_object_or_404(Survey.objects.prefetch_related("questions"), pk=pk)
    if not survey.is_open_on(timezone.localdate()):
        return render(request, "evaluation/survey_closed.html", {"survey": survey}, status=403)
    form = SurveyForm(request.POST or None, survey=survey)
    status = 200
    if request.method == "POST":
        if rate_limited(request, "survey", limit=SURVEYS_PER_HOUR, window=3600):
            form.is_valid()
            form.add_error(None, _("提交过于频繁，请稍后再试。"))
            status = 429
        elif form.is_valid():
            visitor = visitor_for(request)
            try:
                saved = submit_survey_response(
                    survey=survey,
                    answers=form.answers(),
                    comment=form.cleaned_data.get("comment", ""),
                    visitor=visitor,
                    fingerprint=client_fingerprint(request),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                if saved is not None:
                    response = redirect("evaluation:survey_thanks", pk=survey.pk)
                    remember_visitor(request, response, visitor)
                    return response
                form.add_error(None, _("您已参与过本次调查，感谢支持。"))
                status = 409
        else:
            status = 400
        form.refresh_challenge()
    return render(
        request, "evaluation/survey.html", {"survey": survey, "form": form}, status=status
    )


def survey_thanks(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    return render(request, "evaluation/survey_thanks.html", {"survey": survey})
