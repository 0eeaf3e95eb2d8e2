from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from xxgk.cases.selectors import AnswerDue, PublicStep
from xxgk.security.public_forms import find_by_query_code
from xxgk.workdays.calendar import add_working_days

from . import conf, deadlines
from .models import AppealResult, Application, Status
from .policy import applications_visible_to

RUNNING = [Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS]


def visible_applications(user):
    return applications_visible_to(user, Application.objects.select_related("handler"))


def running_applications(user):
    """The applications this user may see whose statutory clock is running."""
    return visible_applications(user).filter(status__in=RUNNING)


def due_soon_limit(today=None):
    today = today or timezone.localdate()
    return add_working_days(today, conf.get("XXGK_REQUESTS_REMIND_DAYS")).date


def overdue_q(today=None):
    return Q(status__in=RUNNING, due_date__lt=today or timezone.localdate())


def due_soon_q(today=None):
    today = today or timezone.localdate()
    return Q(status__in=RUNNING, due_date__gte=today, due_date__lte=due_soon_limit(today))


def application_list(user, *, status="", flag="", channel="", query=""):
    queryset = visible_applications(user)
    if status in Status.values:
        queryset = queryset.filter(status=status)
    if channel:
        queryset = queryset.filter(channel=channel)
    if flag == "overdue":
        queryset = queryset.filter(overdue_q())
    elif flag == "soon":
        queryset = queryset.filter(due_soon_q())
    elif flag == "open":
        queryset = queryset.exclude(status__in=[Status.ANSWERED, Status.WITHDRAWN, Status.ARCHIVED])
    if query:
        queryset = queryset.filter(Q(number__icontains=query) | Q(description__icontains=query))
    return queryset


def find_for_tracking(number: str, code: str) -> Application | None:
    """The application if number and code match; one answer for every kind of failure."""
    return find_by_query_code(Application.objects.all(), number, code)


def reply_due(application) -> AnswerDue:
    """When the reply is due, as the receipt and the acknowledgement say it: the working days
    the clock counts and the date they run to (deadlines.compute, the count behind the case's
    due date: from the day of receipt, not counted, on working days)."""
    clock = deadlines.compute(application)
    return AnswerDue(clock.working_days, clock.due)


# The steps the applicant sees on the tracker. Not the assignment of a case officer, the
# generated notices (listed on the tracker by themselves), the office's reminders or appeals.
PUBLIC_EVENTS = [
    "submitted",
    "registered",
    "accept",
    "request_correction",
    "receive_correction",
    "lapse_correction",
    "withdraw",
    "start_consultation",
    "end_consultation",
    "extend",
    "fee",
    "fee_waived",
    "fee_paid",
    "fee_settled",
    "lapse_fee",
    "answer",
    "archive",
]


def public_timeline(application) -> list[PublicStep]:
    """The applicant's view of the case history: when, what, and the reply's due date where
    a step set or moved it."""
    events = application.events.filter(kind__in=PUBLIC_EVENTS)
    return [PublicStep(event.at, event.label, event.new_due) for event in events]


def extension_approvers():
    User = get_user_model()
    perm = Q(user_permissions__codename="approve_extension") | Q(
        groups__permissions__codename="approve_extension"
    )
    return User.objects.filter(Q(is_superuser=True) | perm, is_active=True).distinct()


def past_retention(cutoff):
    """Closed cases whose personal data is due for erasure: closed before `cutoff`, not
    already erased, and with no appeal pending or decided since."""
    return (
        Application.objects.filter(
            status__in=[Status.ANSWERED, Status.WITHDRAWN, Status.ARCHIVED],
            closed_on__lt=cutoff,
            personal_data_erased_on__isnull=True,
        )
        .exclude(appeals__result=AppealResult.PENDING)
        .exclude(appeals__decided_on__gte=cutoff)
        .distinct()
    )
