"""Public side of 依申请公开: the application form and the progress tracker."""

import uuid

from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from xxgk.security.public_forms import TOO_MANY, exceeded, record

from . import conf, deadlines, services
from .forms import PublicApplicationForm, TrackForm
from .models import Application, AttachmentKind, LetterKind, Status
from .selectors import find_for_tracking, public_timeline, reply_due

SESSION_RESULT = "xxgk_apply_result"
SESSION_TRACKED = "xxgk_tracked_applications"
TRACK_FAILED = _("申请编号或查询码不正确，请核对后重试。")
# Letters addressed to someone other than the applicant are not shown on the tracker.
APPLICANT_LETTERS = [k for k in LetterKind.values if k != LetterKind.CONSULTATION]


def _form_page(request, form, status=200):
    """The form, with the school's time limits (settings) that its introduction states."""
    limits = {
        "reply_days": conf.get("XXGK_REQUESTS_REPLY_DAYS"),
        "extension_days": conf.get("XXGK_REQUESTS_EXTENSION_DAYS"),
    }
    return render(request, "requests/public/apply.html", {"form": form, **limits}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    if request.method == "GET":
        form = PublicApplicationForm(initial={"token": uuid.uuid4().hex})
        return _form_page(request, form)
    token = request.POST.get("token", "")
    if not 16 <= len(token) <= 64:
        return HttpResponseBadRequest(_("申请表格式不正确，请刷新页面后重新填写。"))
    if Application.objects.filter(submission_token=token).exists():
        return redirect("requests:done")  # a second click on the same form
    form = PublicApplicationForm(request.POST, request.FILES)
    limit, window = conf.get("XXGK_REQUESTS_SUBMIT_LIMIT")
    if exceeded(request, "apply", limit=limit):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        return _form_page(request, form, status=429)
    if not form.is_valid():
        if Application.objects.filter(submission_token=token).exists():
            return redirect("requests:done")  # a second click that lost the race (used question)
        return _form_page(request, form, status=400)
    try:
        application, code = services.create_application(
            data=form.application_data(), files=form.cleaned_data["attachments"], token=token
        )
    except IntegrityError:
        return redirect("requests:done")  # the same token won a race a moment earlier
    record(request, "apply", window=window)
    request.session[SESSION_RESULT] = {
        "number": application.number,
        "code": code,
        **reply_due(application).for_receipt(),
    }
    _remember(request, application)
    return redirect("requests:done")


@never_cache
def done(request):
    result = request.session.get(SESSION_RESULT)
    return render(request, "requests/public/done.html", {"result": result})


def _remember(request, application) -> None:
    tracked = set(request.session.get(SESSION_TRACKED, []))
    tracked.add(application.pk)
    request.session[SESSION_TRACKED] = sorted(tracked)


def _status_context(application) -> dict:
    clock = deadlines.compute(application)
    return {
        "application": application,
        "clock": clock,
        "running": application.status in (Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS),
        "letters": application.letters.filter(kind__in=APPLICANT_LETTERS),
        "released": application.attachments.filter(kind=AttachmentKind.RELEASED),
        "steps": public_timeline(application),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def track(request):
    if request.method == "GET":
        return render(request, "requests/public/track.html", {"form": TrackForm()})
    form = TrackForm(request.POST)
    limit, window = conf.get("XXGK_REQUESTS_TRACK_LIMIT")
    if exceeded(request, "apply-track", limit=limit):
        form.is_valid()
        form.add_error(None, _("查询失败次数过多，请稍后再试。"))
        return render(request, "requests/public/track.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "requests/public/track.html", {"form": form})
    application = find_for_tracking(form.cleaned_data["number"], form.cleaned_data["code"])
    if application is None:
        record(request, "apply-track", window=window)
        form.add_error(None, TRACK_FAILED)
        return render(request, "requests/public/track.html", {"form": form})
    _remember(request, application)
    return render(request, "requests/public/status.html", _status_context(application))


def _tracked(request, number) -> Application:
    application = get_object_or_404(Application, number=number)
    if application.pk not in request.session.get(SESSION_TRACKED, []):
        raise Http404
    return application


def letter_response(letter, fmt: str) -> FileResponse:
    if fmt not in ("pdf", "docx"):
        raise Http404
    field = letter.pdf if fmt == "pdf" else letter.docx
    if not field:  # erased with the applicant's personal data
        raise Http404
    return FileResponse(field.open("rb"), as_attachment=True, filename=f"{letter.title}.{fmt}")


def file_response(attachment) -> FileResponse:
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


@never_cache
def tracked_letter(request, number, pk, fmt):
    application = _tracked(request, number)
    letter = get_object_or_404(application.letters, pk=pk, kind__in=APPLICANT_LETTERS)
    return letter_response(letter, fmt)


@never_cache
def tracked_file(request, number, pk):
    application = _tracked(request, number)
    attachment = get_object_or_404(application.attachments, pk=pk, kind=AttachmentKind.RELEASED)
    return file_response(attachment)
