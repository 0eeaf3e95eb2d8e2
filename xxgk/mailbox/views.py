"""Public pages: the mailboxes, writing a letter, the receipt, tracking, published letters."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from xxgk.cases.views import TrackedPages
from xxgk.core.pagination import paginate_or_404
from xxgk.security.public_forms import accept_submission

from .forms import LetterForm
from .models import Mailbox
from .selectors import (
    active_mailboxes,
    letter_for_tracking,
    published_letters,
    receipt_due,
    tracker_details,
)
from .services import submit_letter

LETTERS_PER_HOUR = 5
pages = TrackedPages(
    "mailbox", "letter", letter_for_tracking, scope="track", details=tracker_details
)


def index(request):
    mailboxes = list(active_mailboxes())
    return render(
        request,
        "mailbox/index.html",
        {"mailboxes": mailboxes, "recent": published_letters()[:10]},
    )


def mailbox_detail(request, slug):
    mailbox = get_object_or_404(Mailbox, slug=slug, is_active=True)
    letters = paginate_or_404(
        request, published_letters(mailbox), settings.XXGK_DISCLOSURES_PER_PAGE
    )
    return render(request, "mailbox/mailbox.html", {"mailbox": mailbox, "letters": letters})


def published_letter(request, slug, number):
    letter = published_letters().filter(mailbox__slug=slug, number=number).first()
    if letter is None:
        raise Http404(_("该来信未公开或不存在。"))
    return render(request, "mailbox/letter.html", {"letter": letter, "mailbox": letter.mailbox})


@never_cache
@require_http_methods(["GET", "POST"])
def write(request, slug):
    mailbox = get_object_or_404(Mailbox, slug=slug, is_active=True)
    if request.method != "POST":
        form = LetterForm(mailbox=mailbox)
        return render(request, "mailbox/write.html", {"mailbox": mailbox, "form": form})
    form = LetterForm(request.POST, request.FILES, mailbox=mailbox)
    saved, status = accept_submission(
        request,
        form,
        scope="letter",
        limit=LETTERS_PER_HOUR,
        window=3600,
        save=lambda data: submit_letter(mailbox=mailbox, data=data, files=data["attachments"]),
    )
    if saved is None:
        return render(
            request, "mailbox/write.html", {"mailbox": mailbox, "form": form}, status=status
        )
    letter, code = saved
    pages.keep_receipt(
        request, letter, code, mailbox=mailbox.name, **receipt_due(letter).for_receipt()
    )
    return redirect("mailbox:receipt")
