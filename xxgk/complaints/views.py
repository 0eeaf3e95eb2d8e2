"""Public intake of complaints about disclosure work, receipt and tracking."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from xxgk.cases.views import TrackedPages
from xxgk.security.public_forms import accept_submission

from .forms import ComplaintForm
from .selectors import complaint_for_tracking
from .services import submit_complaint

COMPLAINTS_PER_HOUR = 3
pages = TrackedPages("complaints", "complaint", complaint_for_tracking, scope="complaint-track")


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
    pages.keep_receipt(request, complaint, code)
    return redirect("complaints:receipt")
