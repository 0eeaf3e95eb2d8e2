"""Public intake of complaints about disclosure work, receipt and tracking."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from xxgk.mailbox.forms import TrackForm
from xxgk.security.public_forms import accept_submission, track_submission

from .forms import ComplaintForm
from .selectors import complaint_for_tracking
from .services import submit_complaint

COMPLAINTS_PER_HOUR = 3
RECEIPT_SESSION_KEY = "complaint_receipt"


@never_cache
@require_http_methods(["GET", "POST"])
def submit(request):
    if request.method != "POST":
        return render(request, "complaints/submit.html", {"form": ComplaintForm()})
    form = ComplaintForm(request.POST)
    saved, status = accept_submission(
        request,
        form,
        scope="complaint",
        limit=COMPLAINTS_PER_HOUR,
        window=3600,
        save=lambda data: submit_complaint(data=data),
    )
    if saved is None:
        return render(request, "complaints/submit.html", {"form": form}, status=status)
    complaint, code = saved
    request.session[RECEIPT_SESSION_KEY] = {
        "number": complaint.number,
        "code": code,
        "subject": complaint.subject,
    }
    return redirect("complaints:receipt")


@never_cache
def receipt(request):
    data = request.session.get(RECEIPT_SESSION_KEY)
    if not data:
        return redirect("complaints:track")
    return render(request, "complaints/receipt.html", {"receipt": data})


@never_cache
@require_http_methods(["GET", "POST"])
def track(request):
    form = TrackForm(request.POST if request.method == "POST" else None)
    complaint, status = track_submission(
        request, form, scope="complaint-track", lookup=complaint_for_tracking
    )
    return render(
        request, "complaints/track.html", {"form": form, "complaint": complaint}, status=status
    )
